"""Numbers in text, comparable across French and English: ``1 000,5`` (fr) and ``1,000.5``
(en) are both ``1000.5``; ``1er``/``1st`` are ``1``; ``XXIe`` is ``21``; ``trois``/``three``
are ``3``. One recogniser for the aligner (number anchors) and the check (numbers that differ).

    numbers(text, lang, skip)  -> [(value, surface, start, end)]  digits, ordinals, Roman ordinals,
                                   times of day as 24-hour hours (22 h ~ 10:00 p.m.)
    spelled_numbers(text, lang) -> {value}    numbers written as words, compounds summed
    number_words(lang)          -> {folded word: value}   data/number_words.tsv (months: m1-m12)
    number_keys(text)           -> ["n:<digits>"]  digit runs, thousands separators removed

Rules are data: ordinal suffixes in ``data/check_ordinals.tsv``, number words in
``data/number_words.tsv``, clock markers in ``data/clock_times.tsv``.
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from ..langdata import load_tsv
from .tokenize import fold

__all__ = ["numbers", "spelled_numbers", "number_words", "number_keys", "Found", "THOUSANDS"]

Found = tuple[str, str, int, int]  # (canonical value, surface, start, end)

# Numbers by language, tried in this order at each position (CLDR number symbols: fr
# groups thousands with a (narrow) no-break space, or a dot in some countries, and writes
# decimals with a comma; en groups with a comma and writes decimals with a dot).
_SPACES = " \u00a0\u202f\u2009"
_NUMBER = {
    "fr": re.compile(rf"(?<![\d.])(?:\d{{1,3}}(?:[{_SPACES}.]\d{{3}})+(?:,\d+)?(?![\d])"
                     r"|\d+(?:\.\d+){2,}|\d+,\d+(?!,?\d)|\d+\.\d+|\d+)"),
    "en": re.compile(rf"(?<![\d.])(?:\d{{1,3}}(?:[{_SPACES},]\d{{3}})+(?:\.\d+)?(?![\d])"
                     r"|\d+(?:\.\d+){2,}|\d+\.\d+|\d+)"),
}
_ROMAN = re.compile(r"\b(?:[IVXLC]{2,}|[IVX])(?=[a-zèé]{1,4}\b)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@functools.cache
def _ordinal_suffixes(lang: str) -> tuple[str, ...]:
    return tuple(sorted((r[1] for r in load_tsv(None, "check_ordinals.tsv") if r[0] == lang), key=len, reverse=True))


@functools.cache
def number_words(lang: str) -> dict[str, str]:
    """Folded number, ordinal and month word -> value (``data/number_words.tsv``: 'trois' -> '3',
    'troisieme' -> '3', 'mai' -> 'm5')."""
    return {w: v for lg, w, v in load_tsv(None, "number_words.tsv") if lg == lang}


# "1 049", "2,000", "10.000" -> digits joined (a thousands separator before exactly 3 digits)
THOUSANDS = re.compile(r"(?<=\d)[ ,.'\u00a0\u202f](?=\d{3}(?!\d))")
_DIGITS = re.compile(r"\d+(?:[/.\-]\d+)*")


def number_keys(text: str) -> list[str]:
    """The aligner's number anchors: each run of digits (with ``/ . -`` inside: ``77/241``,
    ``3.2.1``) after thousands separators are removed, leading zeros dropped: ``n:1049``."""
    return ["n:" + d.lstrip("0") if d.strip("0") else "n:0" for d in _DIGITS.findall(THOUSANDS.sub("", text))]


def _decimal(s: str) -> str:
    try:
        d = Decimal(s)
    except InvalidOperation:
        return s
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


_GROUPED = {"fr": re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"), "en": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")}


def _canon_number(surface: str, lang: str) -> str:
    """``1 000,5``/``1.000,5`` (fr) and ``1,000.5`` (en) -> ``1000.5``; ``3.2.1`` stays as written."""
    s = "".join(c for c in surface if c not in _SPACES)
    group, dec = (".", ",") if lang == "fr" else (",", ".")
    if _GROUPED[lang].fullmatch(s):
        return _decimal(s.replace(group, "").replace(dec, "."))
    if s.count(dec) == 1 and s.count(group) == 0:
        return _decimal(s.replace(dec, "."))
    if s.count(".") == 1 and "," not in s:  # French 3.2 (a section or a decimal written the English way)
        return _decimal(s)
    return s.replace(",", ".")


@functools.cache
def _clock(lang: str) -> re.Pattern | None:
    """Times of day of ``lang``: ``7 h 30``, ``22 h`` (fr); ``10:00 p.m.``, ``7 am`` (en); and
    ``22:00`` in both. Groups: hours, minutes, marker."""
    rows = [(k, m) for lg, k, m in load_tsv(None, "clock_times.tsv") if lg == lang]
    twelve = [re.escape(m) for k, m in rows if k in ("am", "pm")]
    hour = [re.escape(m) for k, m in rows if k == "hour"]
    alts = [r"(?P<h0>\d{1,2}):(?P<m0>[0-5]\d)(?![\d:])"]
    if twelve:
        alts.insert(0, rf"(?P<h1>\d{{1,2}})(?:[:.](?P<m1>[0-5]\d))?[{_SPACES}]?(?P<x>{'|'.join(twelve)})(?![\w])")
    if hour:
        alts.insert(0, rf"(?P<h2>\d{{1,2}})[{_SPACES}]?(?:{'|'.join(hour)})(?:[{_SPACES}]?(?P<m2>[0-5]\d))?(?![\w)])")
    return re.compile(r"(?<![\d.,:/])(?:" + "|".join(alts) + ")", re.I)


def _times(text: str, lang: str) -> list[Found]:
    """Times of day as their hour on a 24-hour clock, and their minutes unless ``00``."""
    out: list[Found] = []
    pm = {m for lg, k, m in load_tsv(None, "clock_times.tsv") if lg == lang and k == "pm"}
    for m in _clock(lang).finditer(text):
        g = m.groupdict()
        hour = int(g.get("h0") or g.get("h1") or g.get("h2"))
        mins = g.get("m0") or g.get("m1") or g.get("m2")
        if g.get("x"):
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if g["x"].lower() in pm else 0)
        elif hour > 24:
            continue
        out.append((str(hour), m.group(), m.start(), m.end()))
        if mins and mins != "00":
            out.append((str(int(mins)), m.group(), m.start(), m.end()))
    return out


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total


def numbers(text: str, lang: str, skip: list[tuple[int, int]] = ()) -> list[Found]:
    """Numbers in ``text`` with canonical values; spans in ``skip`` (symbols) are ignored,
    as are footnote markers and codes glued to a word (``police1.``, ``G8``)."""
    out: list[Found] = []

    def free(s: int, e: int) -> bool:
        return not any(s < ke and ks < e for ks, ke in skip)

    out += [t for t in _times(text, lang) if free(t[2], t[3])]
    skip = [*skip, *((t[2], t[3]) for t in out)]

    for m in _NUMBER[lang].finditer(text):
        s, e = m.span()
        if free(s, e) and not (s > 0 and text[s - 1].isalpha()):
            out.append((_canon_number(m.group(), lang), m.group(), s, e))
    if lang == "fr":  # Roman ordinals: XXIe siècle, Ier
        sufs = _ordinal_suffixes("fr")
        for m in _ROMAN.finditer(text):
            rest = text[m.end():m.end() + 6].lower()
            if any(rest.startswith(x) and not rest[len(x):len(x) + 1].isalpha() for x in sufs) \
                    and free(m.start(), m.end()):
                out.append((str(_roman(m.group())), m.group(), m.start(), m.end()))
    return sorted(out, key=lambda f: f[2])


def spelled_numbers(text: str, lang: str) -> set[str]:
    """Values of the numbers written as words in ``text`` (``trois`` -> ``3``), compounds
    included: ``vingt-cinq``/``twenty-five`` -> 25, ``trente et unième`` -> 31,
    ``quatre-vingt-dix`` -> 90."""
    table = number_words(lang)
    joiners = {"fr": ("et",), "en": ("and",)}.get(lang, ())
    toks = re.findall(r"\w+", fold(text))
    out: set[str] = set()
    run: list[int] = []

    def flush() -> None:
        if run:
            out.add(str(sum(run)))
        run.clear()

    for t in toks:
        if t in table:
            v = int(table[t]) if table[t].isdigit() else None
            if v is None:
                flush()
                continue
            out.add(str(v))
            if run and v == 20 and run[-1] < 10:  # quatre-vingt(s): 4 x 20
                run[-1] *= 20
            elif run and run[-1] % 10 == 0 and run[-1] > v and v < 20:  # vingt-cinq, trente et un, dix-sept
                run.append(v)
            else:
                flush()
                run.append(v)
        elif t in joiners and run:
            continue
        else:
            flush()
    flush()
    return out
