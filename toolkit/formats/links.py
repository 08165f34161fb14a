"""Bertalign/Vecalign bead notation, one bead per line: ``[0]:[0]``, ``[1,2]:[1]``, ``[3]:[]``.

``write(obj, path, scores=False)`` takes a list of Bead or of Alignment. With several
Alignments, each document's beads are preceded by a ``# doc: NAME`` line (indices restart
per document). ``scores=True`` appends Vecalign's third field (``[0]:[0]:0.93``).
``read(path)`` returns the flat list[Bead]; ``#`` lines and blank lines are skipped and an
optional third field is read as the score.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import ParseError
from ..fileio import open_output
from ..types import Alignment, Bead
from ._align_common import parse_ids, read_lines
from ._cells import fmt_float

__all__ = ["read", "write"]

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?::\s*(\S+))?\s*$")


def write(obj, path, *, scores: bool = False, **_ignored) -> int:
    items = list(obj)
    docs = [a for a in items if isinstance(a, Alignment)]
    groups = [(a.doc, a.beads) for a in docs] if docs else [(None, items)]
    n = 0
    with open_output(path) as fh:
        for doc, beads in groups:
            if doc is not None and len(groups) > 1:
                fh.write(f"# doc: {doc}\n")
            for b in beads:
                fh.write(b.links() + (f":{fmt_float(b.score)}" if scores else "") + "\n")
                n += 1
    return n


def read(path) -> list[Bead]:
    p = Path(path)
    lines = read_lines(p)
    beads = []
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _LINE.match(line)
        if not m:
            raise ParseError(f"{p.name}: line {i}: expected a bead like [1,2]:[3], got {line.strip()[:40]!r}")
        try:
            score = float(m.group(3)) if m.group(3) else 0.0
        except ValueError:
            raise ParseError(f"{p.name}: line {i}: score {m.group(3)!r} is not a number") from None
        beads.append(Bead(parse_ids(m.group(1)), parse_ids(m.group(2)), score))
    return beads
