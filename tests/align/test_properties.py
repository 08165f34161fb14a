"""Beads always form a monotone partition of both sides, whatever the input."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from toolkit.align import align
from toolkit.align.dp import BEAD_TYPES

WORDS = ["police", "coopération", "cooperation", "77/241", "ONU", "UN", "sécurité", "security", "le", "the",
         "2022", "réunion", "meeting", "!", "?", "crime", "criminalité", "Assemblée", "Assembly", ":"]
sentence = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)


def check_partition(beads, n, m):
    i = j = 0
    for b in beads:
        assert (len(b.fr_ids), len(b.en_ids)) in BEAD_TYPES
        assert b.fr_ids == tuple(range(i, i + len(b.fr_ids)))
        assert b.en_ids == tuple(range(j, j + len(b.en_ids)))
        assert 0.0 <= b.score <= 1.0
        i += len(b.fr_ids)
        j += len(b.en_ids)
    assert (i, j) == (n, m)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentence, max_size=25), st.lists(sentence, max_size=25))
def test_partition(fr, en):
    beads = align(fr, en, on_warning=lambda m: None)
    check_partition(beads, len(fr), len(en))


def test_partition_long_uneven():
    # exercise the coarse-to-fine band: far more cells than the full-matrix limit
    fr = [f"Point {k} : la coopération {k % 7} de police." for k in range(900)]
    en = [f"Item {k}: police cooperation {k % 7}." for k in range(0, 900, 3)] + ["Annex."] * 50
    beads = align(fr, en, on_warning=lambda m: None)
    check_partition(beads, len(fr), len(en))
