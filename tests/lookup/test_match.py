"""Term matching rules shared by lookup and check (elision, plural, accents)."""
from __future__ import annotations

import pytest

from toolkit.lookup.match import find_spans, fold_key, fts_query, lemma_key, lemma_keys, term_words


@pytest.mark.parametrize("term, lang, words", [
    ("l’Application des lois", "fr", ("application", "des", "lois")),
    ("taux d'intérêt", "fr", ("taux", "interet")),
    ("jusqu’à", "fr", ("a",)),
    ("Œuvre", "fr", ("oeuvre",)),
    ("the State's police", "en", ("the", "state", "police")),
    ("Secretary-General", "en", ("secretary", "general")),
])
def test_term_words(term, lang, words):
    assert term_words(term, lang) == words


@pytest.mark.parametrize("text, term, lang, found", [
    ("Les États membres adoptent.", "État membre", "fr", ["États membres"]),
    ("des services nationaux de police", "service national", "fr", ["services nationaux"]),
    ("L’application des lois", "application des lois", "fr", ["application des lois"]),
    ("d'application de la loi", "application des lois", "fr", []),  # de la ≠ des: a variant's job
    ("law enforcement agencies", "law enforcement agency", "en", ["law enforcement agencies"]),
    ("The boxes and taxes", "tax", "en", ["taxes"]),
    ("Law-enforcement officers", "law enforcement", "en", ["Law-enforcement"]),
    ("a law and enforcement", "law enforcement", "en", []),
    ("police, police", "police", "fr", ["police", "police"]),
])
def test_find_spans(text, term, lang, found):
    assert [text[s:e] for s, e in find_spans(text, term, lang)] == found


def test_keys():
    assert fold_key("Services de Détection", "fr") == "services de detection"
    assert lemma_key("Services de détection", "fr") == lemma_key("service de détections", "fr")
    assert lemma_key("processes", "en") in lemma_keys("process", "en")
    assert lemma_key("process", "en") in lemma_keys("processes", "en")


def test_fts_query_covers_plurals():
    q = fts_query(["law enforcement agency"], "en")
    assert '"law enforcement agency"' in q and '"law enforcement agencies"' in q
    # function words (huge doclists) or too many combinations: content words ANDed,
    # adjacency verified by find_spans
    q = fts_query(["la criminalité transnationale organisée"], "fr")
    assert q.startswith('NEAR("criminalite" "transnational" "organisee", 2) OR ')  # 2: the words between
    assert 'NEAR("criminalites" "transnationales" "organisees", 2)' in q
    assert " AND " in fts_query(["droit de la mer et des fonds marins internationaux"], "fr")
    assert fts_query(["cet ensemble"], "fr") == '"cet ensemble" OR "cet ensembles"'  # few phrases: kept
    assert fts_query(["des"], "fr") == '"des"'



@pytest.mark.parametrize("term, sentence", [
    ("taux d'intérêt", "Le taux d’intérêt augmente."),
    ("taux d'intérêt", "Les taux d'intérêts augmentent."),
    ("l'application des lois", "Services d’application des lois."),
    ("services de détection et de répression", "Les services de détection et de répression."),
    ("criminalité transnationale organisée", "La criminalité transnationale organisée."),
    ("État membre", "Les États membres."),
    ("œuvre", "Une Œuvre."),
    ("the State's police", "The State's police force."),
    ("law enforcement agency", "Law-enforcement agencies."),
])
def test_fts_query_matches_in_sqlite(term, sentence):
    import sqlite3

    from toolkit.lookup.index import fts_text

    lang = "en" if sentence.startswith("The") or sentence.startswith("Law") else "fr"
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    con.execute("INSERT INTO t VALUES (?)", (fts_text(sentence),))
    con.execute("INSERT INTO t VALUES ('unrelated words only')")
    rows = con.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts_query([term], lang),)).fetchall()
    assert rows == [(1,)]
    assert find_spans(sentence, term, lang)
