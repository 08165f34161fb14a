"""A person's beads imposed on an alignment, and the edits that make them.

An ``Anchor`` is a bead a person set or judged: a half-open range of French segment
indices, one of English segment indices, and a mark (``edited``, ``ok``, ``wrong``). An
empty side keeps its place (``lo == hi``: the cut between two segments), so a 1-0 anchor
knows where it sits among the English segments. ``impose(beads, anchors)`` returns the
alignment with every anchor as a bead and, between anchors, the machine beads restricted
to the segments left there: the result is monotone and covers every segment exactly once,
whatever the machine proposed.

The edits (``merge``, ``split``, ``relink``, ``mark``) take the reviewed beads and the
current anchors and return the new anchors; anchors that overlap or cross a new one give
way (an edited neighbour is trimmed when it stays a bead on the sides it had).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..types import Bead

__all__ = ["Anchor", "Range", "spans", "impose", "merge", "split", "relink", "mark", "HUMAN_MARKS"]

Range = tuple[int, int]  # [lo, hi) segment indices; lo == hi: an empty side at that cut
HUMAN_MARKS = ("edited", "ok", "wrong")
HUMAN_SCORE = {"edited": 1.0, "ok": 1.0, "wrong": 0.0}  # a person's judgement is certain


@dataclass(frozen=True, slots=True)
class Anchor:
    fr: Range
    en: Range
    mark: str = "edited"

    def to_json(self) -> list:
        return [list(self.fr), list(self.en), self.mark]

    @classmethod
    def from_json(cls, v) -> "Anchor":
        return cls((int(v[0][0]), int(v[0][1])), (int(v[1][0]), int(v[1][1])), str(v[2]))

    def key(self) -> tuple[int, int, int, int]:
        return (self.fr[0], self.en[0], self.fr[1], self.en[1])


def spans(beads: list[Bead]) -> list[tuple[Range, Range]]:
    """The (French range, English range) of each bead of a monotone alignment."""
    out = []
    f = e = 0
    for b in beads:
        fr = (b.fr_ids[0], b.fr_ids[-1] + 1) if b.fr_ids else (f, f)
        en = (b.en_ids[0], b.en_ids[-1] + 1) if b.en_ids else (e, e)
        f, e = fr[1], en[1]
        out.append((fr, en))
    return out


def before(a: Anchor, b: Anchor) -> bool:
    return a.fr[1] <= b.fr[0] and a.en[1] <= b.en[0]


def compatible(a: Anchor, b: Anchor) -> bool:
    """Two anchors can both be beads: one is wholly before the other on both sides."""
    return before(a, b) or before(b, a)


def check_anchors(anchors: list[Anchor], n_fr: int, n_en: int) -> list[Anchor]:
    """Sorted anchors; raises InputError when one is out of range or two cross."""
    out = sorted(anchors, key=Anchor.key)
    for a in out:
        for (lo, hi), n, side in ((a.fr, n_fr, "French"), (a.en, n_en, "English")):
            if not 0 <= lo <= hi <= n:
                raise InputError(f"{side} segments {lo}-{hi - 1} are out of range (the document has {n})")
        if a.fr[0] == a.fr[1] and a.en[0] == a.en[1]:
            raise InputError("a bead needs at least one segment")
    for a, b in zip(out, out[1:]):
        if not before(a, b):
            raise InputError("two beads cross or share a segment")
    return out


def impose(beads: list[Bead], anchors: list[Anchor], n_fr: int, n_en: int) -> list[Bead]:
    """``beads`` (a complete monotone alignment of ``n_fr`` and ``n_en`` segments) with
    ``anchors`` imposed."""
    anchors = check_anchors(anchors, n_fr, n_en)
    fr_of = [0] * n_fr
    en_of = [0] * n_en
    for k, b in enumerate(beads):
        for i in b.fr_ids:
            fr_of[i] = k
        for j in b.en_ids:
            en_of[j] = k
    out: list[Bead] = []

    def gap(f0: int, f1: int, e0: int, e1: int) -> None:
        for k in sorted({fr_of[i] for i in range(f0, f1)} | {en_of[j] for j in range(e0, e1)}):
            b = beads[k]
            fr = tuple(i for i in b.fr_ids if f0 <= i < f1)
            en = tuple(j for j in b.en_ids if e0 <= j < e1)
            if fr == b.fr_ids and en == b.en_ids:
                out.append(b)
            elif fr or en:  # cut by an anchor: a side lost makes an omission (score 0)
                out.append(Bead(fr, en, b.score if fr and en else 0.0))

    f = e = 0
    for a in anchors:
        gap(f, a.fr[0], e, a.en[0])
        out.append(Bead(tuple(range(*a.fr)), tuple(range(*a.en)), HUMAN_SCORE.get(a.mark, 1.0), a.mark))
        f, e = a.fr[1], a.en[1]
    gap(f, n_fr, e, n_en)
    return out


# ---------------------------------------------------------------- edits

def _bead(beads: list[Bead], k: int) -> tuple[Range, Range]:
    if not 0 <= k < len(beads):
        raise InputError(f"bead {k} does not exist (the document has {len(beads)} beads)")
    return spans(beads)[k]


def _trim(a: Anchor, new: Anchor) -> Anchor | None:
    """``a`` without the segments of ``new``, if it stays a bead on the sides it had and
    does not cross ``new``; else None."""
    sides = []
    for (lo, hi), (nlo, nhi) in ((a.fr, new.fr), (a.en, new.en)):
        if hi <= nlo or nhi <= lo or nlo == nhi:
            sides.append((lo, hi))
        elif nlo <= lo and hi <= nhi:
            return None  # wholly taken
        elif nlo <= lo:
            sides.append((nhi, hi))
        elif hi <= nhi:
            sides.append((lo, nlo))
        else:
            return None  # the new bead sits inside: no contiguous remainder
    t = Anchor(sides[0], sides[1], a.mark)
    return t if compatible(t, new) else None


def _with(anchors: list[Anchor], new: list[Anchor]) -> list[Anchor]:
    out = []
    for a in anchors:
        if a in new:
            continue
        if all(compatible(a, n) for n in new):
            out.append(a)
            continue
        if a.mark != "edited" or len(new) != 1:
            continue  # a judged bead that changes is no longer what was judged
        t = _trim(a, new[0])
        if t is not None:
            out.append(t)
    return sorted(out + new, key=Anchor.key)


def merge(beads: list[Bead], anchors: list[Anchor], k: int) -> list[Anchor]:
    """Bead ``k`` and the next one become one bead."""
    _bead(beads, k)
    if k + 1 >= len(beads):
        raise InputError(f"bead {k} is the last one: nothing to merge it with")
    (f1, e1), (f2, e2) = _bead(beads, k), _bead(beads, k + 1)
    return _with(anchors, [Anchor((f1[0], f2[1]), (e1[0], e2[1]))])


def split(beads: list[Bead], anchors: list[Anchor], k: int, fr_at: int, en_at: int) -> list[Anchor]:
    """Bead ``k`` becomes two: its first ``fr_at`` French and ``en_at`` English segments,
    then the rest (``fr_at=1, en_at=0`` on a 1-1 bead: a 1-0 then a 0-1 bead)."""
    fr, en = _bead(beads, k)
    nf, ne = fr[1] - fr[0], en[1] - en[0]
    if not (0 <= fr_at <= nf and 0 <= en_at <= ne):
        raise InputError(f"bead {k} has {nf} French and {ne} English segments: cannot split after "
                         f"{fr_at} and {en_at}")
    if (fr_at, en_at) in ((0, 0), (nf, ne)):
        raise InputError("a split must leave at least one segment on each part")
    fc, ec = fr[0] + fr_at, en[0] + en_at
    return _with(anchors, [Anchor((fr[0], fc), (en[0], ec)), Anchor((fc, fr[1]), (ec, en[1]))])


def relink(beads: list[Bead], anchors: list[Anchor], k: int, fr: Range, en: Range,
           n_fr: int, n_en: int) -> list[Anchor]:
    """Bead ``k`` links exactly French segments ``fr`` and English ``en`` (half-open
    ranges); the beads around give up or take back what changes."""
    _bead(beads, k)
    new = Anchor((int(fr[0]), int(fr[1])), (int(en[0]), int(en[1])))
    check_anchors([new], n_fr, n_en)
    return _with(anchors, [new])


def mark(beads: list[Bead], anchors: list[Anchor], k: int, value: str) -> list[Anchor]:
    """Mark bead ``k`` (``ok``, ``wrong``) or clear a person's mark and links (``""``:
    back to the machine's bead)."""
    fr, en = _bead(beads, k)
    if value == "":
        return [a for a in anchors if (a.fr, a.en) != (fr, en)]
    if value not in ("ok", "wrong"):
        raise InputError(f"mark {value!r}: choose ok, wrong or '' (clear)")
    return _with([a for a in anchors if (a.fr, a.en) != (fr, en)], [Anchor(fr, en, value)])
