"""check.evidence: what the build's corpus says (its lookup index)."""
from __future__ import annotations

import pytest

from toolkit.check import check
from toolkit.check.evidence import CorpusEvidence
from toolkit.lookup import build_index
from toolkit.types import Alignment, Bead, Glossary, Segment, TermPair

FR = ["Les services de détection et de répression coopèrent avec INTERPOL.",
      "Le Conseil permanent adopte la décision sur les activités de police.",
      "Les organismes chargés de l'application de la loi échangent des données."]
EN = ["Police forces cooperate with INTERPOL.",
      "The Permanent Council adopts the decision on police-related activities.",
      "Law enforcement agencies exchange data."]
GLOSSARY = Glossary([TermPair("services de détection et de répression", "law enforcement agencies",
                              status="approved")])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    db = tmp_path_factory.mktemp("evidence") / "termkit.db"
    al = Alignment("doc", [Segment(t) for t in FR], [Segment(t) for t in EN],
                   [Bead((i,), (i,), 0.9) for i in range(len(FR))])
    build_index(db, [al], GLOSSARY)
    ev = CorpusEvidence(db)
    yield ev
    ev.close()


def test_a_pair_of_the_corpus_is_found_whatever_its_spaces_and_case(corpus):
    assert corpus.has_pair("Le  Conseil permanent adopte la DÉCISION sur les activités de police.",
                           "The Permanent Council adopts the decision on  police-related activities.")
    assert not corpus.has_pair(FR[1], "The Permanent Council adopts the decision.")  # another English
    assert not corpus.has_pair("Le Conseil adopte la décision.", EN[1])  # another French
    assert not corpus.has_pair("…", EN[1])  # no word to look for


def test_a_term_left_unrendered_in_a_corpus_pair_is_not_reported(corpus):
    al = Alignment("new", [Segment(FR[0]), Segment("Les services de détection et de répression sont formés.")],
                   [Segment(EN[0]), Segment("Police forces are trained.")], [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9)])
    found = [(i.kind, i.fr_ids, i.severity) for i in check(al, GLOSSARY, corpus=corpus)]
    # pair 0 is the corpus's own: no finding; pair 1: a note, the corpus renders the term otherwise
    assert found == [("term", (1,), "note")]
    assert [(i.kind, i.severity) for i in check(al, GLOSSARY)] == [("term", "issue"), ("term", "issue")]
