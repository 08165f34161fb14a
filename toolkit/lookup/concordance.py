"""Concordance side of a lookup: aligned pairs whose source side holds the term (FTS5
candidates verified by the word layer's matching), the term and its glossary translation
highlighted; when the exact phrase has no example, the looser steps of ``examples``.

A mixin of :class:`toolkit.lookup.search.Lookup` (it reads ``self.con``).
"""
from __future__ import annotations

from ..types import TermPair
from .match import find_spans, fts_query, term_words, words
from .result import ConcordanceHit, GlossaryHit, LookupResult

__all__ = ["Concordance", "MAX_SCAN"]

MAX_SCAN = 400  # concordance rows verified at most per direction


class Concordance:
    """Bilingual examples over an open index (``self.con``)."""

    con: object
    _examples: object

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
        while len(found) < 3 * limit and scanned < MAX_SCAN:
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


def _sides(e: TermPair, lang: str) -> list[str]:
    return [e.fr, *e.fr_variants] if lang == "fr" else [e.en, *e.en_variants]


def _merge(spans) -> tuple[tuple[int, int], ...]:
    out: list[list[int]] = []
    for s, e in sorted(set(spans)):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)
