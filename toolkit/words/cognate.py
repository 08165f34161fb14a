"""Cognates: French and English words spelt (nearly) alike ('organisation'/'organization',
'sécurité' -> 'securite'/'security' once French endings are mapped to English ones by
data/fr/words_cognate_endings.tsv). One scorer for the aligner and the extractor: the
rapidfuzz ratio of folded words, with one cut-off (``CUTOFF``) for both.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from typing import Iterable

__all__ = ["cognates", "cognate_score", "english_form", "CUTOFF"]

CUTOFF = 0.8  # folded words this similar are cognates, for the aligner and the extractor alike


@functools.cache
def _endings() -> tuple[tuple[str, str], ...]:
    from ..langdata import load_tsv

    rows = load_tsv("fr", "words_cognate_endings.tsv")
    return tuple(sorted(((a, b) for a, b in rows), key=lambda x: -len(x[0])))


@functools.lru_cache(maxsize=1 << 16)
def english_form(fr: str) -> str:
    """A folded French word with its ending mapped to the English one ('securite' -> 'security')."""
    for a, b in _endings():
        if fr.endswith(a) and len(fr) > len(a) + 2:
            return fr[: -len(a)] + b
    return fr


def cognate_score(fr: str, en: str, endings: bool = True) -> float:
    """Similarity in [0, 1] of two folded words of 4+ letters (0 for shorter ones): the
    rapidfuzz ratio, also after mapping the French ending when ``endings``."""
    if len(fr) < 4 or len(en) < 4:
        return 0.0
    from rapidfuzz.fuzz import ratio

    r = ratio(fr, en)
    if endings:
        r = max(r, ratio(english_form(fr), en))
    return r / 100.0


def cognates(fr_words: Iterable[str], en_words: Iterable[str], cutoff: float = CUTOFF,
             endings: bool = False) -> dict[str, dict[str, float]]:
    """Near-identical FR/EN words (ratio on folded keys >= ``cutoff``), length >= 4, letters only.

    Compared within buckets of the same first letter, so the cost stays near-linear in the
    vocabulary: 'resolution'/'resolution' 1.0, 'organisation'/'organization' 0.92.
    ``endings``: compare the French word with its English ending too ('-ite' -> '-ity')."""
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    buckets_en: dict[str, list[str]] = defaultdict(list)
    for e in sorted(set(en_words)):
        if len(e) >= 4 and e.isalpha():
            buckets_en[e[0]].append(e)
    buckets_fr: dict[str, list[str]] = defaultdict(list)
    for f in sorted(set(fr_words)):
        if len(f) >= 4 and f.isalpha():
            buckets_fr[f[0]].append(f)
    out: dict[str, dict[str, float]] = {}
    for c, fl in buckets_fr.items():
        el = buckets_en.get(c)
        if not el:
            continue
        m = process.cdist(fl, el, scorer=ratio, score_cutoff=cutoff * 100, dtype=np.uint8, workers=1)
        if endings:
            m2 = process.cdist([english_form(f) for f in fl], el, scorer=ratio, score_cutoff=cutoff * 100,
                               dtype=np.uint8, workers=1)
            m = np.maximum(m, m2)
        fi, ei = np.nonzero(m)
        for a, b in zip(fi.tolist(), ei.tolist()):
            out.setdefault(fl[a], {})[el[b]] = m[a, b] / 100.0
    return out
