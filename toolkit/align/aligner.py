"""The aligner: features -> vectors -> banded DP (coarse to fine) -> beads with scores.

Evidence for a bead is one number per band cell:
``value = (a + b) / 2 * z - penalty(a, b) + LEN_W * log p_len``, where ``z`` is the cosine of
the two spans' vectors measured against the cosines of random sentence pairs of the same
document (z-score), and ``p_len`` the Gale-Church probability of the two lengths.
The default vectors are lexical (anchors, cognates, a translation table learnt from the
document itself, the optional dictionary); with ``model=`` they are sentence embeddings
of spans of up to 3 sentences (Bertalign), mixed with the lexical ones.
"""
from __future__ import annotations

import math
import warnings
from typing import Callable, Sequence

import numpy as np

from ..types import Bead, Segment
from . import dp
from .encode import LexicalSpace, NeuralEncoder
from .features import SentFeatures, sentence_features, stopwords
from .lexicon import cognates, ibm1, load_dictionary
from .similarity import SpanCosines, block_rows, random_pair_cosines

__all__ = ["align", "Params"]

MAX_SPAN = 3


class Params:
    """Scoring constants (in z units of the cosine). Set from synthetic UNPC data, not gold."""

    skip = -2.2          # a 0-1 or 1-0 bead
    penalty = {(1, 1): 0.0, (1, 2): 0.9, (2, 1): 0.9, (2, 2): 2.0, (1, 3): 1.8, (3, 1): 1.8}
    len_w = 0.35         # weight of the Gale-Church log probability
    gc_var = 6.8         # Gale-Church variance per character
    full_cells = 300_000     # up to this many cells: the whole matrix is the band
    factor = 8           # coarse blocks of this many sentences
    margin = 10          # extra band columns on each side at the fine level
    iterations = 2       # translation-table re-estimations
    omission_score = 0.4
    margin_scale = 1.5   # value units: a boundary 1.5 better than its nearest rival is 63 % sure


def _texts(xs) -> list[str]:
    return [x.text if isinstance(x, Segment) else str(x) for x in xs]


def _random_stats(fv, ev, rng: np.random.Generator, cap: float = 0.1) -> tuple[float, float]:
    """Median and robust spread of cosines of random (FR, EN) sentence pairs.

    fv, ev: dense (n, d)/(m, d) arrays, or sparse bags (exact cosines). The median is
    capped at ``cap``: in a short or repetitive document most random pairs share words,
    and a high baseline would make true beads look negative (then the DP would favour
    fewer, larger beads)."""
    n, m = fv.shape[0], ev.shape[0]
    k = min(4000, n * m)
    i = rng.integers(0, n, k)
    j = rng.integers(0, m, k)
    if isinstance(fv, np.ndarray):
        fn = fv / np.maximum(np.linalg.norm(fv, axis=1, keepdims=True), 1e-9)
        en = ev / np.maximum(np.linalg.norm(ev, axis=1, keepdims=True), 1e-9)
        s = np.einsum("kd,kd->k", fn[i], en[j])
    else:
        s = random_pair_cosines(fv, ev, i, j)
    med = float(np.median(s))
    mad = float(np.median(np.abs(s - med))) * 1.4826
    return min(med, cap), max(mad, 0.05)


def _len_logp(lf: np.ndarray, le: np.ndarray, ratio: float, var: float) -> np.ndarray:
    """Gale-Church log P(|delta|) for FR lengths lf and EN lengths le (same shape)."""
    from scipy.special import log_ndtr

    mean = (lf + le / ratio) / 2.0
    delta = (le - ratio * lf) / np.sqrt(var * np.maximum(mean, 1.0))
    return np.maximum(math.log(2.0) + log_ndtr(-np.abs(delta)), -12.0)


class _Level:
    """Sparse bags and lengths of one resolution (sentences, or blocks of sentences)."""

    def __init__(self, fv, ev, flen, elen, neural=None):
        self.fv, self.ev = fv, ev  # sparse (n, K), (m, K)
        self.flen, self.elen = np.asarray(flen, float), np.asarray(elen, float)
        self.neural = neural  # (fr_spans, en_spans) lists of normalised span vectors, or None

    def coarse(self, f: int) -> "_Level":
        def blocks(v):
            n = len(v)
            idx = np.arange(0, n, f)
            return np.add.reduceat(v, idx, axis=0) if n else v

        neural = None
        if self.neural is not None:  # block sums of the sentence embeddings
            neural = (dp.span_vectors(blocks(self.neural[0][1][1:]), MAX_SPAN),
                      dp.span_vectors(blocks(self.neural[1][1][1:]), MAX_SPAN))
        return _Level(block_rows(self.fv, f), block_rows(self.ev, f), blocks(self.flen), blocks(self.elen),
                      neural)


def _values(level: _Level, jlo, width, types, p: Params, rng, ratio: float):
    n, m = level.fv.shape[0], level.ev.shape[0]
    base, spread = _random_stats(level.fv, level.ev, rng)
    spans = SpanCosines(level.fv, level.ev, jlo, width, MAX_SPAN)
    if level.neural is not None:
        nb, ns = _neural_stats(level.neural, rng)
    fl = dp.span_lengths(level.flen, MAX_SPAN)
    el = dp.span_lengths(level.elen, MAX_SPAN)
    values, zs = {}, {}
    for (a, b) in types:
        if a == 0 or b == 0:
            values[(a, b)] = np.full((n + 1, width), p.skip, dtype=np.float32)
            continue
        cos = spans.cosine(a, b)
        z = (cos - base) / spread
        if level.neural is not None:
            zn = (dp.band_similarity(level.neural[0], level.neural[1], jlo, width, a, b) - nb) / ns
            z = 0.5 * z + 0.5 * zn
        J, ok = dp.gather(el[b], jlo, width)
        lp = _len_logp(fl[a][:, None], el[b][J], ratio, p.gc_var)
        v = z - p.penalty[(a, b)] + p.len_w * lp
        valid = ok & (J >= b)
        valid[:a] = False
        values[(a, b)] = np.where(valid, v, dp.NEG).astype(np.float64)
        zs[(a, b)] = (z, cos)
    return values, zs


def _neural_stats(neural, rng):
    return _random_stats(neural[0][1][1:], neural[1][1][1:], rng, cap=0.5)


def _find_path(level: _Level, p: Params, rng, ratio: float, depth: int = 0, final: bool = False):
    n, m = level.fv.shape[0], level.ev.shape[0]
    if (n + 1) * (m + 1) <= p.full_cells or depth > 6:
        jlo, width = dp.full_band(n, m)
    else:
        coarse = level.coarse(p.factor)
        cpath, _ = _find_path(coarse, p, rng, ratio, depth + 1)
        jlo, width = dp.band_from_path(cpath, p.factor, n, m, p.factor + p.margin)
    values, zs = _values(level, jlo, width, dp.BEAD_TYPES, p, rng, ratio)
    path, D = dp.band_dp(values, jlo, m)
    if depth == 0 and final:
        B = dp.band_backward(values, jlo, m)
        margins = dp.boundary_margins(path, D + B, jlo)
    else:
        margins = np.full(len(path), np.inf)
    # z of each bead on the path, for the scores
    i = j = 0
    bead_z = []
    for (a, b) in path:
        i, j = i + a, j + b
        if a and b:
            z, cos = zs[(a, b)]
            bead_z.append((float(z[i, j - jlo[i]]), float(cos[i, j - jlo[i]])))
        else:
            bead_z.append((float("nan"), 0.0))
    # a bead is as sure as the weaker of its two boundaries (the first starts at (0, 0))
    start = np.concatenate([[np.inf], margins[:-1]])
    bead_margin = np.minimum(start, margins)
    return path, [(z, c, float(mg)) for (z, c), mg in zip(bead_z, bead_margin)]


def _beads(path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    out, i, j = [], 0, 0
    for a, b in path:
        out.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    return out


def _mapping(fr_words: set, en_words: set, table, cogn, dictionary, trust: float):
    """{fr: {en: weight}} from identity, cognates, dictionary and the learnt table (weights sum <= 1)."""
    from .features import base_lexicon

    lexicon = base_lexicon()
    out = {}
    for f in sorted(fr_words):
        row: dict[str, float] = {}
        if f in en_words:
            row[f] = 1.0
        for e, s in (cogn.get(f) or {}).items():
            row[e] = max(row.get(e, 0.0), s * s)
        for e, q in (lexicon.get(f) or {}).items():
            if e in en_words:
                row[e] = max(row.get(e, 0.0), min(1.0, 1.3 * q))
        if dictionary:
            for e in dictionary.get(f, ()):
                if e in en_words:
                    row[e] = max(row.get(e, 0.0), 1.0)
        if table:
            for e, t in (table.get(f) or {}).items():
                row[e] = max(row.get(e, 0.0), trust * t)
        if row:
            tot = sum(row.values())
            if tot > 1.0:
                row = {e: v / tot for e, v in row.items()}
            out[f] = row
    return out


def _looks_like(feats_words: list[str], own: str, other: str) -> bool:
    """True when a document has more function words of ``other`` than of ``own``."""
    so, st = stopwords(own), stopwords(other)
    only_o, only_t = so - st, st - so
    c_o = sum(1 for w in feats_words if w in only_o)
    c_t = sum(1 for w in feats_words if w in only_t)
    return c_t > max(3, 2 * c_o)


def _all_words(texts: list[str]) -> list[str]:
    from ..text import fold, tokenize

    return [t.rstrip("'").rsplit("'", 1)[-1] for t in tokenize(fold(" ".join(texts)))]


def _score(z: float, lp: float, cos: float, margin: float) -> float:
    """Confidence in [0, 1] of one bead.

    - ``margin``: how much better the best path is than the best path through a nearby
      boundary (forward + backward DP scores); the main term, since most errors are a
      boundary placed one sentence off;
    - ``z``/``cos``: similarity against random pairs, and a gate on the raw lexical cosine
      that keeps scores low when nothing is shared (unrelated documents);
    - ``lp``: Gale-Church log probability of the lengths.
    """
    sure = 1.0 - math.exp(-margin / Params.margin_scale) if margin < 50 else 1.0
    if math.isnan(z):
        return Params.omission_score * sure
    sim = 1.0 / (1.0 + math.exp(-(z - 2.0) / 1.5))
    sim *= 1.0 / (1.0 + math.exp(-(cos - 0.07) / 0.02))
    length = 0.7 + 0.3 * math.exp(max(lp, -12.0) / 3.0)
    return float(min(1.0, max(0.0, math.sqrt(sim) * sure * length)))


def align(fr: Sequence, en: Sequence, *, model=None, dictionary=None,
          on_warning: Callable[[str], None] | None = None, params: Params | None = None) -> list[Bead]:
    """Align French and English segments (``Segment`` or ``str``) into beads, in order.

    The beads are a monotone partition of both sides, of types 0-1, 1-0, 1-1, 1-2, 2-1,
    2-2, 1-3, 3-1, each with a confidence ``score`` in [0, 1] (below about 0.5: have a
    look). ``model``: a sentence-transformers model name or local path (or a loaded model)
    for the neural aligner; ``dictionary``: a TSV file ``fr<TAB>en`` (or the mapping
    returned by :func:`load_dictionary`). Doubts (one side empty, a pair that does not look
    like a translation, the same language twice) go to ``on_warning`` (default:
    ``warnings.warn``); beads are returned in every case.
    """
    p = params or Params()
    warn = on_warning or (lambda msg: warnings.warn(msg, stacklevel=3))
    ft, et = _texts(fr), _texts(en)
    n, m = len(ft), len(et)
    if n == 0 or m == 0:
        if n or m:
            warn(f"one side is empty (FR {n} segments, EN {m}): every segment is left unaligned")
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    if dictionary is not None and not isinstance(dictionary, dict):
        dictionary = load_dictionary(dictionary)
    ff = [sentence_features(t, "fr") for t in ft]
    ef = [sentence_features(t, "en") for t in et]
    same_lang = None
    fw_all, ew_all = _all_words(ft[:3000]), _all_words(et[:3000])  # a sample is enough
    if _looks_like(ew_all, "en", "fr"):
        same_lang = "French"
    elif _looks_like(fw_all, "fr", "en"):
        same_lang = "English"
    rng = np.random.default_rng(7)
    ratio = max(sum(f.chars for f in ef), 1) / max(sum(f.chars for f in ff), 1)
    ratio = min(max(ratio, 0.5), 2.0)
    fr_vocab = {w for f in ff for w in f.words}
    en_vocab = {w for f in ef for w in f.words}
    cogn = cognates(fr_vocab, en_vocab)
    neural = None
    if model is not None:
        enc = NeuralEncoder(model)
        neural = (_neural_spans(enc, ft), _neural_spans(enc, et))
    table = None
    path = bead_z = None
    space = LexicalSpace(ff, ef)
    for it in range(p.iterations + 1):
        trust = min(1.0, 0.3 + len(path or ()) / 300.0) if table else 0.0
        mapping = _mapping(fr_vocab, en_vocab, table, cogn, dictionary, trust)
        fv, ev = space.matrices(mapping)
        level = _Level(fv, ev, [f.chars for f in ff], [f.chars for f in ef], neural)
        path, bead_z = _find_path(level, p, rng, ratio, final=it == p.iterations)
        if it == p.iterations:
            break
        # re-estimate the translation table on the confident beads
        zs = np.array([z for z, _, _ in bead_z if not math.isnan(z)])
        if len(zs) < 3:
            break
        # confident: in the best 80 % of the document and clearly above chance on their own
        cut = max(float(np.quantile(zs, 0.2)), 4.0)
        pairs = [([w for i in fi for w in ff[i].words], [w for j in ej for w in ef[j].words])
                 for (fi, ej), (z, cos, _) in zip(_beads(path), bead_z)
                 if not math.isnan(z) and z >= cut and cos >= 0.15]
        table = ibm1(pairs, min_count=2)
    beads = []
    for (fi, ej), (z, cos, margin) in zip(_beads(path), bead_z):
        if fi and ej:
            lf, le = sum(ff[i].chars for i in fi), sum(ef[j].chars for j in ej)
            lp = float(_len_logp(np.array([lf], float), np.array([le], float), ratio, p.gc_var)[0])
            s = _score(z, lp, cos, margin)
        else:
            s = _score(float("nan"), 0.0, 0.0, margin)
        if same_lang:
            s *= 0.3
        beads.append(Bead(fi, ej, round(s, 4)))
    if same_lang:
        warn(f"both documents look {same_lang}: the alignment scores are low, check the language of each file")
    else:
        scored = [b.score for b in beads if b.fr_ids and b.en_ids]
        if len(scored) >= 3 and float(np.median(scored)) < 0.1:  # unrelated texts score ~0.01
            warn("the two documents do not look like translations of each other "
                 f"(median bead score {float(np.median(scored)):.2f}); check the file pairing")
    return beads


def _neural_spans(enc: NeuralEncoder, texts: list[str]) -> list[np.ndarray]:
    """Bertalign overlaps: embeddings of every span of 1..3 sentences, as span_vectors returns."""
    n = len(texts)
    spans = []
    out = []
    for k in range(0, MAX_SPAN + 1):
        if k == 0:
            continue
        for i in range(k, n + 1):
            spans.append(" ".join(texts[i - k:i]))
    vecs = enc.encode(spans)
    dim = vecs.shape[1] if vecs.ndim == 2 and len(vecs) else 1
    out.append(np.zeros((n + 1, dim), dtype=np.float32))
    pos = 0
    for k in range(1, MAX_SPAN + 1):
        arr = np.zeros((n + 1, dim), dtype=np.float32)
        cnt = max(0, n + 1 - k)
        if cnt:
            arr[k:] = vecs[pos:pos + cnt]
        pos += cnt
        out.append(arr)
    return out
