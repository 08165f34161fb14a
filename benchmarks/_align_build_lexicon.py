"""Build toolkit/data/align_lexicon_fr_en.tsv, the one bundled FR->EN word lexicon (toolkit.words.lexicon;
the aligner and the terminology extractor read it),
learnt with IBM model 1 in both directions on the UN Parallel Corpus v1.0 test+dev sets
(shared/data/unpc; terms of use: acknowledge the United Nations, cite Ziemski et al. 2016).

    python benchmarks/_align_build_lexicon.py > toolkit/data/align_lexicon_fr_en.tsv

Keys are the aligner's word keys (folded, function words out, plural s stripped). A row is kept
when sqrt(t(en|fr) * t(fr|en)) >= 0.15 and both words occur at least 3 times.
"""
from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from toolkit.align.features import sentence_features  # noqa: E402
from toolkit.words.ibm import ibm1  # noqa: E402
import _align_data as D  # noqa: E402


def main() -> None:
    pairs = [(sentence_features(f, "fr").words, sentence_features(e, "en").words) for f, e in D.unpc_pairs()]
    cf = Counter(w for f, _ in pairs for w in set(f))
    ce = Counter(w for _, e in pairs for w in set(e))
    fe = ibm1(pairs, iterations=8, min_p=0.02, top=10)
    ef = ibm1([(e, f) for f, e in pairs], iterations=8, min_p=0.02, top=10)
    rows = []
    for f, row in fe.items():
        for e, p in row.items():
            q = ef.get(e, {}).get(f, 0.0)
            g = math.sqrt(p * q)
            if g >= 0.15 and cf[f] >= 3 and ce[e] >= 3:
                rows.append((f, e, g))
    print("# FR->EN word lexicon for the aligner (toolkit/align): folded word keys, fr<TAB>en<TAB>p,")
    print("# p = sqrt(t(en|fr) t(fr|en)) from IBM model 1 both ways on the UN Parallel Corpus v1.0")
    print("# test+dev sets (source: United Nations; Ziemski, Junczys-Dowmunt, Pouliquen 2016, LREC).")
    print("# Built by benchmarks/_align_build_lexicon.py.")
    for f, e, g in sorted(rows):
        print(f"{f}\t{e}\t{g:.3f}")


if __name__ == "__main__":
    main()
