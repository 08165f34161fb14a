"""Monolingual term extraction (one language, no alignment): candidates + termhood.

Used for ranking candidates in one language and for the ACTER benchmark.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..langdata import check_lang
from . import candidates as cand
from .termhood import CandStats, cvalues, select

__all__ = ["monolingual"]


def monolingual(texts: list[str], lang: str, *, min_freq: int = 1,
                max_tokens: int | None = None) -> list[tuple[str, float, Counter]]:
    """(display form, termhood score, surface counts) for the kept candidates, best first.

    ``max_tokens``: leave out candidates longer than this many tokens."""
    lang = check_lang(lang)
    tagged = [cand.spans(t, lang) for t in texts if t.strip()]
    freq = Counter(s.key for _t, found in tagged for s in found)
    stats: dict[str, CandStats] = {}
    surf: dict[str, Counter] = defaultdict(Counter)
    ntok = 0
    for toks, found in tagged:
        ntok += len(toks)
        spans, free = cand.filter_spans(toks, found, freq, lang)
        for s in spans:
            if max_tokens is not None and s.j - s.i > max_tokens:
                continue
            st = stats.get(s.key)
            if st is None:
                st = stats[s.key] = CandStats(s.key, s.content)
            st.add(s, (s.i, s.j) in free, "")
            surf[s.key][s.surface] += 1
    if not stats:
        return []
    keep = select(stats, cvalues(stats), lang, ntok, min_freq)
    out = [(surf[k].most_common(1)[0][0], v, surf[k]) for k, v in keep.items()]
    out.sort(key=lambda r: (-r[1], r[0]))
    return out
