"""Words with offsets, and the two word keys every stage compares words by.

``norm_key`` is cheap and language-blind (folded, a plural s/x stripped): the aligner's key
and the bundled lexicon's. ``lemma_key`` is the folded simplemma lemma, language-aware,
for counting terms ('nationaux' -> 'national'). Both are cached per word, so each
distinct word is computed once per process.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..text import WORD_RE, fold as _fold_text, normalize_chars

__all__ = ["Tok", "tokens", "norm_key", "lemma_key", "fold"]

_DELETED = re.compile("[\u00ad\u200b\ufeff]")  # characters normalize_chars removes


@dataclass(frozen=True, slots=True)
class Tok:
    """A word: its normalised text (apostrophes, spaces) and offsets into the original text."""

    text: str
    start: int
    end: int


def tokens(text: str) -> list[Tok]:
    """Words of ``text`` (``toolkit.text.WORD_RE`` on the normalised text), offsets into ``text``."""
    norm = normalize_chars(text)
    if len(norm) == len(text):
        return [Tok(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(norm)]
    # soft hyphens and zero-width characters were removed: map offsets back
    keep = [k for k, c in enumerate(text) if not _DELETED.match(c)]
    keep.append(len(text))
    return [Tok(m.group(), keep[m.start()], keep[m.end() - 1] + 1) for m in WORD_RE.finditer(norm)]


@functools.lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """:func:`toolkit.text.fold`, cached; ASCII text (no backquote) only needs lower case."""
    return text.lower() if text.isascii() and "`" not in text else _fold_text(text)


@functools.lru_cache(maxsize=1 << 17)
def norm_key(word: str) -> str:
    """Folded word with a plural ``s``/``x`` stripped: 'Résolutions' -> 'resolution'."""
    w = fold(word)
    if len(w) > 4 and w[-1] in "sx" and w[-2] != "s":
        w = w[:-1]
    return w


@functools.lru_cache(maxsize=1 << 18)
def _simplemma(word: str, lang: str) -> str:
    from .resources import lemmatize  # simplemma, a word at a time from the per-user cache

    return lemmatize(word, lang)


@functools.lru_cache(maxsize=1 << 18)
def lemma_key(word: str, lang: str) -> str:
    """Folded lemma of one word: 'Capacités' -> 'capacite', 'agencies' -> 'agency'.

    French articles and contracted prepositions map to one key (data/fr/words_contractions.tsv:
    "l'", 'les' -> 'le'); in a hyphenated word only the last
    part is lemmatised ('partenariats police-public'); words with digits are only folded."""
    low = normalize_chars(word).lower()
    if lang == "fr":
        art = _contractions().get(low)
        if art:
            return art
    if any(c.isdigit() for c in low) or ("-" in low and low.upper() == word):
        return fold(low)
    if "-" in low:
        head, _, last = low.rpartition("-")
        return fold(head + "-" + _simplemma(last, lang)) if last else fold(low)
    return fold(_simplemma(low, lang))


@functools.cache
def _contractions() -> dict[str, str]:
    from ..langdata import load_tsv

    return {a: b for a, b in load_tsv("fr", "words_contractions.tsv")}
