"""Termhood of monolingual candidates: C-value (nesting), corpus frequency against
general-language frequency (wordfreq), spread over documents.

Input is a table of candidate statistics keyed by lemma key; output a score per key and
the keys worth pairing. All rules are general (no list of expected terms).
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

__all__ = ["CandStats", "cvalues", "specificity", "select"]


@dataclass(slots=True)
class CandStats:
    key: str
    content: tuple[str, ...]
    freq: int = 0
    free: int = 0  # occurrences not nested in a longer candidate of the same segment
    docs: set = field(default_factory=set)
    kinds: dict = field(default_factory=dict)
    initial: int = 0  # occurrences at the start of a segment
    indep: int = 0  # set by cvalues()
    postnominal: int = 0  # one-word occurrences right after a noun: read as an adjective
    cut: int = 0  # occurrences cut out of a longer phrase before a complement or after "et de"
    forms: dict = field(default_factory=dict)  # lower-cased surface -> count (for wordfreq)

    def add(self, s, free: bool, doc: str | None = None, weigh_initial: bool = False) -> None:
        """Count one occurrence of candidate span ``s`` (candidates.Span); ``free``: it stands
        on its own there. ``weigh_initial``: a capital at the start of a segment says little,
        so such an occurrence counts 1 towards "name" and others 3."""
        self.freq += 1
        low = s.surface.lower()
        self.forms[low] = self.forms.get(low, 0) + 1
        if doc is not None:
            self.docs.add(doc)
        w = 1 if not weigh_initial or (s.initial and s.kind == "name") else 3
        self.kinds[s.kind] = self.kinds.get(s.kind, 0) + w
        self.initial += s.initial
        self.free += free

    def word(self) -> str:
        """The most frequent lower-cased form (wordfreq needs accents, not folded lemmas)."""
        return max(self.forms, key=lambda f: (self.forms[f], f)) if self.forms else self.content[0]


def cvalues(stats: dict[str, CandStats]) -> dict[str, float]:
    """C-value (Frantzi et al. 2000) over lemma keys; nesting = word-boundary containment.
    Also sets ``st.indep``: occurrences outside its most frequent longer candidate."""
    longer: dict[str, list[str]] = {k: [] for k in stats}
    by_word: dict[str, set[str]] = {}
    for k in stats:
        for w in set(k.split()):
            by_word.setdefault(w, set()).add(k)
    for a in stats:
        words = a.split()
        pool = set.intersection(*(by_word[w] for w in set(words))) if words else set()
        pa = f" {a} "
        for b in pool:
            if b != a and len(b) > len(a) and pa in f" {b} ":
                longer[a].append(b)
    out = {}
    for a, st in stats.items():
        n = max(1, len(st.content))
        w = math.log2(n + 1)
        st.indep = st.freq - max((stats[b].freq for b in longer[a]), default=0)
        if longer[a]:
            nested = sum(stats[b].freq for b in longer[a]) / len(longer[a])
            out[a] = w * max(0.0, st.freq - nested) + 0.1 * w
        else:
            out[a] = w * st.freq
    return out


@functools.lru_cache(maxsize=100_000)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def specificity(st: CandStats, lang: str, total_tokens: int) -> float:
    """How much more frequent the candidate is here than in general language, in [0, 1].

    Single words only: a multiword candidate is specific by construction. Corpus frequency
    per million tokens against wordfreq's (zipf 3 = 1 per million)."""
    if len(st.content) != 1:
        return 1.0
    z = _zipf(st.word().split("-")[-1], lang)
    here = math.log10(max(st.freq, 1) * 1e9 / max(total_tokens, 1))  # zipf of the corpus
    return max(0.0, min(1.0, (here - z) / 3.0))


RARE_ZIPF = 3.3  # wordfreq zipf: about 2 per million words of general language
BIG_CORPUS = 20_000  # tokens; below this, frequencies say little about one word


def _single_word_term(st: CandStats, lang: str, spec: float, total_tokens: int) -> bool:
    """A lone common noun is a term when general language hardly uses it
    ("cybercriminalité", "décideurs"), or, in a corpus big enough to tell, when it is
    frequent here and much more frequent than in general language."""
    if _zipf(st.word().split("-")[-1], lang) <= RARE_ZIPF:
        return True
    return total_tokens >= BIG_CORPUS and st.freq >= 3 and spec >= 0.33


def select(stats: dict[str, CandStats], cv: dict[str, float], lang: str, total_tokens: int,
           min_freq: int = 1) -> dict[str, float]:
    """Keys kept for pairing, with a termhood score in [0, 1].

    Kept: candidates that stand on their own somewhere (``free`` occurrences: not nested
    in a longer candidate of the same segment), plus nested ones that recur (C-value above
    the candidate's own length weight) unless every occurrence is cut out of a longer phrase
    ("capacités des services [de détection …]"). Single common words need specificity."""
    out = {}
    top = max(cv.values(), default=1.0) or 1.0
    for k, st in stats.items():
        if st.freq < min_freq:
            continue
        n = len(st.content)
        kind = max(st.kinds, key=st.kinds.get)
        nested_ok = (kind == "term" and n >= 2 and cv[k] >= math.log2(n + 1) and st.freq >= 2
                     and st.indep >= 1 and st.cut < st.freq)
        if not (st.free > 0 or nested_ok):
            continue
        if not nested_ok and st.free < 0.25 * st.freq and (n >= 2 or kind == "name"):
            continue  # stands alone once in a while, mostly a fragment of a longer term
            # (also a lone name: "États" of "États participants", "Conseil" of "Conseil permanent")
        spec = specificity(st, lang, total_tokens) if kind == "term" else 1.0
        if n == 1 and kind == "term" and not _single_word_term(st, lang, spec, total_tokens):
            continue
        if n == 1 and kind == "term" and 2 * st.postnominal >= st.freq:
            continue  # mostly an adjective after its noun ("conseils continus"): no entry alone
        if n > 12:
            continue
        if n == 1 and kind == "name" and st.freq < 2:
            continue  # a lone capitalised word seen once: "Chine", "Street"
        th = 0.5 + 0.5 * min(1.0, math.log1p(cv[k]) / math.log1p(top))
        out[k] = th * (0.5 + 0.5 * spec)
    return out
