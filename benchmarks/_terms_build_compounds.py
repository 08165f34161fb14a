"""Build toolkit/data/en/terms_compounds.tsv: English noun compounds of UN language.

Adjacent English noun/adjective lemmas (toolkit.terms.tagger) on the English side of the UN
Parallel Corpus v1.0 dev and test sets (shared/data/unpc, 8,000 sentences; terms of use:
attribution, no other restriction). Kept: bigrams seen ``MIN_PAIR`` times or more that make
up at least ``MIN_SHARE`` of the occurrences of their rarer word ("law enforcement": most
"enforcement" is "law enforcement"; not "police services"). Pairing uses them to let an
English span keep a word that belongs to a compound with a linked word ("[law] enforcement
capacities" for "capacités de répression"). Rebuild when the tagger changes.

    python benchmarks/_terms_build_compounds.py [shared/data/unpc] > toolkit/data/en/terms_compounds.tsv
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from toolkit.terms.tagger import tag_text

MIN_PAIR = 5
MIN_SHARE = 0.5


def main(unpc: Path) -> None:
    uni: Counter = Counter()
    bi: Counter = Counter()
    for part in ("devset", "testset"):
        for line in (unpc / f"UNv1.0.{part}.en").read_text(encoding="utf-8").splitlines():
            toks = tag_text(line, "en")
            for k, t in enumerate(toks):
                if t.tag in "NAJ":
                    uni[t.lemma] += 1
                    if k + 1 < len(toks) and toks[k + 1].tag in "NAJ":
                        bi[(t.lemma, toks[k + 1].lemma)] += 1
    print("# English noun compounds (lemmas) of the UN Parallel Corpus v1.0 dev+test sets (Ziemski,")
    print("# Junczys-Dowmunt, Pouliquen 2016; terms of use: attribution, no other restriction).")
    print("# Built by benchmarks/_terms_build_compounds.py. first<TAB>second<TAB>share of the rarer word")
    for (a, b), c in sorted(bi.items()):
        share = c / min(uni[a], uni[b])
        if c >= MIN_PAIR and share >= MIN_SHARE and a.isalpha() and b.isalpha():
            print(f"{a}\t{b}\t{share:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data" / "unpc")
