"""Alignment review: a person's bead edits (merge, split, relink, mark ok/wrong), kept in
``<out>/.termkit/review.db`` and re-applied by every build where the segments are unchanged.

The build records each document's machine alignment and writes what ``record`` returns::

    store = ReviewStore(review_path(out))
    reviewed, lost = store.record(alignment)          # lost: edits that no longer apply
    write_doc_outputs(out, mark_low(reviewed, min_score))

A web handler or a notebook edits by bead index, with the version it saw::

    store.merge("un-ares-77-241", 4, if_version=7)    # Conflict if another tab changed it
    store.mark("un-ares-77-241", 9, "wrong")          # left out of the TMX, marked in the TSV

``LOW_CONFIDENCE`` is the one threshold under which a bead is listed "to review".
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..types import Alignment, Bead
from .beads import HUMAN_MARKS, Anchor
from .store import Conflict, DocReview, DocSummary, ReviewStore, UnknownDocument

__all__ = ["ReviewStore", "DocReview", "DocSummary", "Anchor", "Conflict", "UnknownDocument", "review_path",
           "LOW_CONFIDENCE", "HUMAN_MARKS", "mark_low", "low_beads", "usable", "write_doc_outputs", "threshold"]

# beads scored below this are listed "to review" (build summary, --json, serve): the aligner's threshold
from ..align.review import REVIEW_BELOW as LOW_CONFIDENCE  # noqa: E402

def review_path(out: str | Path) -> Path:
    return Path(out).absolute() / ".termkit" / "review.db"

def threshold(min_score: float | None) -> float:
    """The review threshold: ``--min-score`` when given, else ``LOW_CONFIDENCE``."""
    return LOW_CONFIDENCE if min_score is None else min_score

def mark_low(al: Alignment, min_score: float | None) -> Alignment:
    """``al`` with the machine's 1-1 and n-m beads scored under ``min_score`` marked ``low``
    (left out of the TMX, kept in the TSV); a person's beads are never marked low."""
    if min_score is None:
        return al
    beads = [replace(b, mark="low") if (not b.mark and b.fr_ids and b.en_ids and b.score < min_score) else b
             for b in al.beads]
    return Alignment(al.doc, al.fr, al.en, beads)

def low_beads(al: Alignment, limit: float) -> list[dict]:
    """The beads a person should look at: scored under ``limit`` and not judged yet, lowest
    first, each with the reasons the aligner gives (``toolkit.align.to_review``)."""
    from ..align.review import to_review

    pairs = list(al.pairs())
    out = []
    for r in to_review(al.beads, al.fr, al.en, threshold=limit):
        b = r.bead
        if b.mark in HUMAN_MARKS:
            continue
        fr, en, _ = pairs[r.index]
        out.append({"doc": al.doc, "bead": r.index, "score": b.score, "kind": b.kind, "fr_ids": list(b.fr_ids),
                    "en_ids": list(b.en_ids), "fr": fr, "en": en, "mark": b.mark, "reasons": list(r.reasons)})
    return out

def usable(al: Alignment) -> Alignment:
    """``al`` for terminology and lookup: a bead marked wrong becomes two omissions (its
    sides do not translate each other)."""
    if not any(b.mark == "wrong" for b in al.beads):
        return al
    beads: list[Bead] = []
    for b in al.beads:
        if b.mark == "wrong":
            beads += [Bead(b.fr_ids, (), 0.0, "wrong")] if b.fr_ids else []
            beads += [Bead((), b.en_ids, 0.0, "wrong")] if b.en_ids else []
        else:
            beads.append(b)
    return Alignment(al.doc, al.fr, al.en, beads)

def write_doc_outputs(out: Path, al: Alignment) -> None:
    """``aligned/<doc>.tmx`` (beads marked ``LEFT_OUT_MARKS`` left out) and ``.tsv`` (every
    bead, with its mark); files whose bytes do not change are left untouched."""
    from ..fileio import safe_join
    from ..formats import write_alignments

    write_alignments([al], safe_join(out, "aligned", f"{al.doc}.tmx"), "tmx")
    write_alignments([al], safe_join(out, "aligned", f"{al.doc}.tsv"), "tsv")
