"""Term matching shared by lookup and check: words with their offsets, accent folding,
elision and singular/plural tolerance.

A term matches a sentence where its words occur in order, each sentence word sharing a
*singular form* with the term word: the folded word itself, its simplemma lemma, or the
word with a regular plural ending undone (``toolkit/data/check_inflections.tsv``).
Elided clitics (``l'``, ``d'``; English ``'s``) are skipped on both sides
(``toolkit/data/check_elisions.tsv``), so ``l'application des lois`` matches
``Application des lois`` and ``nationaux`` matches ``national``.
"""
from __future__ import annotations

import itertools
import re

from ..words.forms import (Word, canonical, clitics, inflections, is_stopword, regular_singulars, search_words,
                           singulars)
from ..words.lemmas import lemma
from ..words.tokenize import fold

__all__ = [
    "Word",
    "words",
    "term_words",
    "singulars",
    "regular_singulars",
    "inflections",
    "lemma_key",
    "fold_key",
    "find_spans",
    "is_stopword",
    "fts_query",
    "lemma_keys",
]

_WORD = re.compile(r"\w+", re.UNICODE)
words = search_words  # the word layer's tokens (``toolkit.words.forms``), as lookup and check match them


def term_words(term: str, lang: str) -> tuple[str, ...]:
    """Folded words of a term, clitics left out: ``"l’Application des lois"`` -> (application, des, lois)."""
    return tuple(w.key for w in words(term, lang))


def fold_key(term: str, lang: str) -> str:
    """Exact-match key: folded words joined by spaces."""
    return " ".join(term_words(term, lang))


def lemma_key(term: str, lang: str) -> str:
    """Lemma-match key stored in the index: the canonical singular of each folded word."""
    return " ".join(canonical(w, lang) for w in term_words(term, lang))


def lemma_keys(term: str, lang: str, cap: int = 64) -> list[str]:
    """Index lemma keys a query may stand for (each word's forms, lemmas and singulars)."""
    choices = []
    for w in term_words(term, lang):
        sing = singulars(w, lang)
        choices.append(sorted(sing | {lemma(x, lang) for x in sing} | {canonical(x, lang) for x in sing}))
    if not choices:
        return []
    return sorted({" ".join(c) for c in itertools.islice(itertools.product(*choices), cap)})


def find_spans(text: str, term: str | tuple[str, ...], lang: str,
               sent_words: list[Word] | None = None) -> list[tuple[int, int]]:
    """Character spans of ``term`` in ``text`` (plural-, accent-, case- and elision-insensitive)."""
    tw = term_words(term, lang) if isinstance(term, str) else term
    if not tw:
        return []
    ws = sent_words if sent_words is not None else words(text, lang)
    forms = [singulars(t, lang) for t in tw]
    heads = [t[:1] for t in tw]
    k = len(tw)
    spans = []
    i, last = 0, len(ws) - k
    while i <= last:
        j = 0
        while j < k:
            key = ws[i + j][2]
            # inflected forms share their first letter (the lemmatiser is asked only then)
            if key != tw[j] and (key[:1] != heads[j] or singulars(key, lang).isdisjoint(forms[j])):
                break
            j += 1
        if j == k:
            spans.append((ws[i][0], ws[i + k - 1][1]))
            i += k
        else:
            i += 1
    return spans


def _fts_words(term: str, lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The term's tokens as the FTS tokenizer sees them: elided clitics inside the term
    stay (``taux d'intérêt`` -> taux d interet), those at its ends go; and the clitics kept."""
    before, after = clitics(lang)
    toks = [fold(m.group()) for m in _WORD.finditer(term)]
    clitic = before | after
    while toks and toks[0] in clitic and len(toks) > 1:
        toks.pop(0)
    while toks and toks[-1] in clitic and len(toks) > 1:
        toks.pop()
    return tuple(toks), frozenset(t for t in toks if t in clitic) if len(toks) > 1 else frozenset()


def fts_query(terms: list[str], lang: str, cap: int = 16) -> str:
    """An FTS5 expression (without column filter) for candidates containing any of ``terms``
    in singular or plural; ``find_spans`` verifies them.

    A term becomes the phrases of its word forms, unless it has function words (whose
    doclists cover half the corpus and make each phrase slow) and more than four phrases,
    or more than ``cap``; then it becomes NEAR groups of its content words' forms (or,
    with too many forms, an AND of them).
    """
    parts: list[str] = []
    for term in terms:
        tw, inner = _fts_words(term, lang)
        if not tw:
            continue
        choices = [[w] if w in inner else sorted(inflections(w, lang)) for w in tw]
        content = [(w, c) for w, c in zip(tw, choices) if w not in inner and not is_stopword(w, lang)]
        n = 1
        for c in choices:
            n *= len(c)
        if not content or n <= 4 or ((len(content) == len(tw) or len(content) == 1) and n <= cap):
            parts += ['"' + " ".join(c) + '"' for c in itertools.islice(itertools.product(*choices), cap)]
        elif len(content) == 1:
            parts += [f'"{f}"' for f in content[0][1]]
        else:
            gap = len(tw) - 2  # at most this many tokens between the first and last content word
            cchoices = [c for _, c in content]
            m = 1
            for c in cchoices:
                m *= len(c)
            if m <= cap:  # NEAR keeps candidates to the content words within the term's length
                parts += ["NEAR(" + " ".join(f'"{f}"' for f in combo) + f", {gap})"
                          for combo in itertools.product(*cchoices)]
            else:
                parts.append("(" + " AND ".join("(" + " OR ".join(f'"{f}"' for f in c) + ")" for c in cchoices) + ")")
    return " OR ".join(dict.fromkeys(parts))
