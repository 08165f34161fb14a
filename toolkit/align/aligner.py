"""The aligner: features -> sparse bags -> banded DP (coarse to fine) -> beads with scores.

Evidence for a bead of type (a, b) is one number per band cell:
``value = z - penalty(a, b) + len_w * log p_len``, where ``z`` is the exact cosine of the
two spans' bags measured against the cosines of random sentence pairs of the same
document (a z-score), and ``p_len`` the Gale-Church probability of the two lengths; 0-1 and
1-0 beads get ``skip``. The bags hold anchors, cognates, the bundled lexicon, a translation
table learnt from the document itself (IBM model 1 on the confident beads, re-estimated
``iterations`` times) and the optional dictionary. With ``model=``, the z-score of
sentence-embedding cosines of spans of up to 3 sentences (Bertalign) is averaged in.
Long documents: the band comes from the path found on blocks of 8 sentences (recursively).
A bead's score is its posterior probability (forward-backward over the final band: the
share of the weight of all paths that contain it), averaged over three weightings of the
lexical and length evidence, times a document-level factor that stays near 1 for
translations and near 0 for unrelated texts.
"""
from __future__ import annotations

import math
import warnings
from typing import Callable, Sequence

import numpy as np

from ..types import Bead, Segment
from . import dp
from .loops import for_size
from .encode import LexicalSpace, NeuralEncoder, neural_spans
from .evidence import random_stats, relatedness
from .features import base_lexicon, looks_like, sentence_features
from .lexicon import cognates, ibm1, load_dictionary
from .pollution import assess
from .similarity import SpanCosines, block_rows

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
    omission_score = 0.4     # an omission bead's score is its posterior times this
    temperature = 0.5        # value units per nat in the bead posteriors (forward-backward)
    pollution = True         # scores also reflect residue, unmatched numbers, odd lengths (pollution.py)
    # (lexical weight, length weight) of the evidence weightings whose bead posteriors are
    # averaged into the scores: the path's own, length as strong as the lexicon, length alone
    experts = ((1.0, len_w), (1.0, 1.0), (0.0, len_w))


def _texts(xs) -> list[str]:
    return [x.text if isinstance(x, Segment) else str(x) for x in xs]


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


def _weights(p: Params, lex: float = 1.0, len_w: float | None = None) -> dp.Weights:
    return dp.Weights(tuple(p.penalty[t] for t in dp.LEXICAL), lex, p.len_w if len_w is None else len_w, p.skip)


def _band(level: _Level, jlo, width, p: Params, rng, ratio: float, lengths: dict, depth: int) -> dp.Band:
    """Evidence of every lexical bead type in the band (z-scores of the cosines, lengths).
    ``lengths``: {depth: (jlo, length log probabilities)} of the last band of each depth,
    reused where the bands of two iterations overlap."""
    base, spread = random_stats(level.fv, level.ev, rng)
    spans = SpanCosines(level.fv, level.ev, jlo, width, MAX_SPAN)
    band = spans.band(level.flen, level.elen, base, spread, ratio, p.gc_var, lengths.get(depth))
    lengths[depth] = (band.jlo, band.lp)
    if level.neural is not None:
        nb, ns = _neural_stats(level.neural, rng)
        for k, (a, b) in enumerate(dp.LEXICAL):
            zn = (dp.band_similarity(level.neural[0], level.neural[1], jlo, width, a, b) - nb) / ns
            band.z[:, :, k] = 0.5 * band.z[:, :, k] + 0.5 * zn  # NaN (no such bead) stays NaN
    return band


def _neural_stats(neural, rng):
    return random_stats(neural[0][1][1:], neural[1][1][1:], rng, cap=0.5)


def _find_path(level: _Level, p: Params, rng, ratio: float, lengths: dict, depth: int = 0, final: bool = False):
    n, m = level.fv.shape[0], level.ev.shape[0]
    if (n + 1) * (m + 1) <= p.full_cells or depth > 6:
        jlo, width = dp.full_band(n, m)
    else:
        coarse = level.coarse(p.factor)
        cpath, _ = _find_path(coarse, p, rng, ratio, lengths, depth + 1)
        jlo, width = dp.band_from_path(cpath, p.factor, n, m, p.factor + p.margin)
    band = _band(level, jlo, width, p, rng, ratio, lengths, depth)
    path, _ = dp.band_dp(band, _weights(p))
    post = _posteriors(path, band, p) if depth == 0 and final else np.ones(len(path))
    # z and raw cosine of each bead on the path, for the scores
    ends = np.cumsum(np.asarray(path, dtype=np.int64).reshape(-1, 2), axis=0)
    code = {t: k for k, t in enumerate(dp.LEXICAL)}
    kind = np.array([code.get(t, -1) for t in path], dtype=np.int64)
    lex = kind >= 0
    z = np.full(len(path), np.nan)
    cos = np.zeros(len(path))
    if lex.any():
        i, j, k = ends[lex, 0], ends[lex, 1], kind[lex]
        z[lex] = band.z[i, j - band.jlo[i], k]
        cos[lex] = band.cos[i, j - band.jlo[i], k]
    return path, list(zip(z.tolist(), cos.tolist(), np.asarray(post, dtype=float).tolist()))


def _posteriors(path, band: dp.Band, p: Params) -> np.ndarray:
    """Posterior of each bead of ``path`` (shape (len(path),)), averaged over ``p.experts``.

    Each expert weighs the lexical z and the Gale-Church log probability differently
    (``lex * z - penalty + len_w * log p_len``; 0-1/1-0 beads keep ``skip``) and gives every
    bead of the path the probability mass of the band paths that contain it
    (forward-backward at ``p.temperature``). A bead that only one weighting of the evidence
    supports, or that has close rival segmentations, gets a low average."""
    out = np.zeros(len(path))
    for lex, lw in p.experts:
        out += dp.band_posteriors(path, band, _weights(p, lex, lw), p.temperature)
    return out / len(p.experts)


def _beads(path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    out, i, j = [], 0, 0
    for a, b in path:
        out.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    return out


def _known(fr_words: set, en_words: set, cogn, dictionary) -> dict[str, dict[str, float]]:
    """{fr: {en: weight}} from identity, cognates, the bundled lexicon and the dictionary: the
    part of the mapping that does not change as the translation table is learnt."""
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
        if row:
            out[f] = row
    return out


def _mapping(known: dict, table, trust: float):
    """{fr: {en: weight}}: the known rows and the learnt table times ``trust`` (weights sum <= 1)."""
    out = {}
    for f in known.keys() | (table.keys() if table else set()):
        row = known.get(f)
        learnt = table.get(f) if table else None
        if learnt:
            row = dict(row) if row else {}
            for e, t in learnt.items():
                row[e] = max(row.get(e, 0.0), trust * t)
        if row:
            tot = sum(row.values())
            out[f] = {e: v / tot for e, v in row.items()} if tot > 1.0 else row
    return out


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
    with for_size(len(fr), len(en)):
        return _align(fr, en, model=model, dictionary=dictionary, on_warning=on_warning, params=params)


def _align(fr, en, *, model, dictionary, on_warning, params) -> list[Bead]:
    p = params or Params()
    warn = on_warning or (lambda msg: warnings.warn(msg, stacklevel=4))
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
    if looks_like(et[:3000], "en", "fr"):  # a sample is enough
        same_lang = "French"
    elif looks_like(ft[:3000], "fr", "en"):
        same_lang = "English"
    rng = np.random.default_rng(7)
    ratio = max(sum(f.chars for f in ef), 1) / max(sum(f.chars for f in ff), 1)
    ratio = min(max(ratio, 0.5), 2.0)
    fr_vocab = {w for f in ff for w in f.words}
    en_vocab = {w for f in ef for w in f.words}
    known = _known(fr_vocab, en_vocab, cognates(fr_vocab, en_vocab), dictionary)
    neural = None
    if model is not None:
        enc = NeuralEncoder(model)
        neural = (neural_spans(enc, ft, MAX_SPAN), neural_spans(enc, et, MAX_SPAN))
    table = None
    path = bead_z = None
    space = LexicalSpace(ff, ef)
    lengths: dict = {}  # length evidence by band, reused across iterations
    for it in range(p.iterations + 1):
        trust = min(1.0, 0.3 + len(path or ()) / 300.0) if table else 0.0
        mapping = _mapping(known, table, trust)
        fv, ev = space.matrices(mapping)
        level = _Level(fv, ev, [f.chars for f in ff], [f.chars for f in ef], neural)
        path, bead_z = _find_path(level, p, rng, ratio, lengths, final=it == p.iterations)
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
    # relatedness of the whole pair: the raw cosine of its typical bead (a document-level
    # factor, so that it does not reorder the beads of a document)
    coss = [cos for (fi, ej), (_, cos, _) in zip(_beads(path), bead_z) if fi and ej]
    related = relatedness(float(np.median(coss)) if coss else 0.0)
    pairs = _beads(path)
    signs = assess(pairs, ft, et) if p.pollution else None  # as alignment_confidence() recomputes it
    beads = []
    for k, ((fi, ej), (z, cos, post)) in enumerate(zip(pairs, bead_z)):
        s = related * post * (1.0 if fi and ej else p.omission_score)
        if signs is not None:
            s *= signs[k].factor()
        if same_lang:
            s *= 0.3
        beads.append(Bead(fi, ej, round(min(1.0, max(0.0, s)), 4)))
    if same_lang:
        warn(f"both documents look {same_lang}: the alignment scores are low, check the language of each file")
    else:
        scored = [b.score for b in beads if b.fr_ids and b.en_ids]
        if len(scored) >= 3 and float(np.median(scored)) < 0.1:  # unrelated texts score ~0.01
            warn("the two documents do not look like translations of each other "
                 f"(median bead score {float(np.median(scored)):.2f}); check the file pairing")
    return beads
