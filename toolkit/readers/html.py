"""HTML -> text: real parser (lxml.html, no network), page furniture dropped, block
structure kept as blank-line-separated blocks, one line per <br> and per list item.

    <h1>Titre</h1><p>Un <b>mot</b><sup>1</sup>.</p><ul><li>un</li><li>deux</li></ul>
    -> "Titre\n\nUn mot1.\n\n• un\n• deux"

Furniture is recognised by structure (``html_furniture``: navigation, header/footer, cookie
banners, share bars, related-content boxes…); when the page has one ``<main>`` holding most of
the text, only it is read. Each dropped piece of furniture is reported to ``on_removed``.
libxml2 stops at 256 nested elements (unclosed ``<span>``s reach that quickly) and drops the
rest of the page: such a page is read again with the standard library's tokenizer, which has
no depth limit, so no text is lost.
"""
from __future__ import annotations

import html.parser
import re
from typing import Callable

from ..errors import InputError
from .decode import decode_bytes, normalize_newlines
from .html_furniture import MAIN_SHARE, classify, is_main

Removed = Callable[[str, str], None]

__all__ = ["html_to_text"]

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


def html_to_text(data: bytes, name: str, encoding: str | None = None,
                 on_removed: Removed | None = None) -> str:
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
    if any("Excessive depth" in e.message for e in parser.error_log):
        return _flat_text(text, on_removed)
    start = _main(root, on_removed)
    w = _Writer()
    lists: list[list] = []  # [kind, next number] per open list
    pre = inside = 0
    kinds: list[str | None] = []  # per open element: None (kept) or why it is dropped
    walk = etree.iterwalk(start, events=("start", "end"))
    for event, el in walk:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            kind = "hidden" if not tag else classify(tag, el.get, inside > 0,
                                                     lambda: el.find(".//h1") is not None)
            kinds.append(kind)
            if kind:
                if kind == "furniture" and on_removed:
                    _report(on_removed, el.text_content())
                walk.skip_subtree()
                continue
            _open(w, tag, el, lists)
            pre += tag == "pre"
            inside += is_main(tag, el.get)
            w.text(el.text, pre > 0)
        else:
            if kinds.pop() is None:
                _close(w, tag, lists)
                pre -= tag == "pre"
                inside -= is_main(tag, el.get)
            if el is not start:
                w.text(el.tail, pre > 0)
    return w.result()


def _report(on_removed: Removed, text: str) -> None:
    text = " ".join(text.split())
    if text:
        on_removed("boilerplate", text)


def _visible_len(el) -> int:
    return sum(len(t.strip()) for t in el.xpath(
        ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"))


def _main(root, on_removed: Removed | None):
    """The page's single <main> (or role="main") when it holds most of the visible text,
    else the whole page; what lies outside it is reported as furniture."""
    mains = root.xpath("//main | //*[@role='main']")
    body = root.find("body")
    if len(mains) != 1 or body is None or _visible_len(mains[0]) < MAIN_SHARE * _visible_len(body):
        return root
    main = mains[0]
    if on_removed:
        node = main
        for parent in main.iterancestors():
            for sib in parent:
                if sib is not node and isinstance(sib.tag, str) and sib.tag not in ("head", "script", "style"):
                    _report(on_removed, " ".join(sib.xpath(
                        ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")))
            node = parent
            if parent is body:
                break
    return main


class _Flat(html.parser.HTMLParser):
    """The same walk over tokenizer events: no tree, so no depth limit (unclosed tags)."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                      "param", "source", "track", "wbr"})

    def __init__(self, on_removed: Removed | None) -> None:
        super().__init__(convert_charrefs=True)
        self.w, self.on_removed = _Writer(), on_removed
        self.stack: list[str] = []
        self.drop: int | None = None  # stack depth where a dropped subtree starts
        self.kind, self.dropped = "", []
        self.lists: list[list] = []
        self.pre = self.inside = 0
        self.mains: list[bool] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        get = dict(attrs).get
        if self.drop is not None:
            if tag not in self.VOID:
                self.stack.append(tag)
            return
        kind = classify(tag, get, self.inside > 0, lambda: False)
        if kind and tag not in self.VOID:
            self.drop, self.kind, self.dropped = len(self.stack), kind, []
            self.stack.append(tag)
            return
        _open(self.w, tag, dict(attrs), self.lists)
        if tag in self.VOID:
            if tag != "br":
                _close(self.w, tag, self.lists)
            return
        self.stack.append(tag)
        self.mains.append(is_main(tag, get))
        self.pre += tag == "pre"
        self.inside += self.mains[-1]

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return
        i = len(self.stack) - 1 - self.stack[::-1].index(tag)
        while len(self.stack) > i:
            self._pop()

    def _pop(self) -> None:
        tag = self.stack.pop()
        if self.drop is not None:
            if len(self.stack) == self.drop:
                if self.kind == "furniture" and self.on_removed:
                    _report(self.on_removed, " ".join(self.dropped))
                self.drop = None
            return
        _close(self.w, tag, self.lists)
        self.pre -= tag == "pre"
        self.inside -= self.mains.pop()

    def handle_data(self, data: str) -> None:
        if self.drop is not None:
            self.dropped.append(data)
        else:
            self.w.text(data, self.pre > 0)

    def close(self) -> None:
        super().close()
        while self.stack:
            self._pop()


def _flat_text(text: str, on_removed: Removed | None) -> str:
    p = _Flat(on_removed)
    p.feed(text)
    p.close()
    return p.w.result()


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
