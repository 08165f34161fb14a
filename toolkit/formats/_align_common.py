"""Helpers shared by the alignment formats (TMX, TSV, JSONL).

Tabular and TMX files keep the texts of each bead, not the original segment lists, so a
reader rebuilds each document as one Segment per non-empty bead side and re-indexes the
beads: ``[(fr, en, score)]`` from ``Alignment.pairs()`` and the omission pattern survive;
n-m beads come back as 1-1 beads over the joined text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..errors import InputError, ParseError
from ..types import Alignment, Bead, Segment

__all__ = ["iter_rows", "Rebuilder", "ids_text", "parse_ids"]


def iter_rows(alignments: Iterable[Alignment], *, min_score: float | None = None,
              include_omissions: bool = True, left_out: tuple[str, ...] = ()):
    """Yield (doc, fr_text, en_text, bead).

    ``min_score`` drops 1-1 and n-m beads scored below it; omissions (1-0/0-1, score 0 by
    construction) are kept or dropped by ``include_omissions`` alone. ``left_out`` drops
    beads with these review marks (the TMX: ``types.LEFT_OUT_MARKS``).
    """
    for a in alignments:
        for fr, en, bead in a.pairs():
            omission = not bead.fr_ids or not bead.en_ids
            if (omission and not include_omissions) or (bead.mark and bead.mark in left_out):
                continue
            if min_score is not None and bead.score < min_score and not omission:
                continue
            yield a.doc, fr, en, bead


def ids_text(ids: tuple[int, ...]) -> str:
    return ",".join(map(str, ids))


def parse_ids(cell: str) -> tuple[int, ...]:
    cell = cell.strip().strip("[]")
    return tuple(int(x) for x in cell.split(",") if x.strip() != "")


class Rebuilder:
    """Collect rows into one Alignment per document, in order of first appearance."""

    def __init__(self) -> None:
        self.docs: dict[str, Alignment] = {}

    def add(self, doc: str, fr: str | None, en: str | None, score: float, mark: str = "") -> None:
        a = self.docs.get(doc)
        if a is None:
            a = self.docs[doc] = Alignment(doc=doc, fr=[], en=[], beads=[])
        fr_ids: tuple[int, ...] = ()
        en_ids: tuple[int, ...] = ()
        if fr is not None:
            fr_ids = (len(a.fr),)
            a.fr.append(Segment(fr))
        if en is not None:
            en_ids = (len(a.en),)
            a.en.append(Segment(en))
        a.beads.append(Bead(fr_ids, en_ids, score, mark))

    def result(self) -> list[Alignment]:
        return list(self.docs.values())


def read_lines(p: Path) -> list[str]:
    """The lines of a UTF-8 text file (BOM allowed), with errors that name the file."""
    try:
        return p.read_text(encoding="utf-8-sig").splitlines()
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise ParseError(f"{p.name}: not UTF-8 ({e.reason}); re-save it as UTF-8") from e
