"""Page furniture from character geometry: running headers/footers, page numbers, footnotes
and footnote markers, told apart from the body by position and type size, not by wording.

Input: per page, the text lines in content-stream order (each char with its baseline y and font
size) and the horizontal rules. Output: the body text (paragraphs separated by blank lines),
then every footnote after a separator line, as the segmenter reads them (CONVENTIONS.md §5, §7).

* A running header/footer is a line among the top or bottom lines of its page whose text (digits
  aside) comes back at the same height on at least 40 % of the pages (and 2 of them).
* Footnotes are the lines at the bottom of a page set in smaller type than the body, with a rule
  above them or starting with a marker; a footnote area that starts without a number continues
  the previous page's last footnote.
* A marker is a run of raised, smaller characters (``1``, ``(2)``, ``*``) whose number is that of
  a footnote; other superscripts (``1er``, ``m2``) stay in the text.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median
from typing import Callable, Iterable

from ..segment.stats import same_or_paged

__all__ = ["Char", "Line", "Page", "build_lines", "layout_text"]

# a raised character at most this share of its line's type size is a superscript
SUPER_SIZE = 0.85
SUPER_RISE = 0.15
# footnote type is at most this share of the body size; the body size sets this share of chars
FOOTNOTE_SIZE, BODY_SHARE = 0.92, 0.3
# a running line recurs on this share of the pages (and on 2 at least), within this height (pt)
RUNNING_SHARE, RUNNING_DY = 0.4, 4.0
ZONE_LINES = 3  # lines at the top and at the bottom of a page that may be furniture
PARA_GAP = 1.4  # a gap > 1.4 x the usual line pitch separates paragraphs
WORD_GAP = 0.15  # characters further apart than this share of the type size: a space
SEPARATOR = "__________"
MARKER_RE = re.compile(r"[(\[]?(\d{1,3}|[*†‡§]{1,3})[)\]]?")
NUMBERED_RE = re.compile(r"(\d{1,3}|[*†‡])\s+(?=\S)")
PAGE_NUMBER_RE = re.compile(r"[-–—]?\s*(?:page|p\.)?\s*[\divxlc]+(?:\s*(?:/|of|sur|de)\s*\d+)?\s*[-–—]?", re.I)
DIGITS_RE = re.compile(r"\d+")
TERMINAL = tuple(".!?:;»”\")")

Removed = Callable[[str, str], None]


@dataclass(slots=True)
class Char:
    text: str
    x: float  # left
    x1: float  # right
    y: float  # baseline
    size: float  # 0 for an inferred space


@dataclass
class Line:
    chars: list[Char]
    size: float = 0.0  # the line's main type size
    y: float = 0.0  # its baseline
    x0: float = 0.0
    x1: float = 0.0
    kind: str = "body"  # body, running, footnote
    number: str = ""  # a footnote line's leading marker
    start: int = 0  # chars before this index are that marker
    out: str = ""  # the text written out

    def __post_init__(self) -> None:
        ink = [c for c in self.chars if c.size > 0 and not c.text.isspace()]
        if not ink:
            return
        sizes = Counter(round(c.size * 2) / 2 for c in ink)
        self.size = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        main = [c for c in ink if abs(c.size - self.size) < 0.5] or ink
        self.y = median(c.y for c in main)
        self.x0, self.x1 = min(c.x for c in ink), max(c.x1 for c in ink)

    def superscript(self, c: Char) -> bool:
        return 0 < c.size <= SUPER_SIZE * self.size and c.y - self.y > SUPER_RISE * self.size

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars).strip()


@dataclass
class Page:
    lines: list[Line]
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    height: float = 842.0


def build_lines(chars: Iterable[Char]) -> list[Line]:
    """Characters in content-stream order -> lines: a new line where the baseline moves by
    more than half the type size (a superscript's rise stays in its line) or the text runs
    back left; a space where two characters are further apart than a kerning step."""
    lines, cur, base, size, prev = [], [], 0.0, 0.0, None
    for c in chars:
        if c.text.isspace():
            if cur and not cur[-1].text.isspace():
                cur.append(Char(" ", c.x, c.x1, base, 0.0))
            continue
        if prev is not None and (abs(c.y - base) > 0.5 * max(size, c.size) or c.x < prev.x - 2 * size):
            lines.append(Line(cur))
            cur, prev = [], None
        if prev is None:
            base, size = c.y, c.size
        elif c.x - prev.x1 > WORD_GAP * min(size, c.size) and not cur[-1].text.isspace():
            cur.append(Char(" ", prev.x1, c.x, base, 0.0))
        if c.size > size and abs(c.y - base) < 0.1 * c.size:
            size = c.size
        cur.append(c)
        prev = c
    if cur:
        lines.append(Line(cur))
    return lines


def _runs(line: Line) -> list[tuple[int, int]]:
    """(start, end) char ranges of superscript runs (spaces inside allowed, not at the ends)."""
    out, start, last = [], None, 0
    for i, c in enumerate(line.chars):
        if line.superscript(c):
            start = i if start is None else start
            last = i
        elif start is not None and not c.text.isspace():
            out.append((start, last + 1))
            start = None
    if start is not None:
        out.append((start, last + 1))
    return out


def _norm(text: str) -> str:
    return DIGITS_RE.sub("#", " ".join(text.lower().split()))


def mark_running(pages: list[Page]) -> None:
    """Same text (digits aside) at the same height on enough pages: a running header/footer."""
    if len(pages) < 2:
        return
    seen: dict[tuple[str, str], list[tuple[int, Line]]] = defaultdict(list)
    for p, page in enumerate(pages):
        ordered = sorted((ln for ln in page.lines if ln.size), key=lambda ln: -ln.y)
        for zone, cands in (("top", ordered[:ZONE_LINES]), ("bottom", ordered[-ZONE_LINES:])):
            limit = 0.75 * page.height if zone == "top" else 0.25 * page.height
            for ln in cands:
                if (ln.y >= limit) == (zone == "top"):
                    seen[zone, _norm(ln.text)].append((p, ln))
    need = max(2, RUNNING_SHARE * len(pages))
    for hits in seen.values():
        y = median(ln.y for _, ln in hits)
        near = [(p, ln) for p, ln in hits if abs(ln.y - y) <= RUNNING_DY]
        if len({p for p, _ in near}) >= need and same_or_paged([(p, ln.text) for p, ln in near]):
            for _, ln in near:
                ln.kind = "running"


def body_size(pages: list[Page]) -> float:
    """The body's type size: the largest size that sets a good share of the characters
    (a short report can have as much footnote text as body text; headings have few)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for ln in page.lines:
            if ln.kind == "body" and ln.size:
                sizes[ln.size] += len(ln.chars)
    total = sum(sizes.values())
    return max((s for s, n in sizes.items() if n >= BODY_SHARE * total), default=0.0)


def _leading_number(line: Line) -> tuple[str, int]:
    """The footnote number a line starts with (a superscript run, or "12 " in the line's own
    type) and the index of the first char after it; ("", 0) when there is none."""
    runs = _runs(line)
    first = next((i for i, c in enumerate(line.chars) if not c.text.isspace()), None)
    if runs and runs[0][0] == first:
        s, e = runs[0]
        m = MARKER_RE.fullmatch("".join(c.text for c in line.chars[s:e]).strip())
        if m:
            return m.group(1), e
    text = "".join(c.text for c in line.chars)
    m = NUMBERED_RE.match(text.lstrip())
    return (m.group(1), len(text) - len(text.lstrip()) + len(m.group(1))) if m else ("", 0)


def _raised_numbers(lines: Iterable[Line]) -> set[str]:
    """The numbers set as superscripts in these lines (candidate footnote markers)."""
    out = set()
    for ln in lines:
        for s, e in _runs(ln):
            m = MARKER_RE.fullmatch("".join(c.text for c in ln.chars[s:e]).strip())
            if m:
                out.add(m.group(1))
    return out


def mark_footnotes(pages: list[Page], size: float) -> None:
    """Small type at the page bottom, under a rule or starting with the number of a marker
    raised in the page's body: footnotes (small numbered rows of a table are not)."""
    for page in pages:
        ordered = sorted((ln for ln in page.lines if ln.kind == "body" and ln.size), key=lambda ln: ln.y)
        group: list[Line] = []
        for ln in ordered:
            if ln.size >= FOOTNOTE_SIZE * size:
                break
            group.append(ln)
        if not group:
            continue
        top = max(ln.y + ln.size for ln in group)
        above = [ln.y for ln in ordered if ln.y > top]
        ceiling = min(above) if above else page.height
        ruled = any(top - 2 <= y <= ceiling for y, _, _ in page.rules)
        numbers = [_leading_number(ln) for ln in group]
        raised = _raised_numbers(ln for ln in ordered if ln.y > top)
        if ruled or any(n in raised for n, _ in numbers if n):
            for ln, (n, start) in zip(group, numbers):
                ln.kind, ln.number, ln.start = "footnote", n, start


def _body_text(line: Line, numbers: set[str], removed: Removed | None) -> str:
    """A body line's text with its footnote markers lifted out."""
    chars = line.chars
    for s, e in reversed(_runs(line)):
        text = "".join(c.text for c in chars[s:e]).strip()
        m = MARKER_RE.fullmatch(text)
        if m and m.group(1) in numbers:
            if removed:
                removed("marker", text)
            chars = chars[:s] + chars[e:]
    return " ".join("".join(c.text for c in chars).split())


def _footnote_blocks(pages: list[Page]) -> list[tuple[str, list[str], int]]:
    """(number, lines, pages spanned) of every footnote, continuations joined."""
    notes: list[tuple[str, list[str], int]] = []
    for page in pages:
        lines = sorted((ln for ln in page.lines if ln.kind == "footnote"), key=lambda ln: -ln.y)
        for i, ln in enumerate(lines):
            text = " ".join("".join(c.text for c in ln.chars[ln.start:]).split())
            if ln.number:
                notes.append((ln.number, [text], 1))
            elif notes:
                n, body, spans = notes[-1]
                notes[-1] = (n, body + [text], spans + (i == 0))
            else:
                notes.append(("", [text], 1))
    return notes


def _paragraphs(lines: list[Line]) -> list[str]:
    """Body lines of a page with a blank line where the layout has a paragraph gap."""
    gaps = [a.y - b.y for a, b in zip(lines, lines[1:])
            if 0.9 * max(a.size, b.size) <= a.y - b.y <= 2.05 * max(a.size, b.size)]
    pitch = min(gaps) if gaps else None
    right = max((ln.x1 for ln in lines), default=0.0)
    out: list[str] = []
    prev = None
    for ln in lines:
        if prev is not None and out and out[-1]:
            gap = prev.y - ln.y
            size = max(ln.size, prev.size)
            if (gap > PARA_GAP * (pitch or 1.2 * size) or gap < -2 * size
                    or abs(ln.size - prev.size) > 1.0
                    or (out[-1].endswith((".", "!", "?")) and prev.x1 < right - 0.15 * (right - prev.x0))):
                out.append("")
        out.append(ln.out)
        prev = ln
    return out


def layout_text(pages: list[Page], removed: Removed | None = None) -> str:
    """Body text, then the footnotes (each after a separator line)."""
    mark_running(pages)
    size = body_size(pages)
    mark_footnotes(pages, size)
    notes = _footnote_blocks(pages)
    numbers = {n for n, _, _ in notes if n}
    texts: list[str] = []
    for page in pages:
        body = []
        for ln in page.lines:
            if ln.kind == "running":
                if removed:
                    removed("page number" if PAGE_NUMBER_RE.fullmatch(ln.text) else "header", ln.text)
            elif ln.kind == "body" and ln.size:
                ln.out = _body_text(ln, numbers, removed)
                if ln.out:
                    body.append(ln)
        if body:
            texts.append("\n".join(_paragraphs(body)))
    out = texts[0] if texts else ""
    for page in texts[1:]:
        out += ("\n\n" if out.rstrip().endswith(TERMINAL) else "\n") + page
    for n, lines, spans in notes:
        if removed and spans > 1:
            removed("footnote continued", f"{n} {lines[0][:60]}".strip())
        out += f"\n\n{SEPARATOR}\n\n" + (f"{n} " if n else "") + "\n".join(lines)
    return out.strip("\n")
