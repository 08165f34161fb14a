"""Shared cell encoding for the spreadsheet/CSV-like formats (csv, memoQ, Phrase, OmegaT, XLSX).

Formula neutralisation (OWASP "CSV injection"): a cell starting with ``=``, ``+``, ``-``,
``@``, tab or CR is written with a leading ``'``. To keep the mapping lossless, a cell
that already starts with one or more ``'`` followed by such a character gets one more
``'``; ``unneutralise`` removes exactly one ``'`` from any cell matching ``'+[trigger]``.
So ``-based`` ⇄ ``'-based`` and ``'-based`` ⇄ ``''-based``, while ``l'eau`` is untouched.
"""
from __future__ import annotations

import math
import re

__all__ = [
    "TRIGGERS", "neutralise", "unneutralise", "join_list", "split_list",
    "fmt_float", "parse_float", "parse_int", "parse_bool", "parse_status",
]

TRIGGERS = "=+-@\t\r"
LIST_SEP = " | "  # as Glossary.to_frame()


def _pattern(triggers: str) -> re.Pattern:
    return re.compile("'*[" + re.escape(triggers) + "]")


_PATTERNS: dict[str, re.Pattern] = {}


def neutralise(value: str, triggers: str = TRIGGERS) -> str:
    pat = _PATTERNS.setdefault(triggers, _pattern(triggers))
    return "'" + value if pat.match(value) else value


def unneutralise(value: str, triggers: str = TRIGGERS) -> str:
    pat = _PATTERNS.setdefault(triggers, _pattern(triggers))
    if value.startswith("'") and pat.match(value[1:]):
        return value[1:]
    return value


def join_list(items) -> str:
    return LIST_SEP.join(items)


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(cell.split(LIST_SEP)) if cell != "" else ()


def fmt_float(x: float) -> str:
    """Shortest text that reads back to the same float (``repr``)."""
    x = float(x)
    return "0" if x == 0 else repr(x)


def parse_float(cell: str, where: str) -> float:
    from ..errors import ParseError

    if cell.strip() == "":
        return 0.0
    try:
        v = float(cell.replace(",", ".") if cell.count(",") == 1 and "." not in cell else cell)
    except ValueError:
        raise ParseError(f"{where}: score {cell!r} is not a number") from None
    if math.isnan(v):
        raise ParseError(f"{where}: score {cell!r} is not a number")
    return v


def parse_int(cell: str, where: str) -> int:
    from ..errors import ParseError

    if cell.strip() == "":
        return 0
    try:
        return int(float(cell)) if "." in cell else int(cell)
    except ValueError:
        raise ParseError(f"{where}: frequency {cell!r} is not a whole number") from None


def parse_bool(cell: str) -> bool:
    return cell.strip().lower() in ("true", "1", "yes", "y", "x", "stale", "vrai", "oui")


def parse_status(cell: str, where: str) -> str:
    from ..errors import ParseError
    from ..types import STATUSES

    s = cell.strip().lower()
    if s == "":
        return "new"
    if s not in STATUSES:
        raise ParseError(f"{where}: status {cell!r} is not one of {', '.join(STATUSES)}")
    return s
