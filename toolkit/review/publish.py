"""Write a build folder's files from its stores, without re-aligning: after decisions made
in ``termkit serve`` or a notebook.

- ``write_document(out, doc)``: one document's TMX and TSV from its reviewed alignment;
- ``publish(out)``: the glossary exports (``curation.export``: backups, atomic), every
  document's TMX/TSV, ``aligned/corpus.tmx`` and the lookup index, under the build lock.
"""
from __future__ import annotations

from pathlib import Path

from ..fileio import folder_lock
from . import ReviewStore, mark_low, review_path, usable, write_doc_outputs

__all__ = ["write_document", "publish", "min_score_of"]


def min_score_of(store: ReviewStore) -> float | None:
    """The ``--min-score`` of the folder's last build (None: every bead goes to the TMX)."""
    v = store.get_meta("min_score", "")
    return float(v) if v else None


def write_document(out: Path, doc: str) -> None:
    """Rewrite ``aligned/<doc>.tmx`` and ``.tsv`` under the build lock (``BuildLocked`` when
    a build is running: the edit is saved, the build or ``publish`` writes the files)."""
    store = ReviewStore(review_path(out))
    with folder_lock(out, create=False):
        write_doc_outputs(out, mark_low(store.get(doc).alignment, min_score_of(store)))


def publish(out: Path) -> list[Path]:
    """Every file of the build from the stores; returns the files whose content changed."""
    from ..formats import write_alignments
    from ..lookup import build_index
    from ..pipeline.glossary import curated_glossary, export_glossaries
    from ..types import Glossary

    out = Path(out)
    changed = list(export_glossaries(out))
    store = ReviewStore(review_path(out))
    min_score = min_score_of(store)
    with folder_lock(out, create=False):
        docs = [mark_low(store.get(d).alignment, min_score) for d in store.names()]
        before = {p: p.stat().st_mtime_ns for p in (out / "aligned").glob("*.t*") if p.is_file()}
        for al in docs:
            write_doc_outputs(out, al)
        if docs:
            write_alignments(docs, out / "aligned" / "corpus.tmx", "tmx")
        changed += [p for p in (out / "aligned").glob("*.t*")
                    if p.is_file() and before.get(p) != p.stat().st_mtime_ns]
        build_index(out / "termkit.db", [usable(a) for a in docs], curated_glossary(out) or Glossary())
    return changed
