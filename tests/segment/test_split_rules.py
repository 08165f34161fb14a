"""Sentence boundaries: abbreviations, numbers, quotations, items (CONVENTIONS.md §1, §3)."""
from __future__ import annotations

import pytest

from toolkit.segment import segment_text


def texts(text: str, lang: str) -> list[str]:
    return [s.text for s in segment_text(text, lang)]


@pytest.mark.parametrize("text, expected", [
    # abbreviations never end a sentence
    ("Voir l'art. 5 du règlement. La suite.", ["Voir l'art. 5 du règlement.", "La suite."]),
    ("M. Dupont est arrivé. Mme Durand aussi.", ["M. Dupont est arrivé.", "Mme Durand aussi."]),
    ("Il part, c.-à-d. il quitte la salle. Fin.", ["Il part, c.-à-d. il quitte la salle.", "Fin."]),
    ("Des outils, p. ex. Les Guides, existent. Fin.", ["Des outils, p. ex. Les Guides, existent.", "Fin."]),
    # a dotted acronym ends a sentence only before a word that opens one (Golden Rules)
    ("Le siège de l'O.I.P.C. Interpol est à Lyon. Fin.", ["Le siège de l'O.I.P.C. Interpol est à Lyon.", "Fin."]),
    ("Il travaille pour l'O.I.P.C. Elle siège à Lyon.", ["Il travaille pour l'O.I.P.C.", "Elle siège à Lyon."]),
    ("Décision No. 914 du Conseil. Fin.", ["Décision No. 914 du Conseil.", "Fin."]),
    ("Tél. : +33 1 23 45 67 89", ["Tél. : +33 1 23 45 67 89"]),
    ("Signé J. Dupont. Fin.", ["Signé J. Dupont.", "Fin."]),
    # numbers and symbols are not sentence ends
    ("La version 1.5 et la section 3.2.1 sont prêtes. Fin.",
     ["La version 1.5 et la section 3.2.1 sont prêtes.", "Fin."]),
    ("77/241. Journée internationale de la coopération policière",
     ["77/241. Journée internationale de la coopération policière"]),
    # ellipsis, quotations
    ("Il attendit… Puis il partit.", ["Il attendit…", "Puis il partit."]),
    ("Le thème sera : « Le rôle de la police ». Les débats suivront.",
     ["Le thème sera : « Le rôle de la police ».", "Les débats suivront."]),
    ("Il dit : « Partez. Maintenant » et sortit.", ["Il dit : « Partez. Maintenant » et sortit."]),
    ("etc. et la suite. Fin.", ["etc. et la suite.", "Fin."]),
    ("Il y a des pommes, des poires, etc. Les fruits sont frais.",
     ["Il y a des pommes, des poires, etc.", "Les fruits sont frais."]),
])
def test_fr_sentences(text, expected):
    assert texts(text, "fr") == expected


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith arrived. Mrs. Jones too.", ["Mr. Smith arrived.", "Mrs. Jones too."]),
    ("Some tools, e.g. the Guides, exist. End.", ["Some tools, e.g. the Guides, exist.", "End."]),
    ("Decision No. 914 applies. End.", ["Decision No. 914 applies.", "End."]),
    ("U.N. forces arrived. They stayed.", ["U.N. forces arrived.", "They stayed."]),
    ("The U.N. Security Council met. End.", ["The U.N. Security Council met.", "End."]),
    ("Tel.: +1 (212) 963 1234", ["Tel.: +1 (212) 963 1234"]),
    ("Resolution No. 6", ["Resolution No. 6"]),
    ("He said \"Stop. Now\" and left. End.", ["He said \"Stop. Now\" and left.", "End."]),
    ("It ended. “Then what?” she asked.", ["It ended.", "“Then what?” she asked."]),
    ("Version 1.5 of section 3.2.1 is out. End.", ["Version 1.5 of section 3.2.1 is out.", "End."]),
    ("Why? Because. Yes!", ["Why?", "Because.", "Yes!"]),
])
def test_en_sentences(text, expected):
    assert texts(text, "en") == expected


@pytest.mark.parametrize("lang, text, expected", [
    # numbered paragraphs keep their number and stay one segment (§3)
    ("fr", "1. Prie le Secrétaire général de faire rapport ;\n2. Décide de rester saisi.",
     ["1. Prie le Secrétaire général de faire rapport ;", "2. Décide de rester saisi."]),
    ("en", "IV. Added value\n\n8. The OSCE has achieved results. These include training.",
     ["IV. Added value", "8. The OSCE has achieved results.", "These include training."]),
    ("en", "(a) first item;\n(b) second item.", ["(a) first item;", "(b) second item."]),
    ("fr", "a) Principes directeurs\n\n10. Les activités sont guidées par les normes.",
     ["a) Principes directeurs", "10. Les activités sont guidées par les normes."]),
    # preambular paragraphs ending with "," are one segment each (§3)
    ("fr", "L'Assemblée générale,\n\nRappelant sa résolution 70/1,\n\nPrenant note du rapport,",
     ["L'Assemblée générale,", "Rappelant sa résolution 70/1,", "Prenant note du rapport,"]),
])
def test_items_and_paragraphs(lang, text, expected):
    assert texts(text, lang) == expected


def test_kinds():
    segs = segment_text("## Titre\n\n1. Prie le Conseil.\n\n• Une puce ;\n\nUne phrase. Deux.", "fr")
    assert [(s.text, s.kind) for s in segs] == [
        ("Titre", "heading"), ("1. Prie le Conseil.", "item"), ("Une puce ;", "item"),
        ("Une phrase.", "sentence"), ("Deux.", "sentence")]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Il cite « le rapport. Puis il part. Fin.", ["Il cite « le rapport.", "Puis il part.", "Fin."]),
    ("en", "He quotes \u201cthe report. Then he leaves. End.", ["He quotes \u201cthe report.", "Then he leaves.", "End."]),
])
def test_unclosed_quotation_does_not_block_splits(lang, text, expected):
    assert texts(text, lang) == expected
