"""The banded DP: forward and backward scores agree, posteriors match brute force, bands stay
connected."""
from __future__ import annotations

import numpy as np
import pytest

from toolkit.align import dp


def random_values(n, m, seed):
    rng = np.random.default_rng(seed)
    jlo, width = dp.full_band(n, m)
    vals = {}
    for a, b in dp.BEAD_TYPES:
        v = rng.normal(size=(n + 1, width))
        J = jlo[:, None] + np.arange(width)[None, :]
        v[(J < b)] = dp.NEG
        v[:a] = dp.NEG
        vals[(a, b)] = v
    return vals, jlo


@pytest.mark.parametrize("n,m,seed", [(1, 1, 0), (5, 3, 1), (7, 9, 2), (12, 12, 3), (0, 4, 4), (4, 0, 5)])
def test_forward_backward_agree(n, m, seed):
    vals, jlo = random_values(n, m, seed)
    path, D = dp.band_dp(vals, jlo, m)
    B = dp.band_backward(vals, jlo, m)
    best = D[n, m]
    assert np.isclose(B[0, 0], best)
    i = j = 0
    total = 0.0
    for a, b in path:
        i, j = i + a, j + b
        total += vals[(a, b)][i, j]
        assert np.isclose(D[i, j] + B[i, j], best)
    assert (i, j) == (n, m) and np.isclose(total, best)
    assert np.all(D + B <= best + 1e-9)


def all_paths(n, m, i=0, j=0):
    """Every monotone path of BEAD_TYPES from (i, j) to (n, m), as lists of bead types."""
    if (i, j) == (n, m):
        yield []
        return
    for a, b in dp.BEAD_TYPES:
        if i + a <= n and j + b <= m:
            for rest in all_paths(n, m, i + a, j + b):
                yield [(a, b)] + rest


@pytest.mark.parametrize("n,m,seed,temperature", [(2, 3, 0, 1.0), (4, 4, 1, 0.5), (5, 3, 2, 2.0), (3, 0, 3, 1.0)])
def test_posteriors_match_enumeration(n, m, seed, temperature):
    vals, jlo = random_values(n, m, seed)
    path, _ = dp.band_dp(vals, jlo, m)
    post = dp.band_posteriors(path, vals, jlo, m, temperature)
    # brute force: the weight of every path, and of the paths that contain each bead of `path`
    beads = []
    i = j = 0
    for a, b in path:
        beads.append((i, j, i + a, j + b))
        i, j = i + a, j + b
    total, inside = 0.0, np.zeros(len(path))
    for q in all_paths(n, m):
        i = j = 0
        cells, v = set(), 0.0
        for a, b in q:
            cells.add((i, j, i + a, j + b))
            i, j = i + a, j + b
            v += vals[(a, b)][i, j]
        w = np.exp(v / temperature)
        total += w
        inside += [w if c in cells else 0.0 for c in beads]
    assert np.allclose(post, inside / total)
    assert np.all((0.0 <= post) & (post <= 1.0))


def test_band_from_coarse_path_is_connected():
    path = [(1, 1), (0, 1), (1, 0), (2, 1), (1, 3)]
    jlo, width = dp.band_from_path(path, 8, 40, 45, 2)
    hi = jlo + width - 1
    assert jlo[0] == 0 and jlo[-1] <= 45 <= hi[-1]
    assert np.all(np.diff(jlo) >= 0) and np.all(hi[:-1] >= jlo[1:])
