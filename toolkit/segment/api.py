"""``segment_text`` / ``iter_segments``: read lines in windows, lay them out, split sentences."""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from ..langdata import check_lang
from ..types import Segment
from .clean import Line, clean_line, split_inline_bullets
from .layout import Block, Layout
from .report import SegmentReport, Sink
from .stats import blank_lines_separate, mark_running_lines, wrap_width
from .split import split_sentences

__all__ = ["segment_text", "iter_segments"]

# a window of lines is laid out at once: enough to estimate the wrap width and to see a
# hyphenated word's other spellings nearby, small enough to keep memory bounded
WINDOW_LINES = 4000
WINDOW_CHARS = 1 << 20
# a "line" longer than this (no line breaks at all) is cut at a space to bound memory
MAX_LINE = 1 << 20
# a line break: "\r\n", "\n" or a lone "\r"; a form feed (page break) inside a line starts
# a new line, which keeps the form feed so that the page break is seen
BREAK_RE = re.compile(r"\r\n|\r|\n")
BREAK_FF_RE = re.compile(r"\r\n|\r|\n|(?<=[^\r\n])(?=\f)")


def _lines(chunks: Iterable[str]) -> Iterator[tuple[str, int]]:
    """(line without its break, offset of the line in the whole text); LF, CRLF and CR."""
    buf, offset = "", 0
    for chunk in chunks:
        buf += chunk
        pos = 0
        for m in (BREAK_FF_RE if "\f" in buf else BREAK_RE).finditer(buf):
            if m.group(0) == "\r" and m.end() == len(buf):
                break  # maybe the first half of a CRLF split across chunks
            yield buf[pos:m.start()], offset + pos
            pos = m.end()
        offset += pos
        buf = buf[pos:]
        while len(buf) > MAX_LINE:
            cut = buf.rfind(" ", 0, MAX_LINE) + 1 or MAX_LINE
            yield buf[:cut], offset
            offset += cut
            buf = buf[cut:]
    if buf.endswith("\r"):
        buf = buf[:-1]
    if buf:
        yield buf, offset


def _is_heading(block: Block) -> bool:
    """A single line with no final punctuation: title, symbol, date or address line (§2)."""
    if len(block.lines) != 1:
        return False
    first = block.lines[0]
    return first.heading or (not first.item and not first.bullet and len(first.text) <= 150
                             and first.text[-1:] not in ".,;:!?…")


class _Locator:
    """Source offsets of positions in a block's text, asked in increasing order.

    A line's repaired text is its raw text minus removed characters and with spaces
    changed, so its characters are found in order in the raw line (a subsequence).
    Cursors per line keep the work linear in the block length.
    """

    def __init__(self, block: Block) -> None:
        self.pieces = block.pieces
        self.starts, pos = [], 0
        for piece, _ in block.pieces:
            self.starts.append(pos)
            pos += len(piece)
        self.cursors: dict[int, list[int]] = {}  # piece -> [text position, raw position]

    def __call__(self, i: int, is_start: bool) -> int:
        k = max(bisect.bisect_right(self.starts, i) - 1, 0)
        if self.pieces[k][1] is None:  # the space that joins two lines
            k += 1
            i = self.starts[k]
        piece, line = self.pieces[k]
        raw, d = line.raw, i - self.starts[k]
        c = self.cursors.get(k)
        if c is None or d < c[0]:
            c = self.cursors[k] = [0, 0]
        for ch in piece[c[0]:d]:
            if ch != " ":
                found = raw.find(ch, c[1])
                if found >= 0:
                    c[1] = found + 1
        c[0] = d
        j = c[1]
        if is_start:
            rest = piece[d:].lstrip(" ")[:1]
            found = raw.find(rest, j) if rest else -1
            j = found if found >= 0 else j
        return line.start + j


def _segments(block: Block, lang: str) -> Iterator[Segment]:
    text = block.text
    source = _Locator(block)
    first = block.lines[0]
    kind = ("footnote" if block.footnote is not None else "heading" if _is_heading(block)
            else "item" if first.item or first.bullet else "sentence")
    for n, (s, e) in enumerate(split_sentences(text, lang)):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        seg = text[s:e]
        if seg:
            k = kind if n == 0 or kind == "footnote" else "sentence"
            yield Segment(seg, k, block.para, source(s, True), source(e, False))


def iter_segments(chunks: Iterable[str], lang: str, *, removed: list[str] | None = None,
                  report: SegmentReport | None = None) -> Iterator[Segment]:
    """Segment a stream of text chunks; footnotes come last, in number order.

    ``removed`` (optional) collects every non-whitespace string the segmenter dropped
    (markup, boilerplate lines, bullets, separators, footnote markers, hyphens).
    ``report`` (optional) counts, for the user, the running headers, page numbers,
    boilerplate lines, footnote markers and repaired hyphens taken out and the footnotes
    moved to the end, with samples (see ``SegmentReport``); it is complete once the
    iterator is exhausted. Raises UnsupportedLanguage for a language other than fr/en.
    """
    lang = check_lang(lang)
    sink = Sink(removed, report)
    layout = Layout(lang, sink)
    window: list[Line] = []
    size = 0
    first = True

    def run(lines: list[Line]) -> Iterator[Segment]:
        nonlocal first
        if first or len(lines) >= 200:
            layout.width = wrap_width(lines)
            layout.break_gaps = blank_lines_separate(lines)
            first = False
        mark_running_lines(lines, layout.width, sink)
        for ln in lines:
            layout.vocab.add_text(ln.text)
        for ln in lines:
            layout.feed(ln)
        for block in layout.out:
            yield from _segments(block, lang)
        layout.out.clear()

    for raw, start in _lines(chunks):
        line = clean_line(raw, start, sink)
        window.extend(split_inline_bullets(line, sink) if line.bullet else (line,))
        size += len(raw)
        if len(window) >= WINDOW_LINES or size >= WINDOW_CHARS:
            yield from run(window)
            window, size = [], 0
    yield from run(window)
    layout.finish()
    for block in layout.out:
        yield from _segments(block, lang)
    layout.out.clear()


def segment_text(text: str, lang: str, *, report: SegmentReport | None = None) -> list[Segment]:
    """Segment a whole decoded document (see ``iter_segments``)."""
    return list(iter_segments([text], lang, report=report))
