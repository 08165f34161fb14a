"""Acronyms: what looks like one, and the French/English pairs of data/acronyms.tsv (read
once: the aligner maps French acronyms to English ones with it, the extractor seeds its
word alignment with it).

    is_acronym(word)  -> bool                 'ONUDC' yes, 'ONU-Femmes' no, 'XXI' no
    acronym_map()     -> {'ONUDC': 'UNODC'}   upper case, French -> English (first row wins)
    acronym_pairs()   -> {('onudc', 'unodc')} folded pairs
"""
from __future__ import annotations

import functools
import re

__all__ = ["is_acronym", "acronym_pairs", "acronym_map"]

_ROMAN = re.compile(r"[IVXLC]+")


def is_acronym(word: str) -> bool:
    """Two or more letters, all upper case, not a Roman numeral: 'ONUDC', 'ONU-Femmes' no."""
    if _ROMAN.fullmatch(word):
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@functools.cache
def _rows() -> tuple[tuple[str, str], ...]:
    from ..langdata import load_tsv

    return tuple((r[0], r[1]) for r in load_tsv(None, "acronyms.tsv") if len(r) >= 2 and r[0] and r[1])


@functools.cache
def acronym_map() -> dict[str, str]:
    """French acronym -> English acronym, upper case (the first row of a French one wins)."""
    out: dict[str, str] = {}
    for fr, en in _rows():
        out.setdefault(fr.upper(), en.upper())
    return out


@functools.cache
def acronym_pairs() -> frozenset[tuple[str, str]]:
    """(French, English) acronym pairs of data/acronyms.tsv, folded ('onudc', 'unodc')."""
    from .tokenize import fold

    return frozenset((fold(fr), fold(en)) for fr, en in _rows())
