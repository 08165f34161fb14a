"""One row per TermPair for the tabular glossary formats (csv, xlsx, and the termkit sheet of
the Phrase profile). Column names and order are the contract of ``csv_.py``.

Lists (variants, documents) are joined with `` | `` (as ``Glossary.to_frame``); score is
written as the shortest exact float text; ``stale`` is ``true`` or empty.
"""
from __future__ import annotations

from ..errors import ParseError
from ..types import Glossary, TermPair
from ._cells import (fmt_float, join_list, parse_bool, parse_float, parse_int, parse_status,
                     split_list)

__all__ = ["COLUMNS", "to_row", "from_row", "header_map"]

COLUMNS = (
    "fr", "en", "score", "frequency", "kind", "status", "example_fr", "example_en",
    "documents", "note", "id", "fr_variants", "en_variants", "pos", "stale",
)
# Accepted spellings when a user brings their own sheet (lower-cased header → column).
ALIASES = {
    "french": "fr", "français": "fr", "francais": "fr", "source": "fr", "fr-fr": "fr",
    "english": "en", "anglais": "en", "target": "en", "en-gb": "en", "en-us": "en",
    "freq": "frequency", "docs": "documents", "comment": "note", "notes": "note",
    "variants": "fr_variants", "example": "example_fr",
}


def to_row(e: TermPair) -> list[str]:
    return [
        e.fr, e.en, fmt_float(e.score), str(int(e.freq)), e.kind, e.status,
        e.example_fr, e.example_en, join_list(e.docs), e.note, e.id,
        join_list(e.fr_variants), join_list(e.en_variants), e.pos, "true" if e.stale else "",
    ]


def header_map(header: list[str]) -> dict[str, int] | None:
    """Column name → index when ``header`` looks like a header row (fr and en found), else None."""
    cols: dict[str, int] = {}
    for i, h in enumerate(header):
        key = (h or "").strip().lower()
        key = ALIASES.get(key, key)
        if key in COLUMNS and key not in cols:
            cols[key] = i
    return cols if "fr" in cols and "en" in cols else None


def from_row(row: list[str], cols: dict[str, int], where: str) -> TermPair:
    if len(row) < 2:
        raise ParseError(f"{where}: expected 2+ columns (fr, en), got {len(row)}")

    def get(k: str) -> str:
        i = cols.get(k)
        return row[i] if i is not None and i < len(row) and row[i] is not None else ""

    kind = get("kind").strip() or "term"
    return TermPair(
        fr=get("fr"), en=get("en"), id=get("id"),
        score=parse_float(get("score"), where), freq=parse_int(get("frequency"), where),
        kind=kind, pos=get("pos"),
        fr_variants=split_list(get("fr_variants")), en_variants=split_list(get("en_variants")),
        example_fr=get("example_fr"), example_en=get("example_en"),
        docs=split_list(get("documents")), status=parse_status(get("status"), where),
        note=get("note"), stale=parse_bool(get("stale")),
    )


def rows_to_glossary(rows: list[tuple[int, list[str]]], where: str) -> Glossary:
    """Table rows ``(line_or_row_number, cells)`` -> Glossary; the first row may be a header.

    ``where`` is a format string with ``{n}`` for error messages, e.g. ``"g.csv: line {n}"``.
    """
    g = Glossary(entries=[])
    if not rows:
        return g
    cols = header_map(rows[0][1])
    if cols is not None:
        rows = rows[1:]
    else:
        cols = {k: i for i, k in enumerate(COLUMNS)}
    for n, row in rows:
        at = where.format(n=n)
        if len(row) < 2:
            raise ParseError(f"{at}: expected 2+ columns (fr, en), got {len(row)}")
        g.entries.append(from_row(row, cols, at))
    return g
