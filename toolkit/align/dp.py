"""Dynamic programming over alignment beads inside a band (no I/O).

Coordinates: a cell ``(i, j)`` means "the first i FR and the first j EN sentences are
aligned". The band gives, for each row ``i`` in ``0..n``, the columns
``jlo[i] .. jlo[i] + W - 1``; band arrays have shape ``(n + 1, W)`` and column ``w`` of
row ``i`` is ``j = jlo[i] + w``. A bead of type ``(a, b)`` *ending* at ``(i, j)`` covers FR
``i-a .. i-1`` and EN ``j-b .. j-1``.

The passes over the band (best path, forward and backward sums) are compiled loops in
:mod:`.kernels`: O(n * W * types) time, O(n * W) memory, bead values computed from the
evidence (:class:`Band`) under a weighting (:class:`Weights`) on the fly.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["BEAD_TYPES", "LEXICAL", "Band", "Weights", "values", "span_vectors", "span_lengths",
           "band_similarity", "band_dp", "band_posteriors", "full_band", "band_from_path", "gather"]

# The bead types the aligner considers (CONVENTIONS.md: n, m <= 3, minimal beads); the
# compiled kernels code them by their index here.
BEAD_TYPES: tuple[tuple[int, int], ...] = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
LEXICAL = BEAD_TYPES[2:]  # the types whose value comes from evidence (0-1/1-0 get a constant)
_A = np.array([a for a, _ in LEXICAL], dtype=np.int64)
_B = np.array([b for _, b in LEXICAL], dtype=np.int64)
_CODE = {t: k for k, t in enumerate(BEAD_TYPES)}
NEG = -1e9


def span_vectors(vecs: np.ndarray, max_len: int) -> list[np.ndarray]:
    """L2-normalised sums of ``k`` consecutive sentence vectors ending before each row.

    vecs: (n, d). Returns a list indexed by k = 0..max_len of arrays (n + 1, d); entry
    ``[k][i]`` is the normalised sum of ``vecs[i-k:i]`` (zero where ``i < k``; ``[0]`` is zero).
    """
    n, d = vecs.shape
    cum = np.zeros((n + 1, d), dtype=np.float64)
    np.cumsum(vecs, axis=0, out=cum[1:])
    out = [np.zeros((n + 1, d), dtype=np.float32)]
    for k in range(1, max_len + 1):
        s = np.zeros((n + 1, d), dtype=np.float32)
        if n >= k:
            s[k:] = cum[k:] - cum[:-k]
            norm = np.linalg.norm(s, axis=1, keepdims=True)
            s /= np.maximum(norm, 1e-9)
        out.append(s)
    return out


def span_lengths(lengths: np.ndarray, max_len: int) -> list[np.ndarray]:
    """Character lengths of spans: list by k of arrays (n + 1,), ``[k][i] = sum(lengths[i-k:i])``."""
    cum = np.concatenate([[0.0], np.cumsum(lengths, dtype=np.float64)])
    out = []
    for k in range(max_len + 1):
        s = np.zeros(len(cum))
        s[k:] = cum[k:] - cum[: len(cum) - k]
        out.append(s)
    return out


def gather(values: np.ndarray, jlo: np.ndarray, width: int, shift: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Column indices of the band: J of shape (n + 1, W) = jlo[:, None] + arange(W) - shift,
    and the (n + 1, W) boolean mask of 0 <= J < len(values)."""
    J = jlo[:, None] + np.arange(width)[None, :] - shift
    ok = (J >= 0) & (J < len(values))
    return np.clip(J, 0, len(values) - 1), ok


def band_similarity(fr_spans: list[np.ndarray], en_spans: list[np.ndarray], jlo: np.ndarray,
                    width: int, a: int, b: int, chunk_bytes: int = 64 << 20) -> np.ndarray:
    """Cosine of FR spans of length ``a`` and EN spans of length ``b`` ending at each band cell.

    fr_spans[a]: (n + 1, d), en_spans[b]: (m + 1, d) (from :func:`span_vectors`).
    Returns float32 (n + 1, W); cells whose spans do not exist are 0.
    """
    F, E = fr_spans[a], en_spans[b]
    n1, d = F.shape
    J, ok = gather(E, jlo, width)
    out = np.zeros((n1, width), dtype=np.float32)
    step = max(1, chunk_bytes // max(1, width * d * 4))
    for r0 in range(0, n1, step):
        r1 = min(n1, r0 + step)
        out[r0:r1] = np.einsum("rd,rwd->rw", F[r0:r1], E[J[r0:r1]])
    out[~ok] = 0.0
    out[:a] = 0.0
    out[J < b] = 0.0
    return out


@dataclass
class Band:
    """Evidence of every lexical bead type (:data:`LEXICAL`) ending at every cell of a band.

    z: float32 (n + 1, W, T), the z-score of the bead's cosine (NaN where no such bead can
    end); lp: float32 (n + 1, W, T), its Gale-Church log probability; cos: the raw cosine
    (or None); jlo: int64 (n + 1,); m: the number of EN sentences."""

    z: np.ndarray
    lp: np.ndarray
    cos: np.ndarray | None
    jlo: np.ndarray
    m: int


@dataclass(frozen=True)
class Weights:
    """A bead's value: ``lex * z - penalty[type] + len_w * lp``; 0-1/1-0 beads: ``skip``."""

    penalty: tuple[float, ...]  # one per LEXICAL type
    lex: float = 1.0
    len_w: float = 0.35
    skip: float = -2.2

    def args(self, band: Band):
        return (band.z, band.lp, _A, _B, np.asarray(self.penalty, dtype=np.float64), float(self.lex),
                float(self.len_w), float(self.skip), np.ascontiguousarray(band.jlo, dtype=np.int64),
                int(band.m))


def values(band: Band, w: Weights) -> np.ndarray:
    """The bead values of ``band`` under ``w`` as float64 (n + 1, W, T), NEG where impossible
    (the compiled passes compute them on the fly; this is for inspection and tests)."""
    v = w.lex * band.z.astype(np.float64) - np.asarray(w.penalty) + w.len_w * band.lp
    return np.where(np.isnan(band.z), NEG, v)


def band_dp(band: Band, w: Weights) -> tuple[list[tuple[int, int]], float]:
    """Best monotone path of beads from (0, 0) to (n, m) inside the band: the bead types
    (first bead first) and the path's value. Raises RuntimeError when the band has no path."""
    from .loops import kernels

    codes, total = kernels().viterbi(*w.args(band))
    n = band.z.shape[0] - 1
    if total <= NEG / 2 and (n or band.m):
        raise RuntimeError("no path through the band")
    return [BEAD_TYPES[c] for c in codes.tolist()], float(total)


def band_posteriors(path: list[tuple[int, int]], band: Band, w: Weights, temperature: float = 1.0) -> np.ndarray:
    """Posterior probability of each bead of ``path`` (shape (len(path),)): the summed weight
    ``exp(value / temperature)`` of all monotone paths inside the band that contain the bead,
    over the summed weight of all paths (forward-backward, log-sum-exp)."""
    from .loops import kernels

    codes = np.asarray([_CODE[t] for t in path], dtype=np.int8)
    return kernels().posteriors(*w.args(band), 1.0 / temperature, codes)


def full_band(n: int, m: int) -> tuple[np.ndarray, int]:
    """The whole matrix as a band: jlo zeros (n + 1,), width m + 1."""
    return np.zeros(n + 1, dtype=np.int64), m + 1


def band_from_path(path: list[tuple[int, int]], factor: int, n: int, m: int,
                   margin: int) -> tuple[np.ndarray, int]:
    """A band at fine resolution around a path found on blocks of ``factor`` sentences.

    path: bead types on the coarse grid (blocks of ``factor`` sentences, the last one
    shorter). Each coarse bead from (I0, J0) to (I1, J1) covers fine rows I0*f..I1*f and
    columns J0*f..J1*f; every row then gets ``margin`` more columns on both sides.
    Returns jlo (n + 1,) and the width W.
    """
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    I = J = 0
    for a, b in path:
        r0, r1 = min(I * factor, n), min((I + a) * factor, n)
        c0, c1 = min(J * factor, m), min((J + b) * factor, m)
        lo[r0:r1 + 1] = np.minimum(lo[r0:r1 + 1], c0)
        hi[r0:r1 + 1] = np.maximum(hi[r0:r1 + 1], c1)
        I, J = I + a, J + b
    lo = np.maximum(lo - margin, 0)
    hi = np.minimum(hi + margin, m)
    # keep the band monotone so that every row can be reached from the one before
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    lo[0] = 0
    hi[n] = m
    hi[:-1] = np.maximum(hi[:-1], lo[1:])  # consecutive rows overlap: every row is reachable
    width = int((hi - lo).max()) + 1
    return lo, width
