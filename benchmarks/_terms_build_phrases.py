"""Build toolkit/data/fr/terms_phrases_fr_en.tsv: FR->EN term pairs of UN language.

Candidate terms (toolkit.terms.candidates) on both sides of the UN Parallel Corpus v1.0
dev and test sets (shared/data/unpc, 8,000 sentence pairs; terms of use: attribution, no
other restriction), paired by Dice co-occurrence over sentence pairs. Kept: pairs seen
``MIN_PAIR`` times or more with Dice >= ``MIN_DICE``, the best English key of each French
key and those close to it. Keys are the lemma keys of toolkit.terms (rebuild this table
when the tagger or the patterns change).

    python benchmarks/_terms_build_phrases.py [shared/data/unpc] > toolkit/data/fr/terms_phrases_fr_en.tsv
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from toolkit.terms.candidates import filter_spans, spans

MIN_COUNT = 4
MIN_PAIR = 4
MIN_DICE = 0.5
CLOSE = 0.9
PER_KEY = 3
MAX_WORDS = 4


def keys(text: str, lang: str, freq: Counter | None = None) -> set[str]:
    toks, found = spans(text, lang)
    if lang == "fr" and freq is not None:
        found, _free = filter_spans(toks, found, freq, lang)
    return {s.key for s in found if len(s.content) <= MAX_WORDS}


def main(unpc: Path) -> None:
    fr_lines, en_lines = [], []
    for part in ("devset", "testset"):
        fr_lines += (unpc / f"UNv1.0.{part}.fr").read_text(encoding="utf-8").splitlines()
        en_lines += (unpc / f"UNv1.0.{part}.en").read_text(encoding="utf-8").splitlines()
    raw_fr = [keys(f, "fr") for f in fr_lines]
    freq = Counter(k for ks in raw_fr for k in ks)
    fk = [keys(f, "fr", freq) for f in fr_lines]
    ek = [keys(e, "en") for e in en_lines]
    cf = Counter(k for ks in fk for k in ks)
    ce = Counter(k for ks in ek for k in ks)
    pair: Counter = Counter()
    for a, b in zip(fk, ek):
        a = [k for k in a if cf[k] >= MIN_COUNT]
        b = [k for k in b if ce[k] >= MIN_COUNT]
        for x in a:
            for y in b:
                pair[(x, y)] += 1
    best: dict[str, list] = {}
    for (x, y), c in pair.items():
        if c < MIN_PAIR:
            continue
        d = 2 * c / (cf[x] + ce[y])
        if d >= MIN_DICE:
            best.setdefault(x, []).append((d, y))
    print("# FR->EN term pairs (lemma keys of toolkit.terms) learnt by Dice co-occurrence from the")
    print("# UN Parallel Corpus v1.0 dev+test sets (Ziemski, Junczys-Dowmunt, Pouliquen 2016;")
    print("# terms of use: attribution, no other restriction). Built by benchmarks/_terms_build_phrases.py.")
    print("# fr_key<TAB>en_key<TAB>dice")
    for x in sorted(best):
        rows = sorted(best[x], key=lambda r: (-r[0], -len(r[1])))
        # of two nested English keys with the same Dice keep the longer one
        # ("economic and social council", not "social council")
        rows = [r for r in rows if not any(o[1] != r[1] and f" {r[1]} " in f" {o[1]} " and o[0] >= r[0] - 0.02
                                           for o in rows)]
        top = rows[0][0]
        for d, y in rows[:PER_KEY]:
            if d >= CLOSE * top:
                print(f"{x}\t{y}\t{d:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data" / "unpc")
