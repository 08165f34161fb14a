"""The compiled banded DP: the best path and the bead posteriors equal brute-force enumeration
of every monotone path inside the band; bands stay connected."""
from __future__ import annotations

import numpy as np
import pytest

from toolkit.align import dp

PENALTY = (0.0, 0.9, 0.9, 2.0, 1.8, 1.8)


def random_band(n, m, seed, jlo=None, width=None, holes=0.0):
    """Random evidence (z normal, log p <= 0) in a band; ``holes``: share of impossible beads."""
    rng = np.random.default_rng(seed)
    if jlo is None:
        jlo, width = dp.full_band(n, m)
    T = len(dp.LEXICAL)
    z = rng.normal(size=(n + 1, width, T)).astype(np.float32)
    lp = -np.abs(rng.normal(size=(n + 1, width, T))).astype(np.float32)
    J = jlo[:, None] + np.arange(width)[None, :]
    for k, (a, b) in enumerate(dp.LEXICAL):
        z[:, :, k][(J < b) | (J > m)] = np.nan
        z[:a, :, k] = np.nan
    z[rng.random(z.shape) < holes] = np.nan
    return dp.Band(z, lp, None, jlo, m)


def all_paths(n, m, i=0, j=0):
    """Every monotone path of BEAD_TYPES from (i, j) to (n, m), as lists of bead types."""
    if (i, j) == (n, m):
        yield []
        return
    for a, b in dp.BEAD_TYPES:
        if i + a <= n and j + b <= m:
            for rest in all_paths(n, m, i + a, j + b):
                yield [(a, b)] + rest


def path_value(band, w, path):
    """Value of ``path`` (None when it leaves the band or uses an impossible bead)."""
    vals = dp.values(band, w)
    width = band.z.shape[1]
    i = j = 0
    total = 0.0
    for a, b in path:
        i, j = i + a, j + b
        col = j - band.jlo[i]
        if not 0 <= col < width:
            return None
        if a and b:
            v = vals[i, col, dp.LEXICAL.index((a, b))]
            if v <= dp.NEG / 2:
                return None
            total += v
        else:
            total += w.skip
    return total


BANDED = (np.array([0, 0, 1, 2, 3, 4]), 3)  # a narrow band for n = 5, m = 6


@pytest.mark.parametrize("n,m,seed,banded,holes", [(1, 1, 0, False, 0.0), (5, 3, 1, False, 0.0),
                                                   (4, 5, 2, False, 0.3), (5, 6, 3, True, 0.0),
                                                   (5, 6, 4, True, 0.2), (0, 4, 5, False, 0.0),
                                                   (4, 0, 6, False, 0.0)])
def test_best_path_is_the_best(n, m, seed, banded, holes):
    jlo, width = BANDED if banded else (None, None)
    band = random_band(n, m, seed, jlo, width, holes)
    w = dp.Weights(PENALTY, lex=1.0, len_w=0.35, skip=-2.2)
    path, value = dp.band_dp(band, w)
    scored = [v for q in all_paths(n, m) if (v := path_value(band, w, q)) is not None]
    assert np.isclose(value, max(scored))
    assert np.isclose(path_value(band, w, path), value)


@pytest.mark.parametrize("n,m,seed,temperature,banded", [(2, 3, 0, 1.0, False), (4, 4, 1, 0.5, False),
                                                         (5, 3, 2, 2.0, False), (3, 0, 3, 1.0, False),
                                                         (5, 6, 4, 0.5, True)])
def test_posteriors_match_enumeration(n, m, seed, temperature, banded):
    jlo, width = BANDED if banded else (None, None)
    band = random_band(n, m, seed, jlo, width, holes=0.1)
    w = dp.Weights(PENALTY, lex=0.7, len_w=1.0, skip=-1.5)
    path, _ = dp.band_dp(band, w)
    post = dp.band_posteriors(path, band, w, temperature)
    # brute force: the weight of every path, and of the paths that contain each bead of `path`
    beads, i, j = [], 0, 0
    for a, b in path:
        beads.append((i, j, i + a, j + b))
        i, j = i + a, j + b
    total, inside = 0.0, np.zeros(len(path))
    for q in all_paths(n, m):
        v = path_value(band, w, q)
        if v is None:
            continue
        cells, i, j = set(), 0, 0
        for a, b in q:
            cells.add((i, j, i + a, j + b))
            i, j = i + a, j + b
        total += np.exp(v / temperature)
        inside += [np.exp(v / temperature) if c in cells else 0.0 for c in beads]
    assert np.allclose(post, inside / total)
    assert np.all((0.0 <= post) & (post <= 1.0))


def test_no_path_raises():
    band = random_band(3, 3, 0, np.array([0, 0, 0, 0]), 2)  # row 3 cannot reach column 3
    with pytest.raises(RuntimeError):
        dp.band_dp(band, dp.Weights(PENALTY))


def test_band_from_coarse_path_is_connected():
    path = [(1, 1), (0, 1), (1, 0), (2, 1), (1, 3)]
    jlo, width = dp.band_from_path(path, 8, 40, 45, 2)
    hi = jlo + width - 1
    assert jlo[0] == 0 and jlo[-1] <= 45 <= hi[-1]
    assert np.all(np.diff(jlo) >= 0) and np.all(hi[:-1] >= jlo[1:])
