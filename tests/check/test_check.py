"""Terminology QA: approved terms, variants, numbers and symbols on one aligned pair."""
from __future__ import annotations

import pytest

from toolkit.check import check
from toolkit.types import Alignment, Bead, Glossary, Segment, TermPair

GLOSSARY = Glossary([
    TermPair("criminalité transnationale organisée", "transnational organized crime", status="approved",
             en_variants=("transnational organised crime",)),
    TermPair("application des lois", "law enforcement", status="approved", en_variants=("law-enforcement",)),
    TermPair("services d'application des lois", "law enforcement agencies", status="approved"),
    TermPair("État membre", "member State", status="approved"),
    TermPair("sécurité", "security", status="new"),  # not approved: never checked
    TermPair("police", "police", status="rejected"),
])


def _pairs(*pairs: tuple[str, str]) -> Alignment:
    fr = [Segment(f) for f, _ in pairs]
    en = [Segment(e) for _, e in pairs]
    return Alignment("doc", fr, en, [Bead((i,), (i,), 1.0) for i in range(len(pairs))])


def test_clean_translation():
    al = _pairs(
        ("La criminalité transnationale organisée menace la sécurité de 57 États membres.",
         "Transnational organized crime threatens the security of 57 member States."),
        ("L’application des lois relève des États.", "Law enforcement is a matter for States."),
        ("Les services d'application des lois coopèrent (résolution A/RES/77/241).",
         "Law enforcement agencies cooperate (resolution 77/241)."),
        ("Le 1er janvier 2009, 1 250,5 euros, à la 86e session.",
         "On 1 January 2009, EUR 1,250.5, at the 86th session."),
        ("La décision No 1049 du GA-2017-86-RES-06.", "Decision No. 1049 of GA-2017-86-RES-06."),
    )
    assert check(al, GLOSSARY) == []


def test_wrong_term_is_flagged():
    al = _pairs(("La criminalité transnationale organisée menace la sécurité.",
                 "Cross-border gangsterism threatens security."))
    (issue,) = check(al, GLOSSARY)
    assert issue.kind == "term"
    assert issue.expected == "transnational organized crime | transnational organised crime"
    assert issue.fr_ids == (0,) and issue.en_ids == (0,)
    assert "«criminalité transnationale organisée»" in issue.message


@pytest.mark.parametrize("fr, en", [
    ("Les criminalités transnationales organisées.", "Transnational organised crimes."),  # plural + variant
    ("Des États membres.", "Member States."),
    ("L'application des lois.", "Law-enforcement work."),  # variant
])
def test_variants_and_plurals_are_accepted(fr, en):
    assert check(_pairs((fr, en)), GLOSSARY) == []


def test_longest_term_wins():
    # "application des lois" inside "services d'application des lois": one issue, for the longer term
    al = _pairs(("Les services d'application des lois coopèrent.", "The police forces cooperate."))
    issues = check(al, GLOSSARY)
    assert [i.expected for i in issues] == ["law enforcement agencies"]


def test_unapproved_terms_are_not_checked():
    assert check(_pairs(("La sécurité et la police.", "Safety and constabulary.")), GLOSSARY) == []


@pytest.mark.parametrize("fr, en, expected, found", [
    ("La sécurité de 57 États.", "The security of 56 States.", "57", "56"),
    ("Un budget de 1 250,5 euros.", "A budget of EUR 1,205.5.", "1 250,5", "1,205.5"),
    ("Le 2e rapport.", "The 3rd report.", "2", "3"),
    ("Au XXIe siècle.", "In the 20th century.", "XXI", "20"),
    ("En 2009.", "In 2009 and 2010.", "", "2010"),
    ("Ouvert de 7 h à 22 h.", "Open from 7:00 a.m. to 11:00 p.m.", "22 h", "11:00 p.m."),
])
def test_number_mismatch(fr, en, expected, found):
    (issue,) = check(_pairs((fr, en)), Glossary())
    assert (issue.kind, issue.expected, issue.found) == ("number", expected, found)


@pytest.mark.parametrize("fr, en", [
    ("Le 1er janvier.", "On 1st January."),
    ("Au XXIe siècle.", "In the 21st century."),
    ("Taux de 3,5 %.", "A rate of 3.5%."),
    ("Les 27 000 agents.", "The 27,000 officers."),
    ("La police1 et l'ordre2.", "Police and order."),  # footnote markers
    ("Section 3.2.1.", "Section 3.2.1."),
    ("Les 3 États.", "The three States."),  # spelled out on one side
    ("La deuxième session.", "The 2nd session."),
    ("Entre 7 h et 22 h 30.", "Between 7:00 a.m. and 10.30 p.m."),  # 24-hour and 12-hour clocks
    ("À 14 h.", "At 14:00."),
])
def test_numbers_that_agree(fr, en):
    assert check(_pairs((fr, en)), Glossary()) == []


@pytest.mark.parametrize("fr, en, expected, found", [
    ("Résolution A/RES/77/241.", "Resolution A/RES/77/242.", "A/RES/77/241", "A/RES/77/242"),
    ("Décision No 1049.", "Decision.", "No 1049", ""),
    ("Résolution GA-2017-86-RES-06.", "Resolution GA-2017-86-RES-07.", "GA-2017-86-RES-06", "GA-2017-86-RES-07"),
])
def test_symbol_mismatch(fr, en, expected, found):
    issues = [i for i in check(_pairs((fr, en)), Glossary()) if i.kind == "symbol"]
    assert issues and issues[0].expected == expected
    assert found in {i.found for i in issues}
