"""Terminology QA of an aligned document pair.

``check(alignment, glossary)`` returns the omissions (``omissions.py``: an empty side, French
segments with no English, English with no French source, text left untranslated), then an
``Issue`` for each aligned pair where

- an approved glossary term occurs in the French (plural-, accent-, case- and
  elision-insensitive) but neither its English term nor an accepted variant occurs in
  the English (same tolerance): kind ``term``;
- a number differs (``1 000,5`` = ``1,000.5``, ``1er`` = ``1st``, ``XXIe`` = ``21st``): kind ``number``;
- a document symbol (``A/RES/77/241``, ``No 1049``, ``GA-2017-86-RES-06``) is on one side only: kind ``symbol``.

Example::

    issues = check(alignment, glossary)   # termkit check exits 1 when issues is not empty
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..lookup.match import Word, find_spans, singulars, term_words, words
from ..types import Alignment, Glossary
from .numbers import numbers, spelled_numbers, symbols

__all__ = ["check", "Issue", "ISSUE_KINDS"]

ISSUE_KINDS = ("empty", "omission", "addition", "untranslated", "term", "number", "symbol")


@dataclass(frozen=True, slots=True)
class Issue:
    kind: str  # one of ISSUE_KINDS
    fr_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    fr: str
    en: str
    expected: str
    found: str
    message: str


class _TermIndex:
    """Approved entries keyed by the singular forms of their first French word."""

    def __init__(self, glossary: Glossary):
        # French key -> (French term words, English forms); entries sharing a French term
        # (two approved translations) accept each other's English.
        by_fr: dict[tuple[str, ...], tuple[str, list[str]]] = {}
        for e in glossary.entries:
            if e.status != "approved" or not e.en.strip():
                continue
            for form in (e.fr, *e.fr_variants):
                tw = term_words(form, "fr")
                if not tw:
                    continue
                label, ens = by_fr.setdefault(tw, (e.fr, []))
                ens += [x for x in (e.en, *e.en_variants) if x.strip() and x not in ens]
        self.terms = by_fr
        self.first: dict[str, list[tuple[str, ...]]] = {}
        for tw in by_fr:
            for f in singulars(tw[0], "fr"):
                self.first.setdefault(f, []).append(tw)
        self.en_keys = {tw: [k for k in dict.fromkeys(term_words(x, "en") for x in ens) if k]
                        for tw, (_, ens) in by_fr.items()}

    def occurring(self, fr_words: list[Word], fr: str) -> list[tuple[tuple[str, ...], tuple[int, int]]]:
        """Terms found in the sentence, longest first, nested shorter terms dropped."""
        cands = {tw for w in fr_words for f in singulars(w.key, "fr") for tw in self.first.get(f, ())}
        found = []
        for tw in sorted(cands, key=len, reverse=True):
            for span in find_spans(fr, tw, "fr", fr_words):
                if not any(s <= span[0] and span[1] <= e for _, (s, e) in found):
                    found.append((tw, span))
                    break
        return found


def check(alignment: Alignment, glossary: Glossary) -> list[Issue]:
    """Omissions, then terminology, number and symbol issues of ``alignment``, in document order."""
    from .omissions import omission_issues

    index = _TermIndex(glossary)
    issues: list[Issue] = omission_issues(alignment)
    for fr, en, bead in alignment.pairs():
        if not fr.strip() or not en.strip():
            continue  # reported above as omissions
        issues += _term_issues(index, fr, en, bead.fr_ids, bead.en_ids)
        issues += _number_issues(fr, en, bead.fr_ids, bead.en_ids)
    return issues


def _term_issues(index: _TermIndex, fr: str, en: str, fr_ids, en_ids) -> list[Issue]:
    out = []
    en_words = None
    for tw, (s, e) in index.occurring(words(fr, "fr"), fr):
        if en_words is None:
            en_words = words(en, "en")
        if any(find_spans(en, k, "en", en_words) for k in index.en_keys[tw]):
            continue
        label, ens = index.terms[tw]
        expected = " | ".join(ens)
        out.append(Issue("term", fr_ids, en_ids, fr, en, expected, "",
                         f"«{fr[s:e]}» should be translated «{ens[0]}»"
                         + (f" (or {', '.join('«' + x + '»' for x in ens[1:])})" if len(ens) > 1 else "")
                         + "; not found in the English"))
    return out


def _number_issues(fr: str, en: str, fr_ids, en_ids) -> list[Issue]:
    out = []
    fs, es = symbols(fr), symbols(en)
    f_sym = {c for c, *_ in fs}
    e_sym = {c for c, *_ in es}
    only_fr = [f for f in fs if not _symbol_in(f[0], e_sym)]
    only_en = [f for f in es if not _symbol_in(f[0], f_sym)]
    for f in only_fr:
        out.append(Issue("symbol", fr_ids, en_ids, fr, en, f[1], ", ".join(x[1] for x in only_en),
                         f"symbol {f[1]} of the French is missing from the English"))
    for f in only_en:
        out.append(Issue("symbol", fr_ids, en_ids, fr, en, "", f[1],
                         f"symbol {f[1]} of the English is not in the French"))

    fn = numbers(fr, "fr", [(s, e) for *_, s, e in fs])
    en_ = numbers(en, "en", [(s, e) for *_, s, e in es])
    missing = Counter(v for v, *_ in fn) - Counter(v for v, *_ in en_)
    extra = Counter(v for v, *_ in en_) - Counter(v for v, *_ in fn)
    if missing or extra:  # "3 États" ~ "three States": a number spelled out on the other side
        for v in spelled_numbers(en, "en"):
            missing.pop(v, None)
        for v in spelled_numbers(fr, "fr"):
            extra.pop(v, None)
    f_only = _take(fn, missing)
    e_only = _take(en_, extra)
    for i in range(max(len(f_only), len(e_only))):
        a = f_only[i] if i < len(f_only) else None
        b = e_only[i] if i < len(e_only) else None
        if a and b:
            msg = f"number {a[1]} in the French, {b[1]} in the English"
        elif a:
            msg = f"number {a[1]} of the French is missing from the English"
        else:
            msg = f"number {b[1]} of the English is not in the French"
        out.append(Issue("number", fr_ids, en_ids, fr, en, a[1] if a else "", b[1] if b else "", msg))
    return out


def _symbol_in(sym: str, others: set[str]) -> bool:
    """A symbol is present if the other side has it, or has it inside a longer symbol
    (``77/241`` in ``A/RES/77/241``) or the other way round."""
    return sym in others or any(o.endswith("/" + sym) or sym.endswith("/" + o) for o in others)


def _take(found, counts: Counter) -> list:
    left = Counter(counts)
    out = []
    for f in found:
        if left[f[0]] > 0:
            left[f[0]] -= 1
            out.append(f)
    return out
