"""Sentence vectors in one space for both languages.

- :func:`lexical_vectors`: the default, offline encoder. Every English word, number and
  punctuation key gets a fixed random direction (a random projection of the bag of words);
  a French word points to the directions of its English translations (identity, cognates,
  the learnt translation table, the dictionary), or to its own direction when nothing is
  known. Cosine of two (sums of) vectors then approximates the tf-idf weighted share of
  translated words.
- :class:`NeuralEncoder`: a sentence-transformers model (LaBSE or any local path), imported
  and loaded on first use only.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Sequence

import numpy as np

from .features import SentFeatures

__all__ = ["lexical_vectors", "NeuralEncoder", "ANCHOR_WEIGHT"]

# Weight of anchor keys relative to a content word of the same idf (numbers survive translation).
ANCHOR_WEIGHT = {"n": 1.5, "p": 0.4}


def _idf(feats: Sequence[SentFeatures]) -> dict[str, float]:
    df: Counter = Counter()
    for f in feats:
        df.update(set(f.words) | set(f.anchors))
    n = len(feats)
    return {k: math.log((n + 1) / (c + 0.5)) + 0.5 for k, c in df.items()}


def lexical_vectors(fr: Sequence[SentFeatures], en: Sequence[SentFeatures],
                    mapping: dict[str, dict[str, float]], dims: int = 256,
                    seed: int = 13) -> tuple[np.ndarray, np.ndarray]:
    """Unnormalised sentence vectors: FR of shape (len(fr), dims), EN of shape (len(en), dims).

    ``mapping``: ``{fr_word: {en_word: weight}}``, weights in [0, 1] summing to <= 1; the
    rest of a French word's mass goes to its own (unmatched) direction.
    """
    from scipy import sparse

    idf_fr, idf_en = _idf(fr), _idf(en)
    keys: dict[str, int] = {}

    def kid(k: str) -> int:
        i = keys.get(k)
        if i is None:
            i = keys[k] = len(keys)
        return i

    def anchor_w(k: str, idf: dict[str, float]) -> float:
        return idf[k] * ANCHOR_WEIGHT.get(k[0], 1.0)

    rs, cs, vs = [], [], []
    for s, f in enumerate(en):
        for w, c in Counter(f.words).items():
            rs.append(s); cs.append(kid("w:" + w)); vs.append(idf_en[w] * math.sqrt(c))
        for a, c in Counter(f.anchors).items():
            rs.append(s); cs.append(kid(a)); vs.append(anchor_w(a, idf_en) * math.sqrt(c))
    en_rows = (rs, cs, vs)
    rs, cs, vs = [], [], []
    for s, f in enumerate(fr):
        for w, c in Counter(f.words).items():
            wt = idf_fr[w] * math.sqrt(c)
            m = mapping.get(w)
            rest = 1.0
            if m:
                for e, p in m.items():
                    rs.append(s); cs.append(kid("w:" + e)); vs.append(wt * p)
                    rest -= p
            if rest > 1e-6:
                rs.append(s); cs.append(kid("f:" + w)); vs.append(wt * rest)
        for a, c in Counter(f.anchors).items():
            rs.append(s); cs.append(kid(a)); vs.append(anchor_w(a, idf_fr) * math.sqrt(c))
    fr_rows = (rs, cs, vs)
    nk = max(len(keys), 1)
    rng = np.random.default_rng(seed)
    # directions are drawn in sorted key order: the result does not depend on set/dict order
    rank = np.empty(nk, dtype=np.int64)
    rank[[keys[k] for k in sorted(keys)]] = np.arange(len(keys))
    proj = (rng.standard_normal((nk, dims)) / math.sqrt(dims)).astype(np.float32)[rank] if keys else \
        np.zeros((1, dims), dtype=np.float32)

    def build(rows, n):
        r, c, v = rows
        mat = sparse.csr_matrix((np.asarray(v, dtype=np.float32), (np.asarray(r, dtype=np.int64),
                                np.asarray(c, dtype=np.int64))), shape=(n, nk))
        return np.asarray(mat @ proj, dtype=np.float32)

    return build(fr_rows, len(fr)), build(en_rows, len(en))


class NeuralEncoder:
    """A sentence-transformers model, loaded lazily; ``encode(texts)`` -> (len, dim) float32, L2-normalised."""

    def __init__(self, model):
        self.name = model
        self._model = None

    def _load(self):
        if self._model is None:
            if not isinstance(self.name, (str, bytes)) and hasattr(self.name, "encode"):
                self._model = self.name  # an already loaded SentenceTransformer
            else:
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as e:  # pragma: no cover - depends on the install
                    from ..errors import TermkitError
                    raise TermkitError("the neural aligner needs sentence-transformers: "
                                       "pip install 'termkit[model]'") from e
                import torch

                device = "cuda" if torch.cuda.is_available() else "cpu"
                try:
                    self._model = SentenceTransformer(str(self.name), device=device)
                except Exception as e:  # no network, wrong path, corrupt folder
                    from ..errors import InputError
                    raise InputError(f"cannot load the sentence-transformers model {self.name!r} ({e}); "
                                     "give a local model folder or a name already in the cache") from e
        return self._model

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        model = self._load()
        if not texts:
            get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
            dim = get_dim() or 1
            return np.zeros((0, dim), dtype=np.float32)
        v = model.encode(list(texts), batch_size=batch_size, convert_to_numpy=True,
                         normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(v, dtype=np.float32)
