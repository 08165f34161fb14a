"""Query the lookup index: glossary hits in both directions (exact, lemma, fuzzy), then a
bilingual concordance with the term highlighted on both sides.

Every step is an indexed SQLite query with a LIMIT (B-tree for exact and lemma keys,
FTS5 for fuzzy candidates and the concordance); rapidfuzz only re-ranks the few hundred
candidates, and the typo-correction vocabulary (distinct glossary words) is loaded once
per ``Lookup``. Keep one ``Lookup`` open for repeated queries.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
import weakref
from pathlib import Path

from ..errors import InputError
from ..types import TermPair
from ..words.lemmas import add_source, remove_source
from . import SCHEMA_VERSION
from .match import (find_spans, fold_key, fts_query, inflections, is_stopword, lemma_keys, term_words,
                    words)
from .result import ConcordanceHit, GlossaryHit, LookupResult

__all__ = ["Lookup", "lookup", "SCORES"]

# Scores by kind of match (fuzzy scores are rapidfuzz's 0-100, capped below LEMMA_VARIANT).
SCORES = {"exact": 100.0, "exact_variant": 98.0, "lemma": 96.0, "lemma_variant": 95.0}
FUZZY_CAP = 94.0
FUZZY_MIN = 70.0
_STATUS_RANK = {"approved": 0, "new": 1, "rejected": 2}
_FTS_CANDIDATES = 200  # fuzzy glossary candidates re-ranked by rapidfuzz
_MAX_SCAN = 400  # concordance rows verified at most per direction


def _no_index(path: Path) -> InputError:
    return InputError(f"{path}: no lookup index; run `termkit build` or `termkit index` first")


class Lookup:
    """An open lookup index. ``Lookup(db).lookup("détection")``; reuse it for speed."""

    def __init__(self, db_path: str | os.PathLike):
        self.path = Path(db_path)
        if not self.path.is_file():
            raise _no_index(self.path)
        try:
            self.con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as e:
            raise _no_index(self.path) from e
        if not row or row[0] != SCHEMA_VERSION:
            self.con.close()
            raise InputError(f"{self.path}: lookup index from another termkit version; run `termkit index` again")
        self._vocab: dict[str, tuple[list[str], frozenset[str]]] = {}
        self._entries: dict[int, TermPair] = {}
        self._examples = None  # examples.Examples, made on the first loose search
        self._source = None
        if self.con.execute("SELECT 1 FROM sqlite_master WHERE name = 'lemmas'").fetchone():
            self._source = _lemma_source(self)
            add_source(self._source)

    def close(self) -> None:
        if self._source is not None:
            remove_source(self._source)
            self._source = None
        self.con.close()

    def __del__(self) -> None:
        if getattr(self, "_source", None) is not None:
            remove_source(self._source)

    def __enter__(self) -> "Lookup":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ glossary
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
        hits.sort(key=_rank)
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

    # ------------------------------------------------------------------ concordance
    def concordance(self, src_terms: list[str], lang: str, tgt_terms: list[str] = (),
                    limit: int = 10) -> list[ConcordanceHit]:
        """Aligned pairs whose ``lang`` side contains one of ``src_terms``; the other side's
        spans mark ``tgt_terms`` (the glossary translations) where they occur."""
        other = "en" if lang == "fr" else "fr"
        expr = fts_query(list(src_terms), lang)
        if not expr:
            return []
        src_keys = [tw for tw in dict.fromkeys(term_words(t, lang) for t in src_terms) if tw]
        tgt_keys = [tw for tw in dict.fromkeys(term_words(t, other) for t in tgt_terms) if tw]
        found: list[tuple[bool, bool, float, int, ConcordanceHit]] = []
        batch, scanned, last = max(4 * limit, 20), 0, 0
        while len(found) < 3 * limit and scanned < _MAX_SCAN:
            ids = [r[0] for r in self.con.execute(
                "SELECT rowid FROM pairs_fts WHERE pairs_fts MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?",
                (f"{lang} : ({expr})", last, batch))]
            if not ids:
                break
            scanned += len(ids)
            last = ids[-1]
            rows = self.con.execute(
                "SELECT p.id, p.fr, p.en, p.score, d.name FROM pairs p JOIN docs d ON d.id = p.doc "
                f"WHERE p.id IN ({','.join('?' * len(ids))}) ORDER BY p.id", ids).fetchall()
            for pid, fr, en, score, doc in rows:
                src, tgt = (fr, en) if lang == "fr" else (en, fr)
                sw = words(src, lang)
                s_spans = _merge(sp for k in src_keys for sp in find_spans(src, k, lang, sw))
                if not s_spans:
                    continue
                tw = words(tgt, other) if tgt_keys else []
                t_spans = _merge(sp for k in tgt_keys for sp in find_spans(tgt, k, other, tw))
                fs, es = (s_spans, t_spans) if lang == "fr" else (t_spans, s_spans)
                first = bool(find_spans(src, src_keys[0], lang, sw))  # the query (or best term) itself
                found.append((first, bool(t_spans), score or 0.0, pid,
                              ConcordanceHit(fr, en, doc, score or 0.0, fs, es)))
            if len(ids) < batch:
                break
        # the first source term first, then pairs where the translation is found, then alignment score
        found.sort(key=lambda f: (not f[0], not f[1], -f[2], f[3]))
        return [f[4] for f in found[:limit]]

    # ------------------------------------------------------------------ both
    def lookup(self, query: str, *, lang: str = "auto", limit: int = 10, context: bool = True) -> LookupResult:
        t0 = time.perf_counter()
        if lang not in ("fr", "en", "auto"):
            raise InputError(f"--from {lang}: choose fr, en or auto")
        langs = ("fr", "en") if lang == "auto" else (lang,)
        # exact and lemma matches in each language; fuzzy candidates only in the language(s)
        # that matched, or in both when neither did (auto mode does half the fuzzy work)
        found = {lg: self._matches(query, lg, limit, fuzzy=False) for lg in langs}
        for lg in [lg for lg in langs if found[lg]] or langs:
            fk = fold_key(query, lg)
            if fk and len(found[lg]) < limit:
                self._add_fuzzy(fk, lg, found[lg])
        hits: dict[int, GlossaryHit] = {}
        for lg in langs:
            for h in self._hits(found[lg], lg, limit):
                key = id(h.entry)  # entries are cached: one object per glossary row
                if key not in hits or _rank(h) < _rank(hits[key]):
                    hits[key] = h
        ranked = sorted(hits.values(), key=_rank)[:limit]
        result = LookupResult(query=query, lang=lang, glossary=ranked, context=context)
        if context:
            result.concordance = self._context(query, langs, ranked, limit)
            if result.concordance:
                result.examples = "phrase"
            else:
                self._loose(result, langs, limit)
        result.seconds = time.perf_counter() - t0
        return result

    def _loose(self, result: LookupResult, langs: tuple[str, ...], limit: int) -> None:
        """No example of the phrase: the looser steps of ``examples``."""
        from .examples import Examples

        if self._examples is None:
            self._examples = Examples(self.con)
        self._examples.fill(self, result, langs, limit)

    def _context(self, query: str, langs: tuple[str, ...], hits: list[GlossaryHit],
                 limit: int) -> list[ConcordanceHit]:
        strong = [h for h in hits if h.score >= 80.0]
        if strong:
            lg = strong[0].direction
            chosen = [h for h in strong if h.direction == lg and h.score >= strong[0].score - 2][:2]
            src = [query] + [t for h in chosen for t in _sides(h.entry, lg)]
            tgt = [t for h in chosen for t in _sides(h.entry, "en" if lg == "fr" else "fr")]
            return self.concordance(list(dict.fromkeys(src)), lg, tgt, limit)
        out: list[ConcordanceHit] = []
        for lg in langs:
            out += self.concordance([query], lg, [], limit)
        return out[:limit]


def _lemma_source(lk: Lookup):
    """The index's ``lemmas`` table as a word-layer lemma source (it does not keep ``lk`` alive)."""
    ref = weakref.ref(lk)

    def source(word: str, lang: str) -> str | None:
        owner = ref()
        if owner is None:
            return None
        try:
            row = owner.con.execute("SELECT lemma FROM lemmas WHERE lang = ? AND word = ?", (lang, word)).fetchone()
        except sqlite3.Error:  # closed meanwhile
            return None
        return row[0] if row else None

    return source


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


def _sides(e: TermPair, lang: str) -> list[str]:
    return [e.fr, *e.fr_variants] if lang == "fr" else [e.en, *e.en_variants]


def _rank(h: GlossaryHit) -> tuple:
    return (-h.score, _STATUS_RANK.get(h.entry.status, 1), -h.entry.freq, h.entry.fr)


def _merge(spans) -> tuple[tuple[int, int], ...]:
    out: list[list[int]] = []
    for s, e in sorted(set(spans)):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)


_OPEN: dict[tuple[str, int], Lookup] = {}


def lookup(db_path: str | os.PathLike, query: str, *, lang: str = "auto", limit: int = 10,
           context: bool = True) -> LookupResult:
    """One lookup; the index stays open (per file and modification time) for the next call."""
    path = Path(db_path)
    try:
        key = (str(path.resolve()), path.stat().st_mtime_ns)
    except OSError:
        raise _no_index(path) from None
    lk = _OPEN.get(key)
    if lk is None:
        for k in [k for k in _OPEN if k[0] == key[0]]:
            _OPEN.pop(k).close()
        lk = _OPEN[key] = Lookup(path)
    return lk.lookup(query, lang=lang, limit=limit, context=context)
