"""Glossary lookup in both directions, concordance spans, limits and errors."""
from __future__ import annotations

import json
import sqlite3

import pytest

from toolkit.errors import InputError
from toolkit.lookup import Lookup, build_index, lookup
from toolkit.types import Glossary


def _first(res):
    assert res.glossary, f"no glossary hit for {res.query!r}"
    return res.glossary[0]


@pytest.mark.parametrize("query, term_id, match", [
    ("application des lois", "t2", "exact"),
    ("Application des Lois", "t2", "exact"),
    ("l’application des lois", "t2", "exact"),  # elision
    ("l'application de la loi", "t2", "exact"),  # a French variant
    ("applications des lois", "t2", "lemma"),  # plural
    ("États membres", "t4", "lemma"),
    ("etat membre", "t4", "exact"),  # accent-less
    ("criminalite transnationale organisee", "t3", "exact"),
    ("criminalités transnationales organisées", "t3", "lemma"),
    ("criminalité transnationalle organisée", "t3", "fuzzy"),  # typo
    ("criminalte transnatonale", "t3", "fuzzy"),  # typos and a missing word
    ("detection et repression", "t1", "fuzzy"),  # accent-less sub-phrase
    ("secretaire generale", "t5", "fuzzy"),
])
def test_french_queries_rank_the_right_entry_first(lk, query, term_id, match):
    hit = _first(lk.lookup(query, context=False))
    assert (hit.entry.id, hit.match, hit.direction) == (term_id, match, "fr")


@pytest.mark.parametrize("query, term_id, match", [
    ("law enforcement", "t2", "exact"),
    ("law-enforcement", "t2", "exact"),  # an English variant
    ("member states", "t4", "lemma"),
    ("transnational organised crime", "t3", "exact"),
    ("transnational organized crimes", "t3", "lemma"),
    ("secretary general", "t5", "exact"),  # hyphen = space
    ("law enforcment services", "t1", "fuzzy"),
])
def test_english_queries_find_the_french_entry(lk, query, term_id, match):
    hit = _first(lk.lookup(query, lang="en", context=False))
    assert (hit.entry.id, hit.match, hit.direction) == (term_id, match, "en")
    assert _first(lk.lookup(query, context=False)).entry.id == term_id  # auto


def test_scores_and_order(lk):
    res = lk.lookup("law enforcement", context=False)
    ids = [h.entry.id for h in res.glossary]
    assert ids[0] == "t2" and "t1" in ids  # exact first, then the longer term
    assert res.glossary[0].score == 100.0
    assert all(a.score >= b.score for a, b in zip(res.glossary, res.glossary[1:]))
    assert all(h.score < 95 for h in res.glossary if h.match == "fuzzy")


def test_status_is_reported(lk):
    hit = _first(lk.lookup("securite", context=False))
    assert (hit.entry.id, hit.entry.status) == ("t6", "rejected")


def test_nothing_found(lk):
    res = lk.lookup("zzyzx quux", context=True)
    assert res.glossary == [] and res.concordance == []


def test_concordance_highlights_both_sides(lk):
    res = lk.lookup("application des lois")
    got = {(c.fr, c.doc): c for c in res.concordance}
    c = got[("L’application des lois est une priorité des États membres.", "interpol-doc")]
    assert c.en == "Law enforcement is a priority of member States."
    assert [c.fr[s:e] for s, e in c.fr_spans] == ["application des lois"]
    assert [c.en[s:e] for s, e in c.en_spans] == ["Law enforcement"]
    c = got[("Les agents d'application des lois sont formés chaque année.", "interpol-doc")]
    assert [c.en[s:e] for s, e in c.en_spans] == ["Law-enforcement"]  # variant highlighted
    # the French variant is searched too, in the other document
    c = got[("Les organismes chargés de l'application de la loi échangent des données.", "un-doc")]
    assert [c.fr[s:e] for s, e in c.fr_spans] == ["application de la loi"]
    assert [c.en[s:e] for s, e in c.en_spans] == ["Law enforcement"]
    # a sentence with the term only inside the longer term is there; nothing else is
    assert all("application" in c.fr.lower() for c in res.concordance)
    assert len(res.concordance) == 3


def test_concordance_plural_and_accents(lk):
    res = lk.lookup("etat membre")
    pairs = {c.fr: c for c in res.concordance}
    c = pairs["L’application des lois est une priorité des États membres."]
    assert [c.fr[s:e] for s, e in c.fr_spans] == ["États membres"]
    assert [c.en[s:e] for s, e in c.en_spans] == ["member States"]
    assert "Les États membres adoptent la résolution." in pairs


def test_concordance_from_english_and_typo(lk):
    res = lk.lookup("transnational organized crime", lang="en")
    (c,) = res.concordance
    assert [c.en[s:e] for s, e in c.en_spans] == ["Transnational organised crime"]
    assert [c.fr[s:e] for s, e in c.fr_spans] == ["criminalité transnationale organisée"]
    # a typo still gives examples, through the glossary entry it found
    res = lk.lookup("criminalte transnatonale organisee")
    assert [c.fr for c in res.concordance] == ["La criminalité transnationale organisée menace la sécurité."]


def test_concordance_without_glossary_entry(lk):
    res = lk.lookup("rapport", context=True)
    assert res.glossary == []
    (c,) = res.concordance
    assert c.doc == "interpol-doc"
    assert [c.fr[s:e] for s, e in c.fr_spans] == ["rapport"] and c.en_spans == ()


def test_limit_is_respected(lk):
    res = lk.lookup("law enforcement", limit=1)
    assert len(res.glossary) == 1 and len(res.concordance) == 1
    res = lk.lookup("application des lois", limit=2)
    assert len(res.concordance) == 2


def test_no_context(lk):
    assert lk.lookup("application des lois", context=False).concordance == []


def test_to_dict_is_json(lk):
    d = lk.lookup("application des lois", limit=2).to_dict()
    back = json.loads(json.dumps(d, ensure_ascii=False))
    assert back["glossary"][0]["entry"]["en"] == "law enforcement"
    assert back["glossary"][0]["entry"]["en_variants"] == ["law-enforcement"]
    assert back["glossary"][0]["match"] == "exact"
    assert back["concordance"][0]["fr_spans"] and back["concordance"][0]["doc"] == "interpol-doc"  # the query itself before variants


def test_function_wrapper(db):
    assert lookup(db, "member state", context=False).glossary[0].entry.id == "t4"


def test_missing_index(tmp_path):
    with pytest.raises(InputError, match=r"none\.db: no lookup index; run `termkit build` or `termkit index` first"):
        Lookup(tmp_path / "none.db")
    with pytest.raises(InputError, match="no lookup index"):
        lookup(tmp_path / "none.db", "police")


def test_corrupt_index(tmp_path):
    bad = tmp_path / "termkit.db"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(InputError, match="no lookup index"):
        Lookup(bad)
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute("CREATE TABLE x(y)").connection.commit()
    with pytest.raises(InputError, match="no lookup index"):
        Lookup(empty)


def test_bad_lang(lk):
    with pytest.raises(InputError):
        lk.lookup("police", lang="de")


def test_build_is_atomic(tmp_path, alignments, glossary):
    db = tmp_path / "termkit.db"
    build_index(db, alignments, glossary)
    before = db.read_bytes()

    with pytest.raises(Boom):
        build_index(db, alignments, Glossary(entries=_Exploding(glossary.entries)))
    assert db.read_bytes() == before  # the previous index is intact
    assert [p.name for p in tmp_path.iterdir()] == ["termkit.db"]  # no temp file left
    new = tmp_path / "new.db"
    with pytest.raises(Boom):
        build_index(new, alignments, Glossary(entries=_Exploding(glossary.entries)))
    assert not new.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["termkit.db"]


class Boom(Exception):
    pass


class _Exploding(list):
    """A list of entries that fails half-way through the build."""

    def __iter__(self):
        for i, e in enumerate(list.__iter__(self)):
            if i == 3:
                raise Boom("disk on fire")
            yield e


def _forget_lemmas(monkeypatch):
    from toolkit.words import forms, lemmas

    monkeypatch.setattr(lemmas, "_cache", {})
    forms.singulars.cache_clear()
    forms.inflections.cache_clear()


def test_the_index_holds_every_word_lemma_and_a_lookup_lemmatises_only_unseen_words(db, monkeypatch):
    """``lemmas``: each folded word of the keys and pairs with its lemma; an open Lookup is a
    lemma source, so its words are never lemmatised again, and the results are the same."""
    from toolkit.words import lemmas

    con = sqlite3.connect(db)
    rows = {(lg, w): lem for lg, w, lem in con.execute("SELECT lang, word, lemma FROM lemmas")}
    con.close()
    assert rows[("fr", "agents")] == "agent" and rows[("en", "agencies")] == "agency"
    assert all(lem == lemmas._compute(w, lg) for (lg, w), lem in rows.items())
    computed = []
    real = lemmas._compute
    monkeypatch.setattr(lemmas, "_compute", lambda w, lg: computed.append((lg, w)) or real(w, lg))
    queries = ("services de detection et de repression", "servises de détection et de represion")
    _forget_lemmas(monkeypatch)
    with Lookup(db) as fresh:
        found = [_timeless(fresh.lookup(q)) for q in queries]
    assert found[0]["glossary"][0]["entry"]["id"] == found[1]["glossary"][0]["entry"]["id"] == "t1"
    assert found[0]["concordance"]
    assert computed and not [c for c in computed if c in rows]  # what the index has came from it
    assert ("fr", "represion") in computed  # a typo: unseen, lemmatised
    _forget_lemmas(monkeypatch)
    with Lookup(db) as again:
        monkeypatch.setattr(lemmas, "_sources", ())  # simplemma for every word: the same results
        assert [_timeless(again.lookup(q)) for q in queries] == found


def _timeless(result) -> dict:
    d = result.to_dict()
    d.pop("seconds")
    return d
