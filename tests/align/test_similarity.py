"""Exact span cosines in a band equal brute-force cosines of summed rows."""
from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from toolkit.align import dp
from toolkit.align.similarity import SpanCosines, block_rows, random_pair_cosines


def brute(Xf, Xe, a, b, i, j):
    f = np.asarray(Xf[i - a:i].sum(axis=0)).ravel()
    e = np.asarray(Xe[j - b:j].sum(axis=0)).ravel()
    d = np.linalg.norm(f) * np.linalg.norm(e)
    return float(f @ e / d) if d else 0.0


@pytest.mark.parametrize("n,m,banded", [(7, 9, False), (30, 26, True), (1, 5, False)])
def test_span_cosines(n, m, banded):
    rng = np.random.default_rng(n)
    Xf = sparse.random(n, 40, density=0.2, random_state=1, format="csr")
    Xe = sparse.random(m, 40, density=0.2, random_state=2, format="csr")
    if banded:
        jlo, width = dp.band_from_path([(1, 1)] * 3 + [(1, 0), (0, 1)] + [(1, 1)] * 0, 8, n, m, 3)
    else:
        jlo, width = dp.full_band(n, m)
    sc = SpanCosines(Xf, Xe, jlo, width, 3)
    for a, b in [(1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1)]:
        cos = sc.cosine(a, b)
        for i in range(a, n + 1):
            for w in range(width):
                j = jlo[i] + w
                if b <= j <= m:
                    assert cos[i, w] == pytest.approx(brute(Xf, Xe, a, b, i, j), abs=1e-5)
    k = rng.integers(0, min(n, m), 5)
    assert np.allclose(random_pair_cosines(Xf, Xe, k, k), [brute(Xf, Xe, 1, 1, x + 1, x + 1) for x in k])
    assert block_rows(Xf, 3).shape == (-(-n // 3), 40)
