"""Exact cosines of sentence spans from sparse bags of keys (no projection noise).

The FR and EN documents are sparse matrices over one key space (``LexicalSpace.matrices``):
Xf of shape (n, K), Xe of shape (m, K). The cosine of a FR span and an EN span is computed
from three kinds of dot products, all restricted to what the band needs:
- FR x EN dot products of single sentences near the band, (n, W2);
- FR x FR and EN x EN dot products of sentences at most ``max_span - 1`` apart (span norms).
So time and memory stay O((n + m) * W) as in :mod:`.dp`.
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


def random_pair_cosines(Xf, Xe, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Cosines of the sentence pairs (i[k], j[k]): (k,)."""
    nf = np.sqrt(_rowdot(Xf, Xf))
    ne = np.sqrt(_rowdot(Xe, Xe))
    d = _rowdot(Xf[i], Xe[j])
    return d / np.maximum(nf[i] * ne[j], 1e-12)


class SpanCosines:
    """Cosines of spans ending at each cell of a band (see :mod:`.dp` for band coordinates)."""

    def __init__(self, Xf, Xe, jlo: np.ndarray, width: int, max_span: int = 3):
        n, m = Xf.shape[0], Xe.shape[0]
        self.n, self.m, self.jlo, self.width, self.k = n, m, jlo, width, max_span
        # sentence-level band: FR sentence r meets EN sentences of cells in rows r+1..r+k
        rows = np.arange(n)
        self.slo = np.maximum(jlo[rows + 1] - max_span, 0) if n else np.zeros(0, dtype=np.int64)
        last = jlo[np.minimum(rows + max_span, n)] + width if n else np.zeros(0, dtype=np.int64)
        self.sw = int(max(1, (last - self.slo).max())) if n else 1
        self.dots = np.zeros((n, self.sw))
        if n and m:
            if n * m <= min(4 * n * self.sw, 4_000_000):  # small or narrow: one sparse product
                full = (Xf @ Xe.T).toarray()
                J = self.slo[:, None] + np.arange(self.sw)[None, :]
                ok = J < m
                self.dots = np.where(ok, full[rows[:, None], np.minimum(J, m - 1)], 0.0)
            else:
                for w in range(self.sw):
                    cols = self.slo + w
                    ok = cols < m
                    self.dots[:, w] = np.where(ok, _rowdot(Xf, Xe[np.minimum(cols, m - 1)]), 0.0)
        self.fnorm2 = self._span_norms(Xf)
        self.enorm2 = self._span_norms(Xe)

    def _span_norms(self, X) -> list[np.ndarray]:
        """Squared norms of spans: list by length a of (len + 1,), [a][i] = ||sum X[i-a:i]||^2."""
        n = X.shape[0]
        near = []  # near[d][r] = <X[r], X[r+d]>
        for d in range(self.k):
            if n > d:
                near.append(_rowdot(X[: n - d], X[d:]))
            else:
                near.append(np.zeros(0))
        out = [np.zeros(n + 1)]
        for a in range(1, self.k + 1):
            s = np.zeros(n + 1)
            if n >= a:
                for i0 in range(a):          # sum over pairs (p, q) of rows i-a+p, i-a+q
                    for j0 in range(a):
                        d = abs(i0 - j0)
                        lo = min(i0, j0)
                        # rows r = i - a + lo for i in a..n -> r in lo..n-a+lo
                        s[a:] += near[d][lo: n - a + lo + 1]
            out.append(s)
        return out

    def cosine(self, a: int, b: int) -> np.ndarray:
        """Cosine of FR span i-a..i-1 and EN span j-b..j-1 at each band cell: (n + 1, W)."""
        n, jlo, width = self.n, self.jlo, self.width
        J = jlo[:, None] + np.arange(width)[None, :]
        num = np.zeros((n + 1, width))
        rows = np.arange(n + 1)[:, None]
        for p in range(1, a + 1):
            r = rows - p
            rok = r >= 0
            rc = np.maximum(r, 0)
            for q in range(1, b + 1):
                c = J - q
                w = c - self.slo[rc[:, 0]][:, None] if n else c
                ok = rok & (c >= 0) & (w >= 0) & (w < self.sw)
                if n:
                    num += np.where(ok, self.dots[rc[:, 0][:, None], np.clip(w, 0, self.sw - 1)], 0.0)
        fn = self.fnorm2[a][:, None]
        en = self.enorm2[b][np.clip(J, 0, self.m)]
        cos = num / np.sqrt(np.maximum(fn * en, 1e-24))
        valid = (rows >= a) & (J >= b) & (J <= self.m)
        return np.where(valid, cos, 0.0).astype(np.float32)
