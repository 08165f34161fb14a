"""Cleaned lines -> blocks (paragraphs, headings, items, footnotes).

Joins hard wraps and end-of-line hyphenation, lifts footnotes out of the body (rejoining the
sentence they interrupt) and removes glued footnote markers (CONVENTIONS.md §2-6).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean import Line
from .hyphen import Vocabulary, keep_hyphen, repair_split_words
from .report import Sink
from .stats import MAX_WRAP, gap_kind
from .tables import abbreviations, joiners

__all__ = ["Block", "Layout"]

# "l’ordre1," / "Policing1," / "privé4 par" / "(GRECO)2" / "« durable »3": 1-3 digits glued to a
# word or to a closing bracket or quote, then a non-word
GLUED_MARKER_RE = re.compile(r"(?<![\w-])([^\W\d_]{2,}|[^\W\d_]{2,}[)»”]|[)»”])(\d{1,3})(?=[^\w]|$)")
# "l’ordre¹" / "police²³": superscript digits after a word or punctuation
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# (not after a unit: "m²", "km²")
SUPER_MARKER_RE = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)»”.,;:]))(?<!\bm)(?<!\bkm)(?<!\bcm)(?<!\bmm)"
                             r"([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")
# running-header symbols remembered per document (bounds memory on a long stream)
MAX_REFS = 10_000
# end-of-line tests only look at a line's last characters (anchored searches scan the line)
TAIL = 80
DIGIT_RE = re.compile(r"\d")
SUPER_DIGIT_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]")
# a document symbol: "A/RES/77/241", "PC.DEC/1049", "CM/Rec(2012)7", "E/CN.15/2022/L.3"
SYMBOL_RE = re.compile(r"\b[A-Z]{1,6}[./][A-Za-z0-9./()-]*\d")
# what may accompany a symbol in a running header: "page 2", "Annex, p. 3", "- 4 -"
PAGE_RE = re.compile(r"(?:(?:annex|annexe|appendix|page|p\.|[-–,/])\s*)*\d{0,4}(?:\s*[-–])?", re.IGNORECASE)
# "1 Une liste de ces décisions …": a footnote line starts with its number and a space
FOOTNOTE_RE = re.compile(r"(\d{1,3})\s+(?=\S)")
# a line ending a sentence or a clause: "… nationale." / "… ce qui suit :" / "… ;" / "… »."
TERMINAL_CHARS, CLOSERS = ".!?…:;", "\"'»”’)]"
# end-of-line hyphenation candidate: "interna-" (a letter before the hyphen)
EOL_HYPHEN_RE = re.compile(r"([^\W\d_]+)-$")
# word before a final full stop: "No." -> "No", "c.-à-d." -> "c.-à-d"
LAST_TOKEN_RE = re.compile(r"(\S+)\.$")
LAST_WORD_RE = re.compile(r"([^\W\d_]+['’]?)$")
# a line starting with a web or mail address is not a lower-case continuation: "www.interpol.int"
URL_RE = re.compile(r"(?:https?://|www\.)|[\w.+-]+@\w|[\w-]+(?:\.[\w-]+)+/")
FIRST_WORD_RE = re.compile(r"[^\W\d_]+")


def _terminal(text: str) -> bool:
    """Does the line end a sentence or clause (closing quotes/brackets allowed after it)?"""
    return text.rstrip(CLOSERS)[-1:] in TERMINAL_CHARS if text else False


@dataclass(slots=True)
class Block:
    """Consecutive lines that form one paragraph, heading, item or footnote."""

    lines: list[Line]
    kind: str = "sentence"
    para: int = 0
    footnote: int | None = None
    pieces: list[tuple[str, Line | None]] = field(default_factory=list)  # (text, its line)

    @property
    def text(self) -> str:
        return "".join(p for p, _ in self.pieces)


class Layout:
    """A line-by-line state machine: ``feed`` lines, collect finished blocks from ``out``."""

    def __init__(self, lang: str, sink: Sink | None = None) -> None:
        self.lang = lang
        self.sink = sink
        self.page_break = False  # a form feed or a dropped running line since the last line
        self.vocab = Vocabulary()
        self.width = 80
        self.break_gaps: frozenset[str] = frozenset()  # see blank_lines_separate
        self.gap = ""
        self.out: list[Block] = []
        self.block: Block | None = None
        self.footnotes: dict[int, Block] = {}
        self.fn: Block | None = None  # footnote being read (footnote mode)
        self.after_sep = False
        self.next_marker = 1
        self.pending: set[int] = set()
        self.seen_refs: set[str] = set()
        self.para = 0

    # ---------------------------------------------------------------- feeding
    def feed(self, line: Line) -> None:
        if line.blank:
            self.page_break |= line.page
            self.gap = gap_kind(self.gap, line)
            return
        if line.dropped:
            self.page_break |= line.page or line.running
            return
        line.gap, self.gap = self.gap, ""
        if self.page_break or line.page:
            # a page break is no paragraph break: the wrap rules decide; it ends a footnote
            # (one that goes on starts the next page's footnote area, after its separator)
            line.gap, self.page_break, self.fn = "", False, None
        if line.separator:
            self.after_sep = True
            return
        if self._repeated_reference(line):
            return
        m = FOOTNOTE_RE.match(line.text)
        if m and not line.item and self._is_footnote_start(int(m.group(1)), line):
            n = int(m.group(1))
            self.pending.discard(n)
            self.fn = self.footnotes[n] = Block([], "footnote", footnote=n)
            self._append(self.fn, line)
            self.after_sep = False
            return
        if self.fn is None and self.after_sep:
            self.fn = self._unfinished_footnote()
        self.after_sep = False
        if self.fn is not None:
            if self._continues_footnote(line):
                self._append(self.fn, line)
                return
            self.fn = None
        self._remove_markers(line)
        if self.block is not None and self._joins(self.block, line):
            self._append(self.block, line)
        else:
            self._flush()
            self.block = Block([], para=self.para)
            self.para += 1
            self._append(self.block, line)

    def finish(self) -> None:
        """End of input: flush the open block, then every footnote in number order (§5)."""
        self._flush()
        for n in sorted(self.footnotes):
            b = self.footnotes[n]
            b.para = self.para
            self.para += 1
            self.out.append(b)
            if self.sink:
                self.sink.note("footnote", b.text)
        self.footnotes.clear()

    # ---------------------------------------------------------------- footnotes
    def _is_footnote_start(self, n: int, line: Line) -> bool:
        """"1 Une liste …" after a separator, after footnote n-1, or, when marker n was seen,
        where a body line could not continue ("Bucharest, 4" / "December 2001" continues)."""
        if n in self.footnotes:
            return False
        if self.after_sep or (self.fn is not None and n == self.fn.footnote + 1):
            return True
        if n not in self.pending:
            return False
        if self.block is None or self.fn is not None:
            return True
        last = self.block.lines[-1].text
        w = LAST_WORD_RE.search(last[-TAIL:])
        if last.endswith("-") or (w and w.group(1) in joiners()):
            return False
        return bool(line.gap) or _terminal(last)

    def _unfinished_footnote(self) -> Block | None:
        """After a separator, text with no number continues the last footnote (page-spanning)."""
        if not self.footnotes:
            return None
        last = self.footnotes[max(self.footnotes)]
        return None if _terminal(last.lines[-1].text) else last

    def _continues_footnote(self, line: Line) -> bool:
        """A footnote ends at an indented line (the next page's paragraph), a bullet or heading."""
        if line.bullet or line.heading or line.item:
            return False
        return line.indent <= min(ln.indent for ln in self.fn.lines)

    def _remove_markers(self, line: Line) -> None:
        """Drop glued markers ("l’ordre1", "(GRECO)2", "police²") whose number is the next
        footnote number expected."""
        sup_digits = SUPER_DIGIT_RE.search(line.text)
        if not sup_digits and not DIGIT_RE.search(line.text):
            return

        def take(n: int, marker: str) -> bool:
            if self.next_marker <= n <= self.next_marker + 1:
                self.next_marker = n + 1
                self.pending.add(n)
                if self.sink:
                    self.sink("marker", marker)
                return True
            return False

        def glued(m: re.Match[str]) -> str:
            word = m.group(1)
            if (word[-1].islower() or not word[-1].isalpha()) and take(int(m.group(2)), m.group(2)):
                return word
            return m.group(0)

        def sup(m: re.Match[str]) -> str:
            return "" if take(int(m.group(1).translate(SUPERSCRIPTS)), m.group(1)) else m.group(0)
        line.text = GLUED_MARKER_RE.sub(glued, line.text)
        if sup_digits:
            line.text = SUPER_MARKER_RE.sub(sup, line.text)

    def _repeated_reference(self, line: Line) -> bool:
        """A short line with a document symbol ("PC.DEC/1049", "CM/Rec(2012)7 page 2"), seen
        before, is a running header (§7); the first occurrence is kept as the symbol line."""
        t = line.text
        if len(t) > 60 or not DIGIT_RE.search(t):
            return False
        m = SYMBOL_RE.search(t)
        if m and PAGE_RE.fullmatch((t[:m.start()] + " " + t[m.end():]).strip()):
            key = m.group(0)  # "CM/Rec(2012)7 page 2" is the header "CM/Rec(2012)7"
        elif t.upper() == t:
            key = t
        else:
            return False
        if key in self.seen_refs:
            if self.sink:
                self.sink("header", t)
            return True
        if len(self.seen_refs) < MAX_REFS:
            self.seen_refs.add(key)
        return False

    # ---------------------------------------------------------------- joining
    def _joins(self, block: Block, b: Line) -> bool:
        """Is ``b`` the continuation (hard wrap) of the paragraph ``block``? (§2, §6)"""
        a = block.lines[-1]
        if a.heading or b.heading or b.bullet or b.item:
            return False
        at = a.text
        tail = at[at.rfind(" ", 0, len(at) - 1) + 1:]  # the last word, with its punctuation
        if tail.endswith("-") and EOL_HYPHEN_RE.search(tail) and b.text[:1].isalpha():
            return True
        if b.text[:1].islower() and not URL_RE.match(b.text):
            return True
        w = LAST_WORD_RE.search(tail)
        if w and (w.group(1) in joiners() or (at.isupper() and b.text.isupper()
                                               and w.group(1).lower() in joiners())):
            return True  # "… Representative to the" / "United Nations"; "FRAMEWORK FOR" / "POLICE…"
        if b.gap in self.break_gaps:
            return False
        base = min((ln.indent for ln in block.lines[1:]), default=0)
        if _terminal(tail) and not self._ends_with_abbreviation(tail):
            return False
        if b.indent > base and at[-1:] in ",.;:":
            return False
        if self.width > MAX_WRAP:
            return False  # one paragraph a line (web pages, DOCX): only the rules above join
        return len(at) >= max(0.65 * self.width, 30) and not at.endswith((":", ";"))

    def _ends_with_abbreviation(self, text: str) -> bool:
        m = LAST_TOKEN_RE.search(text)
        return bool(m) and abbreviations(self.lang).get(m.group(1).lstrip("(«“\"")) in ("always", "numeric")

    def _append(self, block: Block, line: Line) -> None:
        if " " in line.text:
            line.text = repair_split_words(line.text, self.lang, self.vocab)
        if block.pieces:
            prev = block.pieces[-1][0]
            h = prev.endswith("-") and EOL_HYPHEN_RE.search(prev[-TAIL:])
            right = FIRST_WORD_RE.match(line.text)
            if h and right:
                left, word = h.group(1), right.group(0)
                tok = prev[prev.rfind(" ", 0, len(prev) - 1) + 1:-len(left) - 1]  # "non-" of "non-re-"
                prefix = tok if tok.endswith("-") and tok[:-1].isalpha() else ""
                if not keep_hyphen(left, word, self.lang, self.vocab, prefix):
                    block.pieces[-1] = (prev[:-1], block.pieces[-1][1])
                    if self.sink:
                        self.sink("hyphen", "-", f"{left}-{word} → {left}{word}")
            else:
                block.pieces.append((" ", None))
        block.lines.append(line)
        block.pieces.append((line.text, line))

    def _flush(self) -> None:
        if self.block is not None:
            self.out.append(self.block)
            self.block = None
