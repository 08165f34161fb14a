"""Dynamic programming over alignment beads inside a band: pure numpy, no I/O.

Coordinates: a cell ``(i, j)`` means "the first i FR and the first j EN sentences are
aligned". The band gives, for each row ``i`` in ``0..n``, the columns
``jlo[i] .. jlo[i] + W - 1``; band arrays have shape ``(n + 1, W)`` and column ``w`` of
row ``i`` is ``j = jlo[i] + w``. A bead of type ``(a, b)`` *ending* at ``(i, j)`` covers FR
``i-a .. i-1`` and EN ``j-b .. j-1``.

Rows are filled in order; all bead types with ``a >= 1`` read earlier rows (vectorised over
the row), and chains of 0-1 beads inside a row are a running maximum (``maximum.accumulate``),
so the cost is O(n * W * types) numpy work and O(n * W) memory.
"""
from __future__ import annotations

import numpy as np

__all__ = ["BEAD_TYPES", "span_vectors", "span_lengths", "band_similarity", "band_dp", "band_backward",
           "band_posteriors", "full_band", "band_from_path", "gather"]

# The bead types the aligner considers (CONVENTIONS.md: n, m <= 3, minimal beads).
BEAD_TYPES: tuple[tuple[int, int], ...] = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
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


def band_dp(values: dict[tuple[int, int], np.ndarray], jlo: np.ndarray,
            m: int) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Best monotone path of beads from (0, 0) to (n, m) inside the band.

    values[(a, b)]: float (n + 1, W), the value of a bead of type (a, b) ending at each
    cell (NEG where impossible). jlo: int (n + 1,), with jlo[0] == 0 and the band of row n
    containing m. Returns the bead types along the path (first bead first) and the forward
    scores D (n + 1, W): D[i, w] is the best value of a path from (0, 0) to (i, jlo[i] + w).
    """
    n1, width = next(iter(values.values())).shape
    n = n1 - 1
    types = [t for t in values if t[0] > 0]
    tid = {t: k for k, t in enumerate(values)}
    D = np.full((n1, width), NEG, dtype=np.float64)
    back = np.full((n1, width), -1, dtype=np.int8)
    cols = np.arange(width)
    skip01 = values.get((0, 1))
    for i in range(n1):
        j = jlo[i] + cols
        best = np.full(width, NEG)
        arg = np.full(width, -1, dtype=np.int8)
        if i == 0:
            best[j == 0] = 0.0
        for (a, b) in types:
            if i < a:
                continue
            pj = j - b - jlo[i - a]
            ok = (pj >= 0) & (pj < width) & (j - b >= 0)
            cand = np.where(ok, D[i - a, np.minimum(np.maximum(pj, 0), width - 1)] + values[(a, b)][i], NEG)
            upd = cand > best
            best[upd] = cand[upd]
            arg[upd] = tid[(a, b)]
        if skip01 is not None:
            # chains of 0-1 beads: best[j] = max_k (best[k] + sum(skip[k+1..j]))
            c = np.cumsum(np.where(j > 0, skip01[i], 0.0))
            run = np.maximum.accumulate(best - c) + c
            upd = run > best + 1e-12
            best = np.where(upd, run, best)
            arg[upd] = tid[(0, 1)]
        best[(j > m) | (best < NEG / 2)] = NEG
        D[i] = best
        back[i] = arg
    keys = list(values)
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        w = j - jlo[i]
        if not (0 <= w < width) or back[i, w] < 0:
            raise RuntimeError(f"no path through the band at ({i}, {j})")
        a, b = keys[back[i, w]]
        path.append((a, b))
        i, j = i - a, j - b
    path.reverse()
    return path, D


def band_backward(values: dict[tuple[int, int], np.ndarray], jlo: np.ndarray, m: int) -> np.ndarray:
    """Backward scores B (n + 1, W): the best value of a path from (i, jlo[i] + w) to (n, m).

    Same arguments as :func:`band_dp`; D + B is the best value of a path through a cell.
    """
    n1, width = next(iter(values.values())).shape
    n = n1 - 1
    types = [t for t in values if t[0] > 0]
    B = np.full((n1, width), NEG, dtype=np.float64)
    cols = np.arange(width)
    skip01 = values.get((0, 1))
    for i in range(n, -1, -1):
        j = jlo[i] + cols
        best = np.full(width, NEG)
        if i == n:
            best[j == m] = 0.0
        for (a, b) in types:
            if i + a > n:
                continue
            nw = j + b - jlo[i + a]
            ok = (nw >= 0) & (nw < width) & (j + b <= m)
            nwc = np.minimum(np.maximum(nw, 0), width - 1)
            cand = np.where(ok, B[i + a, nwc] + values[(a, b)][i + a, nwc], NEG)
            np.maximum(best, cand, out=best)
        if skip01 is not None:
            # chains of 0-1 beads to the right: best[j] = max_k>=j (best[k] + C[k]) - C[j]
            c = np.cumsum(np.where(j > 0, skip01[i], 0.0))
            run = np.maximum.accumulate((best + c)[::-1])[::-1] - c
            best = np.maximum(best, run)
        best[(j > m) | (best < NEG / 2)] = NEG
        B[i] = best
    return B


def _sum_pass(values, jlo, m, forward: bool, temperature: float) -> np.ndarray:
    """Log-sum-exp version of :func:`band_dp` (forward) or :func:`band_backward` (backward)
    over ``values / temperature``: the log of the summed weights of all paths from (0, 0) to
    each cell (forward) or from each cell to (n, m) (backward). Shape (n + 1, W)."""
    n1, width = next(iter(values.values())).shape
    n = n1 - 1
    types = [t for t in values if t[0] > 0]
    S = np.full((n1, width), NEG, dtype=np.float64)
    cols = np.arange(width)
    skip01 = values.get((0, 1))
    rows = range(n1) if forward else range(n, -1, -1)
    for i in rows:
        j = jlo[i] + cols
        acc = np.full(width, NEG)
        if forward and i == 0:
            acc[j == 0] = 0.0
        if not forward and i == n:
            acc[j == m] = 0.0
        for (a, b) in types:
            if forward:
                if i < a:
                    continue
                pw = j - b - jlo[i - a]
                ok = (pw >= 0) & (pw < width) & (j - b >= 0)
                pwc = np.minimum(np.maximum(pw, 0), width - 1)
                cand = S[i - a, pwc] + values[(a, b)][i] / temperature
            else:
                if i + a > n:
                    continue
                pw = j + b - jlo[i + a]
                ok = (pw >= 0) & (pw < width) & (j + b <= m)
                pwc = np.minimum(np.maximum(pw, 0), width - 1)
                cand = S[i + a, pwc] + values[(a, b)][i + a, pwc] / temperature
            cand = np.where(ok & (cand > NEG / 2), cand, NEG)
            np.logaddexp(acc, cand, out=acc)
        if skip01 is not None:
            c = np.cumsum(np.where(j > 0, skip01[i] / temperature, 0.0))
            if forward:
                acc = np.logaddexp.accumulate(acc - c) + c
            else:
                acc = np.logaddexp.accumulate((acc + c)[::-1])[::-1] - c
        acc[(j > m) | (acc < NEG / 2)] = NEG
        S[i] = acc
    return S


def band_posteriors(path: list[tuple[int, int]], values: dict[tuple[int, int], np.ndarray],
                    jlo: np.ndarray, m: int, temperature: float = 1.0) -> np.ndarray:
    """Posterior probability of each bead of ``path`` (shape (len(path),)): the summed weight
    ``exp(value / temperature)`` of all monotone paths inside the band that contain the bead,
    over the summed weight of all paths (forward-backward, log-sum-exp)."""
    F = _sum_pass(values, jlo, m, True, temperature)
    B = _sum_pass(values, jlo, m, False, temperature)
    n = F.shape[0] - 1
    Z = F[n, m - jlo[n]]
    out = np.zeros(len(path))
    i = j = 0
    for k, (a, b) in enumerate(path):
        i2, j2 = i + a, j + b
        v = values[(a, b)][i2, j2 - jlo[i2]] / temperature
        lp = F[i, j - jlo[i]] + v + B[i2, j2 - jlo[i2]] - Z
        out[k] = float(np.exp(min(lp, 0.0)))
        i, j = i2, j2
    return out


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
