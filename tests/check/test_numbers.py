"""Numbers and symbols as compared across French and English, and the rule tables."""
from __future__ import annotations

import re

import pytest

from toolkit.check.symbols import symbols
from toolkit.words.numbers import number_keys, number_words, numbers, spelled_numbers
from toolkit.langdata import load_tsv


@pytest.mark.parametrize("text, lang, values", [
    ("27 000 agents", "fr", ["27000"]),
    ("27\u202f000 agents", "fr", ["27000"]),
    ("1.000 euros", "fr", ["1000"]),
    ("3,5 %", "fr", ["3.5"]),
    ("1 250,5", "fr", ["1250.5"]),
    ("27,000 officers", "en", ["27000"]),
    ("1,250.5", "en", ["1250.5"]),
    ("3.50", "en", ["3.5"]),
    ("en 2009 100 États", "fr", ["2009", "100"]),
    ("le 1er et la 2e", "fr", ["1", "2"]),
    ("the 1st and 22nd", "en", ["1", "22"]),
    ("371ème et 86<sup>ème</sup>", "fr", ["371", "86"]),
    ("XXIe siècle, Ier, Ve République", "fr", ["21", "1", "5"]),
    ("Ce rapport, Le texte, CIA", "fr", []),
    ("police1. et l’ordre2, G8", "fr", []),
    ("section 3.2.1", "fr", ["3.2.1"]),
    ("entre 7 h et 22 h 30, à 14h15", "fr", ["7", "22", "30", "14", "15"]),
    ("7:00 a.m., 10.30 p.m., 12 p.m. and 12 am", "en", ["7", "22", "30", "12", "0"]),
    ("à 22:00, verset 3:16", "fr", ["22", "3", "16"]),
    ("alinéa 5h) et 3(1)h), 13 p.m.", "fr", ["5", "3", "1", "13"]),
])
def test_numbers(text, lang, values):
    assert [v for v, *_ in numbers(text, lang)] == values


@pytest.mark.parametrize("text, canon", [
    ("résolution A/RES/77/241", ["A/RES/77/241"]),
    ("résolution 77/241", ["77/241"]),
    ("No 1049 et No. 1049, n° 5", ["NO 1049", "NO 1049", "NO 5"]),
    ("GA-2017-86-RES-06", ["GA-2017-86-RES-06"]),
    ("PC.DEC/1049", ["PC.DEC/1049"]),
    ("E/CN.15/2019/L.2", ["E/CN.15/2019/L.2"]),
])
def test_symbols(text, canon):
    assert [c for c, *_ in symbols(text)] == canon


def test_symbol_digits_are_not_numbers():
    text = "Résolution A/RES/77/241 de 2022"
    skip = [(s, e) for *_, s, e in symbols(text)]
    assert [v for v, *_ in numbers(text, "fr", skip)] == ["2022"]


@pytest.mark.parametrize("name, cols", [("check_inflections.tsv", 3), ("check_elisions.tsv", 3),
                                        ("number_words.tsv", 3),
                                        ("check_ordinals.tsv", 2), ("check_symbols.tsv", 3)])
def test_tables_are_well_formed(name, cols):
    rows = load_tsv(None, name)
    assert rows
    assert all(len(r) == cols and all(r) for r in rows), name
    assert len(set(rows)) == len(rows), f"{name}: duplicate rows"
    assert {r[0] for r in rows} <= {"fr", "en"} or name == "check_symbols.tsv"


def test_symbol_examples_match_their_pattern():
    for name, pattern, example in load_tsv(None, "check_symbols.tsv"):
        assert re.compile(pattern).search(example), name


@pytest.mark.parametrize("text, lang, values", [
    ("trois États et vingt-cinq agents", "fr", {"3", "20", "5", "25"}),  # each word, and the compound
    ("quatre-vingt-dix", "fr", {"4", "20", "10", "90"}),
    ("trente et unième session", "fr", {"30", "1", "31"}),
    ("the twenty-first session of three bodies", "en", {"20", "21", "1", "3"}),
    ("le 3 mai", "fr", set()),  # a month is a number word of the aligner, not a number
])
def test_spelled_numbers(text, lang, values):
    assert spelled_numbers(text, lang) == values


def test_one_number_word_table_serves_the_aligner_and_the_check():
    fr, en = number_words("fr"), number_words("en")
    assert (fr["trois"], fr["deuxieme"], fr["mai"], en["three"], en["second"], en["may"]) == (
        "3", "2", "m5", "3", "2", "m5")
    assert "un" not in fr and "one" not in en  # articles and pronouns far more often than numbers


def test_number_keys():
    assert number_keys("résolution 77/241 du 1 049e, 2,000 et 007") == ["n:77/241", "n:1049", "n:2000", "n:7"]
