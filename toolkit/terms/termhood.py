"""Termhood of monolingual candidates: C-value (nesting), corpus frequency against
general-language frequency (wordfreq), spread over documents.

Input is a table of candidate statistics keyed by lemma key; output a score per key and
the keys worth pairing. All rules are general (no list of expected terms).
"""
from __future__ import annotations

import functools
import math

from .records import Candidate
from .rules import fires, rule

__all__ = ["CandStats", "cvalues", "specificity", "select"]


CandStats = Candidate  # the mergeable corpus statistics of a candidate (records.Candidate)


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
    ("géolocalisation", "cabotage"), or, in a corpus big enough to tell, when it is
    frequent here and much more frequent than in general language."""
    if _zipf(st.word().split("-")[-1], lang) <= RARE_ZIPF:
        return True
    return total_tokens >= BIG_CORPUS and st.freq >= 3 and spec >= 0.33


@rule("mostly_fragment", "select", "*",
      "a candidate that stands alone in under a quarter of its occurrences is a piece of a longer term",
      examples=((dict(content=("etat",), kind="name", freq=8, free=1), True),
                (dict(content=("etat", "partie"), kind="term", freq=8, free=4), False)))
def mostly_fragment(c: Candidate) -> bool:
    return c.free < 0.25 * c.freq and (len(c.content) >= 2 or c.kind == "name")


@rule("common_single_word", "select", "*",
      "a lone common noun is a term only when general language hardly uses it, or when it is "
      "frequent here and much more frequent than in general language",
      examples=((dict(content=("question",), forms={"question": 1}, freq=1, free=1), True),
                (dict(content=("geolocalisation",), forms={"géolocalisation": 1}, freq=1, free=1), False)))
def common_single_word(c: Candidate) -> bool:
    if len(c.content) != 1 or c.kind != "term":
        return False
    ntok = _CORPUS_TOKENS[0]
    return not _single_word_term(c, "fr", specificity(c, "fr", ntok), ntok)


@rule("defined_term", "select", "*",
      "the term of a definition is an entry whatever its frequency or commonness",
      examples=((dict(content=("enfant",), forms={"enfant": 1}, freq=1, free=1, defined=1), True),
                (dict(content=("enfant",), forms={"enfant": 1}, freq=1, free=1), False)))
def defined_term(c: Candidate) -> bool:
    return c.defined > 0


TOKENS_PER_OCCURRENCE = 50_000  # a larger corpus asks one more occurrence of a term per this many tokens


@rule("thin_evidence", "select", "*",
      "in a large corpus a term recurs: a common-noun phrase seen fewer than 1 + tokens/50,000 "
      "times is mostly a description",
      examples=((dict(content=("vente", "marchandise"), freq=3, free=3, ntok=300_000), True),
                (dict(content=("vente", "marchandise"), freq=3, free=3, ntok=20_000), False)))
def thin_evidence(c: Candidate) -> bool:
    return c.kind == "term" and c.freq < 1 + _CORPUS_TOKENS[0] // TOKENS_PER_OCCURRENCE


_CORPUS_TOKENS = [0]  # token count of the corpus being selected (set by select())
_STATS: list[dict] = [{}]  # the candidates being selected (set by select())


@rule("name_plus_description", "select", "*",
      "a name that mostly stands alone, followed here by a complement, is the name plus a "
      "description ('[Royal Canadian Police] of biometric data'), not a longer name",
      examples=((dict(key="police royal de canada de donnee", content=("police", "royal", "canada", "donnee"),
                      kind="name", freq=1, free=1,
                      stats={"police royal de canada": dict(kind="name", freq=20, free=15)}), True),
                (dict(key="haut-commissariat de nation unir pour refugie",
                      content=("haut-commissariat", "nation", "unir", "refugie"), kind="name", freq=1, free=1,
                      stats={"haut-commissariat de nation unir": dict(kind="name", freq=3, free=0)}), False)))
def name_plus_description(c: Candidate) -> bool:
    stats = _STATS[0]
    words = c.key.split()
    caps = _capitals(c)
    for n in range(len(words) - 1, 0, -1):
        p = stats.get(" ".join(words[:n]))
        if (p is not None and p.kind == "name" and p.free >= 0.5 * p.freq and p.freq >= 3 * c.freq
                and _capitals(p) >= caps and (len(p.content) >= 2 or not _common_noun(p.content[0]))):
            return True
    return False


def _capitals(c: Candidate) -> int:
    """Capitalised words of the most frequent form: a longer name adds some ('… de l'ONU')."""
    form = max(c.forms, key=lambda f: (c.forms[f], f)) if c.forms else ""
    from ..text import tokenize

    return sum(w[:1].isupper() for w in tokenize(form))


def _common_noun(word: str) -> bool:
    """A word the dictionary lists in lower case ('commission'): a name made of it alone is
    generic, and longer names start with it ('Commission de …')."""
    from .tagger import _classes

    return bool(_classes().get(word))


def select(stats: dict[str, Candidate], cv: dict[str, float], lang: str, total_tokens: int,
           min_freq: int = 1) -> dict[str, float]:
    """Keys kept for pairing, with a termhood score in [0, 1].

    Kept: candidates that stand on their own somewhere, plus nested ones that recur (C-value
    above the candidate's own length weight) unless every occurrence is cut out of a longer
    phrase; the select rules (rules registry) drop the rest; defined terms are always kept."""
    _CORPUS_TOKENS[0] = total_tokens
    _STATS[0] = stats
    out = {}
    top = max(cv.values(), default=1.0) or 1.0
    for k, st in stats.items():
        if fires("defined_term", st, lang):
            out[k] = 1.0
            continue
        if st.freq < min_freq:
            continue
        if fires("thin_evidence", st, lang) or fires("name_plus_description", st, lang):
            continue
        n = len(st.content)
        kind = st.kind
        nested_ok = (kind == "term" and n >= 2 and cv[k] >= math.log2(n + 1) and st.freq >= 2
                     and st.indep >= 1 and st.cut < st.freq)
        if not (st.free > 0 or nested_ok):
            continue
        if not nested_ok and fires("mostly_fragment", st, lang):
            continue
        if n > 12 or fires("common_single_word", st, lang):
            continue
        spec = specificity(st, lang, total_tokens) if kind == "term" else 1.0
        th = 0.5 + 0.5 * min(1.0, math.log1p(cv[k]) / math.log1p(top))
        out[k] = th * (0.5 + 0.5 * spec)
    return out
