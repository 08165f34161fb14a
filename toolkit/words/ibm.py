"""IBM model 1 (Brown et al. 1993), vectorised with numpy: the one implementation of the
aligner and the terminology extractor.

Sentence pairs are lists of word keys. Only pairs of word types that co-occur are stored
(one entry per (source, target) type pair and sentence), so memory grows with the
co-occurring vocabulary, not with the text. Options both stages need:

- ``null``: a NULL source word in every sentence (target words it explains link nowhere);
- ``token_counts``: a word repeated in a sentence counts as often as it occurs (the
  aligner's bags count each type once, the default);
- ``prior``: a seed table ``{src: {tgt: p}}`` (the bundled lexicon, cognates) added as
  pseudo-counts in every M-step, so a small corpus starts from what is known.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

import numpy as np

__all__ = ["IBM1", "train_ibm1", "ibm1", "NULL"]

NULL = "<null>"


@dataclass
class IBM1:
    """A trained model t(tgt | src). ``codes`` are the sorted type-pair codes
    ``src_id * len(tgt_vocab) + tgt_id``, ``t`` their probabilities, ``seen`` the number of
    sentence pairs where both occur."""

    src_vocab: dict[str, int]
    tgt_vocab: dict[str, int]
    codes: np.ndarray
    t: np.ndarray
    seen: np.ndarray

    def ids(self, words: Sequence[str], side: str = "src") -> np.ndarray:
        """Vocabulary ids of ``words`` (-1 for unknown words)."""
        v = self.src_vocab if side == "src" else self.tgt_vocab
        return np.fromiter((v.get(w, -1) for w in words), dtype=np.int64, count=len(words))

    def matrix(self, src_ids: np.ndarray, tgt_ids: np.ndarray) -> np.ndarray:
        """t(tgt | src) for every (source word, target word) of one sentence pair:
        shape (len(src_ids), len(tgt_ids)); 0 for pairs never seen together or unknown ids."""
        ne = len(self.tgt_vocab)
        if not len(src_ids) or not len(tgt_ids) or not len(self.codes):
            return np.zeros((len(src_ids), len(tgt_ids)))
        code = src_ids[:, None] * ne + tgt_ids[None, :]
        pos = np.minimum(np.searchsorted(self.codes, code), len(self.codes) - 1)
        ok = (self.codes[pos] == code) & (src_ids[:, None] >= 0) & (tgt_ids[None, :] >= 0)
        return np.where(ok, self.t[pos], 0.0)

    def null_row(self, tgt_ids: np.ndarray) -> np.ndarray:
        """t(tgt | NULL) for the target words (0 when the model has no NULL word)."""
        nid = self.src_vocab.get(NULL)
        if nid is None:
            return np.zeros(len(tgt_ids))
        return self.matrix(np.array([nid]), tgt_ids)[0]

    def table(self, min_p: float = 0.05, top: int = 5, min_count: int = 1) -> dict[str, dict[str, float]]:
        """``{src: {tgt: p}}``: the ``top`` best targets per source word with ``p >= min_p`` that
        co-occur in at least ``min_count`` sentence pairs (the NULL word left out)."""
        ne = len(self.tgt_vocab)
        src_words, tgt_words = list(self.src_vocab), list(self.tgt_vocab)
        pf = self.codes // ne
        keep = np.nonzero((self.t >= min_p) & (self.seen >= min_count))[0]
        order = keep[np.lexsort((-self.t[keep], pf[keep]))]
        out: dict[str, dict[str, float]] = defaultdict(dict)
        for k in order:
            f = src_words[pf[k]]
            if f == NULL:
                continue
            row = out[f]
            if len(row) < top:
                row[tgt_words[self.codes[k] % ne]] = float(self.t[k])
        return dict(out)


def train_ibm1(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], iterations: int = 5, *,
               null: bool = False, token_counts: bool = False,
               prior: dict[str, dict[str, float]] | None = None, prior_weight: float = 1.0) -> IBM1:
    """Train t(tgt | src) by EM over ``(source words, target words)`` pairs.

    ``prior``: pseudo-counts ``prior_weight * p`` for the listed type pairs that co-occur in
    the data, added at every M-step (and used as the starting point)."""
    src_vocab: dict[str, int] = {NULL: 0} if null else {}
    tgt_vocab: dict[str, int] = {}
    sents = []  # (source ids, target ids, source token counts, target token counts)
    for f_words, e_words in pairs:
        if not f_words or not e_words:
            continue
        if token_counts:
            fc, ec = _counts(f_words), _counts(e_words)
        else:
            fc, ec = dict.fromkeys(sorted(set(f_words)), 1), dict.fromkeys(sorted(set(e_words)), 1)
        if null:
            fc = {NULL: 1, **fc}
        sents.append(([src_vocab.setdefault(w, len(src_vocab)) for w in fc],
                      [tgt_vocab.setdefault(w, len(tgt_vocab)) for w in ec],
                      list(fc.values()), list(ec.values())))
    if not sents:
        return IBM1(src_vocab, tgt_vocab, np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0, dtype=np.int64))
    # One row per (sentence, source type, target type), written into preallocated arrays (the
    # 16k-sentence aligner case has millions of rows: lists + concatenate doubled the peak).
    n = sum(len(fi) * len(ei) for fi, ei, _, _ in sents)
    ne = len(tgt_vocab)
    codes_in = np.empty(n, dtype=np.int64)
    se_idx = np.empty(n, dtype=np.int64)  # (sentence, target type) group of each row
    CF = np.empty(n) if token_counts else None  # tokens of the source word in the sentence
    CE = np.empty(n) if token_counts else None  # tokens of the target word
    pos = group = 0
    for fi, ei, cf, ce in sents:
        a, b = len(fi), len(ei)
        fa, ea = np.asarray(fi, dtype=np.int64), np.asarray(ei, dtype=np.int64)
        codes_in[pos:pos + a * b] = np.repeat(fa * ne, b) + np.tile(ea, a)
        se_idx[pos:pos + a * b] = group + np.tile(np.arange(b), a)
        if token_counts:
            CF[pos:pos + a * b] = np.repeat(np.asarray(cf, dtype=np.float64), b)
            CE[pos:pos + a * b] = np.tile(np.asarray(ce, dtype=np.float64), a)
        pos += a * b
        group += b
    del sents
    codes, pair_idx = np.unique(codes_in, return_inverse=True)
    del codes_in
    pf = codes // ne
    pseudo = _prior_counts(prior, codes, src_vocab, tgt_vocab, prior_weight) if prior else None
    t = np.ones(len(codes)) if pseudo is None else 1.0 + pseudo
    for _ in range(iterations):
        tp = t[pair_idx] if CF is None else t[pair_idx] * CF
        post = tp / np.bincount(se_idx, weights=tp)[se_idx]
        if CE is not None:
            post *= CE
        counts = np.bincount(pair_idx, weights=post, minlength=len(codes))
        if pseudo is not None:
            counts += pseudo
        tot = np.bincount(pf, weights=counts, minlength=len(src_vocab))
        t = counts / np.maximum(tot[pf], 1e-12)
    seen = np.bincount(pair_idx, minlength=len(codes))
    return IBM1(src_vocab, tgt_vocab, codes, t, seen)


def _counts(words: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for w in words:
        out[w] = out.get(w, 0) + 1
    return out


def _prior_counts(prior, codes, src_vocab, tgt_vocab, weight) -> np.ndarray:
    """Pseudo-counts aligned with ``codes`` for the prior's pairs that occur in the data."""
    ne = len(tgt_vocab)
    want = [src_vocab[f] * ne + tgt_vocab[e] for f, row in prior.items() if f in src_vocab
            for e in row if e in tgt_vocab]
    vals = [row[e] for f, row in prior.items() if f in src_vocab for e in row if e in tgt_vocab]
    out = np.zeros(len(codes))
    if want and len(codes):
        want_a = np.asarray(want, dtype=np.int64)
        pos = np.minimum(np.searchsorted(codes, want_a), len(codes) - 1)
        hit = codes[pos] == want_a
        np.maximum.at(out, pos[hit], weight * np.asarray(vals)[hit])
    return out


def ibm1(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], iterations: int = 5,
         min_p: float = 0.05, top: int = 5, min_count: int = 1) -> dict[str, dict[str, float]]:
    """t(tgt | src) as a table: :func:`train_ibm1` (word types counted once per sentence, no
    NULL word), then :meth:`IBM1.table`."""
    return train_ibm1(pairs, iterations).table(min_p=min_p, top=top, min_count=min_count)
