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

import functools
import math
import os
from collections import Counter
from typing import Sequence

import numpy as np

from .features import SentFeatures

__all__ = ["LexicalSpace", "lexical_vectors", "NeuralEncoder", "ANCHOR_WEIGHT"]

# Weight of anchor keys relative to a content word of the same idf (numbers survive translation).
ANCHOR_WEIGHT = {"n": 1.5, "p": 0.4}


def _idf(feats: Sequence[SentFeatures]) -> dict[str, float]:
    df: Counter = Counter()
    for f in feats:
        df.update(set(f.words) | set(f.anchors))
    n = len(feats)
    return {k: math.log((n + 1) / (c + 0.5)) + 0.5 for k, c in df.items()}


class LexicalSpace:
    """Bags of words and anchors of both documents, built once; :meth:`vectors` projects
    them for a given FR->EN word mapping (which changes as the translation table is learnt).

    Key space: English words, then anchors (numbers, punctuation; shared by both sides),
    then one "unmatched" direction per French word.
    """

    def __init__(self, fr: Sequence[SentFeatures], en: Sequence[SentFeatures]):
        from scipy import sparse

        idf_fr, idf_en = _idf(fr), _idf(en)
        self.fr_words = sorted({w for f in fr for w in f.words})
        self.en_words = sorted({w for f in en for w in f.words})
        self.anchors = sorted({a for f in list(fr) + list(en) for a in f.anchors})
        self.en_index = {w: k for k, w in enumerate(self.en_words)}
        fi = {w: k for k, w in enumerate(self.fr_words)}
        ai = {a: k for k, a in enumerate(self.anchors)}

        def bag(feats, idf, index, attr, weight=lambda k: 1.0):
            r, c, v = [], [], []
            for s, f in enumerate(feats):
                for k, cnt in Counter(getattr(f, attr)).items():
                    r.append(s); c.append(index[k]); v.append(idf[k] * weight(k) * math.sqrt(cnt))
            return sparse.csr_matrix((np.asarray(v, dtype=np.float32), (np.asarray(r, dtype=np.int64),
                                      np.asarray(c, dtype=np.int64))), shape=(len(feats), max(len(index), 1)))

        aw = lambda k: ANCHOR_WEIGHT.get(k[0], 1.0)  # noqa: E731
        self.fr_w = bag(fr, idf_fr, fi, "words")
        self.fr_a = bag(fr, idf_fr, ai, "anchors", aw)
        self.en_w = bag(en, idf_en, self.en_index, "words")
        self.en_a = bag(en, idf_en, ai, "anchors", aw)

    def matrices(self, mapping: dict[str, dict[str, float]]):
        """Sparse bags in one key space: FR (n, K) and EN (m, K), CSR float64.

        ``mapping`` as for :meth:`vectors`; exact cosines come from these (``similarity.py``).
        """
        from scipy import sparse

        ve, va, vf = max(len(self.en_words), 1), max(len(self.anchors), 1), max(len(self.fr_words), 1)
        M = self._word_map(mapping, ve, va, vf)
        n, m = self.fr_w.shape[0], self.en_w.shape[0]
        Xf = (self.fr_w @ M + sparse.hstack([sparse.csr_matrix((n, ve)), self.fr_a,
                                             sparse.csr_matrix((n, vf))])).tocsr().astype(np.float64)
        Xe = sparse.hstack([self.en_w, self.en_a, sparse.csr_matrix((m, vf))]).tocsr().astype(np.float64)
        return Xf, Xe

    def _word_map(self, mapping, ve: int, va: int, vf: int):
        from scipy import sparse

        r, c, v = [], [], []
        for k, f in enumerate(self.fr_words):
            rest = 1.0
            for e, p in (mapping.get(f) or {}).items():
                j = self.en_index.get(e)
                if j is not None and p > 0:
                    r.append(k); c.append(j); v.append(p)
                    rest -= p
            if rest > 1e-6:
                r.append(k); c.append(ve + va + k); v.append(rest)
        return sparse.csr_matrix((np.asarray(v, dtype=np.float32), (np.asarray(r, dtype=np.int64),
                                 np.asarray(c, dtype=np.int64))), shape=(vf, ve + va + vf))

    def vectors(self, mapping: dict[str, dict[str, float]], dims: int = 256,
                seed: int = 13) -> tuple[np.ndarray, np.ndarray]:
        """Unnormalised sentence vectors: FR (n, dims) and EN (m, dims), float32.

        ``mapping``: ``{fr_word: {en_word: weight}}``, weights in [0, 1] summing to <= 1;
        the rest of a French word's mass goes to its own (unmatched) direction.
        """
        from scipy import sparse

        ve, va, vf = max(len(self.en_words), 1), max(len(self.anchors), 1), max(len(self.fr_words), 1)
        rng = np.random.default_rng(seed)
        proj = (rng.standard_normal((ve + va + vf, dims)) / math.sqrt(dims)).astype(np.float32)
        M = self._word_map(mapping, ve, va, vf)
        pa = proj[ve:ve + va]
        F = self.fr_w @ np.asarray(M @ proj) + self.fr_a @ pa
        E = self.en_w @ proj[:ve] + self.en_a @ pa
        return np.asarray(F, dtype=np.float32), np.asarray(E, dtype=np.float32)


def lexical_vectors(fr: Sequence[SentFeatures], en: Sequence[SentFeatures],
                    mapping: dict[str, dict[str, float]], dims: int = 256,
                    seed: int = 13) -> tuple[np.ndarray, np.ndarray]:
    """One-shot :class:`LexicalSpace` ``(fr, en).vectors(mapping, dims, seed)``."""
    return LexicalSpace(fr, en).vectors(mapping, dims, seed)


@functools.lru_cache(maxsize=2)
def _load_model(name: str):
    """Load a sentence-transformers model once per process (GPU when present)."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as e:  # pragma: no cover - depends on the install
        from ..errors import TermkitError
        raise TermkitError("the neural aligner needs sentence-transformers: "
                           "pip install 'termkit[model]'") from e
    import torch

    device = "cuda" if torch.cuda.is_available() else "cpu"
    try:
        return SentenceTransformer(name, device=device)
    except Exception as e:  # no network, wrong path, corrupt folder
        from ..errors import InputError
        raise InputError(f"cannot load the sentence-transformers model {name!r} ({e}); "
                         "give a local model folder or a name already in the cache") from e


class NeuralEncoder:
    """A sentence-transformers model, loaded lazily; ``encode(texts)`` -> (len, dim) float32, L2-normalised."""

    def __init__(self, model):
        self.name = model
        self._model = None

    def _load(self):
        if self._model is None:
            if not isinstance(self.name, (str, bytes, os.PathLike)) and hasattr(self.name, "encode"):
                self._model = self.name  # an already loaded SentenceTransformer
            else:
                self._model = _load_model(os.fspath(self.name))
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
