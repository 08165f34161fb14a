"""OmegaT glossary, tab-separated (FORMATS.md §5): put the file in the project's ``glossary/``.

Written as ``.utf8`` by default (OmegaT reads ``.utf8`` as UTF-8 whatever the platform); the
first line is ``# -*- coding: utf-8 -*-`` so ``.txt``/``.tab`` names work too. No header;
one entry per line: ``fr⇥en⇥comment``. Variants give extra lines (each fr variant with the
main en term, each en variant with the main fr term), comment ``variant``.

The comment is TermPair.note (``meta=True`` prefixes status and score for the translator; they
are then read back as part of the note). Reading rebuilds variants from the ``variant`` lines
that follow an entry. Carried (after ``clean``): fr, en, note, fr_variants, en_variants. Not
carried: id, status, score, freq, kind, pos, examples, docs, stale (use TBX or CSV for a
lossless glossary; a note that is exactly ``variant`` is ambiguous).

TSV has no quoting and OmegaT trims fields, so tab/CR/LF inside a cell become one space and
leading/trailing whitespace is lost; ``#`` at line start would make OmegaT skip the line, so
cells starting with ``#`` are neutralised like formulas (``'#…``) and un-neutralised on read.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError, ParseError
from ..fileio import open_output
from ..types import Glossary, TermPair
from ._cells import TRIGGERS, fmt_float, neutralise, unneutralise

__all__ = ["read", "write", "clean"]

CODING_LINE = "# -*- coding: utf-8 -*-"
_TRIGGERS = TRIGGERS + "#"
_WS = re.compile(r"[\t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
SEP = " — "


def clean(s: str) -> str:
    """What survives OmegaT's TSV: no tabs/line breaks (→ space), no outer whitespace."""
    return _WS.sub(" ", s).strip()


def _cell(s: str, triggers: str = _TRIGGERS) -> str:
    return neutralise(clean(s), triggers)


def _comment(e: TermPair, with_meta: bool) -> str:
    parts = []
    if with_meta:
        parts.append(e.status)
        if e.score:
            parts.append(f"score {fmt_float(round(e.score, 2))}")
    if e.note:
        parts.append(e.note)
    return SEP.join(parts)


def write(glossary: Glossary, path, *, meta: bool = False, neutralise_formulas: bool = True,
          **_opts) -> int:
    """``meta=True`` prefixes the comment with status and score (reading keeps them in note).
    ``neutralise_formulas=False`` writes ``-based`` rather than ``'-based`` so that OmegaT
    matches the term in the source text (a ``#`` at line start is still escaped)."""
    triggers = _TRIGGERS if neutralise_formulas else "#"
    n = 0
    with open_output(path, newline="\n") as fh:
        fh.write(CODING_LINE + "\n")
        for e in glossary:
            rows = [(e.fr, e.en, _comment(e, meta))]
            rows += [(v, e.en, "variant") for v in e.fr_variants]
            rows += [(e.fr, v, "variant") for v in e.en_variants]
            if not (clean(e.fr) or clean(e.en) or clean(rows[0][2])):
                continue  # a blank line, which OmegaT (and read) skip, and its variants
            for fr, en, comment in rows:
                cells = [_cell(fr, triggers), _cell(en, triggers)]
                c = _cell(comment, triggers)
                if c:
                    cells.append(c)
                fh.write("\t".join(cells) + "\n")
                n += 1
    return n


def read(path) -> Glossary:
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise ParseError(f"{p.name}: not UTF-8 (byte {e.start}); save the glossary as UTF-8") from e
    g = Glossary(entries=[])
    last: TermPair | None = None
    for i, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2:
            raise ParseError(f"{p.name}: line {i}: expected 2+ tab-separated columns (source, target), got 1")
        fr, en = (unneutralise(c.strip(), _TRIGGERS) for c in cells[:2])
        comment = unneutralise(cells[2].strip(), _TRIGGERS) if len(cells) > 2 else ""
        if comment == "variant" and last is not None and (fr == last.fr or en == last.en):
            if fr == last.fr and en != last.en:
                last = last.with_(en_variants=last.en_variants + (en,))
            else:
                last = last.with_(fr_variants=last.fr_variants + (fr,))
            g.entries[-1] = last
            continue
        last = TermPair(fr=fr, en=en, note=comment)
        g.entries.append(last)
    return g
