"""Boundary F1 between two segmentations of the same text (CONVENTIONS.md "Comparison rules").

A boundary is a position in the stream of non-whitespace characters, after normalising
apostrophes (’ -> ') and quotes, where one segment ends and the next begins.
"""
from __future__ import annotations

from typing import Iterable

__all__ = ["normalize", "boundaries", "boundary_f1", "boundary_f1_aligned"]

# apostrophes and quotes in their many shapes -> ' and " (toolkit.text does the same)
_NORM = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2032": "'",
                       "\u201c": '"', "\u201d": '"', "\u201e": '"', "«": '"', "»": '"'})


def normalize(text: str) -> str:
    """Non-whitespace characters of ``text`` with apostrophes and quotes normalised."""
    return "".join(text.split()).translate(_NORM)


def boundaries(segments: Iterable[str]) -> set[int]:
    """Inner boundary positions (the stream end is not a boundary)."""
    out, pos = set(), 0
    for s in segments:
        n = len(normalize(s))
        if n:
            pos += n
            out.add(pos)
    out.discard(pos)
    return out


def boundary_f1(predicted: Iterable[str], gold: Iterable[str]) -> tuple[float, float, float]:
    """(precision, recall, F1) of predicted boundaries against gold boundaries.

    Both segment lists should cover the same characters; boundaries are compared as
    positions, so a missing or extra character shifts the rest (the evaluators' rule).
    """
    p, g = boundaries(predicted), boundaries(gold)
    if not p and not g:
        return 1.0, 1.0, 1.0
    tp = len(p & g)
    prec = tp / len(p) if p else 0.0
    rec = tp / len(g) if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def boundary_f1_aligned(predicted: Iterable[str], gold: Iterable[str]) -> tuple[float, float, float]:
    """Boundary F1 after aligning the predicted character stream to the gold stream.

    For tools that keep or drop different characters than the gold (markup, bullets,
    footnotes left in place): each predicted boundary is mapped through the matching
    blocks of ``difflib.SequenceMatcher``; boundaries in unmatched text count as wrong.
    Equals ``boundary_f1`` when both streams are identical.
    """
    from difflib import SequenceMatcher

    predicted, gold = list(predicted), list(gold)
    ps, gs = normalize("".join(predicted)), normalize("".join(gold))
    if ps == gs:
        return boundary_f1(predicted, gold)
    pb, gb = boundaries(predicted), boundaries(gold)
    mapped = set()
    for a, b, size in SequenceMatcher(None, ps, gs, autojunk=False).get_matching_blocks():
        for p in pb:
            if a < p <= a + size:  # boundary after a matched character
                mapped.add(b + (p - a))
    tp = len(mapped & gb)
    prec = tp / len(pb) if pb else 0.0
    rec = tp / len(gb) if gb else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1
