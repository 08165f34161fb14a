"""Word-level FR->EN evidence: IBM model 1 learnt from the document pair, cognates, dictionary.

IBM model 1 and cognates live in :mod:`toolkit.words` (shared with the terminology
extractor); the names here are kept for the aligner.

All words here are *keys* from :mod:`.features` (folded, plural stripped). A table is
``{fr: {en: p}}``.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import InputError
from ..text import fold

__all__ = ["ibm1", "cognates", "load_dictionary", "word_translation_table"]


def ibm1(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], iterations: int = 5,
         min_p: float = 0.05, top: int = 5, min_count: int = 1) -> dict[str, dict[str, float]]:
    """IBM model 1 t(en|fr): see :func:`toolkit.words.ibm1` (the one implementation)."""
    from ..words.ibm import ibm1 as _ibm1

    return _ibm1(pairs, iterations, min_p=min_p, top=top, min_count=min_count)


def cognates(fr_words: Iterable[str], en_words: Iterable[str], cutoff: float = 0.8) -> dict[str, dict[str, float]]:
    """Near-identical FR/EN words: see :func:`toolkit.words.cognates`."""
    from ..words.cognate import cognates as _cognates

    return _cognates(fr_words, en_words, cutoff)


def load_dictionary(path) -> dict[str, dict[str, float]]:
    """Read a bilingual dictionary, TSV ``fr<TAB>en`` a line (``#`` comments, blank lines skipped).

    Returns ``{fr_key: {en_key: 1.0}}`` on folded single words; multi-word entries are kept
    word by word only when both sides have the same number of words. Raises InputError when
    the file is missing, unreadable or has no entry.
    """
    from .features import word_key

    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot read the dictionary ({e}); give a UTF-8 TSV file fr<TAB>en") from e
    out: dict[str, dict[str, float]] = defaultdict(dict)
    n = 0
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
            continue
        fw, ew = cols[0].split(), cols[1].split()
        if len(fw) == 1 and len(ew) == 1:
            out[word_key(fw[0])][word_key(ew[0])] = 1.0
            n += 1
        elif len(fw) == len(ew):
            for a, b in zip(fw, ew):
                out[word_key(a)][word_key(b)] = 1.0
            n += 1
        else:
            n += 1  # a multi-word entry that we cannot split: kept as its first content words
            out[word_key(max(fw, key=len))][word_key(max(ew, key=len))] = 1.0
    if not n:
        raise InputError(f"{p}: no dictionary entry found; expected lines 'fr<TAB>en'")
    return dict(out)


def word_translation_table(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """French->English word translation probabilities learnt from aligned sentence pairs.

    ``pairs`` are (french text, english text). Words are lower-cased and accent-folded
    (``fold``), function words are left out; returns ``{fr: {en: t(en|fr)}}`` from IBM
    model 1 (5 EM iterations), at most 5 English words per French word, ``p >= 0.05``.
    """
    from .features import stopwords
    from ..text import tokenize

    sf, se = stopwords("fr"), stopwords("en")

    def words(text: str, stop) -> list[str]:
        out = []
        for t in tokenize(text):
            w = fold(t.rstrip("'"))
            if "'" in w:
                w = w.rsplit("'", 1)[1]
            if w and w not in stop and not w.isdigit():
                out.append(w)
        return out

    return ibm1([(words(f, sf), words(e, se)) for f, e in pairs])
