"""Evidence that turns similarities into bead values and confidences: the random-pair
baseline of a document, the Gale-Church length model and the bead score."""
from __future__ import annotations

import math

import numpy as np

from .similarity import random_pair_cosines

__all__ = ["random_stats", "len_logp", "bead_score"]


def random_stats(fv, ev, rng: np.random.Generator, cap: float = 0.1) -> tuple[float, float]:
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


def len_logp(lf: np.ndarray, le: np.ndarray, ratio: float, var: float) -> np.ndarray:
    """Gale-Church log P(|delta|) for FR lengths lf and EN lengths le (same shape)."""
    from scipy.special import log_ndtr

    mean = (lf + le / ratio) / 2.0
    delta = (le - ratio * lf) / np.sqrt(var * np.maximum(mean, 1.0))
    return np.maximum(math.log(2.0) + log_ndtr(-np.abs(delta)), -12.0)


def bead_score(z: float, lp: float, cos: float, margin: float, margin_scale: float = 1.5,
               omission: float = 0.4) -> float:
    """Confidence in [0, 1] of one bead.

    - ``margin``: how much better the best path is than the best path through a nearby
      boundary (forward + backward DP scores); the main term, since most errors are a
      boundary placed one sentence off;
    - ``z``/``cos``: similarity against random pairs, and a gate on the raw lexical cosine
      that keeps scores low when nothing is shared (unrelated documents);
    - ``lp``: Gale-Church log probability of the lengths.
    """
    sure = 1.0 - math.exp(-margin / margin_scale) if margin < 50 else 1.0
    if math.isnan(z):
        return omission * sure
    sim = 1.0 / (1.0 + math.exp(-(z - 2.0) / 1.5))
    sim *= 1.0 / (1.0 + math.exp(-(cos - 0.07) / 0.02))
    length = 0.7 + 0.3 * math.exp(max(lp, -12.0) / 3.0)
    return float(min(1.0, max(0.0, math.sqrt(sim) * sure * length)))
