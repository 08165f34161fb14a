"""memoQ term base CSV profile (FORMATS.md §4; docs.memoq.com "Term base in CSV format").

memoQ's own export: ``;`` delimiter, UTF-8, field names in the first row, one entry per line,
entry-level columns first, then language- and term-level columns per language. We write::

    Entry_ID; Entry_Subject; Entry_Domain; Entry_ClientID; Entry_ProjectID; Entry_Created;
    Entry_Creator; Entry_LastModified; Entry_Modifier; Entry_Note;
    French_Def; French; Term_Example; English_Def; English; Term_Example;
    termkit_id; termkit_status; termkit_score; termkit_freq; termkit_kind; termkit_pos;
    termkit_docs; termkit_fr_variants; termkit_en_variants; termkit_stale

The entry-level names are memoQ's documented ones (Entry_ID is a running number, Entry_Note
= TermPair.note). The language-level names (``French_Def``, ``French``, ``Term_Example``)
follow memoQ's pattern but are unconfirmed (FORMATS.md): in memoQ's import dialog tick "First
row contains field names" and check the mapping (French/English → the two languages,
Term_Example → example). The trailing ``termkit_*`` columns carry what the merge needs; leave
them unmapped in memoQ. Text cells are formula-neutralised. Carried: every TermPair field.

Reading accepts ``;``, ``,`` or tab, finds the columns by name (a ``Term_Example`` belongs to the
language column before it) and ignores memoQ columns it does not use.
"""
from __future__ import annotations

import csv
from pathlib import Path

from ..errors import ParseError
from ..fileio import open_output
from ..types import Glossary, TermPair
from ._cells import (fmt_float, join_list, neutralise, parse_bool, parse_float, parse_int,
                     parse_status, split_list)
from .csv_ import read_rows

__all__ = ["read", "write", "HEADER"]

ENTRY = ("Entry_ID", "Entry_Subject", "Entry_Domain", "Entry_ClientID", "Entry_ProjectID",
         "Entry_Created", "Entry_Creator", "Entry_LastModified", "Entry_Modifier", "Entry_Note")
LANG = {"fr": "French", "en": "English"}
EXTRA = ("termkit_id", "termkit_status", "termkit_score", "termkit_freq", "termkit_kind",
         "termkit_pos", "termkit_docs", "termkit_fr_variants", "termkit_en_variants",
         "termkit_stale")
HEADER = (*ENTRY, "French_Def", "French", "Term_Example", "English_Def", "English",
          "Term_Example", *EXTRA)
_NAMES = {"french": "fr", "français": "fr", "fr": "fr", "english": "en", "anglais": "en", "en": "en"}


def write(glossary: Glossary, path, *, neutralise_formulas: bool = True, **_opts) -> int:
    """``neutralise_formulas=False``: cells verbatim, so memoQ imports ``-based``, not ``'-based``."""
    esc = neutralise if neutralise_formulas else (lambda c: c)
    with open_output(path, newline="") as fh:
        w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        w.writerow(HEADER)
        for n, e in enumerate(glossary, 1):
            row = [str(n), "", "", "", "", "", "", "", "", e.note,
                   "", e.fr, e.example_fr, "", e.en, e.example_en,
                   e.id, e.status, fmt_float(e.score), str(int(e.freq)), e.kind, e.pos,
                   join_list(e.docs), join_list(e.fr_variants), join_list(e.en_variants),
                   "true" if e.stale else ""]
            w.writerow([esc(c) for c in row])
    return len(glossary)


def read(path) -> Glossary:
    p = Path(path)
    rows = read_rows(p, delimiters=";,\t")
    g = Glossary(entries=[])
    if not rows:
        return g
    line0, header = rows[0]
    cols: dict[str, int] = {}
    lang = None
    for i, h in enumerate(header):
        key = h.strip()
        low = key.lower()
        if low in _NAMES:
            lang = _NAMES[low]
            cols.setdefault(lang, i)
        elif low == "term_example" and lang:
            cols.setdefault(f"example_{lang}", i)
        elif key in ENTRY or key in EXTRA:
            cols.setdefault(key, i)
    if "fr" not in cols or "en" not in cols:
        raise ParseError(f"{p.name}: line {line0}: no French and English columns in the header")
    for line, row in rows[1:]:
        where = f"{p.name}: line {line}"
        if len(row) < 2:
            raise ParseError(f"{where}: expected 2+ columns, got {len(row)}")
        get = lambda k: row[cols[k]] if k in cols and cols[k] < len(row) else ""  # noqa: E731
        g.entries.append(TermPair(
            fr=get("fr"), en=get("en"), id=get("termkit_id"),
            score=parse_float(get("termkit_score"), where), freq=parse_int(get("termkit_freq"), where),
            kind=get("termkit_kind") or "term", pos=get("termkit_pos"),
            fr_variants=split_list(get("termkit_fr_variants")),
            en_variants=split_list(get("termkit_en_variants")),
            example_fr=get("example_fr"), example_en=get("example_en"),
            docs=split_list(get("termkit_docs")), status=parse_status(get("termkit_status"), where),
            note=get("Entry_Note"), stale=parse_bool(get("termkit_stale")),
        ))
    return g
