"""Benchmark of toolkit.terms on the two development sets, as ``termkit build`` runs it.

    python benchmarks/terms.py [--shared ../shared] [--set gold|canlaw] [--ablate]
                               [--judge todo.tsv] [--acter] [--jobs 2]

Sets (benchmarks/_terms_sets.py): ``gold`` = the ../shared/corpus documents with a reference
glossary in ../shared/gold; ``canlaw`` = ../shared/data/canlaw-dev (ten Canadian Acts, 288
defined-term pairs). Each document is segmented and aligned by the pipeline (cached), then
``extract`` runs over the whole set with build's default ``min_freq``.

Printed per set: reference pairs, entries, precision/recall/F1 against the reference pairs
(normalised lemma keys; a reference list that only holds defined terms cannot judge the rest),
top-50 precision against it, judged precision of a random sample and of the top 50
(benchmarks/terms_judged.tsv, criteria in benchmarks/terms_judging.md), the flagship pair on
the bundled corpus, and timings. ``--ablate``: per rule of the registry, the change in P and
R on each set when that rule alone is switched off. Skips cleanly when ../shared is absent.
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

import _terms_judge as J  # noqa: E402
import _terms_sets as S  # noqa: E402
from _terms_gold import norm  # noqa: E402

from toolkit.terms import extract  # noqa: E402


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def row(cells, widths) -> str:
    return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))


def keys(entries) -> set[tuple[str, str]]:
    return {(norm(e.fr, "fr"), norm(e.en, "en")) for e in entries}


def against_reference(ds, entries) -> dict:
    ref = {(norm(f, "fr"), norm(e, "en")) for f, e, _d in ds.ref}
    pred = keys(entries)
    p, r, f1 = prf(len(pred & ref), len(pred), len(ref))
    top = sorted(entries, key=lambda e: (-e.score, e.fr))[:50]
    t50 = sum(k in ref for k in keys(top)) / max(1, len(top))
    return dict(ref=len(ref), pred=len(pred), p=p, r=r, f1=f1, top50=t50, missed=sorted(ref - pred))


def run_set(ds, als, min_freq: int, **kw):
    t = time.perf_counter()
    g = extract(als, min_freq=min_freq, **kw)
    return list(g), time.perf_counter() - t


def missed(ds, als, min_freq: int, verbose: bool, **kw) -> None:
    """The missed reference pairs by the stage where they were lost (benchmarks/_terms_missed.py)."""
    import _terms_missed as M
    from toolkit.terms.extract import run

    rows = M.classify(ds, run(als, min_freq=min_freq, **kw), min_freq)
    print(f"   {ds.name}: {len(rows)} missed reference pairs, by class")
    print("\n".join(M.table(ds.name, rows)))
    if verbose:
        for cls, f, e, detail in sorted(rows):
            print(f"   missed [{cls}] {f} <-> {e}" + (f"   ({detail})" if detail else ""))


def flagship(shared: Path, jobs: int) -> str:
    ds = S.bundled(shared)
    if ds is None:
        return "flagship: bundled corpus absent"
    als = S.alignments(ds, jobs)
    t = time.perf_counter()
    g = extract(als, min_freq=S.build_min_freq())
    dt = time.perf_counter() - t
    fr, en = S.FLAGSHIP
    where = {al.doc for al in als if fr.lower() in S.french_text(al).lower()}
    hit = [e for e in g if norm(e.fr, "fr") == norm(fr, "fr") and norm(e.en, "en") == norm(en, "en")]
    found = set(hit[0].docs) if hit else set()
    return (f"bundled corpus ({len(als)} documents): extraction {dt:.2f} s, {len(g)} entries; flagship "
            f"'{fr}' <-> '{en}': occurs in {len(where)} document(s), found in {len(where & found)}")


def dump(entries, path: Path) -> None:
    import csv

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["fr", "en", "score", "freq", "kind", "docs", "example_fr", "example_en"])
        for e in sorted(entries, key=lambda e: (-e.score, e.fr)):
            w.writerow([e.fr, e.en, e.score, e.freq, e.kind, " ".join(e.docs), e.example_fr[:300], e.example_en[:300]])


def report(args) -> int:
    sets = [d for d in S.dev_sets(args.shared) if args.set in (None, d.name)]
    if not sets:
        print(f"skipped: no development set under {args.shared}")
        return 0
    labels = J.load()
    mf = args.min_freq or S.build_min_freq()
    print(f"## Term pairs on the development sets (extract over each set, min_freq={mf}; build default: {S.build_min_freq()})")
    w = (8, 5, 6, 6, 6, 6, 7, 12, 12, 8)
    print(row(("set", "ref", "pred", "P ref", "R ref", "F1 ref", "top50", "judged P", "judged t50", "time s"), w))
    todo = []
    for ds in sets:
        t = time.perf_counter()
        als = S.alignments(ds, args.jobs)
        t_al = time.perf_counter() - t
        kw = {} if args.min_score is None else {"min_score": args.min_score}
        entries, dt = run_set(ds, als, mf, **kw)
        m = against_reference(ds, entries)
        jp = J.precision(ds.name, entries, labels)
        s_ok, s_okp, s_n, s_all = jp["sample"]
        t_ok, _t_okp, t_n, t_all = jp["top50"]
        print(row((ds.name, m["ref"], m["pred"], f"{m['p']:.3f}", f"{m['r']:.3f}", f"{m['f1']:.3f}",
                   f"{m['top50']:.3f}", f"{s_ok:.2f} {s_n}/{s_all}", f"{t_ok:.2f} {t_n}/{t_all}", f"{dt:.1f}"), w))
        print(f"   {ds.name}: {len(als)} documents, segment+align {t_al:.1f} s (cached after the first run); "
              f"judged OK+partial {s_okp:.2f}; unlabelled {len(jp['missing'])}; "
              "all labelled entries of the output: {:.3f} OK of {}".format(*J.labelled_precision(ds.name, entries, labels)))
        if args.missed:
            missed(ds, als, mf, args.missed == "list", **kw)
        todo.append((ds.name, jp["missing"]))
        if args.dump:
            dump(entries, args.dump / f"{ds.name}.tsv")
    if args.judge:
        for name, missing in todo:
            J.write_todo(name, missing, args.judge)
        print(f"unlabelled entries appended to {args.judge}")
    if args.set in (None, "gold"):
        print(flagship(args.shared, args.jobs))
    return 0


def _memoise_for_ablation() -> None:
    """Tagging and the word model do not depend on the rules (the model only on the beads
    kept): computed once for the whole ablation run."""
    import functools

    from toolkit.terms import candidates, tagger, wordalign

    plain = tagger.tag_text
    memo = functools.lru_cache(maxsize=None)(lambda text, lang: tuple(plain(text, lang)))

    def tag_text(text, lang):
        return list(memo(text, lang))

    tagger.tag_text = candidates.tag_text = tag_text
    train = wordalign.train
    models: dict = {}

    def train_once(beads, iterations=5, extra=None):
        key = hash(tuple((b.fr, b.en) for b in beads))
        if key not in models:
            models[key] = train(beads, iterations, extra)
        return models[key]

    wordalign.train = train_once


def ablate(args) -> int:
    """Per rule: the change in judged precision (every output entry with a label in
    terms_judged.tsv), in precision/recall against the reference pairs and in the number of
    entries when that rule alone is off. Verdict per set, on judged precision + recall:
    "pays" when switching the rule off loses more than EPS, "costs" when it gains."""
    from toolkit.terms import rules as R

    _memoise_for_ablation()
    R._load()
    labels = J.load()
    sets = [d for d in S.dev_sets(args.shared) if args.set in (None, d.name)]
    mf = S.build_min_freq()
    data = {ds.name: (ds, S.alignments(ds, args.jobs)) for ds in sets}

    def measure(ds, als):
        entries = run_set(ds, als, mf)[0]
        m = against_reference(ds, entries)
        m["judged"] = J.labelled_precision(ds.name, entries, labels)[0]
        return m

    base = {name: measure(ds, als) for name, (ds, als) in data.items()}
    print("## Ablation: change when one rule alone is off (negative: the rule pays that much).")
    print("## dJ judged precision of the labelled entries, dP/dR against the reference pairs, dN entries")
    cols = ("dJ", "dP", "dR", "dN")
    hdr = ["rule", "stage"] + [f"{n} {m}" for n in data for m in cols] + ["verdict"]
    w = [20, 8] + [7, 7, 7, 6] * len(data) + [14]
    print(row(hdr, w))
    print(row(["(all rules on)", ""] + [c for n in data for c in (
        f"{base[n]['judged']:.3f}", f"{base[n]['p']:.3f}", f"{base[n]['r']:.3f}", str(base[n]["pred"]))] + [""], w))
    for rule in R.REGISTRY:
        cells = [rule.name, rule.stage]
        verdict = []
        for name, (ds, als) in data.items():
            with R.disabled(rule.name):
                m = measure(ds, als)
            dj, dp, dr = m["judged"] - base[name]["judged"], m["p"] - base[name]["p"], m["r"] - base[name]["r"]
            cells += [f"{dj:+.3f}", f"{dp:+.3f}", f"{dr:+.3f}", f"{m['pred'] - base[name]['pred']:+d}"]
            net = dj + dr
            verdict.append("pays" if net < -EPS else "costs" if net > EPS else "neutral")
        print(row(cells + ["/".join(verdict)], w), flush=True)
    return 0


EPS = 0.0005  # changes below this are no change


def acter(args) -> int:
    from toolkit.terms import monolingual

    root = args.shared / "data" / "acter"
    if not root.is_dir():
        print(f"ACTER skipped: {root} not present")
        return 0
    print("## Monolingual extraction on ACTER v1.5 corruption (TermEval 2020 protocol, min_freq=2)")
    w = (6, 10, 6, 6, 7, 7, 7, 7)
    print(row(("lang", "gold list", "gold", "pred", "P", "R", "F1", "time s"), w))
    for lang in ("en", "fr"):
        texts = []
        for f in sorted(glob.glob(str(root / lang / "corp/annotated/texts/*.txt"))):
            texts += Path(f).read_text(encoding="utf-8").splitlines()
        t = time.perf_counter()
        res = monolingual(texts, lang, min_freq=2)
        dt = time.perf_counter() - t
        pred = {s.lower() for _d, _s, forms in res for s in forms}
        for name in ("terms_nes", "terms"):
            lst = root / lang / f"corp/annotated/annotations/unique_annotation_lists/corp_{lang}_{name}.tsv"
            ref = {ln.split("\t")[0].strip().lower() for ln in lst.read_text(encoding="utf-8").splitlines() if ln.strip()}
            p, r, f1 = prf(len(pred & ref), len(pred), len(ref))
            print(row((lang, name, len(ref), len(pred), f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}", f"{dt:.1f}"), w))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("TERMKIT_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--set", choices=("gold", "canlaw"), default=None, help="only this development set")
    ap.add_argument("--ablate", action="store_true", help="per rule, the change in P/R when it is off")
    ap.add_argument("--judge", type=Path, default=None, help="append unlabelled sampled entries to this TSV")
    ap.add_argument("--missed", nargs="?", const="table", choices=("table", "list"), default=None,
                    help="the reference pairs not found, by the stage that lost them (list: each pair)")
    ap.add_argument("--min-freq", type=int, default=None, help="instead of build's default")
    ap.add_argument("--min-score", type=float, default=None, help="instead of extract's default")
    ap.add_argument("--dump", type=Path, default=None, help="write each set's output to DUMP/<set>.tsv")
    ap.add_argument("--acter", action="store_true", help="also the monolingual ACTER table")
    ap.add_argument("--jobs", type=int, default=2, help="documents segmented and aligned in parallel")
    args = ap.parse_args(argv)
    if not args.shared.is_dir():
        print(f"skipped: {args.shared} not present")
        return 0
    rc = ablate(args) if args.ablate else report(args)
    if args.acter:
        acter(args)
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
