"""Fixtures for the format tests: a glossary and alignments that exercise every field."""
from __future__ import annotations

import pytest

from toolkit.types import Alignment, Bead, Glossary, Segment, TermPair


def sample_glossary() -> Glossary:
    return Glossary(entries=[
        TermPair("prêt", "loan", id="t-pret-loan", score=0.87, freq=12, kind="term", pos="noun",
                 fr_variants=("emprunt",), en_variants=("credit", "advance"),
                 example_fr="Le prêt est remboursable.", example_en="The loan is repayable.",
                 docs=("contrat.docx", "annexe 2.pdf"), status="approved",
                 note="validé par le client\nvoir art. 3"),
        TermPair("Organisation des Nations unies", "United Nations", id="3f2a9c", score=0.5,
                 freq=3, kind="name", pos="PROPN", status="new"),
        TermPair("ONU", "UN", id="t-onu", score=1.0, freq=40, kind="acronym", pos="",
                 status="rejected", stale=True, note="=SUM(A1:A3)"),
        TermPair("-based", "+1 (212) 555", id="t-dash", score=0.123456789, freq=1,
                 example_fr="@home et l'eau", example_en="'quoted' & <tag>", docs=("x.txt",),
                 note="'=already quoted"),
        TermPair("coopération policière", "police cooperation", id="", score=0.0, freq=0),
    ], title="termkit glossary")


def sample_alignments() -> list[Alignment]:
    a = Alignment(
        doc="contrat.docx",
        fr=[Segment("Le prêt est remboursable."), Segment("Il court sur dix ans,"),
            Segment("à taux fixe."), Segment("Article omis."), Segment("Fin « & <b> ».")],
        en=[Segment("The loan is repayable."), Segment("It runs for ten years at a fixed rate."),
            Segment("Extra English sentence."), Segment("End \"& <b>\".")],
        beads=[Bead((0,), (0,), 0.93), Bead((1, 2), (1,), 0.71), Bead((3,), (), 0.0),
               Bead((), (2,), 0.0), Bead((4,), (3,), 0.5)],
    )
    b = Alignment(
        doc="rapport 2.pdf",
        fr=[Segment("Rapport annuel."), Segment("Tab\tet guillemet \" ici.")],
        en=[Segment("Annual report."), Segment("Tab\tand quote \" here.")],
        beads=[Bead((0,), (0,), 1.0), Bead((1,), (1,), 0.25)],
    )
    return [a, b]


@pytest.fixture
def glossary() -> Glossary:
    return sample_glossary()


@pytest.fixture
def alignments() -> list[Alignment]:
    return sample_alignments()


@pytest.fixture(scope="session")
def schemas_dir():
    """The published schemas, vendored under tests/schemas (see its NOTICE.md): schema
    validation runs in any clone, with or without ../shared."""
    from pathlib import Path

    return Path(__file__).resolve().parents[1] / "schemas"
