"""A small glossary and two aligned documents, indexed once per session."""
from __future__ import annotations

import pytest

from toolkit.lookup import Lookup, build_index
from toolkit.types import Alignment, Bead, Glossary, Segment, TermPair

FR = [
    "Les services de détection et de répression coopèrent avec INTERPOL.",
    "L’application des lois est une priorité des États membres.",
    "La criminalité transnationale organisée menace la sécurité.",
    "Les agents d'application des lois sont formés chaque année.",
    "Le Secrétaire général présente un rapport.",
]
EN = [
    "Law enforcement services cooperate with INTERPOL.",
    "Law enforcement is a priority of member States.",
    "Transnational organised crime threatens security.",
    "Law-enforcement officers are trained every year.",
    "The Secretary-General submits a report.",
]
FR2 = ["Les organismes chargés de l'application de la loi échangent des données.",
       "Les États membres adoptent la résolution."]
EN2 = ["Law enforcement agencies exchange data.", "Member States adopt the resolution."]

ENTRIES = [
    TermPair("services de détection et de répression", "law enforcement services", id="t1", status="approved",
             freq=3),
    TermPair("application des lois", "law enforcement", id="t2", status="approved", freq=12,
             en_variants=("law-enforcement",), fr_variants=("application de la loi",)),
    TermPair("criminalité transnationale organisée", "transnational organized crime", id="t3",
             en_variants=("transnational organised crime",), status="new", freq=7),
    TermPair("État membre", "member State", id="t4", status="approved", freq=20),
    TermPair("Secrétaire général", "Secretary-General", id="t5", status="new", freq=4),
    TermPair("sécurité", "security", id="t6", status="rejected", freq=2),
    TermPair("résolution", "resolution", id="t7", status="new", freq=9),
]


def _alignment(doc, fr, en):
    return Alignment(doc, [Segment(t) for t in fr], [Segment(t) for t in en],
                     [Bead((i,), (i,), 0.9 - i / 100) for i in range(len(fr))])


@pytest.fixture(scope="session")
def alignments():
    return [_alignment("interpol-doc", FR, EN), _alignment("un-doc", FR2, EN2)]


@pytest.fixture(scope="session")
def glossary():
    return Glossary(list(ENTRIES))


@pytest.fixture(scope="session")
def db(tmp_path_factory, alignments, glossary):
    path = tmp_path_factory.mktemp("lookup") / "termkit.db"
    build_index(path, alignments, glossary)
    return path


@pytest.fixture(scope="session")
def lk(db):
    with Lookup(db) as lk:
        yield lk
