"""toolkit.words: the one language detector and the acronym table read once."""
from __future__ import annotations

from toolkit.readers import detect_language as readers_detect
from toolkit.words import acronym_map, acronym_pairs, detect_language, is_acronym, looks_like


def test_readers_detect_language_is_the_word_layers():
    assert readers_detect is detect_language
    assert detect_language("Le Conseil permanent, conscient de la Déclaration")[0] == "fr"


def test_looks_like_finds_swapped_or_untranslated_sides():
    fr = ["Le Conseil permanent décide de la création de la mission.", "Les États participants sont invités."]
    en = ["The Permanent Council decides on the establishment of the mission.", "The participating States are invited."]
    assert looks_like(fr, "en", "fr") and looks_like(en, "fr", "en")
    assert not looks_like(en, "en", "fr") and not looks_like(fr, "fr", "en")
    assert not looks_like(["INTERPOL", "OSCE 2017"], "en", "fr")  # no evidence either way


def test_acronym_table_two_views_one_reading():
    m, pairs = acronym_map(), acronym_pairs()
    assert m["ONUDC"] == "UNODC" and ("onudc", "unodc") in pairs
    assert all(k == k.upper() and v == v.upper() for k, v in m.items())
    assert {(k.lower(), v.lower()) for k, v in m.items()} <= {(f.upper().lower(), e.upper().lower()) for f, e in pairs}


def test_is_acronym():
    assert [is_acronym(w) for w in ("ONUDC", "UNODC", "ONU-Femmes", "XXI", "G8", "Police")] == [
        True, True, False, False, False, False]
