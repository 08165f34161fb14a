"""Both documents in one space.

- :class:`LexicalSpace`: the default, offline representation. Sentences are tf-idf weighted
  bags of English words, anchors (numbers, punctuation) and unmatched French words; a
  French word is spread over its English translations (identity, cognates, the bundled
  lexicon, the learnt translation table, the dictionary). The cosine of two bags (or sums
  of bags) is then the weighted share of translated words; :mod:`.similarity` computes it
  exactly in the band.
- :class:`NeuralEncoder`: a sentence-transformers model (a local folder, or a hub name found
  in the local cache: never downloaded), imported and loaded on first use only.
"""
from __future__ import annotations

import functools
import os
from typing import Sequence

import numpy as np

from .features import SentFeatures
from .model_files import resolve_model

__all__ = ["LexicalSpace", "NeuralEncoder", "neural_spans", "resolve_model", "ANCHOR_WEIGHT"]

# Weight of anchor keys relative to a content word of the same idf (numbers survive translation).
ANCHOR_WEIGHT = {"n": 1.5, "p": 0.4}


def _bag(feats: Sequence[SentFeatures], attr: str, index: dict[str, int], weight: np.ndarray | None = None):
    """Sparse (len(feats), len(index)) bag of one kind of key (``words`` or ``anchors``):
    idf * weight * sqrt(count), the idf over the sentences of ``feats`` (log((n+1)/(df+0.5)) + 0.5)."""
    from scipy import sparse

    n, V = len(feats), max(len(index), 1)
    lens = np.fromiter((len(getattr(f, attr)) for f in feats), dtype=np.int64, count=n)
    ids = np.fromiter((index[k] for f in feats for k in getattr(f, attr)), dtype=np.int64, count=int(lens.sum()))
    code, cnt = np.unique(np.repeat(np.arange(n, dtype=np.int64), lens) * V + ids, return_counts=True)
    rows, cols = code // V, code % V
    df = np.bincount(cols, minlength=V)
    idf = np.log((n + 1) / (df + 0.5)) + 0.5
    vals = idf[cols] * np.sqrt(cnt) * (1.0 if weight is None else weight[cols])
    return sparse.csr_matrix((vals.astype(np.float32), (rows, cols)), shape=(n, V))


class LexicalSpace:
    """Bags of words and anchors of both documents, built once; :meth:`matrices` maps them
    into one key space for a given FR->EN word mapping (which changes as the translation
    table is learnt).

    Key space: English words, then anchors (numbers, punctuation; shared by both sides),
    then one "unmatched" direction per French word.
    """

    def __init__(self, fr: Sequence[SentFeatures], en: Sequence[SentFeatures]):
        self.fr_words = sorted({w for f in fr for w in f.words})
        self.en_words = sorted({w for f in en for w in f.words})
        self.anchors = sorted({a for f in list(fr) + list(en) for a in f.anchors})
        self.en_index = {w: k for k, w in enumerate(self.en_words)}
        fi = {w: k for k, w in enumerate(self.fr_words)}
        ai = {a: k for k, a in enumerate(self.anchors)}

        aw = np.array([ANCHOR_WEIGHT.get(k[0], 1.0) for k in self.anchors])
        self.fr_w = _bag(fr, "words", fi)
        self.fr_a = _bag(fr, "anchors", ai, aw)
        self.en_w = _bag(en, "words", self.en_index)
        self.en_a = _bag(en, "anchors", ai, aw)

    def matrices(self, mapping: dict[str, dict[str, float]]):
        """Sparse bags in one key space: FR (n, K) and EN (m, K), CSR float64.

        ``mapping``: ``{fr_word: {en_word: weight}}``, weights in [0, 1] summing to <= 1;
        the rest of a French word's mass goes to its own (unmatched) direction.
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


@functools.lru_cache(maxsize=2)
def _load_model(name: str):
    """Load a sentence-transformers model once per process (GPU when present), offline only."""
    from ..errors import InputError, TermkitError

    local = resolve_model(name)
    os.environ["HF_HUB_OFFLINE"] = "1"  # the model is on disk: nothing may go to the network
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as e:  # pragma: no cover - depends on the install
        raise TermkitError("the neural aligner needs sentence-transformers: "
                           "pip install 'termkit[model]'") from e
    import torch

    device = "cuda" if torch.cuda.is_available() else "cpu"
    try:
        return SentenceTransformer(str(local), device=device, local_files_only=True)
    except Exception as e:  # wrong folder, corrupt files
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise InputError(f"cannot load the sentence-transformers model {os.fspath(name)!r} from {local} "
                         f"({msg[:200]}); give a folder saved by sentence-transformers") from None


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


def neural_spans(enc: NeuralEncoder, texts: list[str], max_span: int = 3) -> list[np.ndarray]:
    """Bertalign overlaps: embeddings of every span of 1..3 sentences, as span_vectors returns."""
    n = len(texts)
    spans = []
    out = []
    for k in range(0, max_span + 1):
        if k == 0:
            continue
        for i in range(k, n + 1):
            spans.append(" ".join(texts[i - k:i]))
    vecs = enc.encode(spans)
    dim = vecs.shape[1] if vecs.ndim == 2 and len(vecs) else 1
    out.append(np.zeros((n + 1, dim), dtype=np.float32))
    pos = 0
    for k in range(1, max_span + 1):
        arr = np.zeros((n + 1, dim), dtype=np.float32)
        cnt = max(0, n + 1 - k)
        if cnt:
            arr[k:] = vecs[pos:pos + cnt]
        pos += cnt
        out.append(arr)
    return out
