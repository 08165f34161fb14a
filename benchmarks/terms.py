"""Benchmark of toolkit.terms: pair precision/recall/F1 against shared/gold glossaries,
top-50 precision, monolingual F1 on ACTER (corruption, TermEval 2020 protocol), timing.

    python benchmarks/terms.py [--shared ../shared]

Skips cleanly (exit 0) when shared/ is absent. Prints plain-text tables.
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _terms_gold import load_alignment, load_glossary, norm, stems, strict  # noqa: E402

from toolkit.terms import extract, monolingual  # noqa: E402

# Published reference, as far as the sources searchable here go (no F1 figure found, so none
# is printed): the TermEval 2020 overview (Rigouts Terryn, Hoste, Drouin, Lefever 2020,
# CompuTerm 2020, pp. 85-94; hdl.handle.net/1854/LU-8661811) computed the official F1 on the
# held-out heart-failure domain, not on corruption, and names TALN-LS2N (fine-tuned RoBERTa
# for English, CamemBERT for French; hal.science/hal-03272824) as the best English and French
# system. The task page (termeval.ugent.be, "Task & Evaluation") gives the protocol used here.
PUBLISHED = ("TermEval 2020 best = TALN-LS2N (BERT), scored on heart failure, not corruption; "
             "exact F1 not found in the searchable sources, so not printed")


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def row(cells, widths) -> str:
    return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))


def gold_tables(gold: Path) -> None:
    print("## Pairs against shared/gold/*.glossary.tsv (per-document extraction)")
    w = (30, 5, 5, 7, 7, 7, 7, 7, 7)
    print(row(("document", "gold", "pred", "P str", "R str", "F1 str", "P norm", "R norm", "F1 norm"), w))
    tot = [0, 0, 0, 0]
    alignments = []
    gold_all: set = set()
    for stem in stems(gold):
        al = load_alignment(gold, stem)
        alignments.append(al)
        ref = load_glossary(gold, stem)
        g = extract([al])
        s_ref = {(strict(f), strict(e)) for f, e, _ in ref}
        n_ref = {(norm(f, "fr"), norm(e, "en")) for f, e, _ in ref}
        gold_all |= n_ref
        s_pred = {(strict(x.fr), strict(x.en)) for x in g}
        n_pred = {(norm(x.fr, "fr"), norm(x.en, "en")) for x in g}
        ps, rs, fs = prf(len(s_pred & s_ref), len(s_pred), len(s_ref))
        pn, rn, fn = prf(len(n_pred & n_ref), len(n_pred), len(n_ref))
        tot[0] += len(s_pred & s_ref)
        tot[1] += len(n_pred & n_ref)
        tot[2] += len(n_pred)
        tot[3] += len(n_ref)
        print(row((stem, len(n_ref), len(n_pred), f"{ps:.3f}", f"{rs:.3f}", f"{fs:.3f}",
                   f"{pn:.3f}", f"{rn:.3f}", f"{fn:.3f}"), w))
    ps, rs, fs = prf(tot[0], tot[2], tot[3])
    pn, rn, fn = prf(tot[1], tot[2], tot[3])
    print(row(("overall (micro)", tot[3], tot[2], f"{ps:.3f}", f"{rs:.3f}", f"{fs:.3f}",
               f"{pn:.3f}", f"{rn:.3f}", f"{fn:.3f}"), w))
    g = extract(alignments)
    top = list(g)[:50]
    hits = sum((norm(x.fr, "fr"), norm(x.en, "en")) in gold_all for x in top)
    print(f"\nTop-50 precision (all gold documents extracted together, by score, normalised): "
          f"{hits}/{len(top)} = {hits / max(1, len(top)):.3f}\n")


def acter_tables(acter: Path) -> None:
    print("## Monolingual extraction on ACTER v1.5 corruption (TermEval 2020 protocol:")
    print("##   lower-cased candidate forms vs the unique annotation list; min_freq=2;")
    print("##   '<=3tok': candidates of at most 3 tokens, an extra line, not the default)")
    w = (6, 16, 6, 6, 7, 7, 7, 7)
    print(row(("lang", "gold list", "gold", "pred", "P", "R", "F1", "time s"), w))
    for lang in ("en", "fr"):
        texts = []
        for f in sorted(glob.glob(str(acter / lang / "corp/annotated/texts/*.txt"))):
            texts += Path(f).read_text(encoding="utf-8").splitlines()
        for max_tokens in (None, 3):
            t = time.perf_counter()
            res = monolingual(texts, lang, min_freq=2, max_tokens=max_tokens)
            dt = time.perf_counter() - t
            pred = {s.lower() for _d, _s, forms in res for s in forms}
            for name, label in (("terms_nes", "terms+NEs"), ("terms", "terms")):
                lst = acter / lang / f"corp/annotated/annotations/unique_annotation_lists/corp_{lang}_{name}.tsv"
                ref = {ln.split("\t")[0].strip().lower()
                       for ln in lst.read_text(encoding="utf-8").splitlines() if ln.strip()}
                p, r, f1 = prf(len(pred & ref), len(pred), len(ref))
                label2 = label if max_tokens is None else f"{label} <=3tok"
                print(row((lang, label2, len(ref), len(pred), f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}", f"{dt:.1f}"), w))
    print(f"Published: {PUBLISHED}\n")


def timing(gold: Path) -> None:
    print("## Extraction time")
    corpus = ROOT / "corpus"
    try:
        from toolkit.align import align  # type: ignore[attr-defined]
        from toolkit.segment import segment_text  # type: ignore[attr-defined]
    except ImportError:
        align = segment_text = None
    from toolkit.types import Alignment

    als = []
    if align is not None and (corpus / "fr").is_dir():
        for fr in sorted((corpus / "fr").glob("*.txt")):
            en = corpus / "en" / fr.name
            if en.exists():
                fs = segment_text(fr.read_text(encoding="utf-8"), "fr")
                es = segment_text(en.read_text(encoding="utf-8"), "en")
                als.append(Alignment(fr.stem, fs, es, align(fs, es)))
        what = f"bundled corpus through segment+align ({len(als)} documents)"
    else:
        als = [load_alignment(gold, s) for s in stems(gold)]
        what = f"gold alignments ({len(als)} documents; segmenter/aligner not available yet)"
    t = time.perf_counter()
    g = extract(als)
    dt = time.perf_counter() - t
    nseg = sum(len(a.fr) for a in als)
    print(f"{what}: {nseg} French segments, {len(g)} entries, {dt:.2f} s (first call, tables loaded)\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("TERMKIT_SHARED", ROOT.parent / "shared")))
    args = ap.parse_args(argv)
    gold = args.shared / "gold"
    if not gold.is_dir():
        print(f"skipped: {gold} not present")
        return 0
    timing(gold)
    gold_tables(gold)
    acter = args.shared / "data" / "acter"
    if acter.is_dir():
        acter_tables(acter)
    else:
        print(f"ACTER skipped: {acter} not present")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
