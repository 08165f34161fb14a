"""openpyxl helpers shared by ``xlsx.py`` and ``phrase.py``: neutralised cell values on write,
plain strings on read, errors turned into Parse/OutputError. openpyxl parses the workbook's
XML with defusedxml when it is installed (``openpyxl.DEFUSEDXML``)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError, OutputError, ParseError
from ._cells import fmt_float, neutralise, unneutralise
from ._xml import xml_text

__all__ = ["cell_value", "read_sheet_rows", "MAX_CELL"]

MAX_CELL = 32767  # Excel's limit on characters in a cell


def cell_value(v, where: str):
    """A value ready for openpyxl: numbers as numbers, text neutralised and XML-safe."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    s = neutralise(xml_text(str(v)))
    if len(s) > MAX_CELL:
        raise OutputError(f"{where}: a cell has {len(s)} characters; Excel allows {MAX_CELL}")
    return s


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else ""
    if isinstance(v, float):
        return fmt_float(v)
    if isinstance(v, int):
        return str(v)
    return unneutralise(str(v))


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
