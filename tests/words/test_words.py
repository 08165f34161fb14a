"""toolkit.words: exact outputs on small inputs."""
from __future__ import annotations

import random
import subprocess
import sys

import pytest

from toolkit.words import (acronym_pairs, cognate_score, cognates, ibm1, is_acronym, lemma_key, lexicon,
                           norm_key, tokens, train_ibm1)


def test_import_loads_nothing_heavy():
    code = "import sys, toolkit.words; print('numpy' in sys.modules, 'simplemma' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_tokens_offsets_point_into_the_original_text():
    text = "L’ap\u00adplication des lois"
    toks = tokens(text)
    assert [t.text for t in toks] == ["L'", "application", "des", "lois"]
    assert [text[t.start:t.end] for t in toks] == ["L’", "ap\u00adplication", "des", "lois"]


@pytest.mark.parametrize("word,lang,key", [("Capacités", "fr", "capacite"), ("nationaux", "fr", "national"),
                                           ("des", "fr", "de"), ("agencies", "en", "agency"),
                                           ("partenariats", "fr", "partenariat")])
def test_lemma_key(word, lang, key):
    assert lemma_key(word, lang) == key


def test_norm_key():
    assert (norm_key("Résolutions"), norm_key("ONU"), norm_key("class")) == ("resolution", "onu", "class")


def _pairs():
    rng = random.Random(1)
    fr, en = list("abcdefg"), ["x", "y", "z", "u", "v", "w"]
    return [(rng.sample(fr, 3) + ["a"], rng.sample(en, 3) + ["x"]) for _ in range(200)]


def test_ibm1_learns_the_constant_pair():
    t = ibm1(_pairs())
    assert max(t["a"], key=t["a"].get) == "x"


def test_ibm1_options_null_counts_prior():
    pairs = [(["chat", "noir"], ["black", "cat"]), (["chat"], ["cat"]), (["noir"], ["black"])]
    m = train_ibm1(pairs, 10, null=True, token_counts=True)
    mat = m.matrix(m.ids(["chat", "noir"]), m.ids(["cat", "black"], "tgt"))
    assert mat[0, 0] > 0.9 and mat[1, 1] > 0.9
    assert m.null_row(m.ids(["cat", "black"], "tgt")).tolist() == pytest.approx([0.5, 0.5])  # NULL: all it saw
    assert "<null>" not in m.table()
    # a prior decides what the data cannot: one sentence pair, two words each
    seeded = train_ibm1([(["chien", "rouge"], ["red", "dog"])], 5, prior={"chien": {"dog": 1.0}}, prior_weight=5)
    row = seeded.table(min_p=0.0)["chien"]
    assert row["dog"] > row["red"]


def test_bundled_lexicon_and_acronyms():
    lex = lexicon()
    assert "securite" in lex and "security" in lex["securite"]
    assert ("onudc", "unodc") in acronym_pairs()
    assert is_acronym("ONUDC") and not is_acronym("IV") and not is_acronym("Onu")


def test_cognates():
    assert cognate_score("securite", "security") > cognate_score("securite", "security", endings=False)
    got = cognates(["organisation", "police"], ["organization", "polite", "table"])
    assert set(got["organisation"]) == {"organization"}
    assert cognate_score("abc", "abc") == 0.0
