"""Word-level FR→EN similarity for pairing: translation probabilities, cognates, acronyms.

``WordSim(table)`` answers ``sim(fr_lemma, en_lemma)`` in [0, 1] as the best of:
- identity after folding ("police"/"police", "INTERPOL"/"INTERPOL");
- a translation table ``{fr: {en: p}}`` (the aligner's ``word_translation_table``, our own
  IBM-1 over the input beads, and the bundled UN lexicon ``terms_lexicon_fr_en.tsv``),
  each probability divided by the best probability of that French word;
- cognates: rapidfuzz ratio after mapping French endings to English ones
  (terms_cognate_endings.tsv: "-ité" → "-ity", "-ique" → "-ic");
- acronyms: the acronym table ``data/acronyms.tsv`` when it exists, else the same
  letters in another order (ONUDC/UNODC).
"""
from __future__ import annotations

import functools
from collections import defaultdict
from importlib import resources

from ..langdata import load_tsv

__all__ = ["WordSim", "ibm1", "dice", "bundled_phrases", "bundled_lexicon", "acronym_table"]


@functools.cache
def _endings() -> tuple[tuple[str, str], ...]:
    rows = load_tsv("fr", "terms_cognate_endings.tsv")
    return tuple(sorted(((a, b) for a, b in rows), key=lambda x: -len(x[0])))


def _cognate_form(fr: str) -> str:
    for a, b in _endings():
        if fr.endswith(a) and len(fr) > len(a) + 2:
            return fr[: -len(a)] + b
    return fr


@functools.cache
def bundled_lexicon() -> dict[str, dict[str, float]]:
    """The bundled FR→EN word lexicon (data/fr/terms_lexicon_fr_en.tsv), empty if absent."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    try:
        rows = load_tsv("fr", "terms_lexicon_fr_en.tsv")
    except (FileNotFoundError, OSError):
        return {}
    for fr, en, p in rows:
        out[fr][en] = float(p)
    return dict(out)


@functools.cache
def bundled_phrases() -> dict[tuple[str, str], float]:
    """(fr key, en key) -> Dice from data/fr/terms_phrases_fr_en.tsv, empty if absent."""
    try:
        rows = load_tsv("fr", "terms_phrases_fr_en.tsv")
    except (FileNotFoundError, OSError):
        return {}
    return {(f, e): float(d) for f, e, d in rows}


@functools.cache
def acronym_table() -> frozenset[tuple[str, str]]:
    """(fr, en) acronym pairs from the aligner's data/acronyms.tsv, folded; empty if absent."""
    from ..text import fold

    try:
        text = (resources.files("toolkit") / "data" / "acronyms.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return frozenset()
    pairs = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) >= 2 and cols[0] and cols[1]:
            pairs.add((fold(cols[0]), fold(cols[1])))
    return frozenset(pairs)


def dice(pairs: list[tuple[list[str], list[str]]], min_count: int = 2) -> dict[str, dict[str, float]]:
    """Dice coefficient of word co-occurrence in aligned pairs, for pairs seen ``min_count``+
    times, scaled down below 4 co-occurrences (x1/3 at 2, x2/3 at 3)."""
    cf: dict[str, int] = defaultdict(int)
    ce: dict[str, int] = defaultdict(int)
    cfe: dict[tuple[str, str], int] = defaultdict(int)
    for f, e in pairs:
        fs, es = set(f), set(e)
        for w in fs:
            cf[w] += 1
        for w in es:
            ce[w] += 1
        for a in fs:
            for b in es:
                cfe[(a, b)] += 1
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), c in cfe.items():
        if c >= min_count:  # two co-occurrences prove little: weight by the count
            out[a][b] = 2 * c / (cf[a] + ce[b]) * min(1.0, (c - 1) / 3)
    return dict(out)


def ibm1(pairs: list[tuple[list[str], list[str]]], iterations: int = 5) -> dict[str, dict[str, float]]:
    """IBM model 1 t(en|fr) over lemma lists, with a NULL French word; plain EM."""
    t: dict[str, dict[str, float]] = defaultdict(dict)
    for f, e in pairs:
        fs = f + ["<null>"]
        for fw in fs:
            row = t[fw]
            for ew in e:
                row[ew] = 1.0
    for _ in range(iterations):
        count: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        total: dict[str, float] = defaultdict(float)
        for f, e in pairs:
            fs = f + ["<null>"]
            for ew in e:
                z = sum(t[fw][ew] for fw in fs)
                if z <= 0:
                    continue
                for fw in fs:
                    c = t[fw][ew] / z
                    count[fw][ew] += c
                    total[fw] += c
        t = defaultdict(dict, {fw: {ew: c / total[fw] for ew, c in row.items()} for fw, row in count.items()})
    t.pop("<null>", None)
    return dict(t)


class WordSim:
    """Similarity of a French and an English lemma (both folded), cached."""

    def __init__(self, *tables: dict[str, dict[str, float]] | None, lexicon=None):
        """``tables``: probabilities used as they are; ``lexicon``: divided by each French
        word's best probability (the bundled lexicon's scores are not calibrated)."""
        self.tables = [t for t in tables if t]
        if lexicon:
            norm = {}
            for f, row in lexicon.items():
                m = max(row.values(), default=0.0)
                if m > 0:
                    norm[f] = {e: p / m for e, p in row.items() if p / m >= 0.05}
            self.tables.append(norm)
        self.acronyms = acronym_table()
        self._cache: dict[tuple[str, str], float] = {}

    def __call__(self, f: str, e: str) -> float:
        k = (f, e)
        v = self._cache.get(k)
        if v is None:
            v = self._cache[k] = self._sim(f, e)
        return v

    def _sim(self, f: str, e: str) -> float:
        if "-" in e and "-" not in f:  # "renforcement"/"capacity-building": best part
            return max((self._sim(f, x) for x in e.split("-") if x), default=0.0) * 0.9
        if "-" in f and "-" not in e:
            return max((self._sim(x, e) for x in f.split("-") if x), default=0.0) * 0.9
        if f == e:
            return 1.0
        best = 0.0
        for tab in self.tables:
            row = tab.get(f)
            if row:
                best = max(best, row.get(e, 0.0))
        if (f, e) in self.acronyms:
            return 1.0
        if len(f) >= 4 and len(e) >= 4:
            from rapidfuzz.fuzz import ratio

            r = max(ratio(_cognate_form(f), e), ratio(f, e)) / 100.0
            if r >= 0.75:
                best = max(best, 0.5 + (r - 0.75) * 2)
        elif len(f) >= 2 and len(f) == len(e) and sorted(f) == sorted(e):
            best = max(best, 0.9)  # onudc / unodc
        return min(best, 1.0)
