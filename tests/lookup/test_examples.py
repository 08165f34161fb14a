"""Examples when the exact phrase has none: words in order nearby (FTS5 NEAR), then all
words; typo-tolerant against the corpus vocabulary."""
from __future__ import annotations

import pytest

from toolkit.lookup import Lookup, build_index
from toolkit.types import Glossary


@pytest.fixture(scope="module")
def bare(tmp_path_factory, alignments):
    """The lookup corpus with no glossary: examples come from the query alone."""
    path = tmp_path_factory.mktemp("bare") / "termkit.db"
    build_index(path, alignments, Glossary())
    with Lookup(path) as lk:
        yield lk


def _marked(hit, lang):
    text, spans = (hit.fr, hit.fr_spans) if lang == "fr" else (hit.en, hit.en_spans)
    return [text[s:e] for s, e in spans]


def test_words_in_order_nearby(bare):
    r = bare.lookup("detection et repression")
    assert r.examples == "near" and r.corrected == ""
    assert [_marked(h, "fr") for h in r.concordance] == [["détection et de répression"]]
    assert r.to_dict()["examples_match"] == "near"


def test_all_words_anywhere_when_not_in_order(bare):
    r = bare.lookup("repression detection", lang="fr")
    assert r.examples == "words"
    assert _marked(r.concordance[0], "fr") == ["détection", "répression"]


@pytest.mark.parametrize("query, lang, corrected, found", [
    ("law enforcment agencies", "en", "law enforcement agencies", "Law enforcement agencies exchange data."),
    ("criminalite transnationalle", "fr", "criminalite transnationale",
     "La criminalité transnationale organisée menace la sécurité."),
])
def test_typos_are_corrected_against_the_corpus(bare, query, lang, corrected, found):
    r = bare.lookup(query, lang=lang)
    assert r.corrected == corrected and r.examples == "phrase"
    assert found in [h.en if lang == "en" else h.fr for h in r.concordance]


def test_exact_phrase_first_and_nothing_for_nonsense(bare):
    r = bare.lookup("application des lois")
    assert r.examples == "phrase" and r.corrected == "" and len(r.concordance) == 2
    r = bare.lookup("zzyzx quux")
    assert r.concordance == [] and r.examples == ""


def test_cli_says_how_the_examples_matched(tmp_path, alignments):
    from typer.testing import CliRunner

    from toolkit.cli import app

    db = tmp_path / "termkit.db"
    build_index(db, alignments, Glossary())
    out = CliRunner().invoke(app, ["lookup", "detection et repression", "--db", str(db)])
    assert out.exit_code == 0
    assert "no example of the exact phrase" in " ".join(out.output.split())
    assert "détection et de répression" in out.output.replace("\n", " ")
