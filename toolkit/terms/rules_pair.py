"""Rules of the bead, pairing and ranking stages, over ``Bead`` and ``PairChoice`` records.

Pairing rules drop a pair; ranking rules multiply its score by their ``factor``. Examples
are ``(fields, fires)``: the fields build the record (tests/terms/test_rules.py).
"""
from __future__ import annotations

import functools

from .records import Candidate, PairChoice
from .rules import REGISTRY, factor, fires, rule

__all__ = ["dropped", "ranking_factor", "once_specific", "drop_nested_duplicates"]

COMMON_ZIPF = 4.0  # wordfreq zipf of an English word too common to render a French term alone
RARE_ZIPF = 3.3  # about 2 per million words of general language


def _stop(lang: str) -> frozenset[str]:
    from ..langdata import load_set

    return load_set(lang, "stopwords.txt")


def _words(text: str) -> list[str]:
    from ..text import tokenize

    return [w.lower() for w in tokenize(text)]


@rule("english_in_french", "span", "fr",
      "a French segment with more English than French function words is English left untranslated",
      examples=((dict(fr="Office of the Special Representative", en="Office of the Special Representative"), True),
                (dict(fr="Le bureau du représentant spécial", en="Office of the Special Representative"), False)))
def english_in_french(b) -> bool:
    w = _words(b.fr)
    return sum(x in _stop("en") for x in w) > sum(x in _stop("fr") for x in w)


@rule("untranslated", "span", "fr",
      "the same words on both sides (an address, a reference): nothing to pair",
      examples=((dict(fr="Rue du Lac 12, Genève", en="Rue du Lac 12, Genève"), True),
                (dict(fr="Le lac de Genève", en="Lake Geneva"), False)))
def untranslated(b) -> bool:
    from ..text import tokenize

    a, e = tokenize(b.fr), tokenize(b.en)
    return len(a) >= 2 and a == e


@functools.lru_cache(maxsize=100_000)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def _title_like(en: str) -> bool:
    """English names are capitalised: the first word, or most content words."""
    words = [w for w in _words_keep_case(en) if w.lower() not in _stop("en") and w.isalpha()]
    return not words or en[:1].isupper() or sum(w[:1].isupper() for w in words) >= 0.5 * len(words)


def _words_keep_case(text: str) -> list[str]:
    from ..text import tokenize

    return tokenize(text)


@rule("name_needs_title", "pairing", "*",
      "a French name rendered by a lower-case English phrase, or one cut short before a capital, is no name pair",
      examples=((dict(fr="Office national des forêts", en="forest management", kind="name"), True),
                (dict(fr="Office national des forêts", en="National Forest Office", kind="name"), False)))
def name_needs_title(c: PairChoice) -> bool:
    return c.kind == "name" and (not _title_like(c.en) or 2 * c.evidence.open_right > c.evidence.n)


@rule("piece_of_name", "pairing", "*",
      "a lower-case French term with a title-case English side was taken out of a name",
      examples=((dict(fr="pêches maritimes", en="Maritime Fisheries", kind="term"), True),
                (dict(fr="pêches maritimes", en="maritime fisheries", kind="term"), False)))
def piece_of_name(c: PairChoice) -> bool:
    return c.kind == "term" and c.fr[:1].islower() and c.en[:1].isupper() and _title_like(c.en)


@rule("common_word_locution", "pairing", "*",
      "a French phrase rendered by one common English word is a locution, not a term",
      examples=((dict(fr="mise en œuvre", en="implementation", content=("mise", "oeuvre")), True),
                (dict(fr="mise en œuvre", en="implementation", content=("oeuvre",)), False)))
def common_word_locution(c: PairChoice) -> bool:
    return (c.kind == "term" and len(c.cand.content) >= 2 and c.en.isalpha() and c.en.islower()
            and _zipf(c.en, "en") > COMMON_ZIPF)


@rule("verbal_english", "pairing", "*",
      "an English -ing form with its object renders an activity, not a French term",
      examples=((dict(fr="protection des forêts", en="protecting forests", kind="term"), True),
                (dict(fr="modèle opérationnel", en="operating model", kind="term"), False)))
def verbal_english(c: PairChoice) -> bool:
    from .tagger import tag_text

    if c.kind != "term":
        return False
    et = tag_text(c.en, "en")
    ft = _fr_toks(c.fr)
    return (len(et) >= 2 and et[0].tag == "G" and "-" not in et[0].text and len(ft) >= 3
            and ft[0].tag in "NJ" and ft[1].tag in "PB")


@rule("english_not_nominal", "pairing", "*",
      "an English side that does not end in a noun, or holds a verb, is no term's rendering",
      examples=((dict(fr="peines consécutives", en="served consecutively"), True),
                (dict(fr="peines consécutives", en="consecutive sentences"), False)))
def english_not_nominal(c: PairChoice) -> bool:
    from .tagger import tag_text

    toks = tag_text(c.en, "en")
    return bool(toks) and (toks[-1].tag not in "NJKMG" or any(t.tag == "V" for t in toks))


@rule("coordination_rank", "ranking", "fr", "coordinations are often two terms in one",
      examples=((dict(fr="recherche et sauvetage", en="search and rescue"), True),
                (dict(fr="sauvetage en mer", en="rescue at sea"), False)), factor=0.8)
def coordination_rank(c: PairChoice) -> bool:
    return any(t.tag == "C" for t in _fr_toks(c.fr))


@rule("long_phrase_rank", "ranking", "*", "phrases of four content words or more are often descriptions",
      examples=((dict(content=("a", "b", "c", "d")), True), (dict(content=("a", "b")), False)), factor=0.85)
def long_phrase_rank(c: PairChoice) -> bool:
    return len(c.cand.content) >= 4


@rule("lone_name_rank", "ranking", "*", "a lone capitalised word is often a fragment of a name",
      examples=((dict(kind="name", content=("conseil",)), True),
                (dict(kind="name", content=("conseil", "europe")), False)), factor=0.8)
def lone_name_rank(c: PairChoice) -> bool:
    return c.kind == "name" and len(c.cand.content) == 1


@rule("left_untranslated_rank", "ranking", "*", "the same multiword text on both sides is an address or an English name",
      examples=((dict(fr="Wall Street", en="Wall Street", kind="name"), True),
                (dict(fr="rue du Mur", en="Wall Street", kind="name"), False)), factor=0.8)
def left_untranslated_rank(c: PairChoice) -> bool:
    return c.kind != "acronym" and c.fr.lower() == c.en.lower() and " " in c.fr


@rule("once_specific", "select", "*",
      "a candidate seen once is kept when it is a multiword name or a multiword term with a "
      "word rare in general language",
      examples=((dict(content=("cybercriminalite", "financier"), forms={"cybercriminalité financière": 1},
                      kind="term", freq=1, free=1), True),
                (dict(content=("question", "important"), forms={"question importante": 1}, kind="term",
                      freq=1, free=1), False)))
def once_specific(c: Candidate) -> bool:
    if len(c.content) < 2 or not c.free:
        return False
    if c.kind == "name":
        return True
    return any(_zipf(w, "fr") <= RARE_ZIPF for w in c.word().split() if len(w) > 3)


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


@rule("same_english_nested", "ranking", "fr",
      "of two French entries with the same English, one inside the other, the better-linked one stands",
      examples=())
def same_english_nested(_c) -> bool:
    return True


def drop_nested_duplicates(choices: list[PairChoice]) -> list[PairChoice]:
    """Rule ``same_english_nested``: two French keys with the same English key, one inside
    the other: the pair with the better alignment score stands (the shorter one on a tie)."""
    if not fires("same_english_nested", None):
        return choices
    by_en: dict[str, list[int]] = {}
    for n, c in enumerate(choices):
        by_en.setdefault(c.en_key, []).append(n)
    drop = set()
    for group in by_en.values():
        for a in group:
            ka = f" {choices[a].cand.key} "
            for b in group:
                kb = f" {choices[b].cand.key} "
                if a != b and len(kb) < len(ka) and kb in ka:
                    sa, sb = choices[a].translation, choices[b].translation
                    drop.add(a if sa <= sb else b)
    return [c for n, c in enumerate(choices) if n not in drop]
