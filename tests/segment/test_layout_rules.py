"""Layout repairs: wraps, hyphenation, footnotes, markers, bullets, markup, boilerplate
(CONVENTIONS.md §2, §4-8). Small synthetic inputs with exact expected segments."""
from __future__ import annotations

import pytest

from toolkit.errors import UnsupportedLanguage
from toolkit.segment import iter_segments, segment_text


def texts(text: str, lang: str) -> list[str]:
    return [s.text for s in segment_text(text, lang)]


WRAP = "x" * 70  # a filler making a line as long as the document's wrap width


@pytest.mark.parametrize("lang, text, expected", [
    # hard wraps, with and without blank lines between the wrapped lines (§6)
    ("fr", " Rappelant les décisions du Conseil et\n\ndu Conseil permanent, \n\n Prenant note du rapport,",
     ["Rappelant les décisions du Conseil et du Conseil permanent,", "Prenant note du rapport,"]),
    ("en", "Office of the Special Representative to the\nUnited Nations\nUSA",
     ["Office of the Special Representative to the United Nations", "USA"]),
    ("en", "Enhancing the role of police\n12 October 2009, Singapore",
     ["Enhancing the role of police", "12 October 2009, Singapore"]),
    # standalone lines: symbol, heading, address lines (§2)
    ("fr", "DÉCISION No 1049\n\nLe Conseil permanent,", ["DÉCISION No 1049", "Le Conseil permanent,"]),
    ("en", "GA-2017-86-RES-06\n\nSubject: Position paper", ["GA-2017-86-RES-06", "Subject: Position paper"]),
    ("en", "Fax: +1 (212) 963 3452\nwww.un.org/Depts/dpko/", ["Fax: +1 (212) 963 3452", "www.un.org/Depts/dpko/"]),
    # all-caps title wrapped after a function word
    ("en", "OSCE STRATEGIC FRAMEWORK FOR\nPOLICE-RELATED ACTIVITIES",
     ["OSCE STRATEGIC FRAMEWORK FOR POLICE-RELATED ACTIVITIES"]),
])
def test_wraps_and_standalone_lines(lang, text, expected):
    assert texts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # syllable hyphenation joined (word list: "discussions", "information", "international")
    ("en", "and of the subsequent discus-\nsions at the meetings.", ["and of the subsequent discussions at the meetings."]),
    ("en", "through the exchange of informa- \n\ntion and best practices.", ["through the exchange of information and best practices."]),
    ("fr", "la coopération interna-\ntionale de police.", ["la coopération internationale de police."]),
    # real compounds kept: unknown joined form, capital after the hyphen
    ("fr", "la réhabilitation post-\nconflit et la paix.", ["la réhabilitation post-conflit et la paix."]),
    ("en", "various awareness-\nraising activities.", ["various awareness-raising activities."]),
    ("en", "the law-\nenforcement agencies.", ["the law-enforcement agencies."]),
    ("en", "the Counter-\nTerrorism Committee.", ["the Counter-Terrorism Committee."]),
    # the document's own vocabulary wins over the word list: "co-operation" is used elsewhere
    ("en", "Partners for Co-operation and co-operation.\n\nThe closer co-\noperation of police.",
     ["Partners for Co-operation and co-operation.", "The closer co-operation of police."]),
    ("en", "Cooperation matters.\n\nThe closer co-\noperation of police.",
     ["Cooperation matters.", "The closer cooperation of police."]),
    # word-list evidence: a part that is no word joins; two words join after a function word
    # or when the joined word is about as frequent as the pair; a joined form that is no word
    # keeps the compound
    ("fr", "une réponse propor-\ntionnée aux faits.", ["une réponse proportionnée aux faits."]),
    ("fr", "des traitements dé-\ngradants.", ["des traitements dégradants."]),
    ("fr", "des sanctions pré-\ncédées d’une procédure.", ["des sanctions précédées d’une procédure."]),
    ("fr", "le principe de non-re-\nfoulement.", ["le principe de non-refoulement."]),
    ("fr", "le principe de non-\nrefoulement.", ["le principe de non-refoulement."]),
    ("fr", "un procès-\nverbal de réunion.", ["un procès-verbal de réunion."]),
    ("en", "inhuman or in-\nhuman treatment.", ["inhuman or inhuman treatment."]),
    ("en", "the non-\ngovernmental organizations.", ["the non-governmental organizations."]),
    ("en", "the counter-\nterrorism strategy.", ["the counter-terrorism strategy."]),
    ("en", "the adversa-\nrial proceedings.", ["the adversarial proceedings."]),
])
def test_hyphenation(lang, text, expected):
    assert texts(text, lang) == expected


FR_FOOTNOTE = (
    " Prenant note de l’action des entités sur le maintien de l’ordre1, et en coopération avec\n\n"
    "les partenaires qui s’emploient à fournir\n\n__________________\n\n"
    " 1 Créée en 2021 par le Comité exécutif et coprésidée par le Département des opérations\n\n"
    "de paix du Secrétariat, les entités comprenant actuellement le Bureau de la\n"
    " une assistance technique aux États Membres,\n\n"
    " 1. Décide de proclamer le 7 septembre Journée internationale ;\n\n"
    "__________________\n\nReprésentante spéciale chargée de la question des violences.\n")


def test_footnote_rejoin_and_page_spanning_footnote():
    assert texts(FR_FOOTNOTE, "fr") == [
        "Prenant note de l’action des entités sur le maintien de l’ordre, et en coopération avec "
        "les partenaires qui s’emploient à fournir une assistance technique aux États Membres,",
        "1. Décide de proclamer le 7 septembre Journée internationale ;",
        "1 Créée en 2021 par le Comité exécutif et coprésidée par le Département des opérations "
        "de paix du Secrétariat, les entités comprenant actuellement le Bureau de la "
        "Représentante spéciale chargée de la question des violences.",
    ]
    kinds = [s.kind for s in segment_text(FR_FOOTNOTE, "fr")]
    assert kinds[-1] == "footnote"


EN_FOOTNOTES = (
    "2. This Framework builds on decisions addressing a variety of police-related areas of\n"
    "policing2. It also aims at harmonizing activities in all areas.\n\n"
    "3. The OSCE works with private sector3 partners.\n\n"
    "                                                 \n"
    "2 A list of these decisions is contained in Attachment 1.\n\n"
    "3 Including industrial\n\nenterprises.\n"
    " 4. The OSCE co-operates with others.\n")


def test_footnotes_without_separator_are_moved_in_number_order():
    assert texts(EN_FOOTNOTES, "en") == [
        "2. This Framework builds on decisions addressing a variety of police-related areas of policing.",
        "It also aims at harmonizing activities in all areas.",
        "3. The OSCE works with private sector partners.",
        "4. The OSCE co-operates with others.",
        "2 A list of these decisions is contained in Attachment 1.",
        "3 Including industrial enterprises.",
    ]


@pytest.mark.parametrize("lang, text, expected", [
    # glued markers removed, real numbers kept (§5)
    ("fr", "sur le maintien de l’ordre1, et la résolution 70/1 de 2030.\n\n1 Une note.",
     ["sur le maintien de l’ordre, et la résolution 70/1 de 2030.", "1 Une note."]),
    ("en", "the Task Force on Policing1, the 24/7 network of the G8 and Decision No 914.\n\n1 A note.",
     ["the Task Force on Policing, the 24/7 network of the G8 and Decision No 914.", "1 A note."]),
    ("fr", "au XXIe siècle, le secteur privé1 par la voie de la Covid19.\n\n1 Une note.",
     ["au XXIe siècle, le secteur privé par la voie de la Covid19.", "1 Une note."]),
    # a numbered line without a glued marker is content, not a footnote
    ("en", "INTERPOL\n1 UN Plaza\nNew York", ["INTERPOL", "1 UN Plaza", "New York"]),
])
def test_glued_markers(lang, text, expected):
    assert texts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # bullets removed, lead-in kept as its own segment (§4)
    ("fr", "Les débats porteront sur :\n\n- Les nouveaux défis ;\n- La mise en place d’un cadre.",
     ["Les débats porteront sur :", "Les nouveaux défis ;", "La mise en place d’un cadre."]),
    ("en", "areas including the following:\n\n  • Strengthening capacities;\n  • Combating violence; and\n"
           "  – Supporting co-operation.",
     ["areas including the following:", "Strengthening capacities;", "Combating violence; and",
      "Supporting co-operation."]),
    ("fr", "– Les contraintes budgétaires et de personnel, à la fois au sein de l’OSCE et dans les\n\n"
           "États participants.", ["Les contraintes budgétaires et de personnel, à la fois au sein de "
                                   "l’OSCE et dans les États participants."]),
])
def test_bullets_and_lead_in(lang, text, expected):
    assert texts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # markdown / HTML leftovers (§6)
    ("fr", "\n\n## Résolution N° 6\n\n**Objet :** Prise de position\n\nL'Assemblée, réunie en sa 86<sup>ème</sup> session,",
     ["Résolution N° 6", "Objet : Prise de position", "L'Assemblée, réunie en sa 86ème session,"]),
    ("en", "See the [annual report](https://example.org/r.pdf) for details.&nbsp;End.",
     ["See the annual report for details.", "End."]),
    # NBSP and narrow NBSP become spaces, curly apostrophes are kept
    ("fr", "les catégories\u00a0: la police\u202f; l’OSCE \u00a0mettent", ["les catégories : la police ; l’OSCE mettent"]),
    # extraction splits repaired (whitespace only)
    ("fr", "la société civile, y compr is les organisations de l ’ordre", ["la société civile, y compris les organisations de l’ordre"]),
    ("en", "civil society, includ ing the United Nations Children ’s Fund", ["civil society, including the United Nations Children’s Fund"]),
])
def test_markup_and_characters(lang, text, expected):
    assert texts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # boilerplate and layout lines dropped (§7)
    ("en", "Skip Links\n\nPolicing activities\n\nText here.", ["Policing activities", "Text here."]),
    ("fr", "Le texte continue\n\n- 2 -\n\nsur la page suivante.", ["Le texte continue sur la page suivante."]),
    ("en", "A/RES/77/241\n\nFirst page text ends\n\nPage 2 of 3\nA/RES/77/241\nand goes on here.",
     ["A/RES/77/241", "First page text ends and goes on here."]),
    # a truncated document keeps its last partial sentence (§8)
    ("en", "It is complete. And this one is cut in the mid", ["It is complete.", "And this one is cut in the mid"]),
])
def test_boilerplate_and_truncation(lang, text, expected):
    assert texts(text, lang) == expected


def test_unsupported_language():
    with pytest.raises(UnsupportedLanguage):
        segment_text("Hallo Welt.", "de")
    with pytest.raises(UnsupportedLanguage):
        list(iter_segments(["Hallo Welt."], "de"))


@pytest.mark.parametrize("size", [1, 7, 64, 10_000])
def test_streaming_matches_whole_text(size):
    text = FR_FOOTNOTE + "\r\n" + EN_FOOTNOTES.replace("\n", "\r\n")
    chunks = [text[i:i + size] for i in range(0, len(text), size)]
    assert list(iter_segments(chunks, "fr")) == segment_text(text, "fr")


def test_offsets_point_into_the_source():
    text = "Première phrase.  Deuxième\nphrase ici."
    segs = segment_text(text, "fr")
    assert [text[s.start:s.end] for s in segs] == ["Première phrase.", "Deuxième\nphrase ici."]


def test_blank_lines_end_paragraphs_when_they_never_fall_inside_sentences():
    text = ("Recalling its resolution 70/1 of 25 September 2015 on the 2030 Agenda for Sustainable\n"
            "Development and all relevant resolutions of the Economic and Social Council on it,\n\n"
            "Noting with appreciation the work of the United Nations entities in the field of police\n"
            "cooperation and of the many partners who strive to provide technical assistance,\n")
    assert texts(text, "en") == [
        "Recalling its resolution 70/1 of 25 September 2015 on the 2030 Agenda for Sustainable "
        "Development and all relevant resolutions of the Economic and Social Council on it,",
        "Noting with appreciation the work of the United Nations entities in the field of police "
        "cooperation and of the many partners who strive to provide technical assistance,"]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "CM/Rec(2012)7\n\nLe texte de la page\n\nCM/Rec(2012)7 page 2\nCM/Rec(2012)7\n\ncontinue ici.",
     ["CM/Rec(2012)7", "Le texte de la page continue ici."]),
    ("en", "3.2.1 Scope of the framework\n\nThe scope is wide.", ["3.2.1 Scope of the framework", "The scope is wide."]),
])
def test_running_headers_and_section_numbers(lang, text, expected):
    assert texts(text, lang) == expected


def test_running_header_of_paginated_text_is_dropped():
    def page(n: int) -> str:
        return (f"Paragraph {n} says that the participating States will regularly review the\n"
                "Strategic Framework for Police-Related Activities\n"
                f"framework and its implementation in the light of new threats (number {n}).\n\n")
    assert texts("".join(page(n) for n in range(1, 4)), "en") == [
        f"Paragraph {n} says that the participating States will regularly review the framework "
        f"and its implementation in the light of new threats (number {n})." for n in range(1, 4)]


@pytest.mark.parametrize("line", ["Read more ›", "Suivez-nous sur :", "© OSCE 2024", "Haut de page", "Learn more",
                                  "Share Facebook X LinkedIn Email", "Partager sur : Facebook | Twitter",
                                  "Facebook", "Accept all cookies", "Tout accepter", "Gérer les cookies"])
def test_navigation_lines_are_dropped(line):
    assert texts(f"{line}\n\nLe texte.", "fr") == ["Le texte."]


def test_whitespace_only_gaps_end_entries_when_empty_gaps_fall_inside_sentences():
    # empty lines inside sentences (followed by lower case), " " lines between entries
    text = ("– Supports participating States in promoting dialogue and interaction between\n\n"
            "national government structures and the private sector through the exchange\n \n"
            "OSCE, Istanbul Summit of the OSCE, Charter for European Security, 19 November 1999\n \n"
            "OSCE, Ministerial Council Decision No. 1, Combating Terrorism, Ninth Meeting of the\n"
            "Ministerial Council, Bucharest, 4 December 2001\n \n"
            "OSCE, Ministerial Council Decision No. 9, Police-Related Activities, Ninth Meeting\n")
    assert texts(text, "en") == [
        "Supports participating States in promoting dialogue and interaction between national "
        "government structures and the private sector through the exchange",
        "OSCE, Istanbul Summit of the OSCE, Charter for European Security, 19 November 1999",
        "OSCE, Ministerial Council Decision No. 1, Combating Terrorism, Ninth Meeting of the "
        "Ministerial Council, Bucharest, 4 December 2001",
        "OSCE, Ministerial Council Decision No. 9, Police-Related Activities, Ninth Meeting"]


def test_a_wrapped_line_starting_with_a_pending_footnote_number_is_not_a_footnote():
    text = ("3. The OSCE works with the private sector1 and adopted a plan in Bucharest on\n"
            "1 December 2001 at the Ninth Meeting.\n\n"
            "1 Including industrial enterprises.\n")
    assert texts(text, "en") == [
        "3. The OSCE works with the private sector and adopted a plan in Bucharest on "
        "1 December 2001 at the Ninth Meeting.", "1 Including industrial enterprises."]


@pytest.mark.parametrize("lang, text, expected", [
    # a marker after a closing bracket or quote, a superscript digit (§5)
    ("fr", "le Groupe d’États contre la corruption (GRECO)1 a adopté le rapport.\n\n"
           "__________________\n\n1 Créé en 1999.",
     ["le Groupe d’États contre la corruption (GRECO) a adopté le rapport.", "1 Créé en 1999."]),
    ("en", "the maintenance of order¹ and security².\n\n__________________\n\n"
           "1 First note.\n2 Second note.",
     ["the maintenance of order and security.", "1 First note.", "2 Second note."]),
    # a unit's exponent is no marker
    ("fr", "Une surface de 20 m² au sol.", ["Une surface de 20 m² au sol."]),
])
def test_marker_forms(lang, text, expected):
    assert texts(text, lang) == expected


def _council_pages(header: str, sep: str) -> str:
    body = ["The Council recalls that the fight against organised crime requires closer",
            "cooperation between the law enforcement authorities of the Member States and",
            "the exchange of information on the risk of criminal infil-",
            "tration of legitimate businesses, which remains high in several regions of the",
            "Union. It invites the Commission to report on the measures taken to that end",
            "before the end of the year and to propose further steps where appropriate."]
    pages = [body[0:3], body[3:6], ["The Council will review the situation in its next meeting."]]
    return sep.join(f"{header}\n\n" + "\n".join(p) + f"\n\n12345/24 GG/mr {n}" for n, p in enumerate(pages, 1))


@pytest.mark.parametrize("sep", ["\n\f", "\f", "\n\f\n"])
def test_running_header_inside_a_hyphenated_word(sep):
    """``infil-`` / LIMITE / ``tration`` -> ``infiltration``; the sentence cut by the page
    break is one segment; header and footer are gone (without form feeds, on longer pages:
    test_generated_docs.py)."""
    segs = texts(_council_pages("LIMITE", sep), "en")
    assert segs == [
        "The Council recalls that the fight against organised crime requires closer cooperation "
        "between the law enforcement authorities of the Member States and the exchange of "
        "information on the risk of criminal infiltration of legitimate businesses, which remains "
        "high in several regions of the Union.",
        "It invites the Commission to report on the measures taken to that end before the end of "
        "the year and to propose further steps where appropriate.",
        "The Council will review the situation in its next meeting."]
