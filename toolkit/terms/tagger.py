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

__all__ = ["Token", "tag_text", "tag_segments", "lemma"]

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
    seg: bool = False  # first word of a segment or sentence (tag_segments)


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

    The word itself first (a headword: 'vente', 'public', or its masculine singular), then
    its lemma ('désignés' -> 'désigner'): noun and adjective -> J, a verb's participle -> A
    (J when the form is a noun too: 'délégué', 'privé'), another form of a verb only -> V."""
    cls = _classes()
    own = cls.get(low) or cls.get(last) or _inflected(last)
    if own:
        if "V" in own and len(own) == 1:
            return "V"
        if "N" in own:
            return "J" if "A" in own or _is_participle(last, lem) else "N"
        if "A" in own:
            return "A"
        return ""
    base = cls.get(lem, "") if lem != last else ""
    if _is_participle(last, lem):
        return "A"
    if "N" in base:
        return "J" if "A" in base else "N"
    if "A" in base:
        return "A"
    if "V" in base:
        return "V"
    return ""


@functools.cache
def _participle_endings() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in load_tsv("fr", "words_participle_endings.tsv"))


def _is_participle(word: str, lem: str) -> bool:
    """A past participle: of its lemma when that is a verb, or of a verb of the dictionary
    its ending points to ('privée' -> 'priver'; data/fr/words_participle_endings.tsv)."""
    cls = _classes()
    if lem != word and "V" in cls.get(lem, "") and _participle(word, lem):
        return True
    return any(word.endswith(e) and len(word) > len(e) + 2 and "V" in cls.get(word[: len(word) - len(e)] + inf, "")
               for e, inf in _participle_endings())


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
        elif capword and not first and not shouting and tag not in "PBQODICXSM":
            tag, cap = "K", True
        toks.append(Token(w, s, e, tag, lemma_key(w, lang), cap, acr))
        if tag != "M" or len(toks) > 2:
            first = False
    from .context import context_rules

    context_rules(toks, lang, norm)
    return toks


def tag_segments(texts: list[str], lang: str) -> tuple[Token, ...]:
    """Tokens of segments joined with a space (an n-m bead), each segment tagged on its own
    (its first word is sentence-initial); offsets into the joined normalised text. ``seg``
    is set on the first word of each segment and of each sentence inside one (after . ! ?)."""
    from dataclasses import replace

    out: list[Token] = []
    off = 0
    for text in texts:
        norm = normalize_chars(text)
        prev = None
        for n, t in enumerate(tag_text(text, lang)):
            start = n == 0 or _SENTENCE_GAP.search(norm[prev.end:t.start]) is not None
            out.append(replace(t, start=t.start + off, end=t.end + off, seg=start))
            prev = t
        off += len(norm) + 1
    return tuple(out)


_SENTENCE_GAP = re.compile(r"[.!?]\s")
