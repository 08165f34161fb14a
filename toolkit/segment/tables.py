"""Segmenter rule tables, loaded lazily from ``toolkit/data`` (nothing is read at import)."""
from __future__ import annotations

import functools
import re

from ..langdata import check_lang, load_set, load_tsv

__all__ = ["abbreviations", "boilerplate_re", "bullet_re", "function_words", "item_re", "joiners",
           "letter_words", "sentence_starters"]

ABBREV_CLASSES = ("always", "numeric", "ending")


@functools.cache
def abbreviations(lang: str) -> dict[str, str]:
    """``{"art": "numeric", "M": "always", …}`` from ``data/<lang>/abbreviations.tsv``."""
    out: dict[str, str] = {}
    for row in load_tsv(check_lang(lang), "abbreviations.tsv"):
        if len(row) < 2 or row[1] not in ABBREV_CLASSES:
            raise ValueError(f"abbreviations.tsv ({lang}): bad row {row!r}")
        out[row[0]] = row[1]
    return out


@functools.cache
def joiners() -> frozenset[str]:
    """Words after which a line always continues (``data/<lang>/segment_joiners.txt``).

    The tables of both languages are used together: institutional documents quote addresses
    and titles in the other language (an English address block in a French brochure).
    """
    from ..langdata import LANGS
    return frozenset().union(*(load_set(lang, "segment_joiners.txt") for lang in LANGS))


@functools.cache
def sentence_starters(lang: str) -> frozenset[str]:
    """Words that open a sentence after a dotted acronym (``data/<lang>/sentence_starters.txt``)."""
    return load_set(check_lang(lang), "sentence_starters.txt")


@functools.cache
def letter_words(lang: str) -> frozenset[str]:
    """Single capitals that are words ("I"), ``data/<lang>/segment_letter_words.txt`` if any."""
    try:
        return load_set(check_lang(lang), "segment_letter_words.txt")
    except FileNotFoundError:
        return frozenset()


@functools.cache
def function_words(lang: str) -> frozenset[str]:
    """Closed-class words of a language (``data/<lang>/function_words.txt``)."""
    return load_set(check_lang(lang), "function_words.txt")


@functools.cache
def boilerplate_re() -> re.Pattern[str]:
    """One alternation of every whole-line boilerplate pattern (``data/boilerplate.tsv``)."""
    pats = [row[1] for row in load_tsv(None, "boilerplate.tsv")]
    return re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)


def _markers(kind: str) -> re.Pattern[str]:
    pats = [row[1] for row in load_tsv(None, "segment_markers.tsv") if row[0] == kind]
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in pats) + r")(?=\s)")


@functools.cache
def bullet_re() -> re.Pattern[str]:
    """Bullet at the start of a stripped line, e.g. ``• `` or ``– `` (removed)."""
    return _markers("bullet")


@functools.cache
def item_re() -> re.Pattern[str]:
    """Numbered/lettered item marker at the start of a stripped line, e.g. ``1. ``, ``a) ``."""
    return _markers("item")
