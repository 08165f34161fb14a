"""Word-level FR->EN evidence: IBM model 1 learnt from the document pair, cognates, dictionary.

All words here are *keys* from :mod:`.features` (folded, plural stripped). A table is
``{fr: {en: p}}``.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..errors import InputError
from ..text import fold

__all__ = ["ibm1", "cognates", "load_dictionary", "word_translation_table"]


def ibm1(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], iterations: int = 5,
         min_p: float = 0.05, top: int = 5, min_count: int = 1) -> dict[str, dict[str, float]]:
    """IBM model 1 t(en|fr) by EM over sentence pairs of word lists, vectorised with numpy.

    Only pairs of words that co-occur are stored (one entry per (fr, en) type pair). Returns
    the ``top`` best English words per French word with ``p >= min_p`` that co-occur in at
    least ``min_count`` pairs.
    """
    fr_vocab: dict[str, int] = {}
    en_vocab: dict[str, int] = {}
    rows_s, rows_f, rows_e = [], [], []
    for s, (f_words, e_words) in enumerate(pairs):
        fi = [fr_vocab.setdefault(w, len(fr_vocab)) for w in sorted(set(f_words))]
        ei = [en_vocab.setdefault(w, len(en_vocab)) for w in sorted(set(e_words))]
        if not fi or not ei:
            continue
        rows_s.append(np.full(len(fi) * len(ei), s, dtype=np.int64))
        rows_f.append(np.repeat(np.asarray(fi, dtype=np.int64), len(ei)))
        rows_e.append(np.tile(np.asarray(ei, dtype=np.int64), len(fi)))
    if not rows_s:
        return {}
    S, F, E = np.concatenate(rows_s), np.concatenate(rows_f), np.concatenate(rows_e)
    ne = len(en_vocab)
    pair_code, pair_idx = np.unique(F * ne + E, return_inverse=True)
    pf = pair_code // ne
    _, se_idx = np.unique(S * ne + E, return_inverse=True)  # (sentence, en word) groups
    t = np.ones(len(pair_code))
    for _ in range(iterations):
        tp = t[pair_idx]
        norm = np.bincount(se_idx, weights=tp)[se_idx]
        counts = np.bincount(pair_idx, weights=tp / norm, minlength=len(pair_code))
        tot = np.bincount(pf, weights=counts, minlength=len(fr_vocab))
        t = counts / np.maximum(tot[pf], 1e-12)
    fr_words = list(fr_vocab)
    en_words = list(en_vocab)
    out: dict[str, dict[str, float]] = defaultdict(dict)
    seen = np.bincount(pair_idx, minlength=len(pair_code))
    keep = np.nonzero((t >= min_p) & (seen >= min_count))[0]
    order = keep[np.lexsort((-t[keep], pf[keep]))]
    for k in order:
        f = fr_words[pf[k]]
        row = out[f]
        if len(row) < top:
            row[en_words[pair_code[k] % ne]] = float(t[k])
    return dict(out)


def cognates(fr_words: Iterable[str], en_words: Iterable[str], cutoff: float = 0.8) -> dict[str, dict[str, float]]:
    """Near-identical FR/EN words (rapidfuzz ratio on folded keys >= ``cutoff``), length >= 4.

    Compared within buckets of the same first letter, so the cost stays near-linear in the
    vocabulary: 'resolution'/'resolution' 1.0, 'organisation'/'organization' 0.92.
    """
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    buckets_en: dict[str, list[str]] = defaultdict(list)
    for e in sorted(set(en_words)):
        if len(e) >= 4 and e.isalpha():
            buckets_en[e[0]].append(e)
    buckets_fr: dict[str, list[str]] = defaultdict(list)
    for f in sorted(set(fr_words)):
        if len(f) >= 4 and f.isalpha():
            buckets_fr[f[0]].append(f)
    out: dict[str, dict[str, float]] = {}
    for c, fl in buckets_fr.items():
        el = buckets_en.get(c)
        if not el:
            continue
        m = process.cdist(fl, el, scorer=ratio, score_cutoff=cutoff * 100, dtype=np.uint8, workers=1)
        fi, ei = np.nonzero(m)
        for a, b in zip(fi.tolist(), ei.tolist()):
            out.setdefault(fl[a], {})[el[b]] = m[a, b] / 100.0
    return out


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
