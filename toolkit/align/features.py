"""Sentence features for alignment: content words, anchors and lengths.

A sentence becomes a list of *keys*:
- ``w:<word>`` content words (folded, function words out, plural ``s`` stripped);
- ``n:<digits>`` numbers, dates and document symbols (``77/241``, ``1 049`` -> ``1049``,
  ``86ème``/``86th`` -> ``86``), which survive translation;
- acronyms as words, French ones mapped to English through ``data/acronyms.tsv``
  (ONUDC -> unodc), identical ones kept (INTERPOL -> interpol);
- ``p:<mark>`` the punctuation profile (``?``, ``!``, ``:``, ``;``, ``(``, quotes, ``%``).

Word keys, numbers and number words, acronyms, the lexicon and language checks are the word
layer's (:mod:`toolkit.words`); the content-word filter (``stopwords``) is the aligner's.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..langdata import load_set
from ..text import _CHAR_MAP, WORD_RE
from ..words.acronyms import acronym_map
from ..words.language import looks_like
from ..words.lexicons import lexicon as base_lexicon
from ..words.numbers import number_keys as _number_keys, number_words
from ..words.tokenize import fold as _fold, norm_key as word_key

__all__ = ["SentFeatures", "sentence_features", "acronym_map", "stopwords", "word_key", "number_words",
           "base_lexicon", "looks_like"]

_PUNCT = {"?": "?", "!": "!", ":": ":", ";": ";", "(": "(", '"': '"', "«": '"', "»": '"', "%": "%"}
_HAS_DIGIT = re.compile(r"\d")
_MISSING = object()
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9\-]*[A-Z]s?$")  # UNODC, ONU-Femmes no, SDGs yes


@dataclass(frozen=True, slots=True)
class SentFeatures:
    """Keys of one sentence (see module docstring) and its length in characters."""

    words: tuple[str, ...]    # content words, folded (w: keys without the prefix)
    anchors: tuple[str, ...]  # n:/p: keys
    chars: int


@functools.cache
def stopwords(lang: str) -> frozenset[str]:
    """Function words of ``lang`` (``data/align_stopwords_<lang>.txt``), folded."""
    return frozenset(_fold(w) for w in load_set(None, f"align_stopwords_{lang}.txt"))


# normalize_chars without str.translate (slow on non-ASCII text): the same table as replacements
_REPLACE = tuple((chr(k), v or "") for k, v in _CHAR_MAP.items())
_PUNCT_KEYS = tuple((ch, "p:" + p) for ch, p in _PUNCT.items())
_TOKENS: dict[str, dict[str, tuple | None]] = {"fr": {}, "en": {}}


def _normalize(text: str) -> str:
    if text.isascii() and "`" not in text:
        return text
    for a, b in _REPLACE:
        if a in text:
            text = text.replace(a, b)
    return text


def _token(tok: str, lang: str) -> tuple | None:
    """What a token gives, cached per language: None (nothing), or (acronym, fallback) where
    acronym is (key, in the acronym table) or None, and fallback ('w', word) / ('n', number key)
    / None. An acronym-looking word is taken as a word in an upper-case heading."""
    tok = tok.rstrip("'")
    if not tok or any(c.isdigit() for c in tok):
        return None
    if "'" in tok:  # l'ordre -> ordre
        tok = tok.rsplit("'", 1)[1]
        if not tok:
            return None
    acro = None
    if len(tok) >= 2 and _ACRONYM.match(tok):
        acr = acronym_map() if lang == "fr" else {}
        base = tok[:-1] if tok[-1] == "s" else tok
        acro = (_fold(acr.get(base, base)), tok in acr)  # same key as the word: INTERPOL in a heading
    num = number_words(lang).get(_fold(tok))
    if num is not None and (tok == "May" or _fold(tok) != "may"):  # not the modal "may"
        return acro, ("n", "n:" + num)
    w = word_key(tok)
    if w in stopwords(lang) or len(w) < 2:
        return (acro, None) if acro else None
    return acro, ("w", w)


def sentence_features(text: str, lang: str) -> SentFeatures:
    """Features of one sentence in ``lang`` ('fr' or 'en')."""
    text = _normalize(text)
    cache = _TOKENS[lang]
    if len(cache) > 1 << 19:  # many documents in one process: start again rather than grow
        cache.clear()
    words: list[str] = []
    anchors: list[str] = _number_keys(text) if _HAS_DIGIT.search(text) else []
    toks = WORD_RE.findall(text)
    shouting = None  # an upper-case heading ("INTERPOL ET LES NATIONS UNIES"): its words are
    for tok in toks:  # words, not acronyms (decided when an acronym-looking word comes)
        info = cache.get(tok, _MISSING)
        if info is _MISSING:
            info = cache[tok] = _token(tok, lang)
        if info is None:
            continue
        acro, fb = info
        if acro is not None and not acro[1] and shouting is None:
            shouting = sum(1 for t in toks if len(t) > 1 and t.isupper()) > max(2, len(toks) // 2)
        if acro is not None and (acro[1] or not shouting):
            words.append(acro[0])
        elif fb is not None:
            (anchors if fb[0] == "n" else words).append(fb[1])
    for ch, key in _PUNCT_KEYS:
        c = text.count(ch)
        if c:
            anchors.extend([key] * c)
    return SentFeatures(tuple(words), tuple(anchors), len(text.strip()))
