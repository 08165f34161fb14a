"""fr/en language detection from function words: the one detector of termkit.

One table per language, ``data/<lang>/function_words.txt`` (disjoint: a word of both
languages, such as "a", is in neither). Each word found in a language's table is one vote
for it; a word with a French-only accented letter is a quarter vote for French (it decides
short headings such as "Coopération policière" that have no function word). Confidence
is the vote margin damped by the amount of evidence:
|fr - en| / (fr + en) * (1 - exp(-(fr + en) / 4)).

    detect_language(text)          -> ("fr" | "en" | None, confidence)
    looks_like(texts, own, other)  -> texts said to be ``own`` read as ``other``
"""
from __future__ import annotations

import math
import re

from ..langdata import load_set
from ..text import tokenize

__all__ = ["detect_language", "looks_like", "votes", "MAX_CHARS", "ACCENT_VOTE"]

MAX_CHARS = 20_000  # only the head of a document is looked at
ACCENT_VOTE = 0.25
_FR_LETTERS = re.compile("[éèêëàâîïôûùüçœ]")


def votes(text: str) -> tuple[float, float]:
    """(French votes, English votes) of the first ``MAX_CHARS`` characters of ``text``."""
    fr_words, en_words = load_set("fr", "function_words.txt"), load_set("en", "function_words.txt")
    fr = en = 0.0
    for tok in tokenize(text[:MAX_CHARS]):
        low = tok.lower()
        if low in fr_words:
            fr += 1
        elif low in en_words:
            en += 1
        elif _FR_LETTERS.search(low):
            fr += ACCENT_VOTE
    return fr, en


def detect_language(text: str) -> tuple[str | None, float]:
    """("fr" | "en", confidence in [0, 1]), or (None, 0.0) when there is no evidence.

    >>> detect_language("Le Conseil permanent, conscient de la Déclaration")[0]
    'fr'
    """
    fr, en = votes(text)
    total = fr + en
    if total == 0 or fr == en:
        return None, 0.0
    conf = abs(fr - en) / total * (1 - math.exp(-total / 4))
    return ("fr" if fr > en else "en"), round(conf, 4)


def looks_like(texts: list[str], own: str, other: str) -> bool:
    """True when texts said to be in ``own`` hold clearly more function words of ``other``
    (more than 3, and twice those of ``own``): swapped or untranslated input."""
    fr, en = votes(" ".join(texts))
    count = {"fr": fr, "en": en}
    return count[other] > max(3, 2 * count[own])
