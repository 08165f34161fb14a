"""Compiled inner loops of the aligner (numba, cached on disk after the first run; small
documents run the same source as plain Python, see :mod:`.loops`).

Band coordinates are those of :mod:`.dp`: row ``i`` of a band holds the cells
``(i, jlo[i] + w)`` for ``w`` in ``0..W-1``. The lexical bead types are ``(A[k], B[k])``;
their evidence comes as float32 arrays of shape ``(n + 1, W, T)``: ``Z`` (z-score of the
cosine, NaN where the bead cannot end), ``LP`` (Gale-Church log probability of the
lengths). A bead's value under a weighting ``(lex, lw)`` is ``lex * z - pen[k] + lw * lp``;
0-1 and 1-0 beads are worth ``skip``. Values are computed on the fly, so a weighting costs
no memory. Sparse matrices come as their CSR arrays (indptr, indices, data).
"""
from __future__ import annotations

import math

import numpy as np

if __name__.endswith(".kernels_plain"):  # the plain-Python copy (see .loops)
    def njit(*args, **kwargs):
        return lambda f: f
else:
    from numba import njit

NEG = -1e9
_HALF = NEG / 2
# log(2 * P(N > x)) = log(erfc(x / sqrt 2)) on a grid of [0, _TAIL_MAX]: linear interpolation
# of this table is within 2e-7 of the exact value (erfc and log cost ~20 times more)
_TAIL_MAX = 4.6
TAIL = np.log([math.erfc(x / math.sqrt(2.0)) for x in np.linspace(0.0, _TAIL_MAX, 4097)])


@njit(cache=True, nogil=True)
def band_dots(ip1, ix1, dt1, ip2, ix2, dt2, starts, width, ncols):
    """out[r, w] = <row r of X1, row starts[r] + w of X2> (0 where that row >= n2): (n1, width)."""
    n1 = len(ip1) - 1
    n2 = len(ip2) - 1
    out = np.zeros((n1, width))
    dense = np.zeros(ncols)
    for r in range(n1):
        for p in range(ip1[r], ip1[r + 1]):
            dense[ix1[p]] = dt1[p]
        for w in range(width):
            c = starts[r] + w
            if c >= n2:
                break
            s = 0.0
            for p in range(ip2[c], ip2[c + 1]):
                s += dt2[p] * dense[ix2[p]]
            out[r, w] = s
        for p in range(ip1[r], ip1[r + 1]):
            dense[ix1[p]] = 0.0
    return out


@njit(cache=True, nogil=True)
def pair_dots(ip1, ix1, dt1, ip2, ix2, dt2, I, J, ncols):
    """out[k] = <row I[k] of X1, row J[k] of X2>: (len(I),)."""
    out = np.zeros(len(I))
    dense = np.zeros(ncols)
    for k in range(len(I)):
        r, c = I[k], J[k]
        for p in range(ip1[r], ip1[r + 1]):
            dense[ix1[p]] = dt1[p]
        s = 0.0
        for p in range(ip2[c], ip2[c + 1]):
            s += dt2[p] * dense[ix2[p]]
        out[k] = s
        for p in range(ip1[r], ip1[r + 1]):
            dense[ix1[p]] = 0.0
    return out


@njit(cache=True, nogil=True)
def band_evidence(dots, slo, fnorm2, enorm2, flen, elen, jlo, width, m, A, B,
                  base, spread, ratio, gc_var, lp_prev, jlo_prev, tail):
    """Z, LP and the raw cosine COS (float32, (n + 1, W, T)) of every lexical bead type.

    dots[r, w]: dot product of FR sentence r and EN sentence slo[r] + w; fnorm2[a][i] /
    enorm2[b][j]: squared norms of the spans of length a/b ending before i/j; flen/elen:
    their character lengths. The length model is Gale-Church's: |delta| under a normal law.
    lp_prev, jlo_prev: LP of an earlier band of the same rows (LP depends on the lengths
    only: its cells are copied), or empty arrays; tail: :data:`TAIL` (interpolated: error
    below float32 precision).
    """
    T = len(A)
    n1 = len(jlo)
    sw = dots.shape[1]
    Z = np.full((n1, width, T), np.nan, dtype=np.float32)
    LP = np.zeros((n1, width, T), dtype=np.float32)
    wp = lp_prev.shape[1] if lp_prev.shape[0] == n1 else 0
    COS = np.zeros((n1, width, T), dtype=np.float32)
    for i in range(n1):
        for w in range(width):
            j = jlo[i] + w
            if j > m:
                break
            w_prev = j - jlo_prev[i] if wp else -1
            have_lp = 0 <= w_prev < wp
            for k in range(T):
                a, b = A[k], B[k]
                if i < a or j < b:
                    continue
                num = 0.0
                for p in range(1, a + 1):
                    r = i - p
                    for q in range(1, b + 1):
                        c = j - q - slo[r]
                        if 0 <= c < sw:
                            num += dots[r, c]
                den = fnorm2[a, i] * enorm2[b, j]
                cos = num / math.sqrt(max(den, 1e-24))
                if have_lp:
                    LP[i, w, k] = lp_prev[i, w_prev, k]
                else:
                    lf, le = flen[a, i], elen[b, j]
                    mean = max((lf + le / ratio) / 2.0, 1.0)
                    delta = abs(le - ratio * lf) / math.sqrt(gc_var * mean)
                    # log(2 * P(N > |delta|)), floored at -12 (reached from |delta| = 4.52 on)
                    if delta >= _TAIL_MAX:
                        LP[i, w, k] = -12.0
                    else:
                        x = delta * (len(tail) - 1) / _TAIL_MAX
                        t = min(int(x), len(tail) - 2)
                        f = x - t
                        LP[i, w, k] = max(tail[t] * (1.0 - f) + tail[t + 1] * f, -12.0)
                COS[i, w, k] = cos
                Z[i, w, k] = (cos - base) / spread
    return Z, LP, COS


@njit(cache=True, nogil=True, inline="always")
def _value(Z, LP, k, i, w, pen, lex, lw):
    z = Z[i, w, k]
    if z != z:
        return NEG
    return lex * z - pen[k] + lw * LP[i, w, k]


@njit(cache=True, nogil=True)
def viterbi(Z, LP, A, B, pen, lex, lw, skip, jlo, m):
    """Best path from (0, 0) to (n, m): bead codes, first bead first (0: 0-1, 1: 1-0,
    2 + k: lexical type k), and its value. Ties go to the earlier code (0-1 last)."""
    n1, W, T = Z.shape
    n = n1 - 1
    D = np.full((n1, W), NEG)
    back = np.full((n1, W), -1, dtype=np.int8)
    for i in range(n1):
        for w in range(W):
            j = jlo[i] + w
            if j > m:
                break
            best = 0.0 if i == 0 and j == 0 else NEG
            arg = -1
            if i >= 1:
                pw = j - jlo[i - 1]
                if 0 <= pw < W and D[i - 1, pw] > _HALF and D[i - 1, pw] + skip > best:
                    best, arg = D[i - 1, pw] + skip, 1
            for k in range(T):
                a, b = A[k], B[k]
                if i < a or j < b:
                    continue
                pw = j - b - jlo[i - a]
                if pw < 0 or pw >= W or D[i - a, pw] <= _HALF:
                    continue
                v = _value(Z, LP, k, i, w, pen, lex, lw)
                if v > _HALF and D[i - a, pw] + v > best:
                    best, arg = D[i - a, pw] + v, 2 + k
            if w >= 1 and j >= 1 and D[i, w - 1] > _HALF and D[i, w - 1] + skip > best + 1e-12:
                best, arg = D[i, w - 1] + skip, 0
            if best > _HALF:
                D[i, w] = best
                back[i, w] = arg
    i, j = n, m
    codes = np.empty(n1 + m, dtype=np.int8)
    cnt = 0
    total = D[n, m - jlo[n]] if 0 <= m - jlo[n] < W else NEG
    while i > 0 or j > 0:
        w = j - jlo[i]
        if w < 0 or w >= W or back[i, w] < 0:
            return codes[:0], NEG
        c = back[i, w]
        codes[cnt] = c
        cnt += 1
        if c == 0:
            j -= 1
        elif c == 1:
            i -= 1
        else:
            i -= A[c - 2]
            j -= B[c - 2]
    return codes[:cnt][::-1].copy(), total


@njit(cache=True, nogil=True, inline="always")
def _lse(buf, cnt):
    mx = NEG
    for t in range(cnt):
        if buf[t] > mx:
            mx = buf[t]
    if mx <= _HALF:
        return NEG
    s = 0.0
    for t in range(cnt):
        s += math.exp(buf[t] - mx)
    return mx + math.log(s)


@njit(cache=True, nogil=True)
def forward_sums(Z, LP, A, B, pen, lex, lw, skip, jlo, m, inv_t):
    """log of the summed weights exp(value * inv_t) of all paths from (0, 0) to each cell."""
    n1, W, T = Z.shape
    S = np.full((n1, W), NEG)
    buf = np.empty(T + 3)
    sk = skip * inv_t
    for i in range(n1):
        for w in range(W):
            j = jlo[i] + w
            if j > m:
                break
            cnt = 0
            if i == 0 and j == 0:
                buf[cnt] = 0.0
                cnt += 1
            if i >= 1:
                pw = j - jlo[i - 1]
                if 0 <= pw < W and S[i - 1, pw] > _HALF:
                    buf[cnt] = S[i - 1, pw] + sk
                    cnt += 1
            for k in range(T):
                a, b = A[k], B[k]
                if i < a or j < b:
                    continue
                pw = j - b - jlo[i - a]
                if pw < 0 or pw >= W or S[i - a, pw] <= _HALF:
                    continue
                v = _value(Z, LP, k, i, w, pen, lex, lw)
                if v > _HALF:
                    buf[cnt] = S[i - a, pw] + v * inv_t
                    cnt += 1
            if w >= 1 and j >= 1 and S[i, w - 1] > _HALF:
                buf[cnt] = S[i, w - 1] + sk
                cnt += 1
            S[i, w] = _lse(buf, cnt)
    return S


@njit(cache=True, nogil=True)
def backward_sums(Z, LP, A, B, pen, lex, lw, skip, jlo, m, inv_t):
    """log of the summed weights of all paths from each cell to (n, m)."""
    n1, W, T = Z.shape
    n = n1 - 1
    S = np.full((n1, W), NEG)
    buf = np.empty(T + 3)
    sk = skip * inv_t
    for i in range(n, -1, -1):
        for w in range(W - 1, -1, -1):
            j = jlo[i] + w
            if j > m:
                continue
            cnt = 0
            if i == n and j == m:
                buf[cnt] = 0.0
                cnt += 1
            if i < n:
                pw = j - jlo[i + 1]
                if 0 <= pw < W and S[i + 1, pw] > _HALF:
                    buf[cnt] = S[i + 1, pw] + sk
                    cnt += 1
            for k in range(T):
                a, b = A[k], B[k]
                if i + a > n or j + b > m:
                    continue
                pw = j + b - jlo[i + a]
                if pw < 0 or pw >= W or S[i + a, pw] <= _HALF:
                    continue
                v = _value(Z, LP, k, i + a, pw, pen, lex, lw)
                if v > _HALF:
                    buf[cnt] = S[i + a, pw] + v * inv_t
                    cnt += 1
            if w + 1 < W and j + 1 <= m and S[i, w + 1] > _HALF:
                buf[cnt] = S[i, w + 1] + sk
                cnt += 1
            S[i, w] = _lse(buf, cnt)
    return S


@njit(cache=True, nogil=True)
def posteriors(Z, LP, A, B, pen, lex, lw, skip, jlo, m, inv_t, codes):
    """Posterior probability of each bead of a path (bead codes as :func:`viterbi` returns)."""
    F = forward_sums(Z, LP, A, B, pen, lex, lw, skip, jlo, m, inv_t)
    Bk = backward_sums(Z, LP, A, B, pen, lex, lw, skip, jlo, m, inv_t)
    n1, W = F.shape
    n = n1 - 1
    total = F[n, m - jlo[n]]
    out = np.zeros(len(codes))
    i = j = 0
    for t in range(len(codes)):
        c = codes[t]
        if c == 0:
            i2, j2, v = i, j + 1, skip
        elif c == 1:
            i2, j2, v = i + 1, j, skip
        else:
            i2, j2 = i + A[c - 2], j + B[c - 2]
            v = _value(Z, LP, c - 2, i2, j2 - jlo[i2], pen, lex, lw)
        lp = F[i, j - jlo[i]] + v * inv_t + Bk[i2, j2 - jlo[i2]] - total
        out[t] = math.exp(min(lp, 0.0))
        i, j = i2, j2
    return out
