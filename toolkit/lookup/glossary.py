"""Glossary side of a lookup: entries whose term or variant matches the query exactly, by
lemma, or fuzzily (FTS5 candidates re-ranked by rapidfuzz, word-level typo correction
against the distinct glossary words, loaded once per ``Lookup``).

A mixin of :class:`toolkit.lookup.search.Lookup` (it reads ``self.con``).
"""
from __future__ import annotations

import json

from ..types import TermPair
from .match import fold_key, inflections, is_stopword, lemma_keys
from .result import GlossaryHit

__all__ = ["GlossarySearch", "SCORES", "FUZZY_CAP", "FUZZY_MIN", "rank"]

# Scores by kind of match (fuzzy scores are rapidfuzz's 0-100, capped below LEMMA_VARIANT).
SCORES = {"exact": 100.0, "exact_variant": 98.0, "lemma": 96.0, "lemma_variant": 95.0}
FUZZY_CAP = 94.0
FUZZY_MIN = 70.0
_STATUS_RANK = {"approved": 0, "new": 1, "rejected": 2}
_FTS_CANDIDATES = 200  # fuzzy glossary candidates re-ranked by rapidfuzz


class GlossarySearch:
    """Glossary matching over an open index (``self.con``)."""

    con: object
    _vocab: dict
    _entries: dict

    def _entry(self, ids: list[int]) -> dict[int, TermPair]:
        missing = [i for i in ids if i not in self._entries]
        if missing:
            q = ("SELECT id, term_id, fr, en, score, freq, kind, pos, fr_variants, en_variants, example_fr, "
                 f"example_en, docs, status, note, stale FROM glossary WHERE id IN ({','.join('?' * len(missing))})")
            for r in self.con.execute(q, missing):
                self._entries[r[0]] = TermPair(
                    fr=r[2], en=r[3], id=r[1] or "", score=r[4] or 0.0, freq=r[5] or 0, kind=r[6] or "term",
                    pos=r[7] or "", fr_variants=tuple(json.loads(r[8] or "[]")),
                    en_variants=tuple(json.loads(r[9] or "[]")), example_fr=r[10] or "", example_en=r[11] or "",
                    docs=tuple(json.loads(r[12] or "[]")), status=r[13] or "new", note=r[14] or "",
                    stale=bool(r[15]))
        return {i: self._entries[i] for i in ids if i in self._entries}

    def vocabulary(self, lang: str) -> tuple[list[str], frozenset[str]]:
        """Distinct folded glossary words of ``lang`` (loaded on first fuzzy query)."""
        if lang not in self._vocab:
            ws = [r[0] for r in self.con.execute("SELECT word FROM gloss_vocab WHERE lang = ?", (lang,))]
            self._vocab[lang] = (ws, frozenset(ws))
        return self._vocab[lang]

    def _corrections(self, word: str, lang: str) -> list[tuple[str, float]]:
        """Glossary words close to a word missing from the glossary vocabulary (typos), with
        their similarity (0-100)."""
        from rapidfuzz import fuzz, process

        vocab, known = self.vocabulary(lang)
        if word in known or len(word) < 3 or word.isdigit():
            return [(word, 100.0)] if word in known else []
        found = process.extract(word, vocab, scorer=fuzz.ratio, limit=3, score_cutoff=75)
        return [(w, s) for w, s, _ in found]

    def glossary_hits(self, query: str, lang: str, limit: int = 10) -> list[GlossaryHit]:
        """Glossary entries whose ``lang`` side (term or variant) matches ``query``, best first."""
        return self._hits(self._matches(query, lang, limit, fuzzy=True), lang, limit)

    def _hits(self, best: dict[int, tuple[float, str, str]], lang: str, limit: int) -> list[GlossaryHit]:
        entries = self._entry(list(best))
        hits = [GlossaryHit(entries[i], kind, s, lang, form) for i, (s, kind, form) in best.items() if i in entries]
        hits.sort(key=rank)
        return hits[:limit]

    def _matches(self, query: str, lang: str, limit: int, fuzzy: bool) -> dict[int, tuple[float, str, str]]:
        """{glossary row: (score, match kind, matched form)}: exact and lemma, then fuzzy if asked."""
        best: dict[int, tuple[float, str, str]] = {}
        fk = fold_key(query, lang)
        if not fk:
            return best
        for entry, variant, form in self.con.execute(
                "SELECT entry, variant, form FROM gloss_keys WHERE lang = ? AND fold = ? LIMIT 100", (lang, fk)):
            _offer(best, entry, SCORES["exact_variant" if variant else "exact"], "exact", form)
        lks = lemma_keys(query, lang)
        if lks:
            sql = (f"SELECT entry, variant, form FROM gloss_keys WHERE lang = ? AND lemma IN "
                   f"({','.join('?' * len(lks))}) LIMIT 100")
            for entry, variant, form in self.con.execute(sql, (lang, *lks)):
                _offer(best, entry, SCORES["lemma_variant" if variant else "lemma"], "lemma", form)
        if fuzzy and len(best) < limit:
            self._add_fuzzy(fk, lang, best)
        return best

    def _add_fuzzy(self, fk: str, lang: str, best: dict[int, tuple[float, str, str]]) -> None:
        for entry, score, form in self._fuzzy(fk, lang):
            _offer(best, entry, score, "fuzzy", form)

    def _fuzzy(self, fk: str, lang: str) -> list[tuple[int, float, str]]:
        qwords = fk.split()
        corrected, terms, quality = [], [], 100.0
        for w in qwords:
            fixes = self._corrections(w, lang)
            corrected.append(fixes[0][0] if fixes else w)
            if fixes and not is_stopword(w, lang):
                quality = min(quality, fixes[0][1])
            if not is_stopword(w, lang):
                for f, _ in fixes or [(w, 0.0)]:
                    terms += sorted(inflections(f, lang))
        terms = list(dict.fromkeys(t for t in terms if t))
        if not terms:
            return []
        expr = f"{lang} : (" + " OR ".join(f'"{t}"' for t in terms) + ")"
        ids = [r[0] for r in self.con.execute(
            "SELECT rowid FROM gloss_fts WHERE gloss_fts MATCH ? ORDER BY rank LIMIT ?", (expr, _FTS_CANDIDATES))]
        if not ids:
            return []
        rows = self.con.execute(
            f"SELECT entry, form, fold FROM gloss_keys WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()
        cq = " ".join(corrected)
        out = []
        for entry, form, key in rows:
            s = _similarity(fk, key)
            if cq != fk:  # typo-corrected query, below the same match without typos: a
                # word-level correction at 80% similarity is more likely another word
                s = max(s, min(0.95, quality / 100 - 0.02) * _similarity(cq, key))
            if s >= FUZZY_MIN:
                out.append((entry, min(s, FUZZY_CAP), form))
        return out


def _offer(best: dict, entry: int, score: float, kind: str, form: str) -> None:
    if entry not in best or score > best[entry][0]:
        best[entry] = (score, kind, form)


def _similarity(query: str, key: str) -> float:
    """rapidfuzz similarity of two folded strings: character ratio, or word-set overlap
    (``detection et repression`` in ``services de detection et de repression``) scaled
    down by how much the word counts differ, so the closest-sized term ranks first."""
    from rapidfuzz import fuzz

    nq, nk = query.count(" ") + 1, key.count(" ") + 1
    return max(fuzz.ratio(query, key), fuzz.token_set_ratio(query, key) * (0.8 + 0.1 * min(nq, nk) / max(nq, nk)))


def rank(h: GlossaryHit) -> tuple:
    """Sort key of a hit: score, then approved before new before rejected, then frequency."""
    return (-h.score, _STATUS_RANK.get(h.entry.status, 1), -h.entry.freq, h.entry.fr)
