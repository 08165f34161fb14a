"""End-of-line hyphenation: join ``interna-`` + ``tional`` or keep ``post-`` + ``conflit``.

Evidence, in order (CONVENTIONS.md §6): the document's own vocabulary (does the hyphenated
or the joined form occur elsewhere?), then a word list (wordfreq), else keep the hyphen
(keeping a hyphen never loses a character).
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from .tables import function_words

__all__ = ["Vocabulary", "keep_hyphen", "hyphen_evidence", "WORD_RE"]

# words and hyphenated compounds, lower-cased for counting: "co-operation", "police"
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# word-list thresholds (zipf: log10 of frequency per billion words; 3 = once per million):
KNOWN_ZIPF = 3.0  # at least this: a word, its lemma is not looked up
JOINED_MIN_ZIPF = 1.0  # a joined form below this is no word ("procèsverbal", "lawenforcement")
WORD_ZIPF = 2.5  # a part below this is a fragment ("propor", "tionnée", "adversa")
PAIR_MARGIN = 1.0  # two words join when the joined word is at least 1/10 as frequent as the pair


class Vocabulary:
    """Word counts of the text seen so far (bounded: stops adding new words at ``cap``)."""

    def __init__(self, cap: int = 500_000) -> None:
        self.counts: Counter[str] = Counter()
        self.cap = cap

    def add_text(self, text: str) -> None:
        words = WORD_RE.findall(text.lower())
        if len(self.counts) < self.cap:
            self.counts.update(words)
        else:
            self.counts.update(w for w in words if w in self.counts)


@functools.lru_cache(maxsize=1 << 16)  # bounded: a 100 MB stream has many rare words
def _zipf(word: str, lang: str) -> float:
    from ..words.resources import zipf  # wordfreq, a word at a time (loading it whole takes ~0.3 s)

    return zipf(word, lang)


@functools.lru_cache(maxsize=1 << 16)
def _known(word: str, lang: str) -> float:
    """Word-list frequency of a word or of its lemma ("précédées" -> "précéder")."""
    z = _zipf(word, lang)
    if z < KNOWN_ZIPF:
        from ..words.resources import lemmatize

        try:
            lemma = lemmatize(word, lang)
        except ValueError:  # pragma: no cover - simplemma refuses an empty word
            lemma = word
        if lemma != word:
            z = max(z, _zipf(lemma.lower(), lang))
    return z


def hyphen_evidence(left: str, right: str, lang: str, vocab: Vocabulary | None = None,
                    prefix: str = "") -> tuple[bool, str]:
    """(keep the hyphen?, why) for ``left-`` at a line end followed by ``right``.

    ``prefix`` is the rest of a hyphenated token before ``left`` ("non-" in "non-re-" +
    "foulement"). In order: a capital after the hyphen or a non-alphabetic left part keeps it;
    the document's own spellings decide; then the word list: a joined form that is no word
    keeps the hyphen ("procès-verbal", "law-enforcement"); a part that is no word joins
    ("propor-tionnée", "re-foulement"); two words join after a function word when the joined
    word is common ("in-human", not "celui-ci") or when the joined word is at least a tenth as
    frequent as the pair ("pré-cédées", "out-reach"), else they are a compound
    ("non-governmental", "counter-terrorism", "peut-être").
    """
    if not right[:1].islower() or left.isupper() or not left.isalpha():
        return True, "capital or non-letter"
    low_left, low_right = left.lower(), right.lower()
    if vocab is not None:
        for pre in ((prefix.lower(), "") if prefix else ("",)):
            h = vocab.counts.get(f"{pre}{low_left}-{low_right}", 0)
            j = vocab.counts.get(f"{pre}{low_left}{low_right}", 0)
            if h != j:
                return h > j, "document"
    joined = low_left + low_right
    zj = _known(joined, lang)
    if zj < JOINED_MIN_ZIPF:
        return True, "joined form unknown"
    if _zipf(low_left, lang) < WORD_ZIPF or _known(low_right, lang) < WORD_ZIPF:
        return False, "a part is no word"
    if low_left in function_words(lang) and zj >= KNOWN_ZIPF:
        return False, "function word + word"
    if zj >= _zipf(f"{low_left}-{low_right}", lang) - PAIR_MARGIN:
        return False, "joined form frequent"
    return True, "compound of two words"


def keep_hyphen(left: str, right: str, lang: str, vocab: Vocabulary | None = None,
                prefix: str = "") -> bool:
    """True when ``left-`` at a line end + ``right`` is a real hyphenated compound."""
    return hyphen_evidence(left, right, lang, vocab, prefix)[0]


# a word cut by a space in extraction: "y compr is" -> "compris", "includ ing" -> "including"
SPLIT_PAIR_RE = re.compile(r"(?<![\w'’-])([^\W\d_]{3,}) ([^\W\d_A-Z]{2,4})(?![\w'’-])")
# the first part is not a word of its own, the joined form is a common word
FRAGMENT_ZIPF, JOINED_ZIPF = 2.5, 4.0


def repair_split_words(text: str, lang: str, vocab: Vocabulary | None = None) -> str:
    """Join word-internal extraction splits, on word-list evidence (whitespace-only repair)."""
    def repl(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if not b.islower() or (vocab is not None and vocab.counts.get(a.lower(), 0) > 1):
            return m.group(0)  # a word the document uses on its own elsewhere is a word
        if _zipf(a.lower(), lang) < FRAGMENT_ZIPF and _zipf((a + b).lower(), lang) >= JOINED_ZIPF:
            return a + b
        return m.group(0)
    return SPLIT_PAIR_RE.sub(repl, text)
