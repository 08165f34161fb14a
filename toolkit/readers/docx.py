"""DOCX -> text with python-docx: body paragraphs and table cells in document order, one
block each (blank-line separated); list paragraphs get "• " or their number.

Headers, footers, footnotes, comments and text boxes are not read (see the module's
known gaps in the readers report); a soft line break (<w:br/>) stays a line break.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError

__all__ = ["docx_to_text"]

BULLET = "• "
# ECMA-376 Part 1, §17.18.59 ST_NumberFormat: the formats given a visible number.
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def docx_to_text(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
        numbering = _Numbering(document)
        blocks = [b for b in _blocks(document.element.body, document, numbering) if b.strip()]
    except PackageNotFoundError:
        raise InputError(f"{path}: not a Word .docx file (not a valid package); re-save it as .docx") from None
    except Exception as err:  # noqa: BLE001 - zipfile/lxml/KeyError on damaged packages
        raise InputError(
            f"{path}: damaged .docx ({type(err).__name__}: {err}); re-save it from Word or pass a .txt"
        ) from None
    return "\n\n".join(blocks)


def _blocks(parent, document, numbering) -> Iterator[str]:
    """Paragraph and table-cell texts under a body or cell element, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            text = para.text.strip()
            if text:
                yield numbering.marker(para) + text
        elif tag == "tbl":
            seen = set()
            for row in Table(child, document).rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                        continue
                    seen.add(id(cell._tc))
                    yield from _blocks(cell._tc, document, numbering)
        elif tag == "sdt":  # content control: its content is ordinary body content
            content = child.find(child.tag.replace("sdt", "sdtContent"))
            if content is not None:
                yield from _blocks(content, document, numbering)


class _Numbering:
    """The list marker of a paragraph from numbering.xml (direct or through its style)."""

    def __init__(self, document) -> None:
        self.formats: dict[tuple[str, int], tuple[str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        w = root.nsmap.get("w") or "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        q = lambda name: f"{{{w}}}{name}"  # noqa: E731
        abstract = {}
        for absn in root.iter(q("abstractNum")):
            levels = {}
            for lvl in absn.iter(q("lvl")):
                fmt = lvl.find(q("numFmt"))
                start = lvl.find(q("start"))
                levels[int(lvl.get(q("ilvl"), 0))] = (
                    fmt.get(q("val")) if fmt is not None else "decimal",
                    int(start.get(q("val"))) if start is not None else 1,
                )
            abstract[absn.get(q("abstractNumId"))] = levels
        for num in root.iter(q("num")):
            ref = num.find(q("abstractNumId"))
            for ilvl, spec in abstract.get(ref.get(q("val")) if ref is not None else None, {}).items():
                self.formats[(num.get(q("numId")), ilvl)] = spec

    def marker(self, para) -> str:
        numpr = _numpr(para)
        if numpr is None:
            style = (para.style.name or "").lower() if para.style is not None else ""
            return BULLET if style.startswith("list") else ""
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


def _numpr(para) -> tuple[str, int] | None:
    """(numId, ilvl) set on the paragraph or inherited from its style chain."""
    ppr = para._p.pPr
    numpr = ppr.numPr if ppr is not None else None
    style = para.style
    while numpr is None and style is not None:
        sppr = style.element.pPr
        numpr = sppr.numPr if sppr is not None else None
        style = style.base_style
    if numpr is None or numpr.numId is None:
        return None
    ilvl = numpr.ilvl.val if numpr.ilvl is not None else 0
    return str(numpr.numId.val), int(ilvl)


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
