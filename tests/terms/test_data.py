"""The terms data tables load, have no duplicates and use known tags."""
from __future__ import annotations

import pytest

from toolkit.langdata import load_lines, load_tsv
from toolkit.terms.candidates import patterns

TAGS = set("NAJRGKMSPBQDICVXO")
LISTS = [
    ("fr", "stopwords.txt"), ("en", "stopwords.txt"), ("fr", "terms_nouns.txt"),
    ("en", "terms_nouns.txt"), ("fr", "terms_prenominal.txt"), ("en", "terms_adjectives.txt"),
    ("fr", "terms_verbs.txt"), ("fr", "terms_weak_adjectives.txt"),
]
TABLES = [
    ("fr", "terms_closed_class.tsv", 2), ("en", "terms_closed_class.tsv", 2),
    ("fr", "terms_suffixes.tsv", 2), ("en", "terms_suffixes.tsv", 2),
    ("fr", "words_cognate_endings.tsv", 2), ("fr", "terms_nonheads.tsv", None),
    ("fr", "words_contractions.tsv", 2),
]


@pytest.mark.parametrize("lang,name", LISTS)
def test_word_lists(lang, name):
    words = load_lines(lang, name)
    assert words
    assert len(words) == len(set(words)), [w for w in words if words.count(w) > 1]
    assert all(w == w.strip() and w == w.lower() for w in words)


@pytest.mark.parametrize("lang,name,width", TABLES)
def test_tables(lang, name, width):
    rows = load_tsv(lang, name)
    assert rows
    if width:
        assert all(len(r) == width for r in rows), [r for r in rows if len(r) != width][:3]
    if name in ("terms_closed_class.tsv", "terms_suffixes.tsv"):
        assert all(r[1] in TAGS for r in rows)
    if width == 2 or name == "terms_nonheads.tsv":
        keys = [r[0] for r in rows]
        assert len(keys) == len(set(keys))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_patterns_compile_and_match(lang):
    rx = patterns(lang)
    assert rx.fullmatch("NA" if lang == "fr" else "AN")
    assert not rx.fullmatch("NP")
