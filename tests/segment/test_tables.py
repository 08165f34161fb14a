"""The segmenter's rule tables load, have no duplicates or unknown classes; import is lazy."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from toolkit.langdata import load_lines, load_tsv
from toolkit.segment import tables


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_abbreviation_tables(lang):
    rows = load_tsv(lang, "abbreviations.tsv")
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate abbreviation"
    assert all(r[1] in tables.ABBREV_CLASSES for r in rows)
    assert all(k and not k.endswith(".") for k in keys)
    assert tables.abbreviations(lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_joiner_tables(lang):
    words = load_lines(lang, "segment_joiners.txt")
    assert len(words) == len(set(words)) and all(w == w.lower() and " " not in w for w in words)


@pytest.mark.parametrize("name", ["boilerplate.tsv", "segment_markers.tsv"])
def test_pattern_tables(name):
    rows = load_tsv(None, name)
    assert rows and len({r[1] for r in rows}) == len(rows)
    for kind, pattern, *_ in rows:
        assert kind in {"nav", "page", "rule", "bullet", "item"}
        re.compile(pattern)
    assert tables.boilerplate_re().fullmatch("Skip Links")
    assert tables.bullet_re().match("• x") and tables.item_re().match("(iv) x")


def test_import_reads_no_table():
    code = ("import toolkit.segment as s, toolkit.langdata as d; "
            "assert d.load_lines.cache_info().currsize == 0; "
            "assert s.tables.abbreviations.cache_info().currsize == 0; "
            "import sys; assert 'wordfreq' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
