"""Dictionary loading and the word translation table."""
from __future__ import annotations

import pytest

from toolkit.align import align, load_dictionary, word_translation_table
from toolkit.errors import InputError


def test_load_dictionary(tmp_path):
    p = tmp_path / "d.tsv"
    p.write_text("# a comment\nsécurité\tsecurity\n\nbrigade\tsquad\nforces de l'ordre\tlaw enforcement\n",
                 encoding="utf-8")
    d = load_dictionary(p)
    assert d["securite"] == {"security": 1.0}
    assert d["brigade"] == {"squad": 1.0}


def test_load_dictionary_errors(tmp_path):
    with pytest.raises(InputError):
        load_dictionary(tmp_path / "missing.tsv")
    empty = tmp_path / "e.tsv"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(InputError, match="no dictionary entry"):
        load_dictionary(empty)


def test_dictionary_is_used(tmp_path):
    # words no lexicon knows: only the dictionary tells which line is which
    fr = ["Zorglub flamboie.", "Trombine grésille.", "Pastèque mijote."]
    en = ["Pastecat simmers.", "Zorgle blazes."]
    p = tmp_path / "d.tsv"
    p.write_text("zorglub\tzorgle\npastèque\tpastecat\ntrombine\tmugface\n", encoding="utf-8")
    beads = align(fr, en, dictionary=p, on_warning=lambda m: None)
    pairs = {(b.fr_ids, b.en_ids) for b in beads}
    assert ((0,), (1,)) not in pairs or ((2,), (0,)) not in pairs  # monotone: one of them is impossible
    assert ((2,), ()) not in pairs or ((0,), (1,)) in pairs


def test_word_translation_table_learns_a_pair():
    pairs = [
        ("le chat dort", "the cat sleeps"),
        ("le chat mange", "the cat eats"),
        ("un chat noir", "a black cat"),
        ("le chien dort", "the dog sleeps"),
        ("le chien mange", "the dog eats"),
        ("un chien blanc", "a white dog"),
    ]
    t = word_translation_table(pairs)
    assert max(t["chat"], key=t["chat"].get) == "cat"
    assert max(t["chien"], key=t["chien"].get) == "dog"
    assert all(0.0 < p <= 1.0 for row in t.values() for p in row.values())
    assert word_translation_table([]) == {}
