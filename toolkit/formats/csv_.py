"""CSV glossary: the review/exchange table (``--format csv``).

Columns, in order, with a header row::

    fr, en, score, frequency, kind, status, example_fr, example_en, documents, note, id,
    fr_variants, en_variants, pos, stale

UTF-8 with BOM (Excel opens accents correctly), comma, ``"`` quoting (embedded newlines are
quoted), ``\\r\\n`` line ends (RFC 4180). Lists (documents, variants) are joined with
`` | ``. Every cell is formula-neutralised (``_cells.neutralise``: ``=…`` → ``'=…``) and the
reader undoes exactly that, so the round trip is lossless. Carried: every TermPair field
(a list element containing `` | `` would be split on reading).

Reading accepts ``,``, ``;`` or tab (sniffed from the first line), with or without BOM, a
header in any column order (aliases: French/English, source/target, freq, docs…) or no header
(then the columns above, in that order). A row with fewer than 2 columns is a ParseError.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import InputError, ParseError
from ..fileio import open_output
from ..types import Glossary
from ._cells import neutralise, unneutralise
from ._table import COLUMNS, rows_to_glossary, to_row

__all__ = ["read", "write", "COLUMNS", "read_rows"]


def write(glossary: Glossary, path, *, neutralise_formulas: bool = True, **_opts) -> int:
    """``neutralise_formulas=False`` writes cells verbatim (for tools that never meet Excel)."""
    esc = neutralise if neutralise_formulas else (lambda c: c)
    with open_output(path, encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(COLUMNS)
        for e in glossary:
            w.writerow([esc(c) for c in to_row(e)])
    return len(glossary)


def read_rows(path, delimiters: str = ",;\t") -> list[tuple[int, list[str]]]:
    """(line number, cells) for every non-blank row, cells un-neutralised."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from e
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ParseError(f"{p.name}: not UTF-8 (byte {e.start}); re-save it as UTF-8 CSV") from e
    first = text.split("\n", 1)[0]
    delim = max(delimiters, key=lambda d: first.count(d)) if first else ","
    if first and first.count(delim) == 0:
        delim = delimiters[0]
    r = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    rows = []
    try:
        start = 1
        for row in r:
            if any(c != "" for c in row):
                rows.append((start, [unneutralise(c) for c in row]))
            start = r.line_num + 1
    except csv.Error as e:
        raise ParseError(f"{p.name}: line {r.line_num}: {e}") from e
    return rows


def read(path) -> Glossary:
    p = Path(path)
    return rows_to_glossary(read_rows(p), f"{p.name}: line {{n}}")
