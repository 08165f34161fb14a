"""Small synthetic aligned documents for the terms tests."""
from __future__ import annotations

import pytest

from toolkit.types import Alignment, Bead, Segment


def make_alignment(pairs: list[tuple[str, str]], doc: str = "doc1") -> Alignment:
    """One 1-1 bead per (french, english) sentence pair."""
    return Alignment(
        doc,
        [Segment(f) for f, _ in pairs],
        [Segment(e) for _, e in pairs],
        [Bead((i,), (i,), 1.0) for i in range(len(pairs))],
    )


SYNTH = [
    ("Les services de détection et de répression coopèrent avec le parquet.",
     "Law enforcement agencies cooperate with the prosecution service."),
    ("Le blanchiment d’argent menace la stabilité financière.",
     "Money laundering threatens financial stability."),
    ("L’ONUDC aide les États à lutter contre le blanchiment d’argent.",
     "UNODC helps States to combat money laundering."),
    ("L’application de la convention est examinée chaque année.",
     "The implementation of the convention is reviewed every year."),
    ("Le rapport porte sur l'application de la convention.",
     "The report deals with the implementation of the convention."),
    ("Les enquêtes financières sont longues.", "Financial investigations are long."),
    ("Une enquête financière a été ouverte.", "A financial investigation was opened."),
    ("L’ONUDC publie un rapport sur la criminalité organisée.",
     "UNODC publishes a report on organized crime."),
    ("La criminalité organisée profite de la corruption.",
     "Organized crime benefits from corruption."),
]


@pytest.fixture(scope="session")
def synth() -> Alignment:
    return make_alignment(SYNTH)
