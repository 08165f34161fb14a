"""Terminology QA of an aligned document pair, quiet on a good translation.

``check(alignment, glossary)`` returns the omissions (``omissions.py``), then, for each
aligned pair:

- ``term``: a checked glossary term (status ``approved``; ``statuses=("approved", "new")``
  checks candidates too) occurs in the French and no accepted rendering occurs in the
  English (``terms.py``: variants, plurals, British/American spelling, coordination,
  "of" order, acronym expansion; with a build's ``corpus``, the renderings seen there,
  ``evidence.py``);
- ``number``: a number differs (``1 000,5`` = ``1,000.5``, ``1er`` = ``1st``, ``XXIe`` =
  ``21st``, ``vingt-cinq`` = ``25``, ``N° 16`` = ``Goal 16``);
- ``symbol``: a document symbol (``A/RES/77/241``) is on one side only.

Each issue has a ``severity``: ``issue`` (``termkit check`` exits 1) or ``note`` (shown,
exit 0) when the evidence is weak: a number present on one side only (often a legitimate
rephrasing), a pair the aligner is unsure of (score under ``LOW_CONFIDENCE``), a term the
build's own corpus renders unrecognisably in half its occurrences or more. A term missing
from a sentence pair that is itself in the build's corpus is not reported (the reference).

Example::

    issues = check(alignment, glossary, corpus=CorpusEvidence("termkit.db"))
    failing = [i for i in issues if i.severity == "issue"]
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..words.forms import search_words as words
from ..review import LOW_CONFIDENCE
from ..types import Alignment, Glossary
from ..words.numbers import numbers, spelled_numbers
from .symbols import symbols
from .terms import Renderer, TermIndex

__all__ = ["check", "Issue", "ISSUE_KINDS", "SEVERITIES", "checked_terms"]

ISSUE_KINDS = ("empty", "omission", "addition", "untranslated", "term", "number", "symbol")
SEVERITIES = ("issue", "note")


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding of ``check`` on one bead (segment ids of each side, texts, what was expected)."""

    kind: str  # one of ISSUE_KINDS
    fr_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    fr: str
    en: str
    expected: str
    found: str
    message: str
    severity: str = "issue"  # issue: exit code 1; note: reported only


def checked_terms(glossary: Glossary, statuses: tuple[str, ...] = ("approved",)) -> int:
    """How many French terms ``check`` looks for (0: say so, the check is numbers only)."""
    return len(TermIndex(glossary, statuses))


def check(alignment: Alignment, glossary: Glossary, *, statuses: tuple[str, ...] = ("approved",),
          corpus=None) -> list[Issue]:
    """Omissions, then terminology, number and symbol issues of ``alignment``, in document order.

    ``corpus``: an ``evidence.CorpusEvidence`` over the build the glossary comes from."""
    from dataclasses import replace

    from ..align import alignment_confidence
    from .omissions import omission_issues

    index = TermIndex(glossary, statuses)
    issues: list[Issue] = omission_issues(alignment)
    sure = alignment_confidence(alignment.beads, alignment.fr, alignment.en)  # the score without pollution
    for (fr, en, bead), conf in zip(alignment.pairs(), sure):
        if not fr.strip() or not en.strip():
            continue  # reported above as omissions
        found = _term_issues(index, fr, en, bead.fr_ids, bead.en_ids, corpus)
        found += _number_issues(fr, en, bead.fr_ids, bead.en_ids)
        if conf < LOW_CONFIDENCE:  # the sides may not even correspond
            found = [replace(i, severity="note", message=i.message + " (alignment uncertain)") for i in found]
        issues += found
    return issues


def _term_issues(index: TermIndex, fr: str, en: str, fr_ids, en_ids, corpus) -> list[Issue]:
    out = []
    r = None
    for tw, (s, e) in index.occurring(words(fr, "fr"), fr):
        if r is None:
            r = Renderer(en)
        if index.rendered(tw, r):
            continue
        severity, why = "issue", ""
        if corpus is not None:
            if corpus.seen_rendering(index, tw, r) or corpus.has_pair(fr, en):
                continue  # a rendering seen in the corpus, or this very pair is in it
            ev = corpus.of(index, tw)
            if ev.loose():
                severity = "note"
                why = (f" (the corpus renders it otherwise in {ev.unexplained} of {ev.occurrences} "
                       "sentences)")
        label, ens = index.terms[tw]
        out.append(Issue("term", fr_ids, en_ids, fr, en, " | ".join(ens), "",
                         f"«{fr[s:e]}» should be translated «{ens[0]}»"
                         + (f" (or {', '.join('«' + x + '»' for x in ens[1:])})" if len(ens) > 1 else "")
                         + "; not found in the English" + why, severity))
    return out


def _number_issues(fr: str, en: str, fr_ids, en_ids) -> list[Issue]:
    out = []
    fs, es = symbols(fr), symbols(en)
    f_sym = {c for c, *_ in fs}
    e_sym = {c for c, *_ in es}
    fn = numbers(fr, "fr", [(s, e) for *_, s, e in fs])
    en_ = numbers(en, "en", [(s, e) for *_, s, e in es])
    only_fr = [f for f in fs if not _symbol_in(f[0], e_sym) and not _numbered_in(f, en_)]
    only_en = [f for f in es if not _symbol_in(f[0], f_sym) and not _numbered_in(f, fn)]
    for f in only_fr:
        out.append(Issue("symbol", fr_ids, en_ids, fr, en, f[1], ", ".join(x[1] for x in only_en),
                         f"symbol {f[1]} of the French is missing from the English"))
    for f in only_en:
        out.append(Issue("symbol", fr_ids, en_ids, fr, en, "", f[1],
                         f"symbol {f[1]} of the English is not in the French"))
    # "N° 16" ~ "Goal 16": the number of a numbered symbol counts as that number
    fn += [(f[0][3:], f[1], f[2], f[3]) for f in fs if f not in only_fr and f[0].startswith("NO ")
           and f[0] not in e_sym]
    en_ += [(f[0][3:], f[1], f[2], f[3]) for f in es if f not in only_en and f[0].startswith("NO ")
            and f[0] not in f_sym]
    # the same digits on both sides are the same number, whatever their reading
    # ("487.093", a section of a code, reads as 487093 in French and 487.093 in English)
    same = Counter(f[1] for f in fn) & Counter(f[1] for f in en_)
    fn, en_ = _split(fn, same, 1)[1], _split(en_, same, 1)[1]
    missing = Counter(v for v, *_ in fn) - Counter(v for v, *_ in en_)
    extra = Counter(v for v, *_ in en_) - Counter(v for v, *_ in fn)
    if missing or extra:  # "3 États" ~ "three States": a number spelled out on the other side
        for v in spelled_numbers(en, "en"):
            missing.pop(v, None)
        for v in spelled_numbers(fr, "fr"):
            extra.pop(v, None)
    f_only = _split(fn, missing, 0)[0]
    e_only = _split(en_, extra, 0)[0]
    for i in range(max(len(f_only), len(e_only))):
        a = f_only[i] if i < len(f_only) else None
        b = e_only[i] if i < len(e_only) else None
        if a and b:
            msg, severity = f"number {a[1]} in the French, {b[1]} in the English", "issue"
        elif a:  # one side only: often a rephrasing ("this Act", "the first"), worth a look
            msg, severity = f"number {a[1]} of the French is not in the English", "note"
        else:
            msg, severity = f"number {b[1]} of the English is not in the French", "note"
        out.append(Issue("number", fr_ids, en_ids, fr, en, a[1] if a else "", b[1] if b else "", msg, severity))
    return out


def _split(found, counts: Counter, field: int) -> tuple[list, list]:
    """(the items whose ``field`` is counted in ``counts``, each count used once in order; the rest)."""
    left = Counter(counts)
    taken, rest = [], []
    for f in found:
        if left[f[field]] > 0:
            left[f[field]] -= 1
            taken.append(f)
        else:
            rest.append(f)
    return taken, rest


def _numbered_in(sym, nums) -> bool:
    """A numbered symbol (``N° 16``) whose number the other side has as a plain number."""
    return sym[0].startswith("NO ") and any(v == sym[0][3:] for v, *_ in nums)


def _symbol_in(sym: str, others: set[str]) -> bool:
    """A symbol is present if the other side has it, or has it inside a longer symbol
    (``77/241`` in ``A/RES/77/241``) or the other way round."""
    return sym in others or any(o.endswith("/" + sym) or sym.endswith("/" + o) for o in others)
