"""The review store: edits saved atomically with versions, re-applied to a new build."""
from __future__ import annotations

import pytest

from toolkit.errors import InputError
from toolkit.review import Conflict, ReviewStore, UnknownDocument, mark_low, review_path, usable
from toolkit.types import Alignment, Bead, Segment


def doc(fr, en, beads, name="d"):
    return Alignment(name, [Segment(t) for t in fr], [Segment(t) for t in en], beads)


FR = ["Un.", "Deux.", "Trois.", "Quatre."]
EN = ["One.", "Two.", "Three", "Four."]
MACHINE = [Bead((0,), (0,), 0.9), Bead((1,), (1, 2), 0.3), Bead((2,), (), 0.0), Bead((3,), (3,), 0.8)]


@pytest.fixture
def store(tmp_path):
    s = ReviewStore(review_path(tmp_path))
    s.record(doc(FR, EN, MACHINE))
    return s


def test_edits_are_versioned_and_a_stale_version_is_a_conflict(store):
    r = store.get("d")
    v = r.version
    r2 = store.relink("d", 1, (1, 2), (1, 2), if_version=v)  # EN 2 leaves bead 1: a 0-1 bead
    assert [(b.fr_ids, b.en_ids) for b in r2.alignment.beads][1:4] == [((1,), (1,)), ((), (2,)), ((2,), ())]
    assert r2.version == v + 1
    with pytest.raises(Conflict, match="reload"):
        store.mark("d", 0, "wrong", if_version=v)  # the other tab's page is stale
    assert [b.mark for b in store.get("d").alignment.beads] == ["", "edited", "", "", ""]


def test_undo_restores_the_previous_beads(store):
    store.merge("d", 0)
    store.mark("d", 1, "wrong")
    store.undo("d")
    assert [b.mark for b in store.get("d").alignment.beads] == ["edited", "", ""]
    store.undo("d")
    assert store.get("d").alignment.beads == MACHINE
    with pytest.raises(InputError, match="nothing to undo"):
        store.undo("d")


def test_unknown_document_and_bad_bead(store):
    with pytest.raises(UnknownDocument):
        store.get("nope")
    with pytest.raises(InputError):
        store.merge("d", 3)


def test_a_rebuild_reapplies_edits_where_segments_are_unchanged(store):
    store.mark("d", 0, "wrong")
    store.relink("d", 1, (1, 2), (1, 3))  # [1]:[1,2] confirmed as it is (edited)
    store.mark("d", 3, "ok")
    # the source changed: a sentence inserted at the top, "Quatre." reworded
    new = doc(["Titre."] + FR[:3] + ["Quatre !"], ["Title."] + EN,
              [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9), Bead((2,), (2,), 0.5), Bead((3,), (3,), 0.5),
               Bead((4,), (4,), 0.7)])
    reviewed, lost = store.record(new)
    assert [(b.fr_ids, b.en_ids, b.mark) for b in reviewed.beads] == [
        ((0,), (0,), ""), ((1,), (1,), "wrong"), ((2,), (2, 3), "edited"), ((3,), (), ""), ((4,), (4,), "")]
    assert len(lost) == 1 and "Quatre." in lost[0] and "no longer applies" in lost[0]
    assert store.get("d").lost[0]["fr"] == ["Quatre."]


def test_same_build_twice_keeps_the_version(store):
    v = store.get("d").version
    store.record(doc(FR, EN, MACHINE))
    assert store.get("d").version == v


def test_low_beads_marked_and_wrong_beads_unusable(store):
    store.mark("d", 0, "wrong")
    al = mark_low(store.get("d").alignment, 0.5)
    assert [b.mark for b in al.beads] == ["wrong", "low", "", ""]  # the 1-0 bead is an omission, not low
    u = usable(al)
    assert [(b.fr_ids, b.en_ids) for b in u.beads][:2] == [((0,), ()), ((), (0,))]
