"""Alignment JSON Lines: one object per bead.

``{"fr": …, "en": …, "score": 0.93, "fr_ids": [3], "en_ids": [4, 5], "doc": "…"}``
(ids as JSON arrays; ``[]`` for an omission), plus ``"mark"`` for a bead with a review
mark (``low``, ``wrong``, ``edited``, ``ok``). UTF-8, ``ensure_ascii=False``.
Options: ``include_omissions=True``, ``min_score=None``. Read: see ``_align_common``;
``fr_ids`` may also be a string ``"4,5"``.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import ParseError
from ..fileio import open_output
from ..types import BEAD_MARKS, Alignment
from ._align_common import Rebuilder, iter_rows, parse_ids, read_lines

__all__ = ["read", "write"]


def write(alignments: list[Alignment], path, *, min_score: float | None = None,
          include_omissions: bool = True) -> int:
    n = 0
    with open_output(path) as fh:
        for doc, fr, en, b in iter_rows(alignments, min_score=min_score,
                                        include_omissions=include_omissions):
            obj = {"fr": fr, "en": en, "score": b.score, "fr_ids": list(b.fr_ids),
                   "en_ids": list(b.en_ids), "doc": doc}
            if b.mark:
                obj["mark"] = b.mark
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    return n


def _ids(v, where) -> tuple[int, ...]:
    try:
        if isinstance(v, str):
            return parse_ids(v)
        return tuple(int(x) for x in (v or ()))
    except (TypeError, ValueError):
        raise ParseError(f"{where}: fr_ids/en_ids must be lists of integers") from None


def read(path) -> list[Alignment]:
    p = Path(path)
    lines = read_lines(p)
    out = Rebuilder()
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{p.name}: line {i}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise ParseError(f"{where}: invalid JSON ({e.msg})") from e
        if not isinstance(obj, dict) or "fr" not in obj or "en" not in obj:
            raise ParseError(f"{where}: expected an object with \"fr\" and \"en\"")
        fr_ids, en_ids = _ids(obj.get("fr_ids", [0]), where), _ids(obj.get("en_ids", [0]), where)
        try:
            score = float(obj.get("score", 0.0) or 0.0)
        except (TypeError, ValueError):
            raise ParseError(f"{where}: score {obj.get('score')!r} is not a number") from None
        out.add(str(obj.get("doc") or p.stem), str(obj["fr"]) if fr_ids else None,
                str(obj["en"]) if en_ids else None, score, obj.get("mark") if obj.get("mark") in BEAD_MARKS else "")
    return out.result()
