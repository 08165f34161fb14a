"""The lexicon tagger on real words (exact tags)."""
from __future__ import annotations

import pytest

from toolkit.terms.tagger import lemma, tag_text


def _tags(text: str, lang: str) -> str:
    return " ".join(f"{t.text}/{t.tag}" for t in tag_text(text, lang))


@pytest.mark.parametrize("text,expected", [
    ("la criminalité transnationale organisée", "la/D criminalité/N transnationale/A organisée/A"),
    ("les services de détection et de répression", "les/D services/N de/P détection/N et/C de/P répression/N"),
    ("Réaffirmant sa résolution", "Réaffirmant/V sa/X résolution/N"),
    ("4. Souligne que", "4/M Souligne/V que/X"),
    ("l’Office des Nations Unies", "l'/D Office/K des/P Nations/K Unies/K"),
    ("la lutte contre le blanchiment d’argent", "la/D lutte/N contre/P le/D blanchiment/N d'/P argent/N"),
    ("de nouveaux défis", "de/P nouveaux/R défis/N"),
    ("afin de répondre aux besoins", "afin/X de/P répondre/V aux/B besoins/N"),
    ("le partenariat police-public", "le/D partenariat/N police-public/J"),
])
def test_french_tags(text, expected):
    assert _tags(text, "fr") == expected


@pytest.mark.parametrize("text,expected", [
    ("transnational organized crime", "transnational/A organized/A crime/N"),
    ("the OSCE's policing activities", "the/D OSCE/K s/S policing/N activities/N"),
    ("Requests the Secretary-General", "Requests/V the/D Secretary-General/K"),
    ("to provide technical assistance", "to/Q provide/V technical/A assistance/N"),
])
def test_english_tags(text, expected):
    assert _tags(text, "en") == expected


@pytest.mark.parametrize("word,lang,expected", [
    ("Capacités", "fr", "capacite"), ("l’", "fr", "le"), ("des", "fr", "de"),
    ("agencies", "en", "agency"), ("partenariats", "fr", "partenariat"),
])
def test_lemma(word, lang, expected):
    assert lemma(word, lang) == expected


def test_finite_iser_verbs_are_verbs():
    from toolkit.terms.tagger import tag_text

    tags = {t.text: t.tag for t in tag_text("Le Secrétariat synchronise les activités et la reprise.", "fr")}
    assert tags["synchronise"] == "V"
    assert tags["reprise"] == "N"  # after an article
