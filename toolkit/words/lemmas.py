"""One word's lemma, computed once per process.

``lemma(word, lang)`` is the folded simplemma lemma of a word as given ('agences' ->
'agence'), or the word itself where simplemma refuses it. Answers are cached; *sources*
are asked before simplemma: an open lookup index is one (``lookup.index`` stores the lemma
of every word of its glossary and aligned pairs), so a lookup lemmatises only the query
words its index has never seen, and those through ``resources`` (one word at a time, no
whole dictionary loaded).
"""
from __future__ import annotations

from typing import Callable

from .resources import lemmatize
from .tokenize import fold

__all__ = ["lemma", "add_source", "remove_source", "Source"]

Source = Callable[[str, str], "str | None"]
_sources: tuple[Source, ...] = ()
_cache: dict[tuple[str, str], str] = {}
_MAX = 1 << 19  # cached words before the cache starts again (a 100 MB corpus has many rare words)


def add_source(source: Source) -> None:
    """Ask ``source(word, lang)`` (a lemma or None) before simplemma. A source must give what
    :func:`lemma` would compute: it only saves the work."""
    global _sources
    _sources = _sources + (source,)


def remove_source(source: Source) -> None:
    """Stop asking ``source`` (answers already cached stay)."""
    global _sources
    _sources = tuple(s for s in _sources if s is not source)


def lemma(word: str, lang: str) -> str:
    """Folded simplemma lemma of one word: 'capacités' -> 'capacite', 'agencies' -> 'agency'."""
    key = (word, lang)
    v = _cache.get(key)
    if v is None:
        for source in _sources:
            v = source(word, lang)
            if v is not None:
                break
        else:
            v = _compute(word, lang)
        if len(_cache) >= _MAX:
            _cache.clear()
        _cache[key] = v
    return v


def _compute(word: str, lang: str) -> str:
    try:
        return fold(lemmatize(word, lang))
    except Exception:  # simplemma raises on odd input (digits only, very long tokens)
        return word
