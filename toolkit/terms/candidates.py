"""Monolingual term candidates: token spans whose tags match a row of term_patterns.tsv.

Every matching span is a candidate, nested ones included ("services de police" inside
"services de police responsables"); termhood (termhood.py) decides which ones are kept.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..langdata import check_lang, load_tsv
from .tagger import Token, tag_text

__all__ = ["Span", "spans", "patterns", "MAX_TOKENS"]

MAX_TOKENS = 20  # names such as "Équipe d’experts de l’état de droit et des questions touchant …"
_MACRO = re.compile(r"\{(\w+)\}")
_GAP_OK = re.compile(r"\s*")  # tokens of one term are separated by spaces only
_HEAD = set("NJKRAMG")  # tags a candidate may start with (checked by the patterns)


@dataclass(frozen=True, slots=True)
class Span:
    """One candidate occurrence in one segment: tokens[i:j]."""

    i: int
    j: int
    key: str  # lemma key, articles dropped: "service de police"
    surface: str
    content: tuple[str, ...]  # content-word lemmas
    kind: str  # term / name / acronym
    initial: bool  # starts the segment (its capital says nothing)


@functools.cache
def patterns(lang: str) -> re.Pattern:
    """The language's rows joined into one regular expression over tag strings."""
    lang = check_lang(lang)
    macros: dict[str, str] = {}
    rows = []
    for row in load_tsv(lang, "term_patterns.tsv"):
        name, rx = row[0], row[1]
        rx = _MACRO.sub(lambda m: macros[m.group(1)], rx)
        if name.startswith("@"):
            macros[name[1:]] = rx
        else:
            rows.append(f"(?:{rx})")
    return re.compile("|".join(rows))


def _breaks(text: str, toks: list[Token]) -> list[bool]:
    """breaks[k]: a term cannot run from token k to token k+1 (punctuation between them)."""
    out = []
    for a, b in zip(toks, toks[1:]):
        gap = text[a.end:b.start]
        out.append(not _GAP_OK.fullmatch(gap) and not (a.text.endswith("'") and gap == ""))
    out.append(True)
    return out


def spans(text: str, lang: str, toks: list[Token] | None = None) -> tuple[list[Token], list[Span]]:
    """Tokens of ``text`` and every candidate span in it."""
    from ..text import normalize_chars

    norm = normalize_chars(text)
    toks = tag_text(text, lang) if toks is None else toks
    rx = patterns(lang)
    tags = "".join(t.tag for t in toks)
    brk = _breaks(norm, toks)
    first_word = next((k for k, t in enumerate(toks) if t.tag != "M"), 0)
    out: list[Span] = []
    n = len(toks)
    for i in range(n):
        if tags[i] not in _HEAD:
            continue
        for j in range(i + 1, min(n, i + MAX_TOKENS) + 1):
            if j - 1 > i and brk[j - 2]:
                break
            if tags[j - 1] in "PQDCXVS":
                continue
            if rx.fullmatch(tags, i, j):
                out.append(_make(norm, toks, i, j, lang, i == first_word))
    return toks, out


def _make(norm: str, toks: list[Token], i: int, j: int, lang: str, initial: bool) -> Span:
    ts = toks[i:j]
    surface = norm[ts[0].start:ts[-1].end]
    if initial and not ts[0].cap and ts[0].text[:1].isupper() and not ts[0].text.isupper():
        surface = surface[:1].lower() + surface[1:]
    key = " ".join(t.lemma for t in ts if t.tag not in "DS")
    content = tuple(t.lemma for t in ts if t.tag not in "PQDCXS")
    if len(ts) == 1 and ts[0].acronym:
        kind = "acronym"
    elif ts[0].cap or (ts[0].acronym and len(ts) > 1):
        kind = "name"
    else:
        kind = "term"
    return Span(i, j, key, surface, content, kind, initial)
