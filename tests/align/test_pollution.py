"""Signs of pollution in a pair, their effect on the scores, and the review list."""
from __future__ import annotations

from toolkit.align import REVIEW_BELOW, align, to_review
from toolkit.align.pollution import Pollution, assess
from toolkit.types import Bead

from .test_synthetic import EN, FR


def one(fr: str, en: str) -> Pollution:
    return assess([((0,), (0,))], [fr], [en])[0]


def test_numbers_on_one_side_only():
    p = one("Réunion du 12 mars 2021 à Lyon.", "Meeting of 12 March 2020 in Lyon.")
    assert p.numbers == ("fr:2021", "en:2020")
    # thousands separators, symbols and single digits
    assert one("Budget de 1 049 000 euros (A/RES/77/241).", "A budget of EUR 1,049,000 (A/RES/77/241).").numbers == ()
    assert one("Article 3 de la loi.", "Section 4 of the Act.").numbers == ()
    # a side that spells numbers out gets no verdict
    assert one("dans les trente jours suivant la demande", "within 30 days after the request").numbers == ()
    assert one("dans les dix-huit mois", "within 18 months").numbers == ()
    assert one("CHAPITRE XII. Le départ", "CHAPTER 12. The departure").numbers == ()


def test_page_and_header_residue():
    p = one("Les États membres sont invités CONSEIL DE SÉCURITÉ 17 à coopérer.",
            "Member States are invited to cooperate.")
    assert p.numbers == ("fr:17",)
    assert p.caps == ("fr:CONSEIL", "fr:DE", "fr:SÉCURITÉ")
    assert p.factor() < 0.5 and "numbers on one side only: fr:17" in p.reasons()


def test_capitals_that_are_not_residue():
    assert one("L'ONUDC aide les États membres de l'ONU.", "UNODC helps United Nations Member States.").caps == ()
    assert one("Le rapport d'INTERPOL.", "INTERPOL's report.").caps == ()
    assert one("RAPPORT ANNUEL 2021", "ANNUAL REPORT 2021").caps == ()
    assert one("ACCUEILLE FAVORABLEMENT les initiatives", "WELCOMES the initiatives").caps == ()
    assert one("NOTANT que le cadre, et que l'année", "NOTING that the framework, NOTING FURTHER that the year").caps == ()
    assert one("Une étiquette : BUVEZ-MOI", "A label: DRINK ME").caps == ()  # emphasis on both sides
    assert one("Le chapitre XIV du traité.", "Chapter 14 of the treaty.").caps == ()


def test_footnote_tail():
    p = one("Il salue le travail des services de police. 12 Voir la résolution 77/241.",
            "He welcomes the work of police services.")
    assert p.footnote == ("fr",)
    assert one("Voir l'article 12 Aux fins de la loi.", "See section 12 For the purposes of the Act.").footnote == ()


def test_length_far_from_the_document():
    fr = [f"La phrase numéro {k} parle de coopération policière entre les pays." for k in range(12)]
    en = [f"Sentence number {k} is about police cooperation between countries." for k in range(12)]
    en[5] = "Police."
    signs = assess([((k,), (k,)) for k in range(12)], fr, en)
    assert signs[5].length_z > 3 and all(s.length_z < 3 for k, s in enumerate(signs) if k != 5)
    assert signs[5].factor() < 1.0 == signs[4].factor()


def test_polluted_pair_scores_lower_and_is_listed():
    clean = align(FR, EN)
    fr = list(FR)
    fr[1] = "Les États membres sont invités CONSEIL DE SÉCURITÉ 17 à renforcer la coopération policière internationale."
    dirty = align(fr, EN)
    assert [(b.fr_ids, b.en_ids) for b in dirty] == [(b.fr_ids, b.en_ids) for b in clean]
    assert dirty[1].score < REVIEW_BELOW <= min(b.score for b in clean)
    listed = to_review(dirty, fr, EN)
    assert [r.index for r in listed] == [1]
    assert listed[0].reasons[0] == "numbers on one side only: fr:17"


def test_to_review_order_threshold_and_reasons():
    beads = [Bead((0,), (0,), 0.9), Bead((1,), (), 0.2), Bead((2,), (1,), 0.3), Bead((3,), (2,), 0.49)]
    listed = to_review(beads)
    assert [r.index for r in listed] == [1, 2, 3]
    assert listed[0].reasons == ("text on one side only (FR)",)
    assert listed[1].reasons[0].startswith("doubtful alignment")
    assert [r.index for r in to_review(beads, threshold=0.3)] == [1]
    assert to_review([]) == []


def test_alignment_confidence_is_the_score_without_pollution():
    from toolkit.align import alignment_confidence

    fr = list(FR)
    fr[1] = "Les États membres sont invités CONSEIL DE SÉCURITÉ 17 à renforcer la coopération policière internationale."
    dirty, clean = align(fr, EN), align(FR, EN)
    sure = alignment_confidence(dirty, fr, EN)
    assert dirty[1].score < REVIEW_BELOW <= sure[1]
    assert abs(sure[1] - clean[1].score) < 0.05 and sure[0] == dirty[0].score
