"""Omission QA: what of the source has no translation, and what was left untranslated.

- ``empty``: one side has text and the other none (a missing translation file);
- ``omission``: a run of French segments aligned to nothing (1-0 beads): an alignment gap
  where the translation leaves text out; one issue per run, naming every segment;
- ``addition``: a run of English segments with no French source (0-1 beads);
- ``untranslated``: an English segment that reads as French (function words), copied from the
  French or not; text common to both languages (names, addresses, URLs, e-mail addresses,
  English quoted in the French) is not reported.
"""
from __future__ import annotations

import re

from ..types import Alignment

__all__ = ["omission_issues", "OMISSION_KINDS"]

OMISSION_KINDS = ("empty", "omission", "addition", "untranslated")
_WORD = re.compile(r"[^\W\d_]+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
MIN_WORDS = 3  # "INTERPOL", "Nations Unies" may stay as they are; a sentence may not
# toolkit.readers.detect_language's confidence that the English is French: lower when the
# segment is the French one copied (then only its language is in doubt, not the alignment)
MIN_CONFIDENCE, MIN_CONFIDENCE_COPIED = 0.5, 0.2


def _issue(kind, fr_ids, en_ids, fr, en, message, severity="issue"):
    from . import Issue

    return Issue(kind, tuple(fr_ids), tuple(en_ids), fr, en, "", "", message, severity)


ABSORB = 0.15  # log-ratio gain that says a lone segment belongs with its neighbour


def _chars(al: Alignment, b) -> tuple[int, int]:
    return sum(len(al.fr[i].text) for i in b.fr_ids), sum(len(al.en[j].text) for j in b.en_ids)


def _ratio(al: Alignment) -> float:
    """French / English length of the document's paired beads (about 1.1-1.2 for FR/EN)."""
    f = e = 0
    for b in al.beads:
        if b.fr_ids and b.en_ids:
            x, y = _chars(al, b)
            f, e = f + x, e + y
    return f / e if f and e else 1.15


def _belongs_near(al: Alignment, run: list, side: str, ratio: float) -> str:
    """" (alignment uncertain: …)" when the lone segments make a neighbouring bead's length
    ratio much closer to the document's: the aligner split a sentence, nothing is missing."""
    import math

    pos = {id(b): k for k, b in enumerate(al.beads)}
    first, last = pos[id(run[0])], pos[id(run[-1])]
    n = sum(_chars(al, b)[0 if side == "fr" else 1] for b in run)
    for k in (first - 1, last + 1):
        if not 0 <= k < len(al.beads) or not (al.beads[k].fr_ids and al.beads[k].en_ids):
            continue
        f, e = _chars(al, al.beads[k])
        after = (f + n) / e if side == "fr" else f / (e + n)
        if abs(math.log(after / ratio)) < abs(math.log(f / e / ratio)) - ABSORB:
            return f" (alignment uncertain: it reads as part of bead {k}'s sentence)"
    return ""


def _runs(beads, side: str) -> list[list]:
    """Maximal runs of consecutive beads that have only ``side`` ("fr" or "en")."""
    runs: list[list] = []
    cur: list = []
    for b in beads:
        lone = (b.fr_ids and not b.en_ids) if side == "fr" else (b.en_ids and not b.fr_ids)
        if lone:
            cur.append(b)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _shorten(texts: list[str], limit: int = 300) -> str:
    text = " ".join(texts)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def omission_issues(al: Alignment) -> list:
    """Issues of kinds ``OMISSION_KINDS`` for one aligned document, in document order."""
    fr_text = any(s.text.strip() for s in al.fr)
    en_text = any(s.text.strip() for s in al.en)
    if fr_text != en_text:
        side, other = ("English", "French") if fr_text else ("French", "English")
        n = len(al.fr) if fr_text else len(al.en)
        return [_issue("empty", range(len(al.fr)) if fr_text else (), range(len(al.en)) if en_text else (),
                       "" if not fr_text else _shorten([s.text for s in al.fr[:3]]),
                       "" if not en_text else _shorten([s.text for s in al.en[:3]]),
                       f"the {side} text is empty: none of the {n} {other} segments is translated")]
    issues = []
    ratio = _ratio(al)
    for run in _runs(al.beads, "fr"):
        ids = [i for b in run for i in b.fr_ids]
        near = _belongs_near(al, run, "fr", ratio)
        issues.append(_issue("omission", ids, (), _shorten([al.fr[i].text for i in ids]), "",
                             f"{len(ids)} French segment(s) ({_span(ids)}) have no English translation" + near,
                             "note" if near else "issue"))
    for run in _runs(al.beads, "en"):
        ids = [i for b in run for i in b.en_ids]
        near = _belongs_near(al, run, "en", ratio)
        issues.append(_issue("addition", (), ids, "", _shorten([al.en[i].text for i in ids]),
                             f"{len(ids)} English segment(s) ({_span(ids)}) have no French source" + near,
                             "note" if near else "issue"))
    issues += _untranslated(al)
    fr_pos = {i: k for k, b in enumerate(al.beads) for i in b.fr_ids}
    en_pos = {i: k for k, b in enumerate(al.beads) for i in b.en_ids}
    return sorted(issues, key=lambda i: fr_pos.get(i.fr_ids[0], 0) if i.fr_ids else en_pos.get(i.en_ids[0], 0))


def _span(ids: list[int]) -> str:
    return f"#{ids[0]}" if len(ids) == 1 else f"#{ids[0]}-{ids[-1]}"


def _untranslated(al: Alignment) -> list:
    from ..readers import detect_language

    out = []
    for fr, en, b in al.pairs():
        if not b.fr_ids or not b.en_ids or len(_words(en)) < MIN_WORDS:
            continue
        lang, conf = detect_language(_URL.sub(" ", en))  # a URL's words are no language
        copied = _words(fr) == _words(en)
        if lang != "fr" or conf < (MIN_CONFIDENCE_COPIED if copied else MIN_CONFIDENCE):
            continue
        out.append(_issue("untranslated", b.fr_ids, b.en_ids, fr, en,
                          "the English is the French text, copied untranslated" if copied
                          else "the English segment is in French: left untranslated"))
    return out
