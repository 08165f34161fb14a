"""Rules of the bead, pairing and ranking stages, over ``Bead`` and ``PairChoice`` records.

Pairing rules drop a pair; ranking rules multiply its score by their ``factor``. Examples
are ``(fields, fires)``: the fields build the record (tests/terms/test_rules.py).
"""
from __future__ import annotations

from .records import PairChoice
from .rules import REGISTRY, factor, fires, rule

__all__ = ["dropped", "ranking_factor"]


@rule("untranslated", "span", "fr",
      "the same words on both sides (an address, a reference): nothing to pair",
      examples=((dict(fr="Rue du Lac 12, Genève", en="Rue du Lac 12, Genève"), True),
                (dict(fr="Le lac de Genève", en="Lake Geneva"), False)))
def untranslated(b) -> bool:
    from ..text import tokenize

    a, e = tokenize(b.fr), tokenize(b.en)
    return len(a) >= 2 and a == e


@rule("verbal_english", "pairing", "*",
      "an English -ing form with its object renders an activity, not a French term",
      examples=((dict(fr="protection des forêts", en="protecting forests", kind="term"), True),
                (dict(fr="eau potable", en="drinking water", kind="term"), False)))
def verbal_english(c: PairChoice) -> bool:
    from .tagger import tag_text

    if c.kind != "term":
        return False
    et = tag_text(c.en, "en")
    ft = _fr_toks(c.fr)
    return (len(et) >= 2 and et[0].tag == "G" and "-" not in et[0].text and len(ft) >= 3
            and ft[0].tag in "NJ" and ft[1].tag in "PB")


ONCE_CONFIDENCE = 0.7  # a pair seen once must align this cleanly


@rule("clean_single_pair", "pairing", "*",
      "a pair seen once has no second occurrence to confirm it: it must align cleanly "
      "(every word linked inside the pair)",
      examples=((dict(fr="Gazette du Canada dans les meilleurs délais", en="Canada Gazette", n=1,
                      translation=0.5), True),
                (dict(fr="Office national des forêts", en="National Forestry Office", n=1,
                      translation=0.9), False),
                (dict(fr="Gazette du Canada", en="Canada Gazette", n=3, translation=0.5), False)))
def clean_single_pair(c: PairChoice) -> bool:
    return c.evidence.n <= 1 and c.confidence < ONCE_CONFIDENCE


def _fr_toks(text: str):
    from .tagger import tag_text

    return tag_text(text, "fr")


def dropped(c: PairChoice) -> bool:
    """A pairing rule fires."""
    return any(fires(r.name, c) for r in REGISTRY if r.stage == "pairing")


def ranking_factor(c: PairChoice) -> float:
    """Product of the factors of the ranking rules that fire."""
    f = 1.0
    for r in REGISTRY:
        if r.stage == "ranking" and r.factor != 1.0:
            f *= factor(r.name, c)
    return f
