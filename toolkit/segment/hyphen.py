"""End-of-line hyphenation: join ``interna-`` + ``tional`` or keep ``post-`` + ``conflit``.

Evidence, in order (CONVENTIONS.md §6): the document's own vocabulary (does the hyphenated
or the joined form occur elsewhere?), then a word list (wordfreq), else keep the hyphen
(keeping a hyphen never loses a character).
"""
from __future__ import annotations

import functools
import re
from collections import Counter

__all__ = ["Vocabulary", "keep_hyphen", "WORD_RE"]

# words and hyphenated compounds, lower-cased for counting: "co-operation", "police"
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# a joined form this frequent in the word list is a real word (zipf 3 ≈ 1 per million words)
KNOWN_ZIPF = 3.0


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
    try:
        from wordfreq import zipf_frequency  # imported on first use: loading takes ~0.3 s
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    return zipf_frequency(word, lang)


def keep_hyphen(left: str, right: str, lang: str, vocab: Vocabulary | None = None) -> bool:
    """True when ``left-`` at a line end + ``right`` is a real hyphenated compound."""
    if not right[:1].islower() or left.isupper() or not left.isalpha():
        return True  # "Counter-" + "Terrorism", "UN-" + "Women": compounds, not syllables
    hyph = f"{left}-{right}".lower()
    joined = (left + right).lower()
    if vocab is not None:
        h, j = vocab.counts.get(hyph, 0), vocab.counts.get(joined, 0)
        if h != j:
            return h > j
    return _zipf(joined, lang) < KNOWN_ZIPF


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
