"""What ``termkit check`` writes: ``json`` (a list of objects) or ``csv`` (one issue per row).

Columns/keys: kind, severity (``issue``: exit code 1; ``note``), fr_ids, en_ids, expected, found, message, fr, en. The CSV is meant to be
opened in a spreadsheet (``termkit check … --format csv > issues.csv``), so every cell is
formula-neutralised (``=…`` → ``'=…``, see ``_cells``). ``target``: a path or a text stream.
"""
from __future__ import annotations

import csv
import json
from typing import Iterable

from ..fileio import open_output
from ._cells import neutralise

__all__ = ["write", "rows", "COLUMNS"]

COLUMNS = ("kind", "severity", "fr_ids", "en_ids", "expected", "found", "message", "fr", "en")


def rows(issues: Iterable) -> list[dict[str, str]]:
    """Issues (``toolkit.check.Issue``) as dicts of text, in ``COLUMNS`` order."""
    return [{"kind": i.kind, "severity": getattr(i, "severity", "issue"), "fr_ids": ",".join(map(str, i.fr_ids)), "en_ids": ",".join(map(str, i.en_ids)),
             "expected": i.expected, "found": i.found, "message": i.message, "fr": i.fr, "en": i.en}
            for i in issues]


def write(issues: Iterable, target, fmt: str = "json") -> int:
    data = rows(issues)
    with open_output(target, newline="" if fmt == "csv" else None) as fh:
        if fmt == "csv":
            w = csv.writer(fh, lineterminator="\r\n")
            w.writerow(COLUMNS)
            w.writerows([neutralise(r[c]) for c in COLUMNS] for r in data)
        else:
            fh.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return len(data)
