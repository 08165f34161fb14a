"""Exact beads on small synthetic FR/EN documents."""
from __future__ import annotations

import pytest

from toolkit.align import align
from toolkit.types import Bead, Segment

FR = [
    "Le Conseil de sécurité a adopté la résolution 2322 le 12 décembre 2016.",
    "Les États membres sont invités à renforcer la coopération policière internationale.",
    "Le Secrétaire général présentera un rapport à l'Assemblée générale à sa soixante-dixième session.",
    "L'ONUDC fournit une assistance technique aux pays qui en font la demande.",
    "La criminalité transnationale organisée menace la sécurité et le développement durable.",
    "INTERPOL compte 195 pays membres.",
]
EN = [
    "The Security Council adopted resolution 2322 on 12 December 2016.",
    "Member States are invited to strengthen international police cooperation.",
    "The Secretary-General will submit a report to the General Assembly at its seventieth session.",
    "UNODC provides technical assistance to countries that request it.",
    "Transnational organized crime threatens security and sustainable development.",
    "INTERPOL has 195 member countries.",
]


def links(beads):
    return [(b.fr_ids, b.en_ids) for b in beads]


def ones(n):
    return [((i,), (i,)) for i in range(n)]


def test_one_to_one():
    beads = align(FR, EN)
    assert links(beads) == ones(6)
    assert all(isinstance(b, Bead) and 0.5 < b.score <= 1.0 for b in beads)


def test_segments_accepted():
    beads = align([Segment(t) for t in FR], [Segment(t) for t in EN])
    assert links(beads) == ones(6)


def test_split_one_to_two():
    en = EN[:1] + ["Member States are invited to strengthen police cooperation.",
                   "This cooperation should be international."] + EN[2:]
    assert links(align(FR, en)) == [((0,), (0,)), ((1,), (1, 2))] + [((i,), (i + 1,)) for i in range(2, 6)]


def test_merge_two_to_one():
    en = EN[:2] + [EN[2][:-1] + ", and UNODC provides technical assistance to countries that request it."] + EN[4:]
    assert links(align(FR, en)) == [((0,), (0,)), ((1,), (1,)), ((2, 3), (2,)), ((4,), (3,)), ((5,), (4,))]


def test_omission():
    en = EN[:3] + EN[4:]
    beads = align(FR, en)
    assert links(beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()), ((4,), (3,)), ((5,), (4,))]
    assert beads[3].score < min(b.score for b in beads if b.fr_ids and b.en_ids)


def test_numbers_are_anchors():
    # the same words everywhere; only the numbers tell the lines apart
    fr = [f"Le paragraphe {n} de la résolution 77/{n} est modifié." for n in (101, 205, 317, 422)]
    en = [f"Paragraph {n} of resolution 77/{n} is amended." for n in (205, 317, 422)]
    assert links(align(fr, en)) == [((0,), ()), ((1,), (0,)), ((2,), (1,)), ((3,), (2,))]


def test_acronym_table_pairs():
    fr = ["Rapport de l'OICS.", "Rapport de l'ONUDC.", "Rapport de la CNUCTO."]
    en = ["Report of UNODC.", "Report of the UNTOC."]
    assert links(align(fr, en)) == [((0,), ()), ((1,), (0,)), ((2,), (1,))]


@pytest.mark.parametrize("n", [1, 2, 3])
def test_tiny_documents(n):
    assert links(align(FR[:n], EN[:n])) == ones(n)
