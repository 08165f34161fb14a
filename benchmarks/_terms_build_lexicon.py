"""Build toolkit/data/fr/terms_lexicon_fr_en.tsv: a FR->EN word lexicon of UN language.

IBM model 1 (toolkit.terms.wordsim.ibm1) in both directions over the lemmatised content
words of the UN Parallel Corpus v1.0 dev and test sets (shared/data/unpc, 8,000 sentence
pairs; UNPC terms of use: attribution, no other restriction). A pair is kept when each
direction gives it at least ``MIN_P``; at most ``TOP`` English words per French word.

    python benchmarks/_terms_build_lexicon.py [shared/data/unpc] > toolkit/data/fr/terms_lexicon_fr_en.tsv
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from toolkit.terms.tagger import tag_text
from toolkit.terms.wordsim import ibm1

MIN_P = 0.05
TOP = 4
MIN_COUNT = 2


def content(text: str, lang: str) -> list[str]:
    return [t.lemma for t in tag_text(text, lang) if t.tag in "NAJRGK"]


def main(unpc: Path) -> None:
    pairs = []
    for part in ("devset", "testset"):
        fr = (unpc / f"UNv1.0.{part}.fr").read_text(encoding="utf-8").splitlines()
        en = (unpc / f"UNv1.0.{part}.en").read_text(encoding="utf-8").splitlines()
        for f, e in zip(fr, en):
            cf, ce = content(f, "fr"), content(e, "en")
            if cf and ce and len(cf) < 80 and len(ce) < 80:
                pairs.append((cf, ce))
    cf = Counter(w for f, _ in pairs for w in f)
    ce = Counter(w for _, e in pairs for w in e)
    fe = ibm1(pairs, iterations=6)
    ef = ibm1([(e, f) for f, e in pairs], iterations=6)
    print("# FR->EN word lexicon (folded lemmas) learnt by IBM model 1 in both directions from the")
    print("# UN Parallel Corpus v1.0 dev+test sets (Ziemski, Junczys-Dowmunt, Pouliquen 2016;")
    print("# terms of use: attribution, no other restriction). Built by benchmarks/_terms_build_lexicon.py.")
    print("# fr<TAB>en<TAB>p: the geometric mean of t(en|fr) and t(fr|en).")
    for f in sorted(fe):
        if cf[f] < MIN_COUNT:
            continue
        rows = []
        for e, p in fe[f].items():
            q = ef.get(e, {}).get(f, 0.0)
            if p >= MIN_P and q >= MIN_P and ce[e] >= MIN_COUNT:
                rows.append(((p * q) ** 0.5, e))
        for s, e in sorted(rows, reverse=True)[:TOP]:
            print(f"{f}\t{e}\t{s:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data" / "unpc")
