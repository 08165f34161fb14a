"""openpyxl helpers shared by ``xlsx.py`` and ``phrase.py``.

Formula neutralisation, the XLSX way: a text cell is always written as a string (``t="s"``/
inline string, never an ``<f>`` formula, even when it starts with ``=``), and a cell starting
with ``=``, ``+``, ``-``, ``@``, tab or CR also gets Excel's *quote prefix* style — exactly what
Excel stores when a user types a leading ``'``: the cell shows ``=SUM(A1)`` as text and stays
text if re-edited. The value itself is untouched, so memoQ/Phrase/Trados import the real term
and reading needs no un-escaping. C0 control characters are dropped (XLSX cannot store them).
openpyxl parses the workbook's XML with defusedxml when installed (``openpyxl.DEFUSEDXML``).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError, OutputError, ParseError
from ._cells import fmt_float, neutralise
from ._xml import xml_text

__all__ = ["put_row", "read_sheet_rows", "MAX_CELL"]

MAX_CELL = 32767  # Excel's limit on characters in a cell


def put_row(ws, row: int, values, where: str) -> None:
    """Write ``values`` into ``row``: numbers as numbers, text as quote-prefixed strings."""
    for col, v in enumerate(values, 1):
        c = ws.cell(row=row, column=col)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            c.value = v
            continue
        s = xml_text(str(v))
        if len(s) > MAX_CELL:
            raise OutputError(f"{where}: a cell has {len(s)} characters; Excel allows {MAX_CELL}")
        c.value = s
        c.data_type = "s"  # never a formula, even for "=…"
        if neutralise(s) != s:
            c.quotePrefix = True


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else ""
    if isinstance(v, float):
        return fmt_float(v)
    if isinstance(v, int):
        return str(v)
    return str(v)


def read_sheet_rows(path, sheet: str | None = None) -> list[tuple[int, list[str]]]:
    """(row number, cells as text) for each non-empty row of ``sheet`` (default: first)."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    try:
        wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as e:
        raise ParseError(f"{p.name}: not a readable XLSX workbook ({type(e).__name__}: {e})") from e
    except Exception as e:  # defusedxml refusals (EntitiesForbidden, DTDForbidden…)
        raise ParseError(f"{p.name}: refused to parse the workbook ({type(e).__name__}: {e})") from e
    try:
        ws = wb[sheet] if sheet and sheet in wb.sheetnames else wb.worksheets[0]
        rows = []
        for i, row in enumerate(ws.iter_rows(values_only=True), 1):
            cells = [_text(v) for v in row]
            while cells and cells[-1] == "":
                cells.pop()
            if cells:
                rows.append((i, cells))
        return rows
    except Exception as e:
        raise ParseError(f"{p.name}: cannot read sheet ({type(e).__name__}: {e})") from e
    finally:
        wb.close()
