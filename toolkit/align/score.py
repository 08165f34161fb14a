"""Strict and lax precision/recall/F1 of beads, as Vecalign's ``score.py`` (and Bertalign's
``eval.py``): 0-1 and 1-0 beads are left out; strict counts exact beads, lax counts gold
beads that share a FR and an EN index with a test bead (recall) and vice versa (precision).
Also reads and writes the ``[i,j]:[k]`` format (CONVENTIONS.md)."""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterable, Sequence

__all__ = ["read_align", "format_align", "score_beads", "to_pairs"]

Pair = tuple[tuple[int, ...], tuple[int, ...]]


def read_align(path) -> list[Pair]:
    """Beads of a ``.align`` file: one ``[i,j]:[k]`` a line."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            a, b = line.split(":")
            out.append((tuple(ast.literal_eval(a)), tuple(ast.literal_eval(b))))
    return out


def format_align(beads: Iterable) -> str:
    return "".join(f"[{','.join(map(str, f))}]:[{','.join(map(str, e))}]\n" for f, e in to_pairs(beads))


def to_pairs(beads: Iterable) -> list[Pair]:
    """Beads (``Bead`` objects or (fr_ids, en_ids) pairs) as tuples of tuples."""
    out = []
    for b in beads:
        f, e = (b.fr_ids, b.en_ids) if hasattr(b, "fr_ids") else (b[0], b[1])
        out.append((tuple(f), tuple(e)))
    return out


def _prf(tp_p: int, n_test: int, tp_r: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_test if n_test else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def score_beads(test: Sequence, gold: Sequence) -> dict[str, dict[str, float]]:
    """``{"strict": {precision, recall, f1}, "lax": {...}}`` of test beads against gold beads."""
    t = [b for b in to_pairs(test) if b[0] and b[1]]
    g = [b for b in to_pairs(gold) if b[0] and b[1]]
    gs, ts = set(g), set(t)
    strict = _prf(sum(1 for b in t if b in gs), len(t), sum(1 for b in g if b in ts), len(g))

    def links(beads):
        return {(i, j) for f, e in beads for i in f for j in e}

    tl, gl = links(t), links(g)
    lax_p = sum(1 for f, e in t if any((i, j) in gl for i in f for j in e))
    lax_r = sum(1 for f, e in g if any((i, j) in tl for i in f for j in e))
    lax = _prf(lax_p, len(t), lax_r, len(g))
    return {"strict": strict, "lax": lax}
