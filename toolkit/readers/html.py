"""HTML -> text: real parser (lxml.html, no network), page furniture dropped, block
structure kept as blank-line-separated blocks, one line per <br> and per list item.

    <h1>Titre</h1><p>Un <b>mot</b><sup>1</sup>.</p><ul><li>un</li><li>deux</li></ul>
    -> "Titre\n\nUn mot1.\n\n• un\n• deux"
"""
from __future__ import annotations

import re

from ..errors import InputError
from .decode import decode_bytes, normalize_newlines

__all__ = ["html_to_text"]

# Page furniture and non-text elements: their whole subtree is dropped.
DROP = frozenset({
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "svg", "math", "iframe", "object", "embed", "canvas", "button", "select", "textarea",
    "dialog", "map",
})
# Elements that start and end a block (HTML Living Standard §4.4 grouping content,
# §4.3 sections, §4.9 tables). Everything else is inline (<b>, <a>, <sup>, <span>…).
BLOCK = frozenset({
    "p", "div", "section", "article", "main", "blockquote", "pre", "address", "figure",
    "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "dl", "dt", "dd", "table",
    "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "hr", "fieldset", "legend",
    "details", "summary", "form", "center", "body",
})
LISTS = frozenset({"ul", "ol", "menu"})
BULLET = "• "
_WS = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace is ASCII only: NBSP is kept
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# WHATWG Encoding §4.2: these labels mean windows-1252 in a browser.
_LABEL_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"}


class _Writer:
    """Collects lines; "" in ``lines`` is a block boundary (blank line)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cur = ""
        self.prefix = ""  # list marker waiting for the item's first text

    def text(self, s: str | None, pre: bool = False) -> None:
        if not s:
            return
        if pre:
            first, *rest = s.split("\n")
            self._add(first)
            for part in rest:
                self.newline(keep_empty=True)
                self._add(part)
            return
        s = _WS.sub(" ", s)
        if self.cur.endswith(" ") and s.startswith(" "):
            s = s[1:]
        self._add(s)

    def _add(self, s: str) -> None:
        if self.prefix and s.strip():
            self.cur += self.prefix
            self.prefix = ""
            s = s.lstrip(" ")
        self.cur += s

    def newline(self, keep_empty: bool = False) -> None:
        if self.cur.strip():
            self.lines.append(self.cur.strip(" "))
        elif keep_empty:
            self.lines.append("")
        self.cur = ""

    def block(self) -> None:
        self.newline()
        self.lines.append("")

    def result(self) -> str:
        out: list[str] = []
        for line in self.lines + [self.cur.strip(" ")]:
            if line or (out and out[-1]):
                out.append(line)
        return "\n".join(out).strip("\n")


def _dropped(el) -> bool:
    return (
        el.tag in DROP
        or el.get("hidden") is not None
        or (el.get("aria-hidden") or "").lower() == "true"
    )


def _decode(data: bytes, name: str, encoding: str | None) -> str:
    """Declared <meta charset> when the bytes agree with it, else the text sniffer."""
    if encoding is None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _META_CHARSET.search(data[:4096])
        if m:
            label = m.group(1).decode("ascii").lower()
            label = "cp1252" if label in _LABEL_1252 else label
            try:
                return normalize_newlines(data.decode(label))
            except (LookupError, UnicodeDecodeError):
                pass  # wrong or unknown declaration: let the evidence decide
    return decode_bytes(data, name, encoding)


def html_to_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Visible text of an HTML document, blocks separated by blank lines."""
    import lxml.etree as etree
    import lxml.html

    text = _XML_DECL.sub("", _decode(data, name, encoding), count=1)
    if not text.strip():
        return ""
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise InputError(f"{name}: not readable as HTML ({err}); check the file or save it as .txt") from None
    w = _Writer()
    lists: list[list] = []  # [kind, next number] per open list
    pre = 0
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, el in walk:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or _dropped(el):
                walk.skip_subtree()
                continue
            _open(w, tag, el, lists)
            pre += tag == "pre"
            w.text(el.text, pre > 0)
        else:
            if tag and not _dropped(el):
                _close(w, tag, lists)
                pre -= tag == "pre"
            w.text(el.tail, pre > 0)
    return w.result()


def _boundary(w: _Writer, lists: list[list]) -> None:
    """A block boundary: a blank line, or only a line break inside a list (one item stays one line)."""
    if lists:
        w.newline()
    else:
        w.block()


def _open(w: _Writer, tag: str, el, lists: list[list]) -> None:
    if tag in LISTS:
        _boundary(w, lists)
        start = el.get("start", "1")
        lists.append([tag, int(start) if start.lstrip("-").isdigit() else 1])
    elif tag == "li":
        w.newline()
        if lists and lists[-1][0] == "ol":
            w.prefix = f"{lists[-1][1]}. "
            lists[-1][1] += 1
        else:
            w.prefix = BULLET
    elif tag == "br":
        w.newline(keep_empty=True)
    elif tag in BLOCK:
        _boundary(w, lists)


def _close(w: _Writer, tag: str, lists: list[list]) -> None:
    if tag in LISTS:
        lists.pop()
        _boundary(w, lists)
    elif tag == "li":
        w.newline()
    elif tag in BLOCK:
        _boundary(w, lists)
