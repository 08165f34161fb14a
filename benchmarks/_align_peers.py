"""The systems benchmarks/alignment.py compares, and how they are timed.

- termkit: ``toolkit.align.align`` in this process (warm: imports and compiled kernels loaded
  once), or in a worker process for wall time and peak memory;
- hunalign (built from its public source; ``$HUNALIGN``): an empty dictionary and
  ``-realign``, on text tokenised with ``toolkit.text.tokenize``, always as a process
  (one per document, or ``-batch`` for many);
- nltk's Gale-Church ``align_blocks`` on the whole document as one block (character
  lengths): pure Python over the full n x m matrix.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HUNALIGN = os.environ.get("HUNALIGN")
REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent


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


def run_termkit(fr, en, model=None, params=None):
    from toolkit.align.aligner import align

    return align(fr, en, model=model, on_warning=lambda m: None, params=params)


def run_gale_church(fr, en):
    import nltk.translate.gale_church as gc

    gc.MAX_ALIGN_BLOCKS = max(getattr(gc, "MAX_ALIGN_BLOCKS", 0), len(fr) + len(en) + 1)
    links = gc.align_blocks([max(1, len(s)) for s in fr], [max(1, len(s)) for s in en])
    return links_to_beads(links, len(fr), len(en))


def _tok(lines):
    from toolkit.text import tokenize

    return "".join(" ".join(tokenize(s)) + "\n" for s in lines)


def read_ladder(path: Path, n: int, m: int):
    rungs = []
    for line in path.read_text().splitlines():
        c = line.split("\t")
        if len(c) >= 2:
            rungs.append((int(c[0]), int(c[1])))
    if not rungs or rungs[0] != (0, 0):
        rungs.insert(0, (0, 0))
    if rungs[-1] != (n, m):
        rungs.append((n, m))
    return [(tuple(range(a, c)), tuple(range(b, d))) for (a, b), (c, d) in zip(rungs, rungs[1:]) if (c, d) != (a, b)]


def write_inputs(docs, tmp: Path) -> list[tuple[Path, Path, Path]]:
    """hunalign inputs (tokenised, one segment a line) of each document: (fr, en, ladder)."""
    out = []
    (tmp / "null.dic").write_text("", encoding="utf-8")
    for k, (_, fr, en, _) in enumerate(docs):
        f, e = tmp / f"{k}.fr.txt", tmp / f"{k}.en.txt"
        f.write_text(_tok(fr), encoding="utf-8")
        e.write_text(_tok(en), encoding="utf-8")
        out.append((f, e, tmp / f"{k}.ladder"))
    return out


def run_hunalign(fr, en, tmp: Path):
    """hunalign on one document as a process: (beads, wall seconds, peak RSS MB)."""
    (f, e, ladder), = write_inputs([("", fr, en, None)], tmp)
    cmd = [str(Path(HUNALIGN).resolve()), "-utf", "-realign", str(tmp / "null.dic"), str(f), str(e)]
    with open(ladder, "w") as out:
        # hunalign -realign leaves translate.txt in its working folder: keep it in tmp
        status, dt, rss, err = run_measured(cmd, out, cwd=tmp)
    if status != 0:
        raise RuntimeError(f"hunalign failed: {err[-500:]}")
    return read_ladder(ladder, len(fr), len(en)), dt, rss


def run_hunalign_batch(docs, tmp: Path) -> tuple[float, float]:
    """hunalign -batch: every document in one process: (wall seconds, peak RSS MB)."""
    files = write_inputs(docs, tmp)
    batch = tmp / "batch.txt"
    batch.write_text("".join(f"{f}\t{e}\t{o}\n" for f, e, o in files), encoding="utf-8")
    cmd = [str(Path(HUNALIGN).resolve()), "-utf", "-realign", "-batch", str(tmp / "null.dic"), str(batch)]
    status, dt, rss, err = run_measured(cmd, subprocess.DEVNULL, cwd=tmp)
    if status != 0:
        raise RuntimeError(f"hunalign -batch failed: {err[-500:]}")
    return dt, rss


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
            lines = [x for x in Path(rf.name).read_text().splitlines() if x.strip().isdigit()]
            rss = int(lines[-1]) / 1024 if lines else float("nan")
    return proc.returncode, dt, rss, proc.stderr


# A worker process: align the (fr, en) files listed in argv[1] (JSON) and report the time
# spent in align() (after a first tiny call has loaded the imports and the compiled
# kernels) and the F1 of each against its gold. Its wall time and peak RSS, measured from
# outside, include everything: interpreter, imports, kernels, reading the files.
WORKER = r"""
import json, sys, time
sys.path.insert(0, {repo!r}); sys.path.insert(0, {bench!r})
from toolkit.align import align
from toolkit.align.score import read_align, score_beads
align(["La police."] * 3, ["The police."] * 3, on_warning=lambda m: None)  # imports, compiled kernels
out = []
for fr_path, en_path, gold_path in json.load(open(sys.argv[1])):
    fr = open(fr_path, encoding="utf-8").read().split("\n")[:-1]
    en = open(en_path, encoding="utf-8").read().split("\n")[:-1]
    t0 = time.perf_counter()
    beads = align(fr, en, on_warning=lambda m: None)
    dt = time.perf_counter() - t0
    f1 = score_beads(beads, read_align(gold_path))["strict"]["f1"] if gold_path else None
    out.append({{"time": dt, "f1": f1}})
print(json.dumps(out))
"""


def termkit_process(docs, tmp: Path, gnu_time: bool = True) -> tuple[list[dict], float, float]:
    """Align ``docs`` in one fresh worker process: (per-document results, wall s, peak RSS MB)."""
    from toolkit.align.score import format_align

    jobs = []
    for k, (_, fr, en, gold) in enumerate(docs):
        f, e, g = tmp / f"tk{k}.fr.txt", tmp / f"tk{k}.en.txt", tmp / f"tk{k}.align"
        f.write_text("".join(s + "\n" for s in fr), encoding="utf-8")
        e.write_text("".join(s + "\n" for s in en), encoding="utf-8")
        g.write_text(format_align(gold), encoding="utf-8")
        jobs.append((str(f), str(e), str(g)))
    spec = tmp / "jobs.json"
    spec.write_text(json.dumps(jobs))
    code = WORKER.format(repo=str(REPO), bench=str(BENCH))
    with tempfile.TemporaryFile("w+") as out:
        status, wall, rss, err = run_measured([sys.executable, "-c", code, str(spec)], out)
        out.seek(0)
        text = out.read()
    if status != 0:
        raise RuntimeError(f"termkit worker failed: {err.strip().splitlines()[-1] if err.strip() else status}")
    return json.loads(text.strip().splitlines()[-1]), wall, rss
