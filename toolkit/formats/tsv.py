"""Alignment TSV: header ``fr	en	score	fr_ids	en_ids	doc	mark``, one bead per row.

``fr_ids``/``en_ids`` are the segment indices (``3``, ``4,5``; empty for an omission), the
score is a float (``repr``), then ``doc`` and the bead's review ``mark`` (``types.BEAD_MARKS``:
empty, ``low`` or ``wrong`` for a bead left out of the TMX, ``edited``/``ok`` for a bead a
person set or confirmed). Cells containing a tab, newline or ``"``
are quoted the CSV way (``csv`` module, tab delimiter), which pandas
(``read_csv(sep="\\t")``) and spreadsheet programs read back. Text cells that a spreadsheet
would run as a formula (starting ``=``, ``+``, ``-``, ``@``, tab, CR) get a leading ``'``
(``_cells.neutralise``, lossless: the reader removes exactly that), so opening the file in
Excel or LibreOffice never executes a cell.

Options: ``include_omissions=True``, ``min_score=None``, ``neutralise_formulas=True``.
Read: see ``_align_common``. ``write`` takes a path (atomic) or an open text stream.
"""
from __future__ import annotations

import csv
from pathlib import Path

from ..errors import InputError, ParseError
from ..fileio import open_output
from ..types import BEAD_MARKS, Alignment
from ._align_common import Rebuilder, ids_text, iter_rows, parse_ids
from ._cells import fmt_float, neutralise, parse_float, unneutralise

__all__ = ["read", "write", "COLUMNS"]

COLUMNS = ("fr", "en", "score", "fr_ids", "en_ids", "doc", "mark")


def write(alignments: list[Alignment], path, *, min_score: float | None = None,
          include_omissions: bool = True, neutralise_formulas: bool = True) -> int:
    esc = neutralise if neutralise_formulas else (lambda c: c)
    n = 0
    with open_output(path, newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for doc, fr, en, b in iter_rows(alignments, min_score=min_score,
                                        include_omissions=include_omissions):
            w.writerow([esc(fr), esc(en), fmt_float(b.score), ids_text(b.fr_ids), ids_text(b.en_ids), esc(doc), b.mark])
            n += 1
    return n


def read(path) -> list[Alignment]:
    p = Path(path)
    try:
        fh = open(p, encoding="utf-8-sig", newline="")
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from e
    out = Rebuilder()
    with fh:
        r = csv.reader(fh, delimiter="\t")
        try:
            header = next(r, None)
            if header is None:
                return []
            if [h.strip() for h in header[:2]] != ["fr", "en"]:
                raise ParseError(f"{p.name}: line 1: header must start with fr, en (got {header[:2]})")
            col = {h.strip(): i for i, h in enumerate(header)}
            for row in r:
                where = f"{p.name}: line {r.line_num}"
                if not any(row):
                    continue
                if len(row) < 2:
                    raise ParseError(f"{where}: expected 2+ columns, got {len(row)}")
                get = lambda k: row[col[k]] if k in col and col[k] < len(row) else ""  # noqa: E731
                try:
                    fr_ids, en_ids = parse_ids(get("fr_ids")), parse_ids(get("en_ids"))
                except ValueError:
                    raise ParseError(f"{where}: fr_ids/en_ids must be integers like 3 or 4,5") from None
                has_ids = "fr_ids" in col
                fr = unneutralise(row[0]) if (fr_ids or not has_ids) else None
                en = unneutralise(row[1]) if (en_ids or not has_ids) else None
                out.add(unneutralise(get("doc")) or p.stem, fr, en, parse_float(get("score"), where),
                        get("mark").strip() if get("mark").strip() in BEAD_MARKS else "")
        except csv.Error as e:
            raise ParseError(f"{p.name}: line {r.line_num}: {e}") from e
        except UnicodeDecodeError as e:
            raise ParseError(f"{p.name}: not UTF-8 ({e.reason}); re-save it as UTF-8") from e
    return out.result()
