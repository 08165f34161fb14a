"""XLSX review sheet (openpyxl): the CSV columns (``csv_.COLUMNS``) on a sheet "Glossary" with a
bold, frozen header row, an autofilter, readable column widths, ``score`` and ``frequency`` as
numbers (so Excel sorts and filters them; a score keeps Excel's 15 significant digits), and ``status`` restricted to new/approved/rejected by a data-validation list. Text
cells are formula-neutralised (``'=…``) and un-neutralised on reading; C0 control characters
are dropped (XLSX cannot store them). Carried: every TermPair field (as CSV; score to 15 significant digits).

Reading takes the first sheet, finds the header like ``csv_`` (any column order, aliases) or
falls back to the column order above.
"""
from __future__ import annotations

from pathlib import Path

from ..fileio import atomic_path
from ..types import STATUSES, Glossary
from ._table import COLUMNS, rows_to_glossary, to_row
from ._xlsx_io import put_row, read_sheet_rows

__all__ = ["read", "write"]

WIDTHS = {"fr": 32, "en": 32, "example_fr": 50, "example_en": 50, "note": 30, "documents": 24,
          "fr_variants": 24, "en_variants": 24}


def write(glossary: Glossary, path, **_opts) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "Glossary"
    put_row(ws, 1, COLUMNS, Path(path).name)
    for c in ws[1]:
        c.font = Font(bold=True)
    i_score, i_freq = COLUMNS.index("score"), COLUMNS.index("frequency")
    for n, e in enumerate(glossary, 2):
        row = to_row(e)
        row[i_score], row[i_freq] = float(e.score), int(e.freq)
        put_row(ws, n, row, f"{Path(path).name}: row {n}")
    ws.freeze_panes = "A2"
    last = get_column_letter(len(COLUMNS))
    ws.auto_filter.ref = f"A1:{last}{max(ws.max_row, 1)}"
    for i, name in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 12)
    for c in ws[get_column_letter(COLUMNS.index("note") + 1)][1:]:
        c.alignment = Alignment(wrap_text=True, vertical="top")
    status_col = get_column_letter(COLUMNS.index("status") + 1)
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=False,
                        showErrorMessage=True, errorTitle="status",
                        error="Choose new, approved or rejected")
    ws.add_data_validation(dv)
    dv.add(f"{status_col}2:{status_col}{max(ws.max_row, 2) + 1000}")
    ws.column_dimensions[status_col].width = 11
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return len(glossary)


def read(path) -> Glossary:
    p = Path(path)
    return rows_to_glossary(read_sheet_rows(p), f"{p.name}: row {{n}}")
