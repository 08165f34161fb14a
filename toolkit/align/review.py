"""The pairs a translator should look at: beads scored under a stated threshold, lowest
first, each with the reasons the aligner can give."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..types import Bead, Segment

__all__ = ["REVIEW_BELOW", "Review", "to_review", "alignment_confidence"]

# A bead scoring below this is worth a look. A score is the bead's alignment posterior times
# its pollution factor (align/pollution.py), times a document factor near 1 for translations:
# a clean, unambiguous pair scores 0.9-1.0; one sign of pollution (a number on one side
# only, exp(-0.5)) keeps a sure pair above it, two signs or a doubtful alignment do not.
REVIEW_BELOW = 0.5


@dataclass(frozen=True)
class Review:
    """A bead to look at, its index in the alignment and why."""

    index: int
    bead: Bead
    reasons: tuple[str, ...]


def _text(x) -> str:
    return x.text if isinstance(x, Segment) else str(x)


def to_review(beads: Sequence[Bead], fr: Sequence | None = None, en: Sequence | None = None, *,
              threshold: float = REVIEW_BELOW) -> list[Review]:
    """Beads with ``score < threshold``, lowest score first (ties in document order).

    ``fr``/``en``: the segments (``Segment`` or ``str``) the beads index; with them, each
    review lists the signs of pollution found in the pair (numbers or upper-case words on
    one side only, a footnote-looking tail, an odd length ratio); without them, or when
    there is none, the reason is the alignment itself (one side only, or a doubtful pair).
    """
    beads = list(beads)
    low = sorted((k for k, b in enumerate(beads) if b.score < threshold), key=lambda k: (beads[k].score, k))
    signs = None
    if low and fr is not None and en is not None:
        from .pollution import assess

        signs = assess(beads, [_text(s) for s in fr], [_text(s) for s in en])
    out = []
    for k in low:
        b = beads[k]
        if not (b.fr_ids and b.en_ids):
            reasons = ["text on one side only (" + ("FR" if b.fr_ids else "EN") + ")"]
        else:
            reasons = signs[k].reasons() if signs is not None else []
            if not reasons:
                reasons = ["doubtful alignment: weak evidence or a close rival segmentation"]
        out.append(Review(k, b, tuple(reasons)))
    return out


def alignment_confidence(beads: Sequence[Bead], fr: Sequence, en: Sequence) -> list[float]:
    """How sure the aligner is that each bead's two sides correspond: its score without the
    pollution factor (a QA check that reports a changed number itself wants this, not the
    score, which a changed number lowers). One float per bead, in [0, 1]."""
    from .pollution import assess

    signs = assess(beads, [_text(s) for s in fr], [_text(s) for s in en])
    return [min(1.0, b.score / s.factor()) for b, s in zip(beads, signs)]
