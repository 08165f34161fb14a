"""Start-up of the commands translators type: process wall time beside ``python -c pass``.

Each command runs as a new process (``python -m toolkit`` with ``PYTHONPATH`` set to the
source tree), under hyperfine: median of ``--runs`` runs after ``--warmup`` runs (warm file
cache, bytecode cached), with the user+sys CPU time, which a machine shared with other jobs inflates less
than wall time. The unseen-word lookup forgets before each run what the word cache learned
about its words (each run lemmatises them afresh). Targets (issue 14): lookup <= 150 ms on the bundled build and <= 250 ms on
an index of 100k entries + 1M pairs, check of a one-page document <= 1 s, doctor <= 2 s,
--help <= 150 ms.

    python benchmarks/cli.py                                   # this checkout
    python benchmarks/cli.py --before /path/to/old/checkout    # both, side by side, same run
    python benchmarks/cli.py --big-db benchmarks/.cache/cli-big/termkit.db

The bundled build (``termkit build corpus``) is made once per source tree under
``benchmarks/.cache/``. The large index is built by ``benchmarks/lookup.py --db`` of the
same tree (about 2 minutes; ``--big-db PATH`` reuses one, ``--no-big`` skips it); an index
only serves the tree that built it, so ``--before-big-db`` names the old tree's.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "benchmarks" / ".cache"
DOC = "un-ares-77-241"  # 5.7 kB of French: one page
TARGETS = {"python -c pass": None, "--help": 150, "lookup (bundled)": 150, "lookup, unseen word (bundled)": 150,
           "lookup (100k + 1M)": 250, "check (one page)": 1000, "doctor": 2000}


def _env(root: Path, extra: str = "") -> dict[str, str]:
    """The tree first on the path; bytecode cached as an installed package has it (the
    warm-up runs write ``__pycache__``), whatever the calling shell says."""
    path = os.pathsep.join(p for p in (str(root), extra) if p)
    env = {**os.environ, "PYTHONPATH": path, "HF_HUB_OFFLINE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _tree_key(root: Path) -> str:
    return hashlib.blake2b(str(root.resolve()).encode(), digest_size=6).hexdigest()


def bundled_build(root: Path, extra: str) -> Path:
    """``termkit build corpus`` of ``root``'s bundled corpus, made once."""
    out = CACHE / f"cli-build-{_tree_key(root)}"
    if not (out / "termkit.db").is_file():
        subprocess.run([sys.executable, "-m", "toolkit", "build", str(root / "corpus"), "--out", str(out), "-q"],
                       env=_env(root, extra), check=True, stdout=subprocess.DEVNULL)
    return out


def big_index(root: Path, extra: str, db: Path | None) -> Path:
    """The 100k-entry, 1M-pair index of ``benchmarks/lookup.py``, made once per tree."""
    db = db or CACHE / f"cli-big-{_tree_key(root)}" / "termkit.db"
    if not db.is_file():
        db.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {db} with {root}/benchmarks/lookup.py (a few minutes)", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, str(root / "benchmarks" / "lookup.py"), "--db", str(db), "--queries", "6",
                        "--naive-queries", "0"], env=_env(root, extra), check=True, stdout=subprocess.DEVNULL)
    return db


def big_query(db: Path) -> str:
    """A French term of the large index's glossary (a fixed row: the same query every run)."""
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT fr FROM glossary WHERE id = 4242").fetchone()[0]
    finally:
        con.close()


# before each run of the unseen-word lookup: forget what the word cache learned about its words,
# so every run pays the first lemmatisation (older trees have no such cache: nothing to do)
_FORGET = """
try:
    import sqlite3
    from toolkit.words.resources import store_path
    p = store_path()
    if p is not None and p.is_file():
        con = sqlite3.connect(p)
        con.execute("DELETE FROM learned WHERE word IN ('proximitee', 'police', 'de')")
        con.commit()
except ImportError:
    pass
"""


def commands(root: Path, extra: str, big: Path | None) -> list[tuple[str, list[str], Path, str | None]]:
    """(label, argv, working folder, command run before each timed run) of each measured command."""
    build = bundled_build(root, extra)
    tk = [sys.executable, "-m", "toolkit"]
    fr, en = root / "corpus" / "fr" / f"{DOC}.txt", root / "corpus" / "en" / f"{DOC}.txt"
    forget = shlex.join([sys.executable, "-c", _FORGET])
    out = [("python -c pass", [sys.executable, "-c", "pass"], build, None),
           ("--help", tk + ["--help"], build, None),
           ("lookup (bundled)", tk + ["lookup", "detection et repression"], build, None),
           ("lookup, unseen word (bundled)", tk + ["lookup", "police de proximitee"], build, forget)]
    if big is not None:
        out.append(("lookup (100k + 1M)", tk + ["lookup", big_query(big), "--db", str(big)], build, None))
    out += [("check (one page)", tk + ["check", str(fr), str(en), "--status", "new"], build, None),
            ("doctor", tk + ["doctor"], build, None)]
    return out


def hyperfine(cmds: list[tuple[str, list[str], Path, str | None, dict]], runs: int, warmup: int) -> list[dict]:
    """hyperfine over the commands (one call each, so each keeps its folder and environment)."""
    hf = shutil.which("hyperfine")
    if hf is None:
        sys.exit("hyperfine is not installed (apt-get install hyperfine)")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, (label, argv, cwd, prepare, env) in enumerate(cmds):
            js = Path(tmp) / f"{k}.json"
            extra = ["--prepare", prepare] if prepare else []
            subprocess.run([hf, "-N", "-i", "-w", str(warmup), "-r", str(runs), "--export-json", str(js),
                            "--style", "none", *extra, shlex.join(argv)], cwd=cwd, env=env, check=True,
                           stdout=subprocess.DEVNULL)
            r = json.loads(js.read_text())["results"][0]
            rows.append({"label": label, "median": r["median"] * 1000, "cpu": (r["user"] + r["system"]) * 1000})
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=ROOT, help="source tree to measure (default: this checkout)")
    ap.add_argument("--before", type=Path, default=None, help="an older source tree, measured in the same run")
    ap.add_argument("--before-pythonpath", default="", help="extra PYTHONPATH for --before (its own typer…)")
    ap.add_argument("--big-db", type=Path, default=None)
    ap.add_argument("--before-big-db", type=Path, default=None)
    ap.add_argument("--no-big", action="store_true", help="skip the 100k + 1M index")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    args = ap.parse_args(argv)

    trees = [("after", args.root.resolve(), "", args.big_db)]
    if args.before:
        trees.insert(0, ("before", args.before.resolve(), args.before_pythonpath, args.before_big_db))
    results = {}
    for name, root, extra, big in trees:
        db = None if args.no_big else big_index(root, extra, big)
        cmds = [(label, a, cwd, prep, _env(root, extra)) for label, a, cwd, prep in commands(root, extra, db)]
        results[name] = {r["label"]: r for r in hyperfine(cmds, args.runs, args.warmup)}

    print(f"\ntermkit start-up, {os.cpu_count()} cores, median of {args.runs} runs after {args.warmup} "
          "(wall ms; x = ratio to python -c pass of the same tree; cpu = user+sys ms)\n")
    names = list(results)
    head = "| command | target ms | " + " | ".join(f"{n} ms | {n} x | {n} cpu" for n in names) + " |"
    print(head)
    print("|" + "---|" * (2 + 3 * len(names)))
    for label, target in TARGETS.items():
        cells = []
        for n in names:
            r = results[n].get(label)
            base = results[n]["python -c pass"]["median"]
            cells += [f"{r['median']:.0f}", f"{r['median'] / base:.1f}", f"{r['cpu']:.0f}"] if r else ["-"] * 3
        if any(c != "-" for c in cells):
            print(f"| {label} | {target or ''} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
