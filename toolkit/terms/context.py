"""Context rules of the lexicon tagger: a word's tag changed by its neighbours (tagger.py
tags words out of context). ``text`` is the normalised segment the token offsets point into."""
from __future__ import annotations

from ..langdata import load_set
from .tagger import Token

__all__ = ["context_rules"]


_EN_VERB_CUES = frozenset(
    "to can could may might must shall should will would which that who not also".split()
)


def context_rules(toks: list[Token], lang: str, text: str = "") -> None:
    _name_articles(toks, text)
    _nominal_rules(toks, lang)
    _resolution_rules(toks, lang)


_SENTENCE_END = frozenset(".!?:;")


def _retag(toks: list[Token], k: int, tag: str, cap: bool = False) -> None:
    t = toks[k]
    toks[k] = Token(t.text, t.start, t.end, tag, t.lemma, cap, t.acronym)


def _name_articles(toks: list[Token], text: str) -> None:
    """A capitalised possessive inside a sentence, or article after a preposition, right
    before a capitalised word, belongs to the name: "Sa Majesté", "à La Haye", "Her Majesty"."""
    for k in range(1, len(toks) - 1):
        t, nxt = toks[k], toks[k + 1]
        if (t.tag in "DIX" and t.text[:1].isupper() and not t.text.isupper() and nxt.tag == "K"
                and nxt.cap and not nxt.acronym and (toks[k - 1].tag in "PB" or t.tag == "X")
                and not _SENTENCE_END & set(text[toks[k - 1].end:t.start])):
            _retag(toks, k, "K", True)


def _nominal_rules(toks: list[Token], lang: str) -> None:
    """An adjective alone after an article is used as a noun ("les spiritueux"); a French
    stop word the dictionary knows as a noun ends a noun + preposition phrase ("conjoint de fait")."""
    for k in range(1, len(toks)):
        t = toks[k]
        nxt = toks[k + 1].tag if k + 1 < len(toks) else ""
        if t.tag == "A" and toks[k - 1].tag in "DI" and nxt not in ("N", "J", "A", "K", "R"):
            _retag(toks, k, "J")
        elif (lang == "fr" and t.tag == "X" and k >= 2 and toks[k - 1].tag == "P"
              and toks[k - 2].tag in "NJ" and nxt not in ("N", "J", "A", "K", "R", "D", "I", "P", "B", "M")
              and _noun_headword(t.text.lower())):
            _retag(toks, k, "N")


def _noun_headword(word: str) -> bool:
    from .tagger import _classes

    return "N" in _classes().get(word, "")


def _resolution_rules(toks: list[Token], lang: str) -> None:
    """Segment-initial verbs of resolutions: 'Décide de', 'Invite tous', 'Requests the'; a
    capitalised first word before a capitalised word starts a name ('United Nations …')."""
    if (len(toks) > 1 and toks[1].tag == "K" and toks[1].cap and not toks[1].acronym
            and toks[0].text[:1].isupper() and toks[0].tag in "NAJ" and not toks[0].text.isupper()):
        t = toks[0]
        toks[0] = Token(t.text, t.start, t.end, "K", t.lemma, True, False)
    i = 0
    while i < len(toks) and toks[i].tag == "M":
        i += 1
    if i + 1 < len(toks):
        t, nxt = toks[i], toks[i + 1]
        after = toks[i + 2].tag if i + 2 < len(toks) else ""
        verbal = nxt.tag in "DIX" or (nxt.tag in "PBQO" and after == "V")
        if lang == "en":
            verbal = verbal or nxt.text.lower() in ("to", "that") or t.tag == "G" and nxt.tag in "DIXK"
        if t.tag in "NJGA" and verbal and t.text[:1].isupper():
            toks[i] = Token(t.text, t.start, t.end, "V", t.lemma, False, False)
    if lang == "en":  # base verbs: "to provide the", "can support the", "which note that"
        for k in range(1, len(toks)):
            prev = toks[k - 1].text.lower()
            t = toks[k]
            nxt = toks[k + 1].tag if k + 1 < len(toks) else "X"
            if t.tag in "NJ" and prev in _EN_VERB_CUES and (nxt in "DIXQ" or prev == "to" and nxt == "A"):
                toks[k] = Token(t.text, t.start, t.end, "V", t.lemma, False, False)
            # third person after a noun, before an article: "the Unit co-ordinates the …"
            elif (t.tag in "NJ" and nxt in "DI" and toks[k - 1].tag in "NKS" and not t.cap
                  and t.text.endswith("s") and not t.text.endswith("ss")):
                toks[k] = Token(t.text, t.start, t.end, "V", t.lemma, False, False)
    if lang == "fr":  # plural noun in apposition: "pays membres", "États parties"
        for k in range(1, len(toks)):
            a, t = toks[k - 1], toks[k]
            if (a.tag in "NK" and t.tag == "N" and not t.cap and a.text.lower().endswith(("s", "x"))
                    and t.text.lower().endswith(("s", "x")) and t.start == a.end + 1):
                toks[k] = Token(t.text, t.start, t.end, "J", t.lemma, False, False)
    if lang == "fr":  # "armes non létales": "non" joins the adjective
        for k in range(len(toks) - 1):
            t = toks[k]
            if t.text.lower() == "non" and toks[k + 1].tag in "AJ":
                toks[k] = Token(t.text, t.start, t.end, "A", t.lemma, False, False)
    if lang == "fr":  # finite forms of -iser verbs ("synchronise", "utilisent") read as nouns in
        # -ise ("crise", "expertise"): verbs unless an article or preposition precedes
        for k in range(len(toks)):
            t = toks[k]
            low = t.text.lower()
            if (t.tag in "NJ" and not t.cap and low.endswith(("ise", "isent")) and t.lemma.endswith("iser")
                    and len(t.lemma) >= 8 and (k == 0 or toks[k - 1].tag not in "DIPB")):
                toks[k] = Token(t.text, t.start, t.end, "V", t.lemma, False, False)
    if lang == "fr":  # gerund: "en tenant compte"; infinitive after a preposition or a noun
        verbs = load_set("fr", "terms_verbs.txt")
        for k in range(len(toks)):
            t = toks[k]
            if t.text.lower() in verbs and (k == 0 or toks[k - 1].tag not in "DI"):
                toks[k] = Token(t.text, t.start, t.end, "V", t.lemma, False, False)
        for k in range(1, len(toks)):
            t = toks[k]
            if t.tag == "V" and toks[k - 1].tag in "DI" and t.text.lower().endswith(("ant", "ants", "ante", "antes")):
                toks[k] = Token(t.text, t.start, t.end, "N", t.lemma, False, False)  # "le délinquant"
        for k in range(1, len(toks)):
            if toks[k - 1].text.lower() == "en" and toks[k].text.lower().endswith("ant"):
                t = toks[k]
                toks[k] = Token(t.text, t.start, t.end, "V", t.lemma, False, False)
