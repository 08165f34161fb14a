"""Sentence boundaries inside a block, with the abbreviation tables (CONVENTIONS.md §1, §3).

A candidate end is ``.`` ``!`` ``?`` ``…`` (closing quotes/brackets allowed after it) followed by
a space and something that can start a sentence. A full stop is no end after an abbreviation
of the tables, an initial, a paragraph number at the start of its sentence, an omission
``[...]`` or inside a spaced ellipsis ``. . .``; a dotted acronym ends a sentence only before a
word that opens one ("the U.S. How about you?" / "the U.S. Government"). Inline enumerations
("1.) First 2.) Second", "a. … b. …") split before each item.
"""
from __future__ import annotations

import re

from .tables import abbreviations, letter_words, sentence_starters

__all__ = ["split_sentences"]

# candidate end: "." "!" "?" "…" (repeated), closing quotes/brackets, then whitespace
# "… durable ». Les" -> candidate after "»."; "… 2003. Le" -> after "."
END_RE = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s+(\S))")
LEADING_SPACE_RE = re.compile(r"\s*")
# token before a final dot: "(art" , "c.-à-d", "O.I.P.C", "77/241"
TOKEN_RE = re.compile(r"(\S+)$")
# initials and dotted acronyms: "J", "J.-C", "U.N", "O.I.P.C", "e.g", "i.e"
INITIALS_RE = re.compile(r"[A-Z](?:\.-?[A-Z])*|(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
# a paragraph number or document symbol at the start of a block: "1.", "IV.", "a.", "77/241."
LEADING_NUMBER_RE = re.compile(r"(?:\d+(?:[./]\d+)*|[IVXLC]+|[ivx]+|[a-zA-Z])")
# elided article or preposition glued to the token: "l'", "d’", "qu'"
ELIDED_RE = re.compile(r"^\w{1,7}['’](?=\w)")
WORD_RE = re.compile(r"[\"'«“(\[]*([^\W\d_]+)")
# an enumeration marker: a glued bullet maybe, then "1.)", "1)", "1.", "a.", "a)", "(a)", "(1)"
ENUM_RE = re.compile(r"([⁃•‣◦▪]?)(\(?)(\d{1,3}|[a-z])(\.\)|\)|\.)(?=\s)")
# ". . . ." spaced ellipsis dots
SPACED_DOT = ". "
OPEN_QUOTES = {"«": "»", "“": "”"}
CLOSE_QUOTES = {"»": "«", "”": "“"}
STARTERS = "«“\"'([¿¡"
CLOSERS = "\"'»”’)]"


def _starts_sentence(text: str, i: int) -> bool:
    """Does the token at ``text[i]`` look like a sentence start (capital, digit, opening quote)?"""
    c = text[i]
    if c in STARTERS:
        j = i + 1
        while j < len(text) and (text[j] in STARTERS or text[j] == " "):
            j += 1
        return j < len(text) and (text[j].isupper() or text[j].isdigit())
    return c.isupper() or c.isdigit()


class _Quotes:
    """How many « » / “ ” quotations are open at a position (straight quotes by parity).

    Positions must be asked in increasing order: the scan is incremental (linear time).
    """

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.depth, self.straight = text, 0, 0, 0
        # a quotation never closed later in the block (a typo, or closed in another
        # paragraph) must not stop every split after it
        self.last_close = max(text.rfind(c) for c in ('"', *CLOSE_QUOTES))

    def open_at(self, end: int) -> int:
        if end > self.last_close:
            return 0
        for c in self.text[self.pos:end]:
            if c in OPEN_QUOTES:
                self.depth += 1
            elif c in CLOSE_QUOTES and self.depth:
                self.depth -= 1
            elif c == '"':
                self.straight ^= 1
        self.pos = max(self.pos, end)
        return self.depth + self.straight


def _spaced_dots(text: str, i: int) -> tuple[int, bool]:
    """The ". . ." run whose last dot is ``text[i]``: (number of dots, first dot glued to a word)."""
    n = 1
    while i >= 2 and text[i - 2:i] == SPACED_DOT:
        i -= 2
        n += 1
    return n, i > 0 and not text[i - 1].isspace()


def _ellipsis_opens(text: str, j: int) -> bool:
    """Does a spaced ellipsis ". . ." open a sentence at ``text[j]`` ("… . . . The practice")?"""
    k = j
    while text.startswith(SPACED_DOT, k):
        k += 2
    return k - j >= 6 and k < len(text) and text[k].isupper()


def _after_acronym(text: str, word: str, tok_start: int, nxt: int, lang: str) -> bool:
    """Does a sentence end after the initial or dotted acronym ``word``?"""
    nw = WORD_RE.match(text, nxt)
    if "." in word:  # "U.S", "E.U", "a.m": before a word that opens a sentence
        return bool(nw) and nw.group(1) in sentence_starters(lang)
    if word in letter_words(lang):  # "you and I. Did" / "Albert I. Jones"
        prev = TOKEN_RE.search(text, max(0, tok_start - 40), tok_start - 1) if tok_start else None
        return bool(prev) and prev.group(1)[:1].islower()
    return False


def _is_boundary(text: str, m: re.Match[str], lang: str, quotes: _Quotes, start: int) -> bool:
    nxt = m.start(1)
    punct = m.group(0)
    if punct[0] in ".…" and text[m.start() - 1:m.start()] in ("[", "(") and punct.lstrip(".…")[:1] in "])":
        return False  # an omission "[...]" inside a sentence
    if punct == "." and text[m.start() - 2:m.start()] == SPACED_DOT:
        n, glued = _spaced_dots(text, m.start())
        # ". . ." is an ellipsis; ". . . ." is one and a full stop
        return not glued and n >= 4 and _starts_sentence(text, nxt) and quotes.open_at(m.end()) == 0
    if not _starts_sentence(text, nxt):
        return punct == "." and _ellipsis_opens(text, nxt) and not text[m.start() - 1].isspace()
    if punct.startswith(".") and punct.rstrip(CLOSERS) == ".":
        tok = TOKEN_RE.search(text, max(start, m.start() - 80), m.start())
        if tok is None:
            return False
        word = tok.group(1).lstrip("(«“\"'[⁃")
        if LEADING_SPACE_RE.match(text, start).end() >= tok.start() and LEADING_NUMBER_RE.fullmatch(word):
            return False  # "1. Prie …", "77/241. Journée …", "IV. Valeur …" (§3)
        word = ELIDED_RE.sub("", word)  # "l'art" -> "art", "l’O.I.P.C" -> "O.I.P.C"
        cls = abbreviations(lang).get(word) or abbreviations(lang).get(word.lower())
        if cls == "always" or (cls == "numeric" and text[nxt].isdigit()):
            return False
        if INITIALS_RE.fullmatch(word) and not _after_acronym(text, word, tok.start(), nxt, lang):
            return False  # "J. Dupont", "U.N. forces", "O.I.P.C." (§1)
    if quotes.open_at(m.end()) > 0:
        return False  # inside a quotation that continues (§1)
    return True


def _next_value(v: str) -> str:
    return str(int(v) + 1) if v.isdigit() else chr(ord(v) + 1)


def _enumeration(text: str) -> list[int]:
    """Where the items of an inline enumeration start: the block opens with a marker ("1.)",
    "a.", "• 9.") and the next markers of the same shape and following values come after a
    space, before a capital ("1) The first item 2) The second item")."""
    lead = LEADING_SPACE_RE.match(text).end()
    m = ENUM_RE.match(text, lead)
    if m is None or (m.group(2) and not m.group(4).endswith(")")):
        return []
    bullet, opening, value, closing = m.groups()
    breaks, pos = [], m.end()
    while True:
        value = _next_value(value)
        pat = re.compile(rf"(?<=\s)(?:[•‣◦▪]\s+)?{re.escape(bullet + opening + value + closing)}\s+(?=[A-Z\d«“\"])")
        n = pat.search(text, pos)
        if n is None:
            return breaks
        breaks.append(n.start())
        pos = n.end()


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text``; spaces between them are left out."""
    spans, start = [], 0
    breaks = _enumeration(text) if text[:8].strip()[:1] in "(⁃•‣◦▪0123456789abcdefghijklmnopqrstuvwxyz" else []
    if not breaks and not any(c in text for c in ".!?…"):
        return [(0, len(text))] if text.strip() else []
    quotes = _Quotes(text)
    for m in END_RE.finditer(text):
        while breaks and breaks[0] <= m.start():
            b = breaks.pop(0)
            if text[start:b].strip() and b > start:
                spans.append((start, b))
                start = b
        if _is_boundary(text, m, lang, quotes, start):
            spans.append((start, m.end()))
            start = m.start(1)
    for b in breaks:
        if b > start and text[start:b].strip():
            spans.append((start, b))
            start = b
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
