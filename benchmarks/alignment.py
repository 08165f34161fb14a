"""Sentence alignment benchmark: termkit vs hunalign vs nltk Gale-Church.

    HUNALIGN=/path/to/hunalign python benchmarks/alignment.py [--sections accuracy,longunits,scale,
        confidence,build] [--reps 3] [--sizes 1000,2000,4000,8000,16000] [--gc-max-cells 2500000]
        [--model NAME_OR_PATH] [--detail]

Sections (all by default):
- accuracy: strict/lax P/R/F1 (Vecalign's definition, 0-1/1-0 beads left out) by dataset:
  shared/gold, a harder variant of each (seeded: one side of ~10 % of the beads dropped,
  ~10 % of neighbouring 1-1 beads fused into one English sentence), the TransRead literary
  gold, canlaw-dev provision units (long legislative units, 1-1) and their harder variants;
  conf@10% = share of termkit's wrong beads in the lowest-scored 10 % of each document.
- longunits: wall time on the canlaw-dev units (hard variants), median of --reps runs: per
  Act termkit's align() in a warm process vs a hunalign process; then all Acts in one
  process (a termkit worker vs hunalign -batch) and one process per Act.
- scale: UNPC documents of 1k..16k sentences a side (~5 % deleted on one side): align()
  time, process wall time, peak RSS and F1 (termkit's bundled lexicon was learnt on these
  UNPC pairs: its F1 here is optimistic, not its time); Gale-Church up to --gc-max-cells.
- confidence: how well low scores find the bad pairs (wrong, or damaged as PDF extraction
  damages text: _align_data.polluted_variant), with the posterior alone and with the
  pollution signs (toolkit/align/pollution.py), and the share under REVIEW_BELOW.
- build: ``termkit build`` of canlaw-dev/corpus with --jobs 2 (a process) and the time of each
  stage (--jobs 1 in this process).

hunalign is skipped with a note when $HUNALIGN is not set (build it from its public source).
The machine's other load shows in the times: compare ratios measured in the same run.
Skips cleanly when shared/ is absent.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import _align_data as D  # noqa: E402
import _align_peers as P  # noqa: E402
from toolkit.align.score import score_beads  # noqa: E402


def _pairs(beads):
    return [((b.fr_ids, b.en_ids) if hasattr(b, "fr_ids") else (tuple(b[0]), tuple(b[1]))) for b in beads]


def _median_run(fn, reps: int):
    """Run ``fn`` ``reps`` times: (last result, median seconds)."""
    times, res = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        res = fn()
        times.append(time.perf_counter() - t0)
    return res, statistics.median(times)


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


# ---------------------------------------------------------------- accuracy

def confidence_hits(beads, gold) -> tuple[int, int, int]:
    """(wrong beads in the lowest 10 %, wrong beads, beads) over non-null test beads."""
    g = set(_pairs(gold))
    test = [b for b in beads if b.fr_ids and b.en_ids]
    if not test:
        return 0, 0, 0
    low = sorted(range(len(test)), key=lambda x: test[x].score)[: max(1, round(0.1 * len(test)))]
    wrong = {x for x, b in enumerate(test) if (b.fr_ids, b.en_ids) not in g}
    return len(wrong & set(low)), len(wrong), len(test)


def evaluate(title: str, docs, systems, args, detail: list) -> None:
    agg = {s: [0.0, 0.0, 0.0, 0.0, 0, 0, 0.0, 0] for s in systems}  # sp*nt, sr*ng, lp*nt, lr*ng, nt, ng, s, skipped
    conf = [0, 0, 0]
    too_big = sum(1 for _, fr, en, _ in docs if len(fr) * len(en) > args.gc_max_cells)
    for name, fr, en, gold in docs:
        row = []
        for s, fn in systems.items():
            if s == "gale-church" and too_big:  # the whole dataset or nothing
                agg[s][7] = too_big
                row.append("-")
                continue
            t0 = time.perf_counter()
            beads = fn(fr, en)
            agg[s][6] += time.perf_counter() - t0
            sc = score_beads(beads, gold)
            nt = sum(1 for f, e in _pairs(beads) if f and e)
            ng = sum(1 for f, e in gold if f and e)
            a = agg[s]
            a[0] += sc["strict"]["precision"] * nt; a[1] += sc["strict"]["recall"] * ng
            a[2] += sc["lax"]["precision"] * nt; a[3] += sc["lax"]["recall"] * ng
            a[4] += nt; a[5] += ng
            row.append(f"{sc['strict']['f1']:.3f}")
            if s == "termkit":
                conf = [x + y for x, y in zip(conf, confidence_hits(beads, gold))]
        detail.append(f"| {name} | {len(fr)}/{len(en)} | " + " | ".join(row) + " |")
    f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0  # noqa: E731
    for s, a in agg.items():
        if a[7]:
            print(f"| {title} | {s} | not run: {a[7]} of {len(docs)} documents have n x m > --gc-max-cells "
                  "| | | | |")
            continue
        sp, sr, lp, lr = a[0] / max(a[4], 1), a[1] / max(a[5], 1), a[2] / max(a[4], 1), a[3] / max(a[5], 1)
        print(f"| {title} | {s} | {sp:.3f} | {sr:.3f} | **{f1(sp, sr):.3f}** | {f1(lp, lr):.3f} | {a[6]:.1f} |")
    if conf[1]:
        print(f"| {title} | termkit conf@10% | {conf[0]}/{conf[1]} wrong beads ({conf[0] / conf[1]:.1%}) "
              "in the lowest 10 % | | | | |")


def accuracy(systems, args) -> None:
    print("\n## Accuracy by dataset\n")
    print("Strict P/R/F1 and lax F1 pooled over the documents of each dataset; time: the whole dataset "
          "(termkit and Gale-Church in this process, hunalign one process per document).\n")
    print("| dataset | system | strict P | strict R | strict F1 | lax F1 | time s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    gold, law = D.gold_docs(), D.canlaw_docs()
    sets = [("gold (4 docs)", gold), ("gold, hard variants", [D.hard_variant(d) for d in gold]),
            ("TransRead literary (11)", D.literary_docs()), ("canlaw-dev units (10 Acts)", law),
            ("canlaw-dev units, hard variants", [D.hard_variant(d) for d in law])]
    detail: list[str] = []
    for title, docs in sets:
        if docs:
            evaluate(title, docs, systems, args, detail)
    if args.detail:
        print("\n| document | FR/EN | " + " | ".join(f"{s} strict F1" for s in systems) + " |")
        print("|---|---|" + "---:|" * len(systems))
        print("\n".join(detail))


# ---------------------------------------------------------------- long units

def longunits(args) -> None:
    docs = [D.hard_variant(d) for d in D.canlaw_docs()]
    if not docs:
        return
    print(f"\n## Long units: canlaw-dev provisions, hard variants (median of {args.reps}; load {_load()})\n")
    print("termkit s: align() in a warm process (imports and compiled kernels already loaded); "
          "hunalign s: its whole process.\n")
    print("| Act | units FR/EN | termkit s | hunalign s | ratio | termkit F1 | hunalign F1 |")
    print("|---|---|---:|---:|---:|---:|---:|")
    tot = [0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for name, fr, en, gold in docs:
            beads, t_tk = _median_run(lambda: P.run_termkit(fr, en), args.reps)
            f_tk = score_beads(beads, gold)["strict"]["f1"]
            h = ("-", "-", "-")
            if P.HUNALIGN:
                runs = [P.run_hunalign(fr, en, Path(tmp)) for _ in range(args.reps)]
                t_h = statistics.median(r[1] for r in runs)
                tot[1] += t_h
                h = (f"{t_h:.2f}", f"{t_tk / t_h:.2f}", f"{score_beads(runs[-1][0], gold)['strict']['f1']:.3f}")
            tot[0] += t_tk
            print(f"| {name} | {len(fr)}/{len(en)} | {t_tk:.2f} | {h[0]} | {h[1]} | {f_tk:.3f} | {h[2]} |")
        ratio = f"{tot[0] / tot[1]:.2f}" if tot[1] else "-"
        print(f"| **all 10** | | **{tot[0]:.2f}** | **{tot[1]:.2f}** | **{ratio}** | | |")
        print("\nWhole processes (wall s / peak RSS MB, median): termkit = a Python worker that imports "
              "toolkit.align and aligns the files; hunalign = its binary.\n")
        print("| run | termkit | hunalign | ratio |")
        print("|---|---:|---:|---:|")
        runs = [P.termkit_process(docs, Path(tmp)) for _ in range(args.reps)]
        tk = (statistics.median(r[1] for r in runs), statistics.median(r[2] for r in runs))
        hb = (float("nan"), float("nan"))
        if P.HUNALIGN:
            hr = [P.run_hunalign_batch(docs, Path(tmp)) for _ in range(args.reps)]
            hb = (statistics.median(r[0] for r in hr), statistics.median(r[1] for r in hr))
        print(f"| all 10 Acts in one process | {tk[0]:.2f} s / {tk[1]:.0f} MB | {hb[0]:.2f} s / {hb[1]:.0f} MB "
              f"| {tk[0] / hb[0]:.2f} |")
        per = sum(statistics.median(P.termkit_process([d], Path(tmp))[1] for _ in range(args.reps)) for d in docs)
        print(f"| one process per Act (sum) | {per:.2f} s | {tot[1]:.2f} s | {per / tot[1] if tot[1] else float('nan'):.2f} |")


# ---------------------------------------------------------------- scale

GC_WORKER = r"""
import json, sys, time
sys.path.insert(0, {repo!r}); sys.path.insert(0, {bench!r})
import _align_data as D, _align_peers as P
from toolkit.align.score import score_beads
_, fr, en, gold = D.unpc_doc({n}, delete=0.05, seed=1)
t0 = time.perf_counter(); beads = P.run_gale_church(fr, en); dt = time.perf_counter() - t0
print(json.dumps({{"time": dt, "f1": score_beads(beads, gold)["strict"]["f1"]}}))
"""


def scale(args) -> None:
    import json

    sizes = [int(x) for x in args.sizes.split(",") if x]
    print(f"\n## Scale: UNPC, n x n sentences, ~5 % deleted on one side (median of {args.reps}; load {_load()})\n")
    print("UNPC dev+test has 8,000 pairs; 16k reuses them with a shift. termkit s: align() in a worker process "
          "whose imports and compiled kernels are loaded; wall: that whole process (interpreter, imports, "
          "kernels, reading the files); MB: its peak RSS. hunalign and Gale-Church: their whole process. "
          "Ratio: termkit process wall / hunalign.\n")
    print("| n | termkit s | termkit wall s | termkit MB | termkit F1 | hunalign s | hunalign MB | hunalign F1 "
          "| Gale-Church s | Gale-Church MB | Gale-Church F1 | termkit wall / hunalign |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    pairs = D.unpc_pairs()
    for n in sizes:
        doc = D.unpc_doc(n, delete=0.05, seed=1, pairs=pairs)
        with tempfile.TemporaryDirectory() as tmp:
            runs = [P.termkit_process([doc], Path(tmp)) for _ in range(args.reps)]
            t = statistics.median(r[0][0]["time"] for r in runs)
            wall, rss = statistics.median(r[1] for r in runs), max(r[2] for r in runs)
            tk = f"{t:.2f} | {wall:.2f} | {rss:.0f} | {runs[0][0][0]['f1']:.4f}"
            h, ratio = "- | - | -", "-"
            if P.HUNALIGN:
                hr = [P.run_hunalign(doc[1], doc[2], Path(tmp)) for _ in range(args.reps)]
                ht = statistics.median(r[1] for r in hr)
                h = f"{ht:.2f} | {max(r[2] for r in hr):.0f} | {score_beads(hr[0][0], doc[3])['strict']['f1']:.4f}"
                ratio = f"{wall / ht:.2f}"
            g = "not run | | "
            if not args.no_gale_church and n * n <= args.gc_max_cells:
                code = GC_WORKER.format(repo=str(P.REPO), bench=str(P.BENCH), n=n)
                with tempfile.TemporaryFile("w+") as out:
                    _, gwall, grss, _ = P.run_measured([sys.executable, "-c", code], out)
                    out.seek(0)
                    res = json.loads(out.read().strip().splitlines()[-1])
                g = f"{gwall:.1f} | {grss:.0f} | {res['f1']:.4f}"
        print(f"| {n} | {tk} | {h} | {g} | {ratio} |", flush=True)


# ---------------------------------------------------------------- main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sections", default="accuracy,longunits,scale,confidence,build")
    ap.add_argument("--reps", type=int, default=3, help="repetitions of each timing (median)")
    ap.add_argument("--sizes", default="1000,2000,4000,8000,16000")
    ap.add_argument("--no-gale-church", action="store_true", help="skip nltk (pure Python, O(n*m))")
    ap.add_argument("--gc-max-cells", type=int, default=2_500_000,
                    help="run Gale-Church only on documents with n x m up to this (1k x 1k: ~40 s)")
    ap.add_argument("--model", default=None, help="also run termkit with this sentence-transformers model")
    ap.add_argument("--detail", action="store_true", help="per-document strict F1 in the accuracy section")
    args = ap.parse_args()
    if not D.SHARED.is_dir():
        print(f"skipped: {D.SHARED} not present")
        return
    sections = set(args.sections.split(","))
    systems = {"termkit": P.run_termkit}
    if args.model:
        systems["termkit+model"] = lambda fr, en: P.run_termkit(fr, en, model=args.model)
    if not args.no_gale_church:
        systems["gale-church"] = P.run_gale_church
    tmpdir = tempfile.TemporaryDirectory()
    if P.HUNALIGN and Path(P.HUNALIGN).exists():
        systems["hunalign"] = lambda fr, en: P.run_hunalign(fr, en, Path(tmpdir.name))[0]
    else:
        P.HUNALIGN = None
        print("note: hunalign skipped (set HUNALIGN=/path/to/hunalign)")
    print(f"# Alignment benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, load {_load()})")
    P.run_termkit(["La police."] * 3, ["The police."] * 3)  # load the compiled kernels before timing
    if "accuracy" in sections:
        accuracy(systems, args)
    if "longunits" in sections:
        longunits(args)
    if "scale" in sections and (D.SHARED / "data" / "unpc").is_dir():
        scale(args)
    if "confidence" in sections:
        from _align_sections import confidence

        confidence(args)
    if "build" in sections:
        from _align_sections import build_stages

        build_stages(args)
    print(f"\n(load at the end: {_load()})")


if __name__ == "__main__":
    main()
