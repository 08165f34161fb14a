"""fr/en detection from function-word frequencies (tables in toolkit/data/<lang>/).

Each token found in a language's function-word table is one vote for that language; a
word with a French-only accented letter is a quarter vote for French (it decides short
headings such as "Coopération policière" that have no function word). Confidence is the
vote margin damped by the amount of evidence: |fr - en| / (fr + en) * (1 - exp(-(fr + en) / 4)).
"""
from __future__ import annotations

import math
import re

from ..langdata import load_set
from ..text import tokenize

__all__ = ["detect_language", "MAX_CHARS"]

MAX_CHARS = 20_000  # only the head of a document is looked at
ACCENT_VOTE = 0.25
_FR_LETTERS = re.compile("[éèêëàâîïôûùüçœ]")


def detect_language(text: str) -> tuple[str | None, float]:
    """("fr" | "en", confidence in [0, 1]), or (None, 0.0) when there is no evidence.

    >>> detect_language("Le Conseil permanent, conscient de la Déclaration")[0]
    'fr'
    """
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
    votes = fr + en
    if votes == 0 or fr == en:
        return None, 0.0
    conf = abs(fr - en) / votes * (1 - math.exp(-votes / 4))
    return ("fr" if fr > en else "en"), round(conf, 4)
