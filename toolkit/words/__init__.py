"""The shared word layer: what segment, align, terms, lookup and check all need about words,
done once.

    tokens(text)                 -> list[Tok]   words with offsets into ``text``
    norm_key(word)               -> str         folded, plural s/x stripped ('Résolutions' -> 'resolution')
    lemma_key(word, lang)        -> str         folded simplemma lemma, articles merged ('des' -> 'de'), cached
    lemma(word, lang)            -> str         folded simplemma lemma of a word as given, cached; sources first
    fold(text)                   -> str         lower case, accents stripped
    search_words(text, lang)     -> list[Word]  words as SQLite FTS5 splits them, folded, clitics out
    singulars / regular_singulars / inflections / canonical   forms a word may stand for
    is_stopword(word, lang)      -> bool        data/<lang>/stopwords.txt
    detect_language(text)        -> (lang, conf) the one fr/en detector (data/<lang>/function_words.txt)
    looks_like(texts, own, other)-> bool        texts said to be ``own`` read as ``other``
    numbers / spelled_numbers / number_words / number_keys     numbers, one table (data/number_words.tsv)
    is_acronym(word), acronym_map(), acronym_pairs()            acronyms, data/acronyms.tsv read once
    IBM1 / train_ibm1(pairs,...) -> IBM1        one vectorised IBM model 1 (NULL word, token counts, prior)
    ibm1(pairs, ...)             -> {f: {e: p}} the table view the aligner uses
    lexicon()                    -> {f: {e: p}} the one bundled FR->EN lexicon (norm keys)
    cognates(fr, en, cutoff)     -> {f: {e: s}} near-identical words of two vocabularies (cut-off 0.8)
    cognate_score(f, e)          -> float       similarity of one folded pair, French endings mapped
    lemmatize / is_known / zipf  simplemma and wordfreq a word at a time (``resources``: per-user cache)

Importing this package loads nothing: numpy, rapidfuzz, simplemma, wordfreq and the tables
load on first use, and simplemma's and wordfreq's data are read a word at a time from a
per-user cache rather than loaded whole (``resources``).
"""
from __future__ import annotations

__all__ = ["Tok", "tokens", "norm_key", "lemma_key", "lemma", "add_source", "remove_source", "fold",
           "Word", "search_words", "singulars", "regular_singulars", "inflections", "canonical", "is_stopword",
           "detect_language", "looks_like", "numbers", "spelled_numbers", "number_words", "number_keys",
           "IBM1", "train_ibm1", "ibm1", "lexicon", "cognates", "cognate_score", "is_acronym", "acronym_pairs",
           "acronym_map", "lemmatize", "is_known", "zipf"]

_WHERE = {
    "Tok": "tokenize", "tokens": "tokenize", "norm_key": "tokenize", "lemma_key": "tokenize", "fold": "tokenize",
    "lemma": "lemmas", "add_source": "lemmas", "remove_source": "lemmas",
    "Word": "forms", "search_words": "forms", "singulars": "forms", "regular_singulars": "forms",
    "inflections": "forms", "canonical": "forms", "is_stopword": "forms",
    "detect_language": "language", "looks_like": "language",
    "numbers": "numbers", "spelled_numbers": "numbers", "number_words": "numbers", "number_keys": "numbers",
    "IBM1": "ibm", "train_ibm1": "ibm", "ibm1": "ibm",
    "lexicon": "lexicons", "cognates": "cognate", "cognate_score": "cognate",
    "is_acronym": "acronyms", "acronym_pairs": "acronyms", "acronym_map": "acronyms",
    "lemmatize": "resources", "is_known": "resources", "zipf": "resources",
}


def __getattr__(name: str):
    """Lazy attributes: ``from toolkit.words import ibm1`` imports numpy only then."""
    mod = _WHERE.get(name)
    if mod is None:
        raise AttributeError(f"module 'toolkit.words' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{mod}", __name__), name)
