"""Document-level layout evidence, measured on a window of cleaned lines: the hard-wrap
width, which blank-line gaps end paragraphs, and running headers/footers (CONVENTIONS.md §6-7).
"""
from __future__ import annotations

from collections import Counter

from .clean import Line

__all__ = ["MAX_WRAP", "gap_kind", "blank_lines_separate", "mark_running_lines", "wrap_width"]

# hard-wrapped text (PDF, plain-text mail) has lines of at most ~130 characters; a wider
# "wrap width" means each line is a whole paragraph
MAX_WRAP = 160
# a short line repeated this often in a window of paginated text is a running header/footer
RUNNING_MIN = 3


def gap_kind(gap: str, line: Line) -> str:
    """The kind of a blank-line gap after adding ``line`` (a blank line) to it."""
    kind = "empty" if not line.raw else "spaces"
    return kind if gap in ("", kind) else "mixed"


def blank_lines_separate(lines: list[Line]) -> frozenset[str]:
    """Which kinds of blank-line gap mark paragraph ends here? Those never inside sentences.

    Some PDF extractions put a blank line after every line (un-ares-77-241) or inside
    paragraphs, where it is followed by a lower-case continuation now and then; some use
    empty lines inside paragraphs and whitespace-only lines between them (osce-pc-dec-1049).
    A kind of gap is reliable when at most 2 % of its occurrences precede lower case.
    """
    gaps: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    gap = ""
    for ln in lines:
        if ln.blank:
            gap = gap_kind(gap, ln)
        elif ln.text:
            if gap:
                gaps[gap] += 1
                inside[gap] += ln.text[:1].islower()
            gap = ""
    return frozenset(k for k, n in gaps.items() if inside[k] <= 0.02 * n)


def mark_running_lines(lines: list[Line], width: int, removed: list[str] | None = None) -> None:
    """Drop running headers/footers of paginated text: a short line seen 3+ times in the
    window, each time after a different line (repeated content repeats its neighbours too).

    Only in hard-wrapped text (PDF extractions): in a web page or brochure, repeated short
    lines are content (the two "USA" address lines of interpol-un-ministerial-2009).
    """
    if width > MAX_WRAP:
        return
    before: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    prev = ""
    for ln in lines:
        if not ln.text:
            continue
        if len(ln.text) <= 80 and not (ln.item or ln.bullet or ln.heading):
            counts[ln.text] += 1
            before.setdefault(ln.text, set()).add(prev)
        prev = ln.text
    running = {t for t, n in counts.items() if n >= RUNNING_MIN and len(before[t]) == n}
    if not running:
        return
    for ln in lines:
        if ln.text in running:
            if removed is not None:
                removed.append(ln.text)
            ln.text, ln.dropped = "", True


def wrap_width(lines: list[Line]) -> int:
    """The document's hard-wrap width: the 90th percentile of non-blank line lengths."""
    lengths = sorted(len(ln.text) for ln in lines if ln.text)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 80
