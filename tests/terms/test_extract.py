"""extract(): exact outputs on small synthetic aligned documents."""
from __future__ import annotations

from toolkit.terms import entry_id, extract
from toolkit.terms.candidates import spans
from toolkit.types import Glossary

from .conftest import make_alignment


def _by_fr(g: Glossary) -> dict:
    return {e.fr: e for e in g}


def test_repeated_term_is_paired_with_its_translation(synth):
    g = _by_fr(extract([synth]))
    e = g["criminalité organisée"]
    assert (e.en, e.freq, e.kind, e.status, e.stale) == ("organized crime", 2, "term", "new", False)
    assert e.docs == ("doc1",)
    assert g["blanchiment d'argent"].en == "money laundering"
    assert g["application de la convention"].en == "implementation of the convention"


def test_acronym_pair(synth):
    e = _by_fr(extract([synth]))["ONUDC"]
    assert (e.en, e.kind, e.freq) == ("UNODC", "acronym", 2)


def test_plural_and_singular_counted_together(synth):
    e = _by_fr(extract([synth]))["enquêtes financières"]
    assert e.freq == 2
    assert e.fr_variants == ("enquête financière",)
    assert e.en == "financial investigations"
    assert e.en_variants == ("financial investigation",)


def test_elision_counted_with_the_bare_word():
    _t, a = spans("L’application commence.", "fr")
    _t, b = spans("Une application rapide.", "fr")
    assert (a[0].surface, a[0].key) == ("application", "application")
    assert ("application", "application") in {(s.surface, s.key) for s in b}
    al = make_alignment([
        ("L’évaluation des menaces est lente.", "Threat assessment is slow."),
        ("Le rapport porte sur l'évaluation des menaces.", "The report is about threat assessment."),
        ("Une évaluation des menaces est demandée.", "A threat assessment is requested."),
    ])
    e = _by_fr(extract([al]))["évaluation des menaces"]
    assert (e.freq, e.en) == (3, "threat assessment")


def test_coordination_kept_whole():
    text = "Les services de détection et de répression coopèrent."
    _toks, found = spans(text, "fr")
    assert "services de détection et de répression" in {s.surface for s in found}
    al = make_alignment([(text, "Detection and repression services cooperate.")])
    e = _by_fr(extract([al], min_score=0.0))["services de détection et de répression"]
    assert e.en == "detection and repression services"  # sentence-initial capital dropped


def test_relational_participle_takes_its_complement():
    _t, found = spans("Les activités relatives à la police et l'assistance à la population.", "fr")
    surfaces = {s.surface for s in found}
    assert "activités relatives à la police" in surfaces
    assert not any(f.startswith("assistance à") for f in surfaces)


def test_entry_fields(synth):
    e = _by_fr(extract([synth]))["criminalité organisée"]
    assert e.id == entry_id("criminalite organise", "term")
    assert e.example_fr == "La criminalité organisée profite de la corruption."
    assert e.example_en == "Organized crime benefits from corruption."
    assert e.pos == "noun phrase"
    assert 0 < e.score <= 1


def test_ids_are_stable_and_entries_sorted(synth):
    a, b = extract([synth]), extract([synth])
    assert [e.id for e in a] == [e.id for e in b]
    assert [e.score for e in a] == sorted((e.score for e in a), reverse=True)
    assert len({e.id for e in a}) == len(a)


def test_top_and_min_freq(synth):
    assert len(extract([synth], top=3)) == 3
    assert all(e.freq >= 2 for e in extract([synth], min_freq=2))


def test_translation_table_is_used():
    al = make_alignment([("Le parquet national enquête.", "The national prosecution investigates.")])
    table = {"parquet": {"prosecution": 1.0}}
    without = _by_fr(extract([al], min_score=0.0)).get("parquet national")
    e = _by_fr(extract([al], translation_table=table))["parquet national"]
    assert e.en == "national prosecution"
    assert without is None or without.score < e.score


def test_empty_input():
    assert len(extract([])) == 0
    assert len(extract([make_alignment([("", "")])])) == 0
