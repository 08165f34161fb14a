"""Phrase TMS (ex-Memsource) term base import profile — XLSX (FORMATS.md §4).

Why XLSX: Phrase TMS term bases import only XLSX or TBX (support.phrase.com "Modify Term
Bases"); the CSV with ``term``/``description`` columns belongs to Phrase Strings, another
product. One sheet, one row per concept, the documented columns in order::

    CID, concept_domain, concept_subdomain, concept_url, concept_definition, concept_note,
    TID, fr, en

``CID``/``TID`` are Phrase's own concept/term ids (needed only to update existing terms), so
they are left empty: Phrase creates new concepts. ``concept_note`` = TermPair.note. Language
columns are plain codes (``fr``, ``en``) — with "strict locale matching" Phrase would separate
``en_US`` from ``en``. Phrase's per-term columns (status, usage, forbidden…) are not
documented publicly ("copy from an export"), so status, variants and examples are not
written: use TBX for a richer import (Phrase maps TBX termNotes). Text cells are strings with
Excel's quote prefix where they start like a formula (``_xlsx_io``), so Phrase imports the real
term. Carried: fr, en, note. Reading a Phrase export keeps fr, en,
concept_note (→ note) and, when present, CID (→ id as ``phrase:<CID>``).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import ParseError
from ..fileio import atomic_path
from ..types import Glossary, TermPair
from ._xlsx_io import put_row, read_sheet_rows

__all__ = ["read", "write", "COLUMNS"]

COLUMNS = ("CID", "concept_domain", "concept_subdomain", "concept_url", "concept_definition",
           "concept_note", "TID")


def write(glossary: Glossary, path, **_opts) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Terms"
    put_row(ws, 1, [*COLUMNS, glossary.src_lang, glossary.tgt_lang], Path(path).name)
    for c in ws[1]:
        c.font = Font(bold=True)
    for n, e in enumerate(glossary, 2):
        put_row(ws, n, ("", "", "", "", "", e.note, "", e.fr, e.en), f"{Path(path).name}: row {n}")
    ws.freeze_panes = "A2"
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return len(glossary)


def read(path, *, src_lang: str = "fr", tgt_lang: str = "en") -> Glossary:
    p = Path(path)
    rows = read_sheet_rows(p)
    g = Glossary(entries=[], src_lang=src_lang, tgt_lang=tgt_lang)
    if not rows:
        return g
    header = [h.strip() for h in rows[0][1]]

    def find(*names):
        low = [h.lower().replace("-", "_") for h in header]
        for name in names:
            for i, h in enumerate(low):
                if h == name or h.split("_")[0] == name and len(h) <= 6:
                    return i
        return None

    i_fr, i_en = find(src_lang), find(tgt_lang)
    if i_fr is None or i_en is None:
        raise ParseError(f"{p.name}: row {rows[0][0]}: no '{src_lang}' and '{tgt_lang}' columns in the header")
    i_note, i_cid = find("concept_note"), find("cid")
    for n, row in rows[1:]:
        get = lambda i: row[i] if i is not None and i < len(row) else ""  # noqa: E731
        fr, en = get(i_fr), get(i_en)
        if fr == "" and en == "" and not get(i_note):
            continue  # a row with another language's synonym only
        cid = get(i_cid)
        g.entries.append(TermPair(fr=fr, en=en, note=get(i_note), id=f"phrase:{cid}" if cid else ""))
    return g
