"""Vecalign strict/lax scoring and the .align format."""
from __future__ import annotations

from toolkit.align.score import format_align, read_align, score_beads
from toolkit.types import Bead


def test_strict_and_lax(tmp_path):
    gold = [((0,), (0,)), ((1,), (1, 2)), ((2,), ()), ((3,), (3,))]
    test = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((), (2,)), Bead((2,), ()), Bead((3,), (3,))]
    s = score_beads(test, gold)
    # null beads are left out: 3 test beads, 3 gold beads, 2 exact matches
    assert round(s["strict"]["precision"], 4) == round(2 / 3, 4)
    assert round(s["strict"]["recall"], 4) == round(2 / 3, 4)
    assert s["lax"]["precision"] == 1.0 and s["lax"]["recall"] == 1.0
    p = tmp_path / "x.align"
    p.write_text(format_align(test))
    assert p.read_text().splitlines()[2] == "[]:[2]"
    assert read_align(p) == [(b.fr_ids, b.en_ids) for b in test]
