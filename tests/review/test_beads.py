"""Bead edits: impose a person's beads on a machine alignment; merge, split, relink, mark."""
from __future__ import annotations

import pytest

from toolkit.errors import InputError
from toolkit.review import beads as ops
from toolkit.review.beads import Anchor
from toolkit.review.relocate import relocate
from toolkit.types import Bead


def B(fr, en, score=0.9, mark=""):
    return Bead(tuple(fr), tuple(en), score, mark)


MACHINE = [B([0], [0]), B([1], [1, 2], 0.4), B([2], [3]), B([3], []), B([4], [4])]  # 5 FR, 5 EN


def links(beads):
    return [(list(b.fr_ids), list(b.en_ids), b.mark) for b in beads]


def covers_once(beads, n_fr, n_en):
    fr = [i for b in beads for i in b.fr_ids]
    en = [j for b in beads for j in b.en_ids]
    return fr == list(range(n_fr)) and en == list(range(n_en))


def test_spans_give_empty_sides_a_place():
    assert ops.spans(MACHINE) == [((0, 1), (0, 1)), ((1, 2), (1, 3)), ((2, 3), (3, 4)), ((3, 4), (4, 4)),
                                  ((4, 5), (4, 5))]


def test_merge_then_split_back():
    a = ops.merge(MACHINE, [], 0)
    assert a == [Anchor((0, 2), (0, 3))]
    got = ops.impose(MACHINE, a, 5, 5)
    assert links(got)[:2] == [([0, 1], [0, 1, 2], "edited"), ([2], [3], "")]
    assert got[0].score == 1.0
    a2 = ops.split(got, a, 0, 1, 1)  # after the first FR and the first EN segment
    assert links(ops.impose(MACHINE, a2, 5, 5))[:2] == [([0], [0], "edited"), ([1], [1, 2], "edited")]


def test_split_a_one_one_bead_into_two_omissions():
    a = ops.split(MACHINE, [], 2, 1, 0)
    got = ops.impose(MACHINE, a, 5, 5)
    assert links(got)[2:4] == [([2], [], "edited"), ([], [3], "edited")]
    assert covers_once(got, 5, 5)


def test_relink_moves_a_segment_to_the_previous_bead_and_restricts_the_next():
    # bead 1 gives its second English segment to bead 2
    a = ops.relink(MACHINE, [], 2, (2, 3), (2, 4), 5, 5)
    got = ops.impose(MACHINE, a, 5, 5)
    assert links(got)[1:3] == [([1], [1], ""), ([2], [2, 3], "edited")]
    assert got[1].score == 0.4  # the machine's bead, cut: keeps its score
    assert covers_once(got, 5, 5)


def test_a_crossing_relink_leaves_omissions_not_a_broken_alignment():
    a = ops.relink(MACHINE, [], 0, (0, 1), (3, 4), 5, 5)  # FR 0 with EN 3
    got = ops.impose(MACHINE, a, 5, 5)
    assert covers_once(got, 5, 5)
    assert links(got)[0] == ([], [0], "")  # EN 0..2 before the anchor lose their French
    assert ([0], [3], "edited") in links(got)


def test_mark_wrong_ok_and_clear():
    a = ops.mark(MACHINE, [], 1, "wrong")
    got = ops.impose(MACHINE, a, 5, 5)
    assert links(got)[1] == ([1], [1, 2], "wrong") and got[1].score == 0.0
    a = ops.mark(got, a, 1, "ok")
    assert a == [Anchor((1, 2), (1, 3), "ok")]
    assert ops.mark(got, a, 1, "") == []
    with pytest.raises(InputError):
        ops.mark(got, a, 1, "maybe")


def test_an_edited_neighbour_is_trimmed_not_lost():
    a = ops.merge(MACHINE, [], 1)  # [1,2]:[1,2,3]
    got = ops.impose(MACHINE, a, 5, 5)
    k = links(got).index(([1, 2], [1, 2, 3], "edited"))
    a2 = ops.relink(got, a, k - 1, (0, 1), (0, 2), 5, 5)  # bead 0 takes EN 1
    assert links(ops.impose(MACHINE, a2, 5, 5))[:2] == [([0], [0, 1], "edited"), ([1, 2], [2, 3], "edited")]


@pytest.mark.parametrize("call", [
    lambda: ops.merge(MACHINE, [], 4),  # the last bead
    lambda: ops.merge(MACHINE, [], 9),
    lambda: ops.split(MACHINE, [], 0, 1, 1),  # nothing left for the second part
    lambda: ops.split(MACHINE, [], 1, 2, 0),
    lambda: ops.relink(MACHINE, [], 0, (0, 0), (0, 0), 5, 5),
    lambda: ops.relink(MACHINE, [], 0, (0, 7), (0, 1), 5, 5),
    lambda: ops.impose(MACHINE, [Anchor((0, 2), (1, 2)), Anchor((1, 3), (2, 3))], 5, 5),
])
def test_bad_edits_are_input_errors(call):
    with pytest.raises(InputError):
        call()


def test_relocate_follows_unchanged_segments_and_reports_changed_ones():
    old_fr, old_en = ["a", "b", "c", "d"], ["A", "B", "C", "D"]
    anchors = [Anchor((0, 2), (0, 1)), Anchor((2, 3), (1, 3)), Anchor((3, 4), (3, 3), "wrong")]
    new_fr, new_en = ["new", "a", "b", "c*", "d"], ["X", "A", "B", "C", "D"]
    kept, lost = relocate(anchors, old_fr, old_en, new_fr, new_en)
    assert kept == [Anchor((1, 3), (1, 2)), Anchor((4, 5), (4, 4), "wrong")]
    assert lost == [Anchor((2, 3), (1, 3))]  # "c" changed
