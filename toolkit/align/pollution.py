"""Signs that an aligned pair is polluted, folded into its confidence so that low scores
find the bad pairs, and the library's list of pairs to review.

The posterior of a bead says whether the two sides belong together; it does not see
residue inside them. From the two texts of a bead (both documents' statistics for the
length) this module counts:

- **numbers** (digit groups of 2+ digits, thousands separators joined) found on one side
  only: page numbers, document symbols, a year or an amount that differs;
- **upper-case words** after the first word of a segment that have no counterpart on the
  other side (a running header such as ``CONSEIL DE SÉCURITÉ`` cut into a sentence);
  acronyms map through ``data/acronyms.tsv`` and upper-case headings are left alone;
- a **footnote-looking tail**: after a sentence end, a number of 1-3 digits and a
  capitalised word (``… des services de police. 12 Voir la résolution …``);
- a **length ratio** far from the document's own (robust z-score of the Gale-Church
  difference over the document's beads).

Each sign costs :data:`WEIGHTS`; a bead's score is multiplied by ``exp(-cost)``.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..text import WORD_RE
from ..words.numbers import THOUSANDS as _THOUSANDS
from .features import _fold, _normalize, acronym_map, number_words, stopwords

__all__ = ["WEIGHTS", "Pollution", "assess"]

# cost of each sign (in nats of the score): one number or upper-case word, a footnote tail,
# one robust standard deviation of the length ratio beyond LENGTH_FREE
WEIGHTS = {"number": 0.5, "caps": 0.35, "footnote": 0.7, "length": 0.5}
LENGTH_FREE = 3.0   # robust z of the length difference that costs nothing
MAX_COUNT = 4       # numbers or upper-case words counted at most

_GROUP = re.compile(r"\d+")
_UPPER2 = re.compile(r"[^\W\d_a-zß-ÿ]{2}")  # two capital letters in a row (a cheap first test)
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _roman(t: str) -> int:
    v = [_ROMAN_VALUE[c] for c in t]
    return sum(-x if k + 1 < len(v) and x < v[k + 1] else x for k, x in enumerate(v))
_TAIL = re.compile(r"[.!?;»\"”)]\s+\d{1,3}\s+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]")


@dataclass(frozen=True)
class Pollution:
    """The signs found in one bead (see the module docstring)."""

    numbers: tuple[str, ...] = ()     # digit groups on one side only, as 'fr:2017' / 'en:12'
    caps: tuple[str, ...] = ()        # upper-case words on one side only, as 'en:CONSEIL'
    footnote: tuple[str, ...] = ()    # sides with a footnote-looking tail
    length_z: float = 0.0             # robust z-score of the length difference

    def cost(self) -> float:
        return (WEIGHTS["number"] * min(len(self.numbers), MAX_COUNT)
                + WEIGHTS["caps"] * min(len(self.caps), MAX_COUNT)
                + WEIGHTS["footnote"] * len(self.footnote)
                + WEIGHTS["length"] * min(max(self.length_z - LENGTH_FREE, 0.0), 3.0))

    def factor(self) -> float:
        """What the bead's score is multiplied by, in (0, 1]."""
        return math.exp(-self.cost())

    def reasons(self) -> list[str]:
        out = []
        if self.numbers:
            out.append("numbers on one side only: " + ", ".join(self.numbers))
        if self.caps:
            out.append("upper-case words on one side only (header residue?): " + ", ".join(self.caps))
        for side in self.footnote:
            out.append(f"footnote-like tail in {side.upper()}")
        if self.length_z > LENGTH_FREE:
            out.append(f"length ratio {self.length_z:.1f} robust SD from the document's")
        return out


def _groups(text: str) -> Counter:
    return Counter(g.lstrip("0") for g in _GROUP.findall(_THOUSANDS.sub("", text)) if len(g.lstrip("0")) >= 2)


def _caps(text: str, lang: str) -> list[tuple[str, str]]:
    """(token, key) of the upper-case tokens of ``text`` except the runs of capitals that open
    the segment or a clause (after , ; :): "ACCUEILLE FAVORABLEMENT les…", "…, NOTING FURTHER
    that…", "ALTHOUGH I WAS startled"; none in a heading (half its tokens or more in capitals).
    Roman numerals are numbers, not words."""
    spans = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]
    big = [len(t) > 1 and t.isupper() for t, _, _ in spans]
    if not any(big[1:]) or (sum(big) >= 2 and 2 * sum(big) >= len(spans)):
        return []
    acr = acronym_map() if lang == "fr" else {}
    out, opener = [], True
    for k, (t, start, _) in enumerate(spans):
        if k and t.isupper() and not spans[k - 1][0].isupper():  # a run of capitals begins
            opener = any(c in text[spans[k - 1][2]:start] for c in ",;:")
        if big[k] and not opener and not _ROMAN.match(t):
            out.append((t, _fold(acr.get(t, t)).rstrip("'")))
    return out


class _Side:
    """One side of a bead: its text and tokens; what an upper-case word of the other side may
    match (words and their hyphen parts, FR acronyms in their English form, initials of runs
    of content words: 'Nations Unies'/'United Nations' -> 'un'); the values of its number
    words and Roman numerals (from 2: months, 'first' and the pronoun 'I' are too common to
    count). The last three are computed only when needed."""

    def __init__(self, text: str, lang: str):
        self.text, self.lang = _normalize(text), lang

    @functools.cached_property
    def toks(self) -> list[str]:
        return WORD_RE.findall(self.text)

    @functools.cached_property
    def caps(self) -> list[tuple[str, str]]:
        return _caps(self.text, self.lang) if _UPPER2.search(self.text) else []

    @functools.cached_property
    def keys(self) -> set[str]:
        acr = acronym_map() if self.lang == "fr" else {}
        out = set()
        for t in self.toks:
            t = t.rstrip("'").rsplit("'", 1)[-1]
            for part in [t] + (t.split("-") if "-" in t else []):
                out.add(_fold(acr.get(part, part)).rstrip("s"))
        return out

    @functools.cached_property
    def initials(self) -> str:
        stop = stopwords(self.lang)
        return "".join(w[0] for t in self.toks if t[0].isalpha() and (w := _fold(t)) not in stop)

    @functools.cached_property
    def values(self) -> set[str]:
        nums = number_words(self.lang)
        out = set()
        for t in self.toks:  # 'dix-huit', 'twenty-five': numbers made of number words; 'XII'
            parts = [nums.get(x, "") for x in _fold(t).split("-")]
            if all(v.isdigit() for v in parts) and parts != ["1"]:
                out.add("-".join(parts))
            elif t.isupper() and _ROMAN.match(t) and _roman(t) > 1:
                out.add(str(_roman(t)))
        return out


def _one(ft: str, et: str) -> Pollution:
    f, e = _Side(ft, "fr"), _Side(et, "en")
    gf, ge = _groups(f.text), _groups(e.text)
    # a number matches the same digits on the other side; a side that spells numbers out
    # ('dix-huit', 'two thousand') may hold it in words we cannot add up: no verdict
    numbers = [f"fr:{g}" for g in sorted((gf - ge).elements())] if gf - ge and not e.values else []
    numbers += [f"en:{g}" for g in sorted((ge - gf).elements())] if ge - gf and not f.values else []
    # upper-case words with no counterpart; when both sides have some, both use capitals for
    # emphasis ('DRINK ME' / 'BUVEZ-MOI'): no verdict
    fc = [t for t, k in f.caps if k.rstrip("s") not in e.keys and k not in e.initials]
    ec = [t for t, k in e.caps if k.rstrip("s") not in f.keys and k not in f.initials]
    caps = [f"fr:{t}" for t in fc if t.isalpha()] + [f"en:{t}" for t in ec if t.isalpha()] if not (fc and ec) else []
    foot = tuple(side for side, text in (("fr", f.text), ("en", e.text)) if _TAIL.search(text))
    return Pollution(tuple(numbers), tuple(caps), foot)


def assess(beads: Sequence, fr: Sequence[str], en: Sequence[str], ratio: float | None = None) -> list[Pollution]:
    """The :class:`Pollution` of every bead (``Bead`` or (fr_ids, en_ids)); omission beads
    get an empty one. ``ratio``: EN/FR characters of the document (computed when None)."""
    pairs = [(b.fr_ids, b.en_ids) if hasattr(b, "fr_ids") else (tuple(b[0]), tuple(b[1])) for b in beads]
    lf = np.array([sum(len(fr[i]) for i in f) for f, _ in pairs], dtype=float)
    le = np.array([sum(len(en[j]) for j in e) for _, e in pairs], dtype=float)
    both = np.array([bool(f) and bool(e) for f, e in pairs])
    if ratio is None:
        ratio = max(le[both].sum(), 1.0) / max(lf[both].sum(), 1.0) if both.any() else 1.0
    # Gale-Church difference in units of sqrt(characters); its spread is the document's own
    delta = (le - ratio * lf) / np.sqrt(np.maximum((lf + le / ratio) / 2.0, 1.0))
    z = np.zeros(len(pairs))
    if both.sum() >= 5:
        d = delta[both]
        med = float(np.median(d))
        spread = max(1.4826 * float(np.median(np.abs(d - med))), 1.0)
        z = np.abs(delta - med) / spread
    out = []
    for k, (f, e) in enumerate(pairs):
        if not (f and e):
            out.append(Pollution())
            continue
        p = _one(" ".join(fr[i] for i in f), " ".join(en[j] for j in e))
        out.append(Pollution(p.numbers, p.caps, p.footnote, float(z[k])))
    return out
