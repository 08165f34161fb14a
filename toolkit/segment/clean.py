"""Line-level repairs: characters, markdown/HTML leftovers, boilerplate, bullets and markers.

Every non-whitespace character taken out of the text is reported through ``removed`` so a
test can prove nothing else was lost (CONVENTIONS.md §6-7).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .report import Sink
from .tables import boilerplate_re, bullet_re, item_re

__all__ = ["Line", "clean_line", "repair_spacing", "split_inline_bullets", "strip_markup"]

# NBSP, narrow NBSP, figure/thin/hair spaces, ideographic space -> " " (CONVENTIONS.md §6)
SPACES_RE = re.compile("[\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000\t\u000b\u000c]")
# invisible characters that extraction leaves inside words: soft hyphen, zero-width, BOM
INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# a line that is only a page number: "12", "- 12 -", "Page 3 of 10", "p. 4"
PAGE_NUMBER_RE = re.compile(r"[-–—]?\s*(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:/|of|sur|de)\s*\d{1,4})?\s*[-–—]?",
                            re.IGNORECASE)
# "__________________" footnote separator of UN/OSCE PDFs
SEPARATOR_RE = re.compile(r"_{5,}")
# "## Résolution N° 6" -> heading "Résolution N° 6"
MD_HEADING_RE = re.compile(r"#{1,6}\s+")
# "**Objet :**" -> "Objet :"; "__bold__" -> "bold"
MD_EMPHASIS_RE = re.compile(r"\*\*|(?<!\w)__(?=\S)|(?<=\S)__(?!\w)")
# "![logo](x.png)" / "[texte](https://…)" -> "logo" / "texte"
MD_LINK_RE = re.compile(r"(!?\[)([^\]\n]*)(\]\([^)\s]*(?:\s+\"[^\"]*\")?\))")
# "86<sup>ème</sup>" -> "86ème"; any other HTML tag or comment dropped
HTML_TAG_RE = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
# HTML entities that survive in .txt/.md exports and only stand for a space or "&" (other
# entities are left as they are: decoding them would change characters, not remove them)
ENTITIES = {"&nbsp;": " ", "&#160;": " ", "&#xa0;": " ", "&amp;": "&"}
ENTITY_RE = re.compile("|".join(map(re.escape, ENTITIES)))
# a space before an apostrophe inside a word: "l ’ordre" -> "l’ordre" (French elision),
# "Children ’s" -> "Children’s" (English possessive)
ELISION_SPACE_RE = re.compile(r"(?<![\w])((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)) (?=[’'][^\W\d_])",
                              re.IGNORECASE)
POSSESSIVE_SPACE_RE = re.compile(r"(?<=[^\W\d_]) (?=[’']s\b)")
# a hyphen glued to the next word only: "conflit -l’Équipe" -> "conflit-l’Équipe"
HYPHEN_SPACE_RE = re.compile(r"(?<=[^\W\d_]) -(?=[^\W\d_])")


def repair_spacing(text: str) -> str:
    """Remove extraction spaces inside words ("l ’ordre", "conflit -l’Équipe"); spaces only."""
    if " -" in text:
        text = HYPHEN_SPACE_RE.sub("-", text)
    if "’" in text or "'" in text:
        text = ELISION_SPACE_RE.sub(r"\1", text)
        text = POSSESSIVE_SPACE_RE.sub("", text)
    return text


@dataclass(slots=True)
class Line:
    """One cleaned source line. ``text`` is stripped; ``indent`` counts its leading spaces."""

    text: str
    indent: int = 0
    start: int = 0
    end: int = 0
    blank: bool = False
    separator: bool = False
    dropped: bool = False
    heading: bool = False
    bullet: str = ""  # the bullet taken off the line start
    item: bool = False
    raw: str = ""
    gap: str = ""  # blank lines before this line: "", "empty", "spaces" (whitespace-only) or "mixed"
    page: bool = False  # a form feed (page break) is on this line
    running: bool = False  # dropped as a running header/footer


def _sub(pattern: re.Pattern[str], text: str, keep, sink: Sink | None, kind: str = "markup") -> str:
    """``pattern.sub`` that keeps ``keep(match)`` and declares the rest of each match."""
    def repl(m: re.Match[str]) -> str:
        kept = keep(m)
        if sink:
            gone = m.group(0) if not kept else m.group(0).replace(kept, "", 1)
            if gone.strip():
                sink(kind, gone)
        return kept
    return pattern.sub(repl, text)


def strip_markup(text: str, sink: Sink | None = None) -> str:
    """Remove markdown/HTML leftovers inside a line; entities become their character."""
    if "<" in text:
        text = _sub(HTML_TAG_RE, text, lambda m: "", sink)
    if "&" in text:
        text = _sub(ENTITY_RE, text, lambda m: ENTITIES[m.group(0)], sink)
    if "](" in text:
        text = _sub(MD_LINK_RE, text, lambda m: m.group(2), sink)
    if "**" in text or "__" in text:
        text = _sub(MD_EMPHASIS_RE, text, lambda m: "", sink)
    return text


def clean_line(raw: str, start: int = 0, sink: Sink | None = None) -> Line:
    """Classify and repair one source line (without its line break)."""
    end = start + len(raw)
    text = SPACES_RE.sub(" ", raw)
    if INVISIBLE_RE.search(text):
        text = _sub(INVISIBLE_RE, text, lambda m: "", sink, "invisible")
    body = text.lstrip(" ")
    indent = len(text) - len(body)
    body = body.rstrip()
    page = "\f" in raw
    if not body:
        return Line("", indent, start, end, blank=True, raw=raw, page=page)
    if SEPARATOR_RE.fullmatch(body):
        if sink:
            sink("separator", body)
        return Line("", indent, start, end, separator=True, page=page)
    line = Line(body, indent, start, end, raw=raw, page=page)
    m = MD_HEADING_RE.match(body)
    if m:
        line.heading = True
        if sink:
            sink("markup", m.group(0))
        body = body[m.end():]
    body = strip_markup(body, sink).strip()
    if not body or boilerplate_re().fullmatch(body):
        if sink and body:
            sink("page number" if PAGE_NUMBER_RE.fullmatch(body) else "boilerplate", body)
        line.text, line.dropped = "", True
        return line
    m = bullet_re().match(body)
    if m:
        line.bullet = m.group(0)
        if sink:
            sink("bullet", m.group(0))
        body = body[m.end():].lstrip()
    elif item_re().match(body):
        line.item = True
    line.text = repair_spacing(" ".join(body.split()))
    return line


# bullets that never stand for punctuation inside a line (dashes do: "2009 - 2010")
INLINE_BULLETS = "•◦▪‣●○■□►▸➢"


def split_inline_bullets(line: Line, sink: Sink | None = None) -> list[Line]:
    """A list flattened on one line, "• un • deux", is one bullet line per item (§4)."""
    b = line.bullet
    sep = f" {b} "
    if b not in INLINE_BULLETS or sep not in line.text:
        return [line]
    out, raw_pos = [], 0
    for k, piece in enumerate(line.text.split(sep)):
        at = line.raw.find(piece[:1], raw_pos) if k else 0
        nxt = line.raw.find(sep, max(at, 0))
        end = nxt if nxt >= 0 and k < line.text.count(sep) else len(line.raw)
        if k and sink:
            sink("bullet", b)
        out.append(Line(piece, line.indent, line.start + max(at, 0), line.start + end,
                        bullet=b, raw=line.raw[max(at, 0):end], page=line.page and not k))
        raw_pos = end + len(sep)
    return out
