"""DOCX -> text: body paragraphs and table cells in document order, one block each
(blank-line separated); list paragraphs get "• " or their number.

The package is read directly (zipfile + lxml, one pass over ``word/document.xml``, style and
numbering tables looked up in dictionaries), so time is linear in the document: python-docx
resolved every paragraph's style by a search of the style list (~2 ms a paragraph, minutes
for a long report). Paragraph text is what python-docx gives: runs and hyperlinks (``w:t``,
tabs, line breaks, non-breaking hyphens); text in tracked insertions, smart tags and
content controls inside a paragraph is kept, deleted text is not.

Headers, footers, footnotes, comments and text boxes are not read; a soft line break
(<w:br/>) stays a line break.
"""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import Iterator

from lxml import etree

from ..errors import InputError
from ..fileio import display

__all__ = ["docx_to_text"]

BULLET = "• "
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MAX_PART = 512 << 20  # bytes of XML in one part


def q(name: str) -> str:
    return f"{{{W}}}{name}"


# ECMA-376 Part 1, §17.18.59 ST_NumberFormat: the formats given a visible number.
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_RUN_TEXT = {q("tab"): "\t", q("ptab"): "\t", q("cr"): "\n", q("noBreakHyphen"): "-"}
# Paragraph-level wrappers whose runs are visible text (not w:del / w:moveFrom).
_RUN_HOLDERS = {q("hyperlink"), q("ins"), q("smartTag"), q("customXml"), q("fldSimple"), q("moveTo"),
                q("sdt"), q("sdtContent")}


class _Damaged(Exception):
    pass


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                           remove_blank_text=False)


def _xml(z: zipfile.ZipFile, name: str | None):
    if not name or name not in z.namelist():
        return None
    info = z.getinfo(name)
    if info.file_size > _MAX_PART:
        raise _Damaged(f"{name} is {info.file_size >> 20} MB of XML")
    return etree.fromstring(z.read(name), _parser())


def _targets(z: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship type (last path segment) -> target part name, for ``part``."""
    rels = _xml(z, posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels"))
    out: dict[str, str] = {}
    if rels is None:
        return out
    for r in rels.iter(f"{{{_REL}}}Relationship"):
        target = r.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(posixpath.dirname(part), target))
        out.setdefault(r.get("Type", "").rsplit("/", 1)[-1], name)
    return out


def docx_to_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            main = _targets(z, "").get("officeDocument", "word/document.xml")
            document = _xml(z, main)
            if document is None:
                raise zipfile.BadZipFile("no word/document.xml")
            rels = _targets(z, main)
            styles = _Styles(_xml(z, rels.get("styles")))
            numbering = _Numbering(_xml(z, rels.get("numbering")), styles)
            body = document.find(q("body"))
            blocks = [b for b in _blocks(body, numbering)] if body is not None else []
    except (zipfile.BadZipFile, zipfile.LargeZipFile):
        raise InputError(f"{display(path)}: not a Word .docx file (not a valid package); re-save it as .docx") from None
    except (etree.XMLSyntaxError, _Damaged, KeyError, ValueError, OSError, EOFError, RuntimeError) as err:
        raise InputError(f"{display(path)}: damaged .docx ({type(err).__name__}: {err}); "
                         "re-save it from Word or pass a .txt") from None
    return "\n\n".join(b for b in blocks if b.strip())


def _run_text(r) -> str:
    parts = []
    for c in r:
        if c.tag == q("t"):
            parts.append(c.text or "")
        elif c.tag == q("br"):
            parts.append("\n" if c.get(q("type"), "textWrapping") == "textWrapping" else "")
        else:
            parts.append(_RUN_TEXT.get(c.tag, ""))
    return "".join(parts)


def _para_text(el) -> str:
    parts = []
    for c in el:
        if c.tag == q("r"):
            parts.append(_run_text(c))
        elif c.tag in _RUN_HOLDERS:
            parts.append(_para_text(c))
    return "".join(parts)


def _blocks(parent, numbering: "_Numbering") -> Iterator[str]:
    """Paragraph and table-cell texts under a body or cell element, in document order."""
    for child in parent:
        tag = child.tag
        if tag == q("p"):
            text = _para_text(child).strip()
            if text:
                yield numbering.marker(child) + text
        elif tag == q("tbl"):
            for cell in _cells(child):
                yield from _blocks(cell, numbering)
        elif tag in (q("sdt"), q("customXml")):  # content control: ordinary body content
            content = child.find(q("sdtContent")) if tag == q("sdt") else child
            if content is not None:
                yield from _blocks(content, numbering)


def _cells(tbl) -> Iterator:
    """The ``w:tc`` of a table in order (rows and cells may sit in content controls)."""
    for el in tbl.iter(q("tc")):
        anc = el.getparent()
        while anc is not None and anc.tag != q("tbl"):
            anc = anc.getparent()
        if anc is tbl:  # not a cell of a nested table (read through its own cell)
            yield el


class _Styles:
    """Paragraph styles: id -> (lower-case name, based-on id, (numId, ilvl) or None)."""

    def __init__(self, root) -> None:
        self.styles: dict[str, tuple[str, str | None, tuple[str, int] | None]] = {}
        self.default: str | None = None
        if root is None:
            return
        for st in root.iter(q("style")):
            if st.get(q("type")) != "paragraph":
                continue
            sid = st.get(q("styleId"), "")
            name = st.find(q("name"))
            based = st.find(q("basedOn"))
            ppr = st.find(q("pPr"))
            self.styles[sid] = ((name.get(q("val"), "") if name is not None else sid).lower(),
                                based.get(q("val")) if based is not None else None,
                                _numpr_of(ppr))
            if st.get(q("default")) in ("1", "true", "on"):
                self.default = sid

    def chain(self, sid: str | None) -> Iterator[tuple[str, str | None, tuple[str, int] | None]]:
        seen = set()
        sid = sid if sid in self.styles else self.default
        while sid is not None and sid in self.styles and sid not in seen:
            seen.add(sid)
            yield self.styles[sid]
            sid = self.styles[sid][1]


def _numpr_of(ppr) -> tuple[str, int] | None:
    numpr = ppr.find(q("numPr")) if ppr is not None else None
    if numpr is None:
        return None
    num = numpr.find(q("numId"))
    if num is None:
        return None
    lvl = numpr.find(q("ilvl"))
    return num.get(q("val"), "0"), int(lvl.get(q("val"), "0")) if lvl is not None else 0


class _Numbering:
    """The list marker of a paragraph from numbering.xml (direct or through its style)."""

    def __init__(self, root, styles: _Styles) -> None:
        self.styles = styles
        self.formats: dict[tuple[str, int], tuple[str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        if root is None:
            return
        abstract = {}
        for absn in root.iter(q("abstractNum")):
            levels = {}
            for lvl in absn.iter(q("lvl")):
                fmt, start = lvl.find(q("numFmt")), lvl.find(q("start"))
                levels[int(lvl.get(q("ilvl"), 0))] = (
                    fmt.get(q("val")) if fmt is not None else "decimal",
                    int(start.get(q("val"))) if start is not None else 1)
            abstract[absn.get(q("abstractNumId"))] = levels
        for num in root.iter(q("num")):
            ref = num.find(q("abstractNumId"))
            for ilvl, spec in abstract.get(ref.get(q("val")) if ref is not None else None, {}).items():
                self.formats[(num.get(q("numId")), ilvl)] = spec

    def marker(self, p) -> str:
        ppr = p.find(q("pPr"))
        pstyle = ppr.find(q("pStyle")) if ppr is not None else None
        chain = list(self.styles.chain(pstyle.get(q("val")) if pstyle is not None else None))
        numpr = _numpr_of(ppr) or next((n for _, _, n in chain if n is not None), None)
        if numpr is None:
            return BULLET if chain and chain[0][0].startswith("list") else ""
        num_id, ilvl = numpr
        if num_id == "0":  # numId 0 removes numbering
            return ""
        fmt, start = self.formats.get((num_id, ilvl), ("bullet", 1))
        if fmt in ("bullet", "none"):
            return BULLET if fmt == "bullet" else ""
        key = (num_id, ilvl)
        n = self.counters.get(key, start - 1) + 1
        self.counters[key] = n
        for (k_id, k_lvl) in list(self.counters):  # deeper levels restart
            if k_id == num_id and k_lvl > ilvl:
                del self.counters[(k_id, k_lvl)]
        return _format(n, fmt)


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26)
        return (s.upper() if fmt == "upperLetter" else s) + ") "
    if fmt in ("lowerRoman", "upperRoman"):
        s, rest = "", n
        for value, digits in _ROMAN:
            while rest >= value:
                s, rest = s + digits, rest - value
        return (s.upper() if fmt == "upperRoman" else s) + ". "
    return f"{n}. "
