"""TBX v2 TBX-Basic glossary (ISO 30042:2008; FORMATS.md §1). Read by OmegaT, translate-toolkit,
MultiTerm Convert, Phrase and memoQ.

Structure written (element order as the TBX-Basic DTD)::

    martif type="TBX-Basic" xml:lang="en"
      martifHeader/fileDesc/(titleStmt/title = Glossary.title, sourceDesc/p),
                   encodingDesc/p[@type=XCSURI] = TBXBasicXCSV02.xcs
      text/body/termEntry id=…
        note                                  TermPair.note (free text, if any)
        note "termkit: score=0.87; freq=12; kind=name; stale=true"
                                              termkit's fields, defaults omitted (see below)
        note "termkit:KEY=VALUE"              free-text termkit fields, only when needed
        langSet xml:lang="fr"                 (then the same for "en")
          tig   term                          TermPair.fr
                termNote partOfSpeech         TermPair.pos mapped to the picklist, if it maps
                termNote termType=acronym     when kind == "acronym"
                termNote administrativeStatus approved→preferredTerm-admn-sts,
                                              rejected→deprecatedTerm-admn-sts,
                                              new→admittedTerm-admn-sts
                descripGrp/descrip context    TermPair.example_fr
                          /admin source       one per TermPair.docs entry
                (admin source directly in the tig when there is no example)
          tig   term + admittedTerm-admn-sts  one per TermPair.fr_variants

termkit notes (TBX-Basic allows ``note`` anywhere; ``admin`` only takes source/customer/
project subsets, and OmegaT shows every note as the entry's comment, so they are kept short):
one ``termkit: k=v; k=v`` note with score (float repr), freq, kind (only "name": "term" is the
default and "acronym" is the termType) and ``stale=true``, each only when not the default;
then ``termkit:pos=NOUN`` (only when the raw tag differs from the TBX value),
``termkit:id=…`` (only when TermPair.id is not a valid, unique XML ID — ``termEntry@id`` is
then ``tk-<sha1>`` or ``tk-N``), ``termkit:note=…`` (only when the user note itself starts
with ``termkit:``).

Reading: the first tig of each langSet is the term, later tigs are variants; status from
the fr (else en) administrativeStatus (superseded → rejected, none → new); termkit notes
override what the TBX elements say; other notes (entry, langSet, main tig) are joined with
newlines into ``note``. Foreign TBX files without termkit notes get score 0, freq 0,
kind "term" (or "acronym" from termType). Carried exactly: every TermPair field. C0 control
characters are dropped on write.
"""
from __future__ import annotations

from pathlib import Path

from ..types import Glossary
from ._tbx_common import Dialect, build, parse_tree
from ._xml import parse, write_tree

__all__ = ["read", "write", "DIALECT"]

DIALECT = Dialect(
    root="martif", header="martifHeader", entry="termEntry", lang="langSet", term="tig",
    ns=None,
    pos_values=frozenset({"noun", "verb", "adjective", "adverb", "properNoun", "other"}),
)


def write(glossary: Glossary, path, **_opts) -> int:
    root = build(glossary, DIALECT, {"type": "TBX-Basic"})
    write_tree(root, path)
    return len(glossary)


def read(path, *, src_lang: str = "fr", tgt_lang: str = "en") -> Glossary:
    p = Path(path)
    return parse_tree(parse(p), p, DIALECT, src_lang, tgt_lang)
