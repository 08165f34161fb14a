"""Sentence boundaries inside a block, with the abbreviation tables (CONVENTIONS.md §1, §3)."""
from __future__ import annotations

import re

from .tables import abbreviations

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
OPEN_QUOTES = {"«": "»", "“": "”"}
CLOSE_QUOTES = {"»": "«", "”": "“"}
STARTERS = "«“\"'([¿¡"


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


def _is_boundary(text: str, m: re.Match[str], lang: str, quotes: _Quotes) -> bool:
    nxt = m.start(1)
    if not _starts_sentence(text, nxt):
        return False
    punct = m.group(0)
    if punct.startswith(".") and punct.rstrip("\"'»”’)]") == ".":
        tok = TOKEN_RE.search(text, max(0, m.start() - 80), m.start())
        if tok is None:
            return False
        word = tok.group(1).lstrip("(«“\"'[")
        at_start = LEADING_SPACE_RE.match(text).end() >= tok.start()
        if at_start and LEADING_NUMBER_RE.fullmatch(word):
            return False  # "1. Prie …", "77/241. Journée …", "IV. Valeur …" (§3)
        word = ELIDED_RE.sub("", word)  # "l'art" -> "art", "l’O.I.P.C" -> "O.I.P.C"
        cls = abbreviations(lang).get(word) or abbreviations(lang).get(word.lower())
        if cls == "always" or (cls == "numeric" and text[nxt].isdigit()):
            return False
        if INITIALS_RE.fullmatch(word):
            return False  # "J. Dupont", "U.N. forces", "O.I.P.C." (§1)
    if quotes.open_at(m.end()) > 0:
        return False  # inside a quotation that continues (§1)
    return True


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text``; spaces between them are left out."""
    spans, start = [], 0
    if not any(c in text for c in ".!?…"):
        return [(0, len(text))] if text.strip() else []
    quotes = _Quotes(text)
    for m in END_RE.finditer(text):
        if _is_boundary(text, m, lang, quotes):
            spans.append((start, m.end()))
            start = m.start(1)
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
