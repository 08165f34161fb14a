"""TBX v3 glossary, TBX-Basic dialect, DCA style (ISO 30042:2019; FORMATS.md §2).

Root ``tbx type="TBX-Basic" style="dca" xml:lang="en"`` in namespace
``urn:iso:std:iso:30042:ed-2``, preceded by the two ``xml-model`` PIs (core RELAX NG and the
TBX-Basic DCA Schematron). Same mapping as ``tbx.py`` with v3 names: tbxHeader,
conceptEntry (``id`` required), langSec, termSec. Schematron constraints kept: termNote only
in termSec, context only in termSec, partOfSpeech in adjective|noun|other|verb|adverb
(``properNoun`` is not written as a termNote; the raw tag goes to ``termkit:pos``).
OmegaT and translate-toolkit cannot read v3; use ``tbx`` for them.
"""
from __future__ import annotations

from pathlib import Path

from ..types import Glossary
from ._tbx_common import Dialect, build, parse_tree
from ._xml import parse, write_tree

__all__ = ["read", "write", "DIALECT", "NS"]

NS = "urn:iso:std:iso:30042:ed-2"
PIS = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng"'
    ' type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"'
    ' type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>',
)
DIALECT = Dialect(
    root="tbx", header="tbxHeader", entry="conceptEntry", lang="langSec", term="termSec",
    ns=NS,
    pos_values=frozenset({"adjective", "noun", "other", "verb", "adverb"}),
)


def write(glossary: Glossary, path, **_opts) -> int:
    root = build(glossary, DIALECT, {"type": "TBX-Basic", "style": "dca"})
    write_tree(root, path, pis=PIS)
    return len(glossary)


def read(path, *, src_lang: str = "fr", tgt_lang: str = "en") -> Glossary:
    p = Path(path)
    return parse_tree(parse(p), p, DIALECT, src_lang, tgt_lang)
