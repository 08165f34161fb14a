"""The shared word layer: what segment, align, terms, lookup and check all need about words,
done once.

    tokens(text)                 -> list[Tok]   words with offsets into ``text``
    norm_key(word)               -> str         folded, plural s/x stripped ('Résolutions' -> 'resolution')
    lemma_key(word, lang)        -> str         folded simplemma lemma ('capacités' -> 'capacite'), cached
    fold(text)                   -> str         lower case, accents stripped
    IBM1 / train_ibm1(pairs,...) -> IBM1        one vectorised IBM model 1 (NULL word, token counts, prior)
    ibm1(pairs, ...)             -> {f: {e: p}} the table view the aligner uses
    lexicon()                    -> {f: {e: p}} the one bundled FR->EN lexicon (norm keys)
    is_acronym(word), acronym_pairs() -> acronyms, and the pairs of data/acronyms.tsv (folded)
    cognates(fr, en, cutoff)     -> {f: {e: s}} near-identical words of two vocabularies
    cognate_score(f, e)          -> float       similarity of one folded pair, French endings mapped

Importing this package loads nothing: numpy, rapidfuzz, simplemma and the tables load on
first use. Language detection and number/acronym recognition are still done by their
stages (readers.langid, align.features, check.numbers); they belong here when migrated.
"""
from __future__ import annotations

__all__ = ["Tok", "tokens", "norm_key", "lemma_key", "fold", "IBM1", "train_ibm1", "ibm1",
           "lexicon", "cognates", "cognate_score", "is_acronym", "acronym_pairs"]

_WHERE = {
    "Tok": "tokenize", "tokens": "tokenize", "norm_key": "tokenize", "lemma_key": "tokenize", "fold": "tokenize",
    "IBM1": "ibm", "train_ibm1": "ibm", "ibm1": "ibm",
    "lexicon": "lexicons", "cognates": "cognate", "cognate_score": "cognate",
    "is_acronym": "acronyms", "acronym_pairs": "acronyms",
}


def __getattr__(name: str):
    """Lazy attributes: ``from toolkit.words import ibm1`` imports numpy only then."""
    mod = _WHERE.get(name)
    if mod is None:
        raise AttributeError(f"module 'toolkit.words' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{mod}", __name__), name)
