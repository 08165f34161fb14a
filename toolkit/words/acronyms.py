"""Acronyms: what looks like one, and the French/English pairs of data/acronyms.tsv."""
from __future__ import annotations

import functools
import re

__all__ = ["is_acronym", "acronym_pairs"]

_ROMAN = re.compile(r"[IVXLC]+")


def is_acronym(word: str) -> bool:
    """Two or more letters, all upper case, not a Roman numeral: 'ONUDC', 'ONU-Femmes' no."""
    if _ROMAN.fullmatch(word):
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@functools.cache
def acronym_pairs() -> frozenset[tuple[str, str]]:
    """(French, English) acronym pairs of data/acronyms.tsv, folded ('onudc', 'unodc')."""
    from ..langdata import load_tsv
    from .tokenize import fold

    return frozenset((fold(r[0]), fold(r[1])) for r in load_tsv(None, "acronyms.tsv")
                     if len(r) >= 2 and r[0] and r[1])
