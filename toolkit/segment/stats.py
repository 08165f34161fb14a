"""Document-level layout evidence, measured on a window of cleaned lines: the hard-wrap
width, which blank-line gaps end paragraphs, and running headers/footers (CONVENTIONS.md §6-7).
"""
from __future__ import annotations

import re
from collections import Counter

from .clean import PAGE_NUMBER_RE, Line
from .report import Sink

__all__ = ["MAX_WRAP", "gap_kind", "blank_lines_separate", "mark_running_lines", "same_or_paged",
           "wrap_width"]

# hard-wrapped text (PDF, plain-text mail) has lines of at most ~130 characters; a wider
# "wrap width" means each line is a whole paragraph
MAX_WRAP = 160
# a short line repeated this often in a window of paginated text is a running header/footer
RUNNING_MIN = 3
RUNNING_CHARS = 80  # ... and no longer than this
# with form feeds: a line among the first/last ZONE_LINES of its page that recurs on this
# share of the pages (2 at least) is running
ZONE_LINES, RUNNING_SHARE = 4, 0.4
# without form feeds: occurrences at least MIN_PAGE_LINES apart, the largest gap at most
# PAGE_SPREAD times the smallest, are "every ~N lines"
MIN_PAGE_LINES, PAGE_SPREAD = 8, 1.5
COMPANION = 3  # lines either side where a numbered footer finds its running companion
DIGITS_RE = re.compile(r"\d+")


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


def _regular(positions: list[int]) -> bool:
    """Occurrences every ~N lines, as running lines of fixed-length pages are (the last page
    may be shorter: a footer after it comes sooner)."""
    gaps = [b - a for a, b in zip(positions, positions[1:])]
    full = gaps[:-1] or gaps
    return (bool(gaps) and min(gaps) >= MIN_PAGE_LINES and max(full) <= PAGE_SPREAD * min(full)
            and gaps[-1] <= PAGE_SPREAD * max(full))


def _key(text: str) -> str:
    return DIGITS_RE.sub("#", " ".join(text.lower().split()))


def _drop(ln: Line, sink: Sink | None) -> None:
    if sink:
        sink("page number" if PAGE_NUMBER_RE.fullmatch(ln.text) else "header", ln.text)
    ln.text, ln.dropped, ln.running = "", True, True


def _candidate(ln: Line) -> bool:
    return bool(ln.text) and len(ln.text) <= RUNNING_CHARS and not (ln.item or ln.bullet or ln.heading)


def _paged(lines: list[Line], sink: Sink | None) -> bool:
    """Text with form feeds: a line among the first or last lines of its page whose text
    (digits aside) comes back on 40 % of the pages (2 at least) is a running header/footer."""
    starts = [i for i, ln in enumerate(lines) if ln.page]
    if len(starts) < 2:
        return False
    bounds = [0, *starts, len(lines)]
    zones: dict[str, list[tuple[int, Line]]] = {}
    for p, (a, b) in enumerate(zip(bounds, bounds[1:])):
        body = [ln for ln in lines[a:b] if ln.text]
        for ln in body[:ZONE_LINES] + body[-ZONE_LINES:]:
            if _candidate(ln):
                zones.setdefault(_key(ln.text), []).append((p, ln))
    need = max(2, RUNNING_SHARE * (len(bounds) - 1))
    for hits in zones.values():
        if len({p for p, _ in hits}) >= need and same_or_paged([(p, ln.text) for p, ln in hits]):
            for _, ln in hits:
                if ln.text:
                    _drop(ln, sink)
    return True


def same_or_paged(hits: list[tuple[int, str]]) -> bool:
    """(page, text) of a line found on several pages: the same text on every page, or texts
    whose one varying number follows the page ("14832/24 GG/mr 3" on page 3, "– 4 –" on
    page 4), not lines that differ by any number ("Article 12", "Table 3")."""
    if len({text for _, text in hits}) == 1:
        return True
    numbers = [(p, [int(n) for n in DIGITS_RE.findall(text)]) for p, text in hits]
    width = min(len(ns) for _, ns in numbers)
    return any(len({ns[i] - p for p, ns in numbers}) == 1 for i in range(width))


def mark_running_lines(lines: list[Line], width: int, sink: Sink | None = None) -> None:
    """Drop running headers/footers of paginated text (CONVENTIONS.md §7).

    With form feeds, by page position (``_paged``). Otherwise, in hard-wrapped text only (in a
    web page or brochure, repeated short lines are content: the two "USA" address lines of
    interpol-un-ministerial-2009), a short line seen 3+ times in the window is running when
    each occurrence follows a different line (repeated content repeats its neighbours too);
    lines that differ only by an increasing number ("14832/24 GG/mr 3", "… 4"), each after a
    different line, are running when they come every ~N lines next to a running line. The
    lines of a repeated block (a two-line footer) all count the line before the block as theirs.
    """
    if _paged(lines, sink) or width > MAX_WRAP:
        return
    counts: Counter[str] = Counter(ln.text for ln in lines if _candidate(ln))
    repeated = {t for t, n in counts.items() if n >= RUNNING_MIN}
    keyed: dict[str, list[tuple[int, Line]]] = {}
    for i, ln in enumerate(lines):
        if _candidate(ln) and DIGITS_RE.search(ln.text) and ln.text not in repeated:
            keyed.setdefault(_key(ln.text), []).append((i, ln))
    if not repeated and not any(len(v) >= RUNNING_MIN for v in keyed.values()):
        return
    numbered = {k for k, hits in keyed.items() if _numbered(hits)}
    before: dict[str, set[str]] = {}
    prev = ""
    for ln in lines:
        if not ln.text:
            continue
        key = ln.text if ln.text in repeated else _key(ln.text) if _candidate(ln) else ""
        if key in repeated or key in numbered:
            before.setdefault(key, set()).add(prev)
        else:
            prev = ln.text  # a block of repeated lines (a two-line footer) counts as one
    for ln in lines:
        if ln.text in repeated and len(before[ln.text]) == counts[ln.text]:
            _drop(ln, sink)
    for key in numbered:
        hits = keyed[key]
        # a numbered line is a footer when it comes with a running line ("14832/24 GG/mr 3"
        # above "JAI.1 LIMITE EN"): alone it may be a heading ("Article 413-10", "… 413-11")
        beside = sum(any(n.running for n in lines[max(0, i - COMPANION):i + COMPANION + 1]) for i, _ in hits)
        if len(before[key]) == len(hits) and beside >= len(hits) - 1:
            for _, ln in hits:
                _drop(ln, sink)


def _numbered(hits: list[tuple[int, Line]]) -> bool:
    """Lines that differ by a number counting up by one, every ~N lines: page footers."""
    numbers = [int(DIGITS_RE.findall(ln.text)[-1]) for _, ln in hits]
    return (len(hits) >= RUNNING_MIN and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))
            and _regular([i for i, _ in hits]))


def wrap_width(lines: list[Line]) -> int:
    """The document's hard-wrap width: the 90th percentile of non-blank line lengths."""
    lengths = sorted(len(ln.text) for ln in lines if ln.text)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 80
