"""A lexicon part-of-speech tagger for term patterns: one tag letter per word token.

No statistical model: function words come from data tables, content words from
simplemma lemmas plus ending rules (``toolkit/data/<lang>/terms_suffixes.tsv``) and a
few context rules. The tag set is the one of ``term_patterns.tsv``:
N noun, A adjective, J noun or adjective, R prenominal adjective, G -ing form,
K capitalised word or acronym, M number, S possessive s, P/Q/D/C function words,
V verb, X other stop word. See README.md for why a lexicon and not a tagger model.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..langdata import check_lang, load_set, load_tsv
from ..text import normalize_chars, WORD_RE
from ..words.acronyms import is_acronym
from ..words.tokenize import lemma_key

__all__ = ["Token", "tag_text", "lemma"]

_VERB_LEMMA = re.compile(r"(?:er|ir|re|oir)$")
# French past participles used as adjectives, by infinitive ending: "fondée" (fonder),
# "établis" (établir), "pris", "reconnus", "offert" (prendre, reconnaître, offrir).
_PARTICIPLE = {
    "er": re.compile(r"(?:é|ée|és|ées)$"),
    "ir": re.compile(r"(?:i|ie|is|ies|u|ue|us|ues|ert|erte|erts|ertes)$"),
    "re": re.compile(r"(?:u|ue|us|ues|is|ise|ises|it|ite|its|ites|int|inte|ints|intes)$"),
}
_PARTICIPLE["oir"] = _PARTICIPLE["re"]
# Noun and adjective endings that the verb rules must not read as verb forms.
_NOT_VERB = tuple(
    e + s for e in ("ion", "eur", "age", "ment", "té", "aire", "ique", "isme", "iste", "ière", "ier",
                    "ance", "ence", "ure", "ude", "ité", "ice", "esse", "ise")
    for s in ("", "s")
)
_URL = re.compile(r"www\.|https?:|@|\.(?:org|int|com|net)\b")
_HAS_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # surface form, apostrophes normalised
    start: int  # offsets in the normalised text
    end: int
    tag: str
    lemma: str  # folded lemma used for counting
    cap: bool = False  # capitalised in running text (not sentence-initial)
    acronym: bool = False


@functools.cache
def _tables(lang: str):
    closed = {w: t for w, t in load_tsv(lang, "terms_closed_class.tsv")}
    suffixes = sorted(((s, t) for s, t in load_tsv(lang, "terms_suffixes.tsv")), key=lambda x: -len(x[0]))
    nouns = load_set(lang, "terms_nouns.txt")
    stop = load_set(lang, "stopwords.txt")
    pren = load_set(lang, "terms_prenominal.txt") if lang == "fr" else frozenset()
    adjs = load_set(lang, "terms_adjectives.txt") if lang == "en" else frozenset()
    return closed, suffixes, nouns, stop, pren, adjs


@functools.lru_cache(maxsize=200_000)
def _simplemma(word: str, lang: str) -> str:
    import simplemma  # imported on first use: importing toolkit stays instant

    return simplemma.lemmatize(word, lang=lang)


@functools.lru_cache(maxsize=50_000)
def _is_known(word: str, lang: str) -> bool:
    import simplemma

    return simplemma.is_known(word, lang=lang)


def lemma(word: str, lang: str) -> str:
    """Folded lemma of one word: 'Capacités' -> 'capacite', "l'" -> 'le', 'agencies' -> 'agency'
    (``toolkit.words.lemma_key``, cached per word)."""
    return lemma_key(word, lang)


@functools.lru_cache(maxsize=200_000)
def _word_tag(low: str, lang: str) -> str:
    """Tag of a lower-cased content word out of context."""
    closed, suffixes, nouns, stop, pren, adjs = _tables(lang)
    if low in closed:
        return closed[low]
    if low in stop:
        return "X"
    if _HAS_DIGIT.search(low):
        return "M"
    if not _LETTERS.search(low):
        return "X"
    if low in nouns:
        return "N"
    if low in pren:
        return "R"
    if low in adjs:
        return "A"
    last = low.rsplit("-", 1)[-1] or low
    if lang == "fr":
        lem = _simplemma(last, lang)
        known = _lexicon_tag(low, last, lem)
        if known:
            return known
        if last.endswith(_NOT_VERB):
            pass
        elif last in (lem + "s", lem + "x"):
            pass  # a plural: "membres", "ministres", "conseillers" are nouns, not verb forms
        elif _VERB_LEMMA.search(lem) and lem != last and len(lem) > 3:
            if _PARTICIPLE[_VERB_LEMMA.search(lem).group()].search(last):
                return "A"
            if last.endswith("ant"):
                return "V"
            return "V"
        elif lem == last and last.endswith(("er", "ir")) and not last.endswith(("ier", "yer")) and len(last) > 4:
            return "V"
    for suf, tag in suffixes:
        if last.endswith(suf) and (len(last) > len(suf) + 1 or (last == suf and len(suf) > 3)):
            return tag
    return "N"


@functools.cache
def _classes() -> dict[str, str]:
    """French headword -> word classes (data/fr/words_pos.tsv: N, A, V, D)."""
    return {w: c for w, c in load_tsv("fr", "words_pos.tsv")}


@functools.cache
def _endings() -> tuple[tuple[str, str], ...]:
    return tuple((r[0], r[1] if len(r) > 1 else "") for r in load_tsv("fr", "words_inflection_endings.tsv"))


def _inflected(word: str) -> str:
    """Noun/adjective classes of the headword an inflected form comes from ('reprises' ->
    'repris': N), '' when none (data/fr/words_inflection_endings.tsv)."""
    cls = _classes()
    for end, base in _endings():
        if word.endswith(end) and len(word) > len(end) + 2:
            got = cls.get(word[: len(word) - len(end)] + base, "").replace("V", "").replace("D", "")
            if got:
                return got
    return ""


def _participle(word: str, verb: str) -> bool:
    m = _VERB_LEMMA.search(verb)
    return bool(m) and bool(_PARTICIPLE[m.group()].search(word))


def _lexicon_tag(low: str, last: str, lem: str) -> str:
    """Tag from the word classes of the dictionary, or '' when it does not know the word.

    The word itself first (a headword: 'vente', 'public'), then its lemma ('ventes' ->
    'vente', 'désignés' -> 'désigner'): noun and adjective -> J, a verb's participle -> A
    (J when the form is a noun too: 'délégué'), another form of a verb only -> V."""
    cls = _classes()
    own = cls.get(low) or cls.get(last) or _inflected(last)
    if own:
        if "V" in own and len(own) == 1:
            return "V"
        if "N" in own:
            return "J" if "A" in own or (lem != last and "V" in cls.get(lem, "") and _participle(last, lem)) else "N"
        if "A" in own:
            return "A"
        return ""
    base = cls.get(lem, "") if lem != last else ""
    if not base:
        return ""
    if "V" in base and _participle(last, lem):
        return "A"
    if "N" in base:
        return "J" if "A" in base else "N"
    if "A" in base:
        return "A"
    if "V" in base:
        return "V"
    return ""


_ROMAN = re.compile(r"[IVXLC]+")
_is_acronym = functools.lru_cache(maxsize=1 << 16)(is_acronym)


def tag_text(text: str, lang: str) -> list[Token]:
    """Tokens of one segment with their tags and folded lemmas."""
    lang = check_lang(lang)
    norm = normalize_chars(text)
    raw = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(norm)]
    # Upper-case headings ("RAPPORT ANNUEL") are read as lower-case words.
    letters = [c for c in norm if c.isalpha()]
    shouting = len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    toks: list[Token] = []
    first = True
    for n_, (w, s, e) in enumerate(raw):
        if lang == "en" and w.endswith("'") and n_ + 1 < len(raw) and raw[n_ + 1][0].lower() == "s":
            w, e = w[:-1], e - 1  # "Agency's": possessive s is its own token
        low = w.lower()
        acr = _is_acronym(w) and not (shouting or (len(w) > 4 and _is_known(low, lang)))
        capword = w[:1].isupper() and not acr
        tag = "X" if _URL.search(low) else "M" if _ROMAN.fullmatch(w) and len(w) <= 5 else _word_tag(low, lang)
        if tag == "N" and "-" in low and lang == "fr":
            tag = "J"  # "coopération franco-allemande", "reconstruction post-séisme"
        cap = False
        if acr:
            tag, cap = "K", True
        elif capword and not first and not shouting and tag not in "PBQDICXSM":
            tag, cap = "K", True
        toks.append(Token(w, s, e, tag, lemma_key(w, lang), cap, acr))
        if tag != "M" or len(toks) > 2:
            first = False
    _context_rules(toks, lang)
    return toks


_EN_VERB_CUES = frozenset(
    "to can could may might must shall should will would which that who not also".split()
)


def _context_rules(toks: list[Token], lang: str) -> None:
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
        verbal = nxt.tag in "DIX" or (nxt.tag in "PBQ" and after == "V")
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
