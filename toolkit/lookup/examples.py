"""Example sentences when the exact phrase has none: a looser search, in steps.

1. ``phrase``: the query's words together, in order (inflections, accents, case and
   elision tolerated: ``Lookup.concordance``);
2. ``near``: its content words in order within a window of ``NEAR_GAP`` extra words
   (FTS5 ``NEAR``, order checked here): ``detection et repression`` finds
   "détection et de répression";
3. ``words``: all its content words anywhere in the sentence.

Each step is tried with the query as typed, then with its words corrected against the
corpus vocabulary (FTS5 ``fts5vocab``, loaded once per index): ``law enforcment agencies``
finds "law enforcement agencies". The first step that finds an example wins.
"""
from __future__ import annotations

import itertools
import sqlite3

from .match import Word, inflections, is_stopword, singulars, term_words, words
from .result import ConcordanceHit

__all__ = ["Examples", "NEAR_GAP", "STEPS"]

NEAR_GAP = 3  # extra words allowed between the query's words (articles, "de", an adjective)
STEPS = ("phrase", "near", "words")
_CANDIDATES = 400  # FTS rows verified at most per step
_NEAR_COMBOS = 16  # above this many word-form combinations, AND instead of NEAR


class Examples:
    """Loose example search over an open lookup index (``pairs``, ``pairs_fts``)."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self._vocab: dict[str, tuple[list[str], dict[str, int]]] = {}

    # ------------------------------------------------------------ typos
    def vocabulary(self, lang: str) -> tuple[list[str], dict[str, int]]:
        """The corpus words of one language with their frequencies (FTS5 vocabulary)."""
        if lang not in self._vocab:
            try:
                self.con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.pairs_vocab "
                                 "USING fts5vocab(main, pairs_fts, col)")
                rows = self.con.execute("SELECT term, cnt FROM temp.pairs_vocab WHERE col = ?", (lang,)).fetchall()
            except sqlite3.Error:
                rows = []
            freq = {t: n for t, n in rows if not t.isdigit()}
            self._vocab[lang] = (list(freq), freq)
        return self._vocab[lang]

    def correct(self, query: str, lang: str) -> str:
        """The query with each word missing from the corpus replaced by the closest
        frequent corpus word (``enforcment`` -> ``enforcement``); unchanged when none is close."""
        from rapidfuzz import fuzz, process

        vocab, freq = self.vocabulary(lang)
        out = []
        for w in term_words(query, lang):
            if w in freq or len(w) < 4 or w.isdigit() or not vocab:
                out.append(w)
                continue
            found = process.extract(w, vocab, scorer=fuzz.ratio, limit=5, score_cutoff=80)
            out.append(max(found, key=lambda f: (f[1], freq[f[0]]))[0] if found else w)
        return " ".join(out)

    def fill(self, lookup, result, langs: tuple[str, ...], limit: int) -> None:
        """Set ``result.concordance`` from the first step that finds examples (with
        ``result.examples`` naming the step and ``result.corrected`` the corrected query)."""
        for lg in langs:
            typed = " ".join(term_words(result.query, lg))
            fixed = self.correct(result.query, lg)
            if fixed != typed:
                hits = lookup.concordance([fixed], lg, [], limit)
                if hits:
                    result.concordance, result.examples, result.corrected = hits, "phrase", fixed
                    return
            for step in ("near", "words"):
                for q in dict.fromkeys((result.query, fixed)):
                    hits = self.search(q, lg, limit, step)
                    if hits:
                        result.concordance, result.examples = hits, step
                        result.corrected = fixed if q == fixed and fixed != typed else ""
                        return

    # ------------------------------------------------------------ loose steps
    def search(self, query: str, lang: str, limit: int, step: str) -> list[ConcordanceHit]:
        """Pairs whose ``lang`` side has the content words of ``query`` (``near``: in order,
        close together; ``words``: anywhere), the words highlighted."""
        qw = [w for w in term_words(query, lang) if not is_stopword(w, lang)] or list(term_words(query, lang))
        if not qw:
            return []
        forms = [sorted(inflections(w, lang)) for w in qw]
        groups = ["(" + " OR ".join(f'"{f}"' for f in fs) + ")" for fs in forms]
        n = 1
        for fs in forms:
            n *= len(fs)
        if step == "near" and len(qw) > 1 and n <= _NEAR_COMBOS:
            gap = NEAR_GAP + len(term_words(query, lang)) - len(qw)
            expr = " OR ".join("NEAR(" + " ".join(f'"{f}"' for f in combo) + f", {gap})"
                               for combo in itertools.product(*forms))
        else:
            expr = " AND ".join(groups)
        try:
            ids = [r[0] for r in self.con.execute(
                "SELECT rowid FROM pairs_fts WHERE pairs_fts MATCH ? ORDER BY rowid LIMIT ?",
                (f"{lang} : ({expr})", _CANDIDATES))]
        except sqlite3.Error:
            return []
        if not ids:
            return []
        rows = self.con.execute(
            "SELECT p.id, p.fr, p.en, p.score, d.name FROM pairs p JOIN docs d ON d.id = p.doc "
            f"WHERE p.id IN ({','.join('?' * len(ids))}) ORDER BY p.id", ids).fetchall()
        wanted = [frozenset(singulars(w, lang)) | frozenset(fs) for w, fs in zip(qw, forms)]
        found = []
        for pid, fr, en, score, doc in rows:
            src = fr if lang == "fr" else en
            ws = words(src, lang)
            spans = _in_order(ws, wanted, lang) if step == "near" else _anywhere(ws, wanted, lang)
            if not spans:
                continue
            hit = ConcordanceHit(fr, en, doc, score or 0.0, spans if lang == "fr" else (),
                                 spans if lang == "en" else ())
            found.append((-(score or 0.0), pid, hit))
            if len(found) >= 3 * limit:
                break
        found.sort(key=lambda f: (f[0], f[1]))
        return [f[2] for f in found[:limit]]


def _matches(key: str, forms: frozenset[str], lang: str) -> bool:
    return key in forms or not singulars(key, lang).isdisjoint(forms)


def _in_order(ws: list[Word], wanted: list[frozenset[str]], lang: str) -> tuple[tuple[int, int], ...]:
    """The first run of the wanted words in order with at most ``NEAR_GAP`` words between
    two of them: one span from the first to the last."""
    for i, w in enumerate(ws):
        if not _matches(w.key, wanted[0], lang):
            continue
        pos, ok = i, True
        for forms in wanted[1:]:
            nxt = next((j for j in range(pos + 1, min(len(ws), pos + 2 + NEAR_GAP))
                        if _matches(ws[j].key, forms, lang)), None)
            if nxt is None:
                ok = False
                break
            pos = nxt
        if ok:
            return ((w.start, ws[pos].end),)
    return ()


def _anywhere(ws: list[Word], wanted: list[frozenset[str]], lang: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for forms in wanted:
        hits = [(w.start, w.end) for w in ws if _matches(w.key, forms, lang)]
        if not hits:
            return ()
        spans += hits
    return tuple(sorted(set(spans)))
