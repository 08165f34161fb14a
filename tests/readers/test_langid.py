"""fr/en detection: every corpus file, short strings, no-evidence inputs, the data tables."""
from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.langdata import load_lines
from toolkit.readers import detect_language, read_text

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FILES = sorted(CORPUS.glob("*/*.txt"))


def test_corpus_is_there():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_corpus_file(path):
    lang, conf = detect_language(read_text(path))
    assert lang == path.parent.name
    assert conf > 0.9


@pytest.mark.parametrize("text, lang", [
    ("Le Conseil permanent,", "fr"),
    ("Décide d’adopter le cadre stratégique de l’OSCE", "fr"),
    ("Journée internationale de la coopération policière", "fr"),
    ("Coopération policière", "fr"),
    ("The Permanent Council,", "en"),
    ("International Day of Police Cooperation", "en"),
    ("Decides to adopt the strategic framework", "en"),
])
def test_short_strings(text, lang):
    got, conf = detect_language(text)
    assert got == lang
    assert 0 < conf < 1


@pytest.mark.parametrize("text", ["", "   \n", "1049 77/241 2017", "OSCE", "— • —"])
def test_no_evidence(text):
    assert detect_language(text) == (None, 0.0)


def test_only_the_head_is_read():
    text = "The Council of the Organization. " * 1000 + "Le Conseil de l’Organisation. " * 5000
    assert detect_language(text)[0] == "en"


def test_confidence_grows_with_evidence():
    short = detect_language("le conseil")[1]
    long = detect_language("le conseil de la police et des États " * 5)[1]
    assert 0 < short < long <= 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_function_word_tables(lang):
    words = load_lines(lang, "function_words.txt")
    assert len(words) > 80
    assert len(set(words)) == len(words), "duplicates"
    assert all(w == w.lower().strip() and " " not in w for w in words)


def test_tables_do_not_overlap():
    assert not set(load_lines("fr", "function_words.txt")) & set(load_lines("en", "function_words.txt"))
