"""Two sections of benchmarks/alignment.py: confidence (do low scores find the bad pairs?)
and build (``termkit build`` of canlaw-dev, with the time of each stage)."""
from __future__ import annotations

import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import _align_data as D
import _align_peers as P


def _judge(beads, gold, damaged: set[int]) -> list[tuple[float, bool, bool]]:
    """(score, wrong, polluted) of every aligned (non-null) bead."""
    g = set((tuple(f), tuple(e)) for f, e in gold)
    bad_f = {i for k in damaged for i in gold[k][0]}
    bad_e = {j for k in damaged for j in gold[k][1]}
    return [(b.score, (b.fr_ids, b.en_ids) not in g, bool(set(b.fr_ids) & bad_f or set(b.en_ids) & bad_e))
            for b in beads if b.fr_ids and b.en_ids]


def _stats(docs: list[list[tuple[float, bool, bool]]], threshold: float) -> str:
    """Per document lowest 5 % / 10 %: share of all bad beads they hold; precision of the
    lowest 10 %; precision/recall of the beads under ``threshold``."""
    bad = sum(w or q for d in docs for _, w, q in d)
    held = {0.05: 0, 0.10: 0}
    n10 = 0
    for d in docs:
        order = sorted(range(len(d)), key=lambda x: d[x][0])
        for k in held:
            low = order[: max(1, round(k * len(d)))]
            held[k] += sum(d[x][1] or d[x][2] for x in low)
            n10 += len(low) if k == 0.10 else 0
    under = [(w or q) for d in docs for s, w, q in d if s < threshold]
    pr = f"{sum(under) / len(under):.0%} / {sum(under) / max(bad, 1):.0%}" if under else "- / 0%"
    return (f"{bad} | {held[0.05] / max(bad, 1):.0%} | {held[0.10] / max(bad, 1):.0%} | "
            f"{held[0.10] / max(n10, 1):.0%} | {len(under)} | {pr}")


def confidence(args) -> None:
    from toolkit.align import REVIEW_BELOW
    from toolkit.align.aligner import Params

    gold, law = D.gold_docs(), D.canlaw_docs()
    sets = [("TransRead literary (wrong beads only)", [(d, set()) for d in D.literary_docs()]),
            ("gold + hard variants, polluted", [D.polluted_variant(d) for d in gold]
             + [D.polluted_variant(D.hard_variant(d)) for d in gold]),
            ("canlaw-dev units, polluted", [D.polluted_variant(d) for d in law]),
            ("canlaw-dev units, hard variants, polluted", [D.polluted_variant(D.hard_variant(d)) for d in law])]
    print("\n## Confidence: do low scores find the bad pairs?\n")
    print("Bad = wrong against the gold, or damaged (_align_data.polluted_variant: ~8 % of the pairs get a "
          "running header, a page number, a glued footnote, a changed number or a cut). Columns: bad beads; "
          "share of them in the lowest-scored 5 % / 10 % of each document; share of the lowest 10 % that "
          f"is bad; beads under REVIEW_BELOW = {REVIEW_BELOW} and their precision / recall.\n")
    print("| dataset | score | bad | in lowest 5 % | in lowest 10 % | lowest 10 % bad | under threshold "
          "| precision / recall |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for title, docs in sets:
        if not docs:
            continue
        for pollution in (False, True):
            p = Params()
            p.pollution = pollution
            judged = [_judge(P.run_termkit(fr, en, params=p), g, dam) for (_, fr, en, g), dam in docs]
            label = "posterior x pollution (now)" if pollution else "posterior alone (before)"
            print(f"| {title} | {label} | {_stats(judged, REVIEW_BELOW)} |", flush=True)


# ---------------------------------------------------------------- build

@contextlib.contextmanager
def _timed(spent: dict):
    """Time the public entry point of each stage that the build calls: the function is
    replaced wherever a toolkit module binds it (imported at the top or inside a function)."""
    import importlib

    import toolkit.pipeline  # noqa: F401  (loads the modules that bind the stages)

    targets = [("segmentation", "toolkit.pipeline", "segment_file"), ("alignment", "toolkit.align", "align"),
               ("terminology", "toolkit.terms", "extract"), ("writing TMX/TSV", "toolkit.formats", "write_alignments"),
               ("writing glossaries", "toolkit.formats", "write_glossary"), ("lookup index", "toolkit.lookup", "build_index")]
    saved = []
    for stage, modname, name in targets:
        fn = getattr(importlib.import_module(modname), name, None)
        if fn is None:
            continue

        def wrapper(*a, _fn=fn, _stage=stage, **k):
            t0 = time.perf_counter()
            try:
                return _fn(*a, **k)
            finally:
                spent[_stage] = spent.get(_stage, 0.0) + time.perf_counter() - t0

        for mod in [m for n, m in list(sys.modules.items()) if n.startswith("toolkit") and m is not None]:
            if getattr(mod, name, None) is fn:
                saved.append((mod, name, fn))
                setattr(mod, name, wrapper)
    try:
        yield
    finally:
        for mod, name, fn in saved:
            setattr(mod, name, fn)


def build_stages(args) -> None:
    corpus = D.SHARED / "data" / "canlaw-dev" / "corpus"
    if not corpus.is_dir():
        return
    print(f"\n## Build: termkit build of canlaw-dev/corpus (10 Acts, {sum(f.stat().st_size for f in corpus.rglob('*.txt')) / 1e6:.1f} MB)\n")
    with tempfile.TemporaryDirectory() as tmp:
        walls = []
        for _ in range(args.reps):
            shutil.rmtree(Path(tmp) / "out", ignore_errors=True)
            cmd = [sys.executable, "-m", "toolkit", "build", str(corpus), "--out", str(Path(tmp) / "out"), "--jobs", "2"]
            with open("/dev/null", "w") as null:  # run from the repository: its code, not an installed one
                status, wall, rss, err = P.run_measured(cmd, null, cwd=P.REPO)
            if status != 0:
                print(f"termkit build failed: {err.strip().splitlines()[-1] if err.strip() else status}")
                return
            walls.append((wall, rss))
        print(f"`python -m toolkit build CORPUS --out OUT --jobs 2`, a fresh output folder: {statistics.median(w for w, _ in walls):.1f} s "
              f"(median of {args.reps}), peak RSS of the parent process {max(r for _, r in walls):.0f} MB.\n")
        from toolkit.pipeline import build

        spent: dict[str, float] = {}
        shutil.rmtree(Path(tmp) / "out", ignore_errors=True)
        with _timed(spent):
            t0 = time.perf_counter()
            build(corpus, Path(tmp) / "out", jobs=1)
            total = time.perf_counter() - t0
    print("Time by stage, --jobs 1 in one process (this benchmark's process: imports and kernels already "
          "loaded):\n")
    print("| stage | s | share |")
    print("|---|---:|---:|")
    for stage, s in sorted(spent.items(), key=lambda x: -x[1]):
        print(f"| {stage} | {s:.1f} | {s / total:.0%} |")
    rest = total - sum(spent.values())
    print(f"| other (pairing, caches, corpus TMX, curation) | {rest:.1f} | {rest / total:.0%} |")
    print(f"| **total** | **{total:.1f}** | |")
