"""Exact cosines of sentence spans from sparse bags of keys (no projection noise).

The FR and EN documents are sparse matrices over one key space (``LexicalSpace.matrices``):
Xf of shape (n, K), Xe of shape (m, K). The cosine of a FR span and an EN span is computed
from three kinds of dot products, all restricted to what the band needs:
- FR x EN dot products of single sentences near the band, (n, W2);
- FR x FR and EN x EN dot products of sentences at most ``max_span - 1`` apart (span norms).
So time and memory stay O((n + m) * W) as in :mod:`.dp`. The dot products and the span
cosines are compiled loops (:mod:`.kernels`).
"""
from __future__ import annotations

import numpy as np

__all__ = ["SpanCosines", "block_rows", "random_pair_cosines"]


def _rowdot(A, B) -> np.ndarray:
    """Row-wise dot products of two sparse matrices of the same shape: (rows,)."""
    return np.asarray(A.multiply(B).sum(axis=1)).ravel()


def block_rows(X, f: int):
    """Sums of consecutive blocks of ``f`` rows of a sparse matrix: (ceil(n / f), K)."""
    from scipy import sparse

    n = X.shape[0]
    nb = -(-n // f)
    agg = sparse.csr_matrix((np.ones(n), (np.arange(n) // f, np.arange(n))), shape=(nb, n))
    return (agg @ X).tocsr()


def _csr(X):
    X = X.tocsr()
    return (X.indptr.astype(np.int64), X.indices.astype(np.int64), X.data.astype(np.float64))


def random_pair_cosines(Xf, Xe, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Cosines of the sentence pairs (i[k], j[k]): (k,)."""
    from .loops import kernels

    pair_dots = kernels().pair_dots

    nf = np.sqrt(_rowdot(Xf, Xf))
    ne = np.sqrt(_rowdot(Xe, Xe))
    i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
    d = pair_dots(*_csr(Xf), *_csr(Xe), i, j, Xf.shape[1])
    return d / np.maximum(nf[i] * ne[j], 1e-12)


class SpanCosines:
    """Cosines of spans ending at each cell of a band (see :mod:`.dp` for band coordinates)."""

    def __init__(self, Xf, Xe, jlo: np.ndarray, width: int, max_span: int = 3):
        from .loops import kernels

        band_dots = kernels().band_dots
        n, m = Xf.shape[0], Xe.shape[0]
        self.n, self.m, self.jlo, self.width, self.k = n, m, jlo, width, max_span
        # sentence-level band: FR sentence r meets EN sentences of cells in rows r+1..r+k
        rows = np.arange(n)
        self.slo = np.maximum(jlo[rows + 1] - max_span, 0) if n else np.zeros(0, dtype=np.int64)
        last = jlo[np.minimum(rows + max_span, n)] + width if n else np.zeros(0, dtype=np.int64)
        self.sw = int(max(1, (last - self.slo).max())) if n else 1
        cf, ce = _csr(Xf), _csr(Xe)
        K = Xf.shape[1]
        if n and m and n * m <= min(4 * n * self.sw, 4_000_000):
            # small or wide band (coarse levels: long rows): one sparse product is cheaper
            full = (Xf @ Xe.T).toarray()
            J = self.slo[:, None] + np.arange(self.sw)[None, :]
            self.dots = np.where(J < m, full[rows[:, None], np.minimum(J, m - 1)], 0.0)
        else:
            self.dots = band_dots(*cf, *ce, self.slo.astype(np.int64), self.sw, K)
        self.fnorm2 = self._span_norms(cf, n, K)
        self.enorm2 = self._span_norms(ce, m, K)

    def _span_norms(self, c, n: int, K: int) -> np.ndarray:
        """Squared norms of spans: (k + 1, n + 1), [a][i] = ||sum X[i-a:i]||^2."""
        from .loops import kernels

        near = kernels().band_dots(*c, *c, np.arange(n, dtype=np.int64), self.k, K)  # near[r, d] = <X[r], X[r+d]>
        out = np.zeros((self.k + 1, n + 1))
        for a in range(1, self.k + 1):
            if n >= a:
                for i0 in range(a):          # sum over pairs (p, q) of rows i-a+p, i-a+q
                    for j0 in range(a):
                        lo = min(i0, j0)
                        # rows r = i - a + lo for i in a..n -> r in lo..n-a+lo
                        out[a, a:] += near[lo: n - a + lo + 1, abs(i0 - j0)]
        return out

    def band(self, flen, elen, base: float, spread: float, ratio: float, gc_var: float, known=None):
        """The :class:`~toolkit.align.dp.Band` of every lexical bead type: z-score of the cosine
        against the random-pair ``base``/``spread``, Gale-Church log probability of the lengths
        (``flen``/``elen``: sentence lengths; EN/FR ``ratio``; variance ``gc_var``), raw cosine.
        ``known``: (jlo, lp) of an earlier band of the same rows, whose length log
        probabilities are reused where the two bands overlap."""
        from . import dp
        from .loops import kernels

        kn = kernels()
        TAIL, band_evidence = kn.TAIL, kn.band_evidence

        fl = np.asarray(dp.span_lengths(np.asarray(flen, float), self.k))
        el = np.asarray(dp.span_lengths(np.asarray(elen, float), self.k))
        jlo = np.ascontiguousarray(self.jlo, dtype=np.int64)
        z, lp, cos = band_evidence(self.dots, self.slo.astype(np.int64), self.fnorm2, self.enorm2, fl, el, jlo,
                                   int(self.width), int(self.m), dp._A, dp._B, float(base), float(spread),
                                   float(ratio), float(gc_var),
                                   known[1] if known is not None else np.zeros((0, 0, 0), dtype=np.float32),
                                   known[0] if known is not None else np.zeros(0, dtype=np.int64), TAIL)
        return dp.Band(z, lp, cos, jlo, int(self.m))
