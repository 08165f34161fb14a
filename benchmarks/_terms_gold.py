"""Helpers for benchmarks/terms.py and tests/terms: load the gold segments and beads of
shared/gold as Alignment objects, read gold glossaries, normalise terms for matching."""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

from toolkit.types import Alignment, Bead, Segment

_LINK = re.compile(r"\[([\d,\s]*)\]:\[([\d,\s]*)\]")


def _ids(s: str) -> tuple[int, ...]:
    return tuple(int(x) for x in s.split(",") if x.strip())


def load_alignment(gold: Path, stem: str) -> Alignment:
    fr = (gold / f"{stem}.fr.txt").read_text(encoding="utf-8").splitlines()
    en = (gold / f"{stem}.en.txt").read_text(encoding="utf-8").splitlines()
    beads = []
    for line in (gold / f"{stem}.align").read_text(encoding="utf-8").splitlines():
        m = _LINK.fullmatch(line.strip())
        if m:
            beads.append(Bead(_ids(m.group(1)), _ids(m.group(2)), 1.0))
    return Alignment(stem, [Segment(t) for t in fr], [Segment(t) for t in en], beads)


def stems(gold: Path) -> list[str]:
    return sorted(p.name[: -len(".glossary.tsv")] for p in gold.glob("*.glossary.tsv")
                  if (gold / p.name.replace(".glossary.tsv", ".align")).exists())


def load_glossary(gold: Path, stem: str) -> list[tuple[str, str, str]]:
    with open(gold / f"{stem}.glossary.tsv", encoding="utf-8", newline="") as fh:
        return [(r["fr_term"], r["en_term"], r.get("kind", "")) for r in csv.DictReader(fh, delimiter="\t")]


def strict(term: str) -> str:
    """Case-sensitive match up to apostrophe and space shape."""
    return " ".join(term.replace("\u2019", "'").split())


def norm(term: str, lang: str) -> str:
    """Case- and accent-insensitive lemma key: 'Capacités policières' == 'capacité policière'."""
    from toolkit.terms.tagger import lemma
    from toolkit.text import tokenize

    toks = [lemma(t, lang) for t in tokenize(term)]
    arts = {"fr": {"le", "un", "une"}, "en": {"the", "a", "an", "s"}}[lang]
    out = " ".join(t for t in toks if t not in arts)
    return "".join(c for c in unicodedata.normalize("NFD", out) if not unicodedata.combining(c))
