"""Exact span cosines in a band equal brute-force cosines of summed rows; the band's z-scores
and length log probabilities follow from them."""
from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from toolkit.align import dp
from toolkit.align.evidence import len_logp
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
    flen, elen = rng.integers(1, 200, n), rng.integers(1, 200, m)
    band = sc.band(flen, elen, 0.05, 0.2, 1.1, 6.8)
    for k, (a, b) in enumerate(dp.LEXICAL):
        for i in range(n + 1):
            for w in range(width):
                j = jlo[i] + w
                if i >= a and b <= j <= m:
                    cos = brute(Xf, Xe, a, b, i, j)
                    assert band.cos[i, w, k] == pytest.approx(cos, abs=1e-5)
                    assert band.z[i, w, k] == pytest.approx((cos - 0.05) / 0.2, abs=1e-4)
                    lp = len_logp(np.array(flen[i - a:i].sum(), float), np.array(elen[j - b:j].sum(), float), 1.1, 6.8)
                    assert band.lp[i, w, k] == pytest.approx(float(lp), abs=1e-4)
                else:  # no bead of this type ends here
                    assert np.isnan(band.z[i, w, k])
    k = rng.integers(0, min(n, m), 5)
    assert np.allclose(random_pair_cosines(Xf, Xe, k, k), [brute(Xf, Xe, 1, 1, x + 1, x + 1) for x in k])
    assert block_rows(Xf, 3).shape == (-(-n // 3), 40)


def test_length_evidence_reused_from_an_overlapping_band():
    Xf = sparse.random(30, 40, density=0.2, random_state=1, format="csr")
    Xe = sparse.random(26, 40, density=0.2, random_state=2, format="csr")
    rng = np.random.default_rng(0)
    flen, elen = rng.integers(1, 200, 30), rng.integers(1, 200, 26)
    first = dp.band_from_path([(1, 1)] * 3 + [(1, 0), (0, 1)], 8, 30, 26, 3)
    second = dp.band_from_path([(1, 1)] * 2 + [(1, 0), (1, 1), (0, 1)], 8, 30, 26, 4)
    assert first[1] != second[1] and not np.array_equal(first[0], second[0])  # overlapping, not equal
    old = SpanCosines(Xf, Xe, *first, 3).band(flen, elen, 0.05, 0.2, 1.1, 6.8)
    fresh = SpanCosines(Xf, Xe, *second, 3).band(flen, elen, 0.05, 0.2, 1.1, 6.8)
    reused = SpanCosines(Xf, Xe, *second, 3).band(flen, elen, 0.05, 0.2, 1.1, 6.8, known=(old.jlo, old.lp))
    assert np.array_equal(reused.lp, fresh.lp) and np.array_equal(reused.z, fresh.z, equal_nan=True)
