"""TMX 1.4b translation memory (FORMATS.md §3).

Write: ``<tmx version="1.4">``, a header with the seven required attributes
(creationtool="termkit", creationtoolversion, segtype="sentence", o-tmf="termkit",
adminlang="en", srclang="fr", datatype="plaintext") plus ``creationdate``; one ``tu`` per
bead with ``tuid`` (1, 2, … over the whole file), then — DTD order: note/prop before tuv —
``prop type="x-score"`` (float, ``repr``), ``prop type="x-document"`` and
``prop type="x-bead"`` (``[3]:[4,5]``), then one ``tuv xml:lang="fr"`` and one
``tuv xml:lang="en"``, each with one ``seg``. n-m beads are joined with a space.

Options: ``include_omissions=False`` (1-0/0-1 beads are not TUs: a TM needs both sides; when
True they are written as a TU with a single tuv), ``min_score=None`` (drop 1-1/n-m beads
below it; beads marked ``low`` or ``wrong`` by review are never written), ``creationdate`` (``YYYYMMDDThhmmssZ``; default ``SOURCE_DATE_EPOCH``, else the
date of the file being replaced when nothing else changed, else now: see ``dates``).
``write`` takes a path (atomic) or an open stream.

Read: one Alignment per ``x-document`` (file stem when absent), one Segment per tuv, 1-1
beads scored from ``x-score`` (0.0 when absent); a TU with one side is an omission bead.
Language matched on the primary subtag (``fr-FR`` = ``fr``). C0 control characters are
dropped on write (XML 1.0 cannot carry them).
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from .. import __version__
from ..errors import ParseError
from ..types import LEFT_OUT_MARKS, Alignment
from ._align_common import Rebuilder, iter_rows
from ._cells import fmt_float
from ._xml import XML_LANG, local, parse, text_of, tree_bytes, write_bytes, xml_text
from .dates import stable_bytes

__all__ = ["read", "write"]


_PLACEHOLDER = "19700101T000000Z"
_DATE = rb'<header [^>]*creationdate="(\d{8}T\d{6}Z)"'


def write(alignments: list[Alignment], path, *, min_score: float | None = None,
          include_omissions: bool = False, creationdate: str | None = None,
          src_lang: str = "fr", tgt_lang: str = "en") -> int:
    """Write ``alignments`` as TMX 1.4b; return the number of TUs written."""
    rows = list(iter_rows(alignments, min_score=min_score, include_omissions=include_omissions,
                          left_out=LEFT_OUT_MARKS))

    # Serialised once; the date is put into the header's bytes (it comes before any text).
    mark = f'creationdate="{_PLACEHOLDER}"'.encode()
    base = tree_bytes(_tree(rows, _PLACEHOLDER, src_lang, tgt_lang))

    def render(date: str) -> bytes:
        return base.replace(mark, f'creationdate="{date}"'.encode(), 1)

    data = render(creationdate) if creationdate else stable_bytes(path, render, _DATE)
    write_bytes(path, data)
    return len(rows)


def _tree(rows, date: str, src_lang: str, tgt_lang: str):
    root = etree.Element("tmx", version="1.4")
    # TMX 1.4b §3.1: all seven attributes are required.
    etree.SubElement(root, "header", {
        "creationtool": "termkit",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "termkit",
        "adminlang": "en",
        "srclang": src_lang,
        "datatype": "plaintext",
        "creationdate": date,
    })
    body = etree.SubElement(root, "body")
    for n, (doc, fr, en, bead) in enumerate(rows, 1):
        tu = etree.SubElement(body, "tu", tuid=str(n))
        # TMX 1.4b DTD: (note|prop)* before tuv+.
        etree.SubElement(tu, "prop", type="x-score").text = fmt_float(bead.score)
        etree.SubElement(tu, "prop", type="x-document").text = xml_text(doc)
        etree.SubElement(tu, "prop", type="x-bead").text = bead.links()
        for lang, text, ids in ((src_lang, fr, bead.fr_ids), (tgt_lang, en, bead.en_ids)):
            if not ids:
                continue
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = xml_text(text)
    return root


def _lang(tuv) -> str:
    code = tuv.get(XML_LANG) or tuv.get("lang") or ""  # ``lang`` is TMX 1.1
    return code.replace("_", "-").split("-")[0].lower()


def read(path, *, src_lang: str = "fr", tgt_lang: str = "en") -> list[Alignment]:
    p = Path(path)
    root = parse(p).getroot()
    if local(root.tag) != "tmx":
        raise ParseError(f"{p.name}: line {root.sourceline}: root element is <{local(root.tag)}>, expected <tmx>")
    body = next((c for c in root if local(c.tag) == "body"), None)
    if body is None:
        raise ParseError(f"{p.name}: line {root.sourceline}: <tmx> has no <body>")
    out = Rebuilder()
    for tu in body:
        if local(tu.tag) != "tu":
            continue
        props = {c.get("type"): (c.text or "") for c in tu if local(c.tag) == "prop"}
        score_text = props.get("x-score", "").strip()
        try:
            score = float(score_text) if score_text else 0.0
        except ValueError:
            raise ParseError(f"{p.name}: line {tu.sourceline}: <prop type=\"x-score\"> {score_text!r} is not a number") from None
        sides: dict[str, str] = {}
        for tuv in tu:
            if local(tuv.tag) != "tuv":
                continue
            seg = next((c for c in tuv if local(c.tag) == "seg"), None)
            if seg is None:
                raise ParseError(f"{p.name}: line {tuv.sourceline}: <tuv> has no <seg>")
            sides.setdefault(_lang(tuv), text_of(seg))
        fr, en = sides.get(src_lang), sides.get(tgt_lang)
        if fr is None and en is None:
            continue  # a TU in other languages only
        out.add(props.get("x-document", p.stem), fr, en, score)
    return out.result()
