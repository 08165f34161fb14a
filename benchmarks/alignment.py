"""Sentence alignment benchmark: termkit vs nltk Gale-Church vs hunalign.

    HUNALIGN=/path/to/hunalign python benchmarks/alignment.py [--no-literary] [--no-scale]
        [--sizes 1000,2000,4000,8000,16000] [--model NAME_OR_PATH]

Quick loop (termkit only on gold, hard variants and literary, ~10 s): leave $HUNALIGN unset
and run ``python benchmarks/alignment.py --no-scale --no-gale-church``.

Datasets (presegmented, one segment a line): every document of shared/gold, a harder
variant of each (seeded: one side of ~10 % of the beads dropped, ~10 % of neighbouring
bead pairs fused into one English sentence), the TransRead FR-EN literary gold
(shared/data/transread/converted), then a scale run on UNPC lines (~5 % of the sentences
deleted on one side) with time and peak memory (RSS of a child process).

Scores are Vecalign's strict/lax P/R/F1 (toolkit.align.score; 0-1/1-0 beads left out).
"conf@10%" is the share of wrong termkit beads that fall in its lowest-scored 10 % of beads.
hunalign is run with an empty dictionary and -realign, on text tokenised with
toolkit.text.tokenize; it is skipped with a note when $HUNALIGN is not set. nltk's
align_blocks runs on the whole document as one block (character lengths).
Skips cleanly when shared/ is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import _align_data as D  # noqa: E402
from toolkit.align.score import score_beads  # noqa: E402

HUNALIGN = os.environ.get("HUNALIGN")


# ---------------------------------------------------------------- systems

def links_to_beads(links, n: int, m: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Monotone sentence links (i, j) -> beads: links sharing a sentence form one bead;
    sentences without a link become 1-0/0-1 beads in their place."""
    groups: list[tuple[set, set]] = []
    for i, j in sorted(set(links)):
        if groups and (i in groups[-1][0] or j in groups[-1][1]):
            groups[-1][0].add(i); groups[-1][1].add(j)
        else:
            groups.append(({i}, {j}))
    beads, i, j = [], 0, 0
    for F, E in groups:
        while i < min(F):
            beads.append(((i,), ())); i += 1
        while j < min(E):
            beads.append(((), (j,))); j += 1
        beads.append((tuple(sorted(F)), tuple(sorted(E))))
        i, j = max(F) + 1, max(E) + 1
    beads += [((k,), ()) for k in range(i, n)] + [((), (k,)) for k in range(j, m)]
    return beads


def run_termkit(fr, en, model=None):
    from toolkit.align import align

    return align(fr, en, model=model, on_warning=lambda m: None)


def run_gale_church(fr, en):
    import nltk.translate.gale_church as gc

    gc.MAX_ALIGN_BLOCKS = max(getattr(gc, "MAX_ALIGN_BLOCKS", 0), len(fr) + len(en) + 1)
    links = gc.align_blocks([max(1, len(s)) for s in fr], [max(1, len(s)) for s in en])
    return links_to_beads(links, len(fr), len(en))


def _tok(lines):
    from toolkit.text import tokenize

    return "".join(" ".join(tokenize(s)) + "\n" for s in lines)


def run_hunalign(fr, en, tmp: Path, measure: bool = False):
    (tmp / "fr.txt").write_text(_tok(fr), encoding="utf-8")
    (tmp / "en.txt").write_text(_tok(en), encoding="utf-8")
    (tmp / "null.dic").write_text("", encoding="utf-8")
    cmd = [str(Path(HUNALIGN).resolve()), "-utf", "-realign", str(tmp / "null.dic"), str(tmp / "fr.txt"), str(tmp / "en.txt")]
    with open(tmp / "out.ladder", "w") as out:
        # hunalign -realign leaves translate.txt in its working folder: keep it in tmp
        status, dt, rss, err = run_measured(cmd, out, cwd=tmp)
    if status != 0:
        raise RuntimeError(f"hunalign failed: {err[-500:]}")
    rungs = []
    for line in (tmp / "out.ladder").read_text().splitlines():
        c = line.split("\t")
        if len(c) >= 2:
            rungs.append((int(c[0]), int(c[1])))
    if not rungs or rungs[0] != (0, 0):
        rungs.insert(0, (0, 0))
    if rungs[-1] != (len(fr), len(en)):
        rungs.append((len(fr), len(en)))
    beads = [(tuple(range(a, c)), tuple(range(b, d))) for (a, b), (c, d) in zip(rungs, rungs[1:])
             if (c, d) != (a, b)]
    if measure:
        return beads, dt, rss
    return beads


def run_measured(cmd, stdout, cwd=None) -> tuple[int, float, float, str]:
    """Run ``cmd``: (exit status, wall seconds, peak RSS in MB, stderr).

    Peak RSS comes from GNU time (/usr/bin/time -f %M) when present: ru_maxrss of a child
    forked from this (large) Python process would count the parent's pages before exec."""
    gnu_time = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rf:
        full = [str(gnu_time), "-f", "%M", "-o", rf.name] + list(cmd) if gnu_time.exists() else list(cmd)
        t0 = time.perf_counter()
        proc = subprocess.run(full, stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=cwd)
        dt = time.perf_counter() - t0
        rss = float("nan")
        if gnu_time.exists():
            lines = [l for l in Path(rf.name).read_text().splitlines() if l.strip().isdigit()]
            rss = int(lines[-1]) / 1024 if lines else float("nan")
    return proc.returncode, dt, rss, proc.stderr


# ---------------------------------------------------------------- evaluation

def confidence_hits(beads, gold) -> tuple[int, int, int]:
    """(wrong beads in the lowest 10 %, wrong beads, beads) over non-null test beads."""
    g = {(tuple(f), tuple(e)) for f, e in gold}
    test = [b for b in beads if b.fr_ids and b.en_ids]
    if not test:
        return 0, 0, 0
    k = max(1, round(0.1 * len(test)))
    low = sorted(range(len(test)), key=lambda x: test[x].score)[:k]
    wrong = {x for x, b in enumerate(test) if (b.fr_ids, b.en_ids) not in g}
    return len(wrong & set(low)), len(wrong), len(test)


def evaluate(docs, systems, title: str) -> dict:
    print(f"\n## {title}\n")
    print("| document | n FR/EN | " + " | ".join(f"{s} strict F1" for s in systems) + " | "
          + " | ".join(f"{s} lax F1" for s in systems) + " |")
    print("|---|---|" + "---:|" * (2 * len(systems)))
    agg = {s: {"sp": 0.0, "sr": 0.0, "lp": 0.0, "lr": 0.0, "n": 0} for s in systems}
    conf = [0, 0, 0]
    timings = {s: 0.0 for s in systems}
    for name, fr, en, gold in docs:
        row_s, row_l = [], []
        for s, fn in systems.items():
            t0 = time.perf_counter()
            try:
                beads = fn(fr, en)
            except Exception as e:  # a peer failing on one input is reported, not fatal
                print(f"<!-- {s} failed on {name}: {e} -->")
                row_s.append("err"); row_l.append("err")
                continue
            timings[s] += time.perf_counter() - t0
            sc = score_beads(beads, gold)
            row_s.append(f"{sc['strict']['f1']:.3f}")
            row_l.append(f"{sc['lax']['f1']:.3f}")
            a = agg[s]
            ng = sum(1 for f, e in gold if f and e)
            nt = sum(1 for b in beads if (b.fr_ids if hasattr(b, "fr_ids") else b[0]) and
                     (b.en_ids if hasattr(b, "en_ids") else b[1]))
            a["sp"] += sc["strict"]["precision"] * nt; a["sr"] += sc["strict"]["recall"] * ng
            a["lp"] += sc["lax"]["precision"] * nt; a["lr"] += sc["lax"]["recall"] * ng
            a["nt"] = a.get("nt", 0) + nt; a["ng"] = a.get("ng", 0) + ng
            if s == "termkit":
                h = confidence_hits(beads, gold)
                conf = [x + y for x, y in zip(conf, h)]
        print(f"| {name} | {len(fr)}/{len(en)} | " + " | ".join(row_s) + " | " + " | ".join(row_l) + " |")
    print()
    print("| system (pooled over documents) | strict P | strict R | strict F1 | lax P | lax R | lax F1 | time s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    result = {}
    for s in systems:
        a = agg[s]
        if not a.get("nt"):
            continue
        sp, sr = a["sp"] / a["nt"], a["sr"] / a["ng"]
        lp, lr = a["lp"] / a["nt"], a["lr"] / a["ng"]
        sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
        lf = 2 * lp * lr / (lp + lr) if lp + lr else 0.0
        result[s] = (sf, lf)
        print(f"| {s} | {sp:.3f} | {sr:.3f} | {sf:.3f} | {lp:.3f} | {lr:.3f} | {lf:.3f} | {timings[s]:.1f} |")
    if "termkit" in result:
        tk = result["termkit"][0]
        for s, (sf, _) in result.items():
            if s != "termkit":
                err_tk, err_s = 1 - tk, 1 - sf
                print(f"\ntermkit vs {s}: strict F1 {tk:.3f} vs {sf:.3f} (difference {tk - sf:+.3f}; "
                      f"error ratio {err_tk / err_s if err_s else float('nan'):.2f})")
    if conf[1]:
        print(f"\ntermkit conf@10%: {conf[0]}/{conf[1]} wrong beads ({conf[0] / conf[1]:.0%}) are in the "
              f"lowest-scored 10 % of its {conf[2]} beads")
    elif conf[2]:
        print(f"\ntermkit conf@10%: no wrong bead among {conf[2]}")
    return result


# ---------------------------------------------------------------- scale

WORKER = r"""
import json, resource, sys, time
sys.path.insert(0, {repo!r}); sys.path.insert(0, {bench!r})
import _align_data as D
from toolkit.align import align
from toolkit.align.score import score_beads
name, fr, en, gold = D.unpc_doc({n}, delete=0.05, seed=1)
t0 = time.perf_counter()
beads = align(fr, en, on_warning=lambda m: None)
dt = time.perf_counter() - t0
f1 = score_beads(beads, gold)["strict"]["f1"]
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")]
rss = int(hwm[0].split()[1]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"time": dt, "f1": f1, "rss": rss,
                  "n_fr": len(fr), "n_en": len(en)}}))
"""


def scale(sizes):
    print("\n## Scale: UNPC lines, ~5 % of sentences deleted on one side\n")
    print("UNPC dev+test has 8,000 pairs; 16k reuses them with a shift. termkit's bundled lexicon "
          "was learnt on these same UNPC pairs, so its F1 here is optimistic; the time and memory are not.\n")
    print("termkit s: the align() call (it also imports numpy/scipy/rapidfuzz, loaded lazily); wall s: the "
          "whole worker process (Python start-up, reading UNPC). hunalign s: its whole process. "
          "Ratios: termkit align() / hunalign.\n")
    print("| pairs | termkit s | termkit wall s | termkit peak RSS MB | termkit strict F1 | hunalign s "
          "| hunalign peak RSS MB | hunalign strict F1 | time ratio | RSS ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    repo, bench = str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)
    pairs = D.unpc_pairs()
    for n in sizes:
        code = WORKER.format(repo=repo, bench=bench, n=n)
        with tempfile.TemporaryFile("w+") as out:
            status, wall, rss, err = run_measured([sys.executable, "-c", code], out)
            out.seek(0)
            text = out.read()
        if status != 0:
            print(f"| {n} | failed: {err.strip().splitlines()[-1] if err.strip() else status} |")
            continue
        tk = json.loads(text.strip().splitlines()[-1])
        if rss == rss:  # not nan: GNU time's figure for the whole worker process
            tk["rss"] = rss
        h = ("-", "-", "-")
        ratio_t = ratio_m = "-"
        if HUNALIGN:
            name, fr, en, gold = D.unpc_doc(n, delete=0.05, seed=1, pairs=pairs)
            with tempfile.TemporaryDirectory() as tmp:
                try:
                    beads, dt, rss = run_hunalign(fr, en, Path(tmp), measure=True)
                    f1 = score_beads(beads, gold)["strict"]["f1"]
                    h = (f"{dt:.1f}", f"{rss:.0f}", f"{f1:.4f}")
                    ratio_t, ratio_m = f"{tk['time'] / dt:.2f}", f"{tk['rss'] / rss:.2f}"
                except Exception as e:
                    h = (f"failed: {str(e)[:40]}", "-", "-")
        print(f"| {n} | {tk['time']:.1f} | {wall:.1f} | {tk['rss']:.0f} | {tk['f1']:.4f} | {h[0]} | {h[1]} | {h[2]} "
              f"| {ratio_t} | {ratio_m} |", flush=True)


# ---------------------------------------------------------------- main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-literary", action="store_true")
    ap.add_argument("--no-scale", action="store_true")
    ap.add_argument("--no-gale-church", action="store_true", help="skip nltk (slow: pure Python, O(n*m))")
    ap.add_argument("--sizes", default="1000,2000,4000,8000,16000")
    ap.add_argument("--model", default=None, help="also run termkit with this sentence-transformers model")
    args = ap.parse_args()
    if not D.SHARED.is_dir():
        print(f"skipped: {D.SHARED} not present")
        return
    tmpdir = tempfile.TemporaryDirectory()
    systems = {"termkit": run_termkit}
    if args.model:
        systems["termkit+model"] = lambda fr, en: run_termkit(fr, en, model=args.model)
    if not args.no_gale_church:
        systems["gale-church"] = run_gale_church
    if HUNALIGN and Path(HUNALIGN).exists():
        systems["hunalign"] = lambda fr, en: run_hunalign(fr, en, Path(tmpdir.name))
    else:
        print("note: hunalign skipped (set HUNALIGN=/path/to/hunalign)")
    print(f"# Alignment benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores)")
    gold = D.gold_docs()
    if gold:
        evaluate(gold, systems, "Gold documents (shared/gold)")
        evaluate([D.hard_variant(d) for d in gold], systems, "Hard variants of the gold documents")
    else:
        print("note: shared/gold not present")
    if not args.no_literary:
        lit = D.literary_docs()
        if lit:
            evaluate(lit, systems, "TransRead FR-EN literary gold (11 excerpts)")
        else:
            print("note: transread not present")
    law = D.canlaw_docs()
    if law:
        evaluate(law, systems, "canlaw-dev provision units (10 Acts, 1-1 gold)")
        evaluate([D.hard_variant(d) for d in law], systems, "canlaw-dev units, hard variants")
    if not args.no_scale and (D.SHARED / "data" / "unpc").is_dir():
        scale([int(x) for x in args.sizes.split(",") if x])


if __name__ == "__main__":
    main()
