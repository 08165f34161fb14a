"""Document symbols of a sentence, canonical for comparison across French and English:
``A/RES/77/241``, ``PC.DEC/1049``; ``No 1049``/``No. 1049``/``n° 1049`` are ``NO 1049``.
Patterns are data: ``toolkit/data/check_symbols.tsv``. (Numbers are the word layer's:
:mod:`toolkit.words.numbers`.)
"""
from __future__ import annotations

import functools
import re

from ..langdata import load_tsv
from ..words.numbers import Found

__all__ = ["symbols"]


@functools.cache
def _symbol_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((r[0], re.compile(r[1])) for r in load_tsv(None, "check_symbols.tsv"))


def symbols(text: str) -> list[Found]:
    """Document symbols in ``text``: longest first, no overlaps, canonical upper case."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for name, pat in _symbol_patterns():
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append((_canon_symbol(name, m.group()), m.group(), s, e))
    return sorted(found, key=lambda f: f[2])


def _canon_symbol(name: str, surface: str) -> str:
    if name == "numbered":
        digits = re.search(r"[0-9][0-9.,-]*[0-9]|[0-9]", surface)
        return "NO " + (digits.group() if digits else "")
    return re.sub(r"\s+", "", surface).upper()
