"""Rules of the span stage: an ``Occurrence`` that matches a term pattern but is no term.

Each check returns True when the span is dropped. Examples are ``(segment, span, fires)``:
the segment is tagged, the span found among its candidate occurrences, and the rule
checked on it (tests/terms/test_rules.py).
"""
from __future__ import annotations

import functools

from . import candidates as C
from .records import Occurrence
from .rules import rule


@rule("weak_adjective_end", "span", "fr",
      "an adjective that narrows nothing ('concerné', 'pertinent') ends no term",
      examples=(("Les autorités concernées répondent.", "autorités concernées", True),
                ("Les autorités fiscales répondent.", "autorités fiscales", False)))
def weak_adjective_end(o: Occurrence) -> bool:
    return C._weak_end(o.toks, o.i, o.j)


@rule("activity_of_term_once", "span", "fr",
      "a bare noun whose complement is a complex term describes an activity on that term",
      examples=(("La promotion de la sécurité routière.", "promotion de la sécurité routière", True),
                ("Le transport de marchandises dangereuses.", "transport de marchandises dangereuses", False)))
def activity_of_term_once(o: Occurrence) -> bool:
    t = o.toks
    k = o.i + 1
    if k >= o.j or t[o.i].tag not in "NJ" or t[k].tag not in "PB":
        return False
    k += 1
    while k < o.j and t[k].tag in "DI":
        k += 1
    if k >= o.j or t[k].lemma in C._nonheads("fr"):
        return False
    return any(x.tag in "PB" for x in t[k:o.j]) or t[k - 1].tag == "D"


@rule("defined_term_marker", "span", "fr",
      "the candidate right before \"s'entend de\" or \"désigne\" is the term a definition defines",
      examples=(("Dans la présente loi, navire s’entend de tout bâtiment.", "navire", True),
                ("Le navire s’entend avec le port.", "port", False)))
def defined_term_marker(o: Occurrence) -> bool:
    from .extract import _marker_at

    return _marker_at(o.toks) == o.j


@rule("definition_layout", "span", "*",
      "a segment that opens with a lower-case noun phrase followed straight by a capitalised "
      "sentence (or nothing) lays out a definition: 'term Definition.'",
      examples=(("données biométriques Renseignements sur les traits physiques.", "données biométriques", True),
                ("Les données biométriques sont protégées.", "données biométriques", False)))
def definition_layout(o: Occurrence) -> bool:
    t = o.toks
    if not (o.i == 0 or t[o.i].seg) or not t[o.i].text[:1].islower() or o.kind != "term":
        return False
    if o.j == len(t) or t[o.j].seg:
        return True
    return t[o.j].text[:1].isupper() and t[o.j].start - t[o.j - 1].end == 1 and t[o.j].tag != "M"


@rule("short_label", "span", "*",
      "a one-token candidate of one or two characters is a list label ('b)', 'ii'), not a term",
      examples=(("b) le ministre peut refuser.", "b", True), ("Le ministre peut refuser.", "ministre", False)))
def short_label(o: Occurrence) -> bool:
    t = o.toks[o.i]
    return o.j - o.i == 1 and len(t.text) <= 2 and not t.acronym


@rule("cross_reference", "span", "fr",
      "a phrase that ends in a citation unit ('au paragraphe') or holds a drafting word ('ci-après') "
      "points at the text, it names no concept",
      examples=(("Les droits au paragraphe (2) sont payés.", "droits au paragraphe", True),
                ("Les motifs ci-après sont valables.", "motifs ci-après", True),
                ("Les droits de douane sont payés.", "droits de douane", False)))
def cross_reference(o: Occurrence) -> bool:
    words = _reference_words()
    if o.j - o.i < 2:
        return False
    return o.low(o.j - 1) in words or any(words.get(o.low(k)) for k in range(o.i, o.j))


@functools.cache
def _reference_words() -> dict[str, bool]:
    """Word -> True when it spoils a phrase wherever it stands."""
    from ..langdata import load_tsv

    return {r[0]: len(r) > 1 and r[1] == "anywhere" for r in load_tsv("fr", "terms_reference_words.tsv")}
