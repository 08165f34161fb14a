"""Monolingual term extraction (one language, no alignment): candidates + termhood.

Used for ranking candidates in one language and for the ACTER benchmark.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..langdata import check_lang, load_set
from . import candidates as cand
from .termhood import CandStats, cvalues, select

__all__ = ["monolingual"]


def monolingual(texts: list[str], lang: str, *, min_freq: int = 1) -> list[tuple[str, float, Counter]]:
    """(display form, termhood score, surface counts) for the kept candidates, best first."""
    lang = check_lang(lang)
    nonheads = load_set("fr", "terms_nonheads.txt") if lang == "fr" else frozenset()
    stats: dict[str, CandStats] = {}
    surf: dict[str, Counter] = defaultdict(Counter)
    ntok = 0
    for text in texts:
        if not text.strip():
            continue
        toks, spans = cand.spans(text, lang)
        ntok += len(toks)
        spans = [s for s in spans if s.kind != "term" or toks[s.i].lemma not in nonheads]
        for s in spans:
            st = stats.get(s.key)
            if st is None:
                st = stats[s.key] = CandStats(s.key, s.content)
            st.freq += 1
            st.kinds[s.kind] = st.kinds.get(s.kind, 0) + 1
            if not any(o.i <= s.i and s.j <= o.j and (o.j - o.i) > (s.j - s.i) for o in spans):
                st.free += 1
            surf[s.key][s.surface] += 1
    if not stats:
        return []
    keep = select(stats, cvalues(stats), lang, ntok, min_freq)
    out = [(surf[k].most_common(1)[0][0], v, surf[k]) for k, v in keep.items()]
    out.sort(key=lambda r: (-r[1], r[0]))
    return out
