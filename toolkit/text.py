"""Small text helpers shared by the stages: character normalisation, accent folding and
word tokenisation. Kept dependency-free and fast (they run on every sentence)."""
from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_chars", "fold", "tokenize", "WORD_RE"]

# Apostrophes, quotes and spaces that extraction leaves in many shapes.
_CHAR_MAP = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u00ad": None, "\u200b": None, "\ufeff": None,
})

# A word: letters/digits, inner hyphens, slashes and dots between digits (70/1, 3.2.1),
# and the French elision glued to the left (l', d', qu').
WORD_RE = re.compile(r"\w+(?:[-/.]\w+)*'?|\w", re.UNICODE)


def normalize_chars(text: str) -> str:
    """Curly apostrophes -> ', curly quotes -> ", NBSP/narrow NBSP -> space, soft hyphen removed."""
    return text.translate(_CHAR_MAP)


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Détection' -> 'detection', 'Œuvre' -> 'oeuvre'."""
    text = normalize_chars(text).lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def tokenize(text: str) -> list[str]:
    """Word tokens of ``text`` as they appear (case and accents kept), apostrophes normalised."""
    return WORD_RE.findall(normalize_chars(text))
