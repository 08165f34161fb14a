"""Carry a person's anchors over to a re-segmented document (a re-build).

Segments are matched by their text (``difflib`` on the two segment lists): an anchor
applies again when every one of its segments is found, unchanged and still contiguous, in
the new lists; an empty side keeps its cut next to a matched neighbour. Anchors whose
segments changed, or that would now cross another anchor, are returned as lost, so the
build can say which edits no longer apply.
"""
from __future__ import annotations

import difflib

from .beads import Anchor, Range, before

__all__ = ["relocate", "index_map"]


def index_map(old: list[str], new: list[str]) -> dict[int, int]:
    """Old segment index -> new index, for segments whose text is unchanged."""
    if old == new:
        return {i: i for i in range(len(old))}
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    out: dict[int, int] = {}
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            out[a + k] = b + k
    return out


def _side(r: Range, m: dict[int, int], n_new: int) -> Range | None:
    lo, hi = r
    if lo == hi:  # an empty side: the cut after the previous segment, or before the next
        if lo == 0:
            return (0, 0)
        if lo - 1 in m:
            c = m[lo - 1] + 1
            return (c, c)
        if lo in m:
            return (m[lo], m[lo])
        return None
    got = [m.get(i) for i in range(lo, hi)]
    if None in got or got != list(range(got[0], got[0] + len(got))):
        return None
    return (got[0], got[-1] + 1)


def relocate(anchors: list[Anchor], old_fr: list[str], old_en: list[str], new_fr: list[str],
             new_en: list[str]) -> tuple[list[Anchor], list[Anchor]]:
    """(anchors that apply to the new segments, anchors lost: as they were)."""
    mf, me = index_map(old_fr, new_fr), index_map(old_en, new_en)
    moved: list[tuple[Anchor, Anchor]] = []
    lost: list[Anchor] = []
    for a in anchors:
        fr, en = _side(a.fr, mf, len(new_fr)), _side(a.en, me, len(new_en))
        if fr is None or en is None:
            lost.append(a)
            continue
        if a.en[0] == a.en[1] and old_en and a.en[0] == len(old_en):
            en = (len(new_en), len(new_en))  # a cut at the very end stays at the end
        if a.fr[0] == a.fr[1] and old_fr and a.fr[0] == len(old_fr):
            fr = (len(new_fr), len(new_fr))
        moved.append((Anchor(fr, en, a.mark), a))
    kept: list[Anchor] = []
    for a, orig in sorted(moved, key=lambda x: x[0].key()):  # document order; drop what now crosses
        if kept and not before(kept[-1], a):
            lost.append(orig)
            continue
        kept.append(a)
    return kept, lost
