"""Words as a search engine sees them, and the forms a word may stand for.

``search_words`` splits text the way SQLite's ``unicode61`` tokenizer does (letters and
digits; apostrophes, hyphens and slashes split words), so full-text candidates and the
spans computed here agree; words are folded and elided clitics (``l'``, ``d'``; English
``'s``: ``data/check_elisions.tsv``) left out. A word's *singular forms* are the word, its
lemma (:func:`toolkit.words.lemma`) and the word with a regular plural ending undone
(``data/check_inflections.tsv``): what lookup and check compare words by.
"""
from __future__ import annotations

import functools
import re

from ..langdata import load_set, load_tsv
from .lemmas import lemma
from .tokenize import fold

__all__ = ["Word", "search_words", "singulars", "regular_singulars", "inflections", "plural", "canonical",
           "is_stopword", "clitics"]

_WORD = re.compile(r"\w+", re.UNICODE)
_APOSTROPHES = "'\u2019\u02bc\u2018`"


class Word(tuple):
    """``(start, end, folded)``: a word of a sentence, offsets into the original text."""

    __slots__ = ()

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self[0]

    @property
    def end(self) -> int:
        """Offset after the last character."""
        return self[1]

    @property
    def key(self) -> str:
        """The folded word."""
        return self[2]


@functools.cache
def clitics(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Elided clitics of ``lang``: (before an apostrophe, after one)."""
    before, after = set(), set()
    for row in load_tsv(None, "check_elisions.tsv"):
        if row[0] == lang:
            (before if row[2] == "before" else after).add(row[1])
    return frozenset(before), frozenset(after)


@functools.cache
def _inflection_rules(lang: str) -> tuple[tuple[str, str], ...]:
    """(singular ending, plural ending) pairs, longest plural ending first."""
    rules = [("" if s == "-" else s, p) for lg, s, p in load_tsv(None, "check_inflections.tsv") if lg == lang]
    return tuple(sorted(rules, key=lambda r: -len(r[1])))


def is_stopword(word: str, lang: str) -> bool:
    """A folded word of ``data/<lang>/stopwords.txt``."""
    return word in load_set(lang, "stopwords.txt")


def search_words(text: str, lang: str) -> list[Word]:
    """The words of ``text`` with their offsets, folded, elided clitics left out."""
    before, after = clitics(lang)
    out = []
    n = len(text)
    for m in _WORD.finditer(text):
        s, e = m.span()
        low = m.group().lower()
        if low in before and e < n and text[e] in _APOSTROPHES:
            continue
        if low in after and s > 0 and text[s - 1] in _APOSTROPHES:
            continue
        out.append(Word((s, e, fold(m.group()))))
    return out


def _regular(word: str, lang: str) -> set[str]:
    forms = {word}
    if len(word) > 3 and not word.isdigit():
        for sing, plur in _inflection_rules(lang):
            if word.endswith(plur) and len(word) - len(plur) + len(sing) >= 3:
                forms.add(word[: len(word) - len(plur)] + sing)
    return forms


@functools.lru_cache(maxsize=500_000)
def singulars(word: str, lang: str) -> frozenset[str]:
    """Folded forms a (folded) word may stand for: itself, its lemma, regular singulars."""
    return frozenset(_regular(word, lang) | {lemma(word, lang)})


@functools.lru_cache(maxsize=500_000)
def regular_singulars(word: str, lang: str) -> frozenset[str]:
    """The word and its singulars by the regular plural rules only (no lemmatiser: for
    ``check``, "policing" is not "police")."""
    return frozenset(_regular(word, lang))


def plural(word: str, lang: str) -> str:
    """The regular plural of a singular word (the most specific rule)."""
    best = ("", "s")
    for sing, plur in _inflection_rules(lang):
        if word.endswith(sing) and len(sing) >= len(best[0]):
            best = (sing, plur)
    sing, plur = best
    return word[: len(word) - len(sing)] + plur


@functools.lru_cache(maxsize=100_000)
def inflections(word: str, lang: str) -> frozenset[str]:
    """The word, its singulars and their regular plurals (for full-text candidate queries)."""
    if word.isdigit() or len(word) < 3 or is_stopword(word, lang):
        return frozenset({word})
    sing = singulars(word, lang)  # the "plural" of a plural (lois -> loiss) is harmless noise
    return frozenset(sing | {plural(s, lang) for s in sing})


def canonical(word: str, lang: str) -> str:
    """The lemma, or for a word the lemmatiser leaves unchanged its regular singular."""
    lem = lemma(word, lang)
    if lem != word or len(word) <= 3 or word.isdigit():
        return lem
    for sing, plur in _inflection_rules(lang):  # longest plural ending first
        if word.endswith(plur) and len(word) - len(plur) + len(sing) >= 3:
            return word[: len(word) - len(plur)] + sing
    return word
