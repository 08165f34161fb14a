"""Every language table in toolkit/data loads, has no duplicate or blank entries, no stray
whitespace, a consistent shape, and only known class markers (STYLE.md "For termkit" §12)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "toolkit" / "data"
TABLES = sorted(p for p in DATA.rglob("*") if p.suffix in (".txt", ".tsv"))
# Column 2 of these tables is a class marker with a closed set of values.
MARKERS = {"abbreviations.tsv": {"always", "numeric", "ending"}}


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        line = line.split(" #", 1)[0] if " #" in line else line  # inline comment
        rows.append(line.rstrip().split("\t"))
    return rows


def test_tables_found():
    names = {p.name for p in TABLES}
    assert {"abbreviations.tsv", "stopwords.txt", "term_patterns.tsv", "acronyms.tsv"} <= names
    assert (DATA / "fr").is_dir() and (DATA / "en").is_dir()


@pytest.mark.parametrize("path", TABLES, ids=lambda p: str(p.relative_to(DATA)))
def test_table_is_clean(path):
    rows = _rows(path)
    assert rows, f"{path.name} has no entries"
    dup = [r for r, n in Counter("\t".join(r) for r in rows).items() if n > 1]
    assert not dup, f"duplicate entries: {dup[:5]}"
    for r in rows:
        assert r[0].strip(), f"blank first column in {r}"
        assert all(c == c.strip() for c in r), f"stray whitespace in {r}"
    if path.suffix == ".txt":
        assert all(len(r) == 1 for r in rows), "a .txt table has one entry per line"
    markers = MARKERS.get(path.name)
    if markers:
        unknown = {r[1] for r in rows if len(r) > 1} - markers
        assert not unknown, f"unknown markers {unknown}; known: {sorted(markers)}"


def test_tables_load_through_langdata():
    from toolkit.errors import UnsupportedLanguage
    from toolkit.langdata import load_lines, load_tsv

    assert "M" in {row[0] for row in load_tsv("fr", "abbreviations.tsv")}
    assert load_lines("en", "stopwords.txt")
    with pytest.raises(UnsupportedLanguage, match="no rules for 'de'; available: en, fr|no rules for 'de'; available: fr, en"):
        load_lines("de", "stopwords.txt")
