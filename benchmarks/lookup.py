"""Lookup benchmark: index build time and size, then warm lookup latency on a synthetic
glossary (default 100,000 entries) and aligned corpus (default 1,000,000 pairs), compared
with a naive peer (rapidfuzz over every term + a Python substring scan of every pair).

Words come from wordfreq's top-20,000 French and English lists, sampled with Zipf weights,
so FTS posting lists have realistic lengths; glossary terms are planted in ~30% of the
sentence pairs so that concordance queries find examples.

Run:  python benchmarks/lookup.py                 # full size, about 3-4 minutes on 2 cores
      python benchmarks/lookup.py --entries 10000 --segments 100000   # quick
      python benchmarks/lookup.py --db big.db --reuse  # time the queries on an index built earlier
      python benchmarks/lookup.py --root OLD_CHECKOUT --db old.db --reuse   # another tree's code

``--root`` (before any other import) puts another source tree first on the path, so two
versions can be timed in the same period on a shared machine.
"""
from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if "--root" in sys.argv[:-1]:
    _ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
sys.path.insert(0, str(_ROOT))

from toolkit.lookup import Lookup, build_index  # noqa: E402
from toolkit.text import fold  # noqa: E402
from toolkit.types import Alignment, Bead, Glossary, Segment, TermPair  # noqa: E402

FR_LINKS = ["de", "des", "du", "et", "de la", "pour", "en"]
EN_LINKS = ["of", "and", "for", "of the", "on"]


def vocabulary(lang: str, n: int = 20000) -> tuple[list[str], list[float]]:
    import wordfreq

    words = [w for w in wordfreq.top_n_list(lang, n) if w.isalpha() and len(w) > 1]
    cum, total = [], 0.0
    for r in range(len(words)):
        total += 1.0 / (r + 10)  # Zipf, flattened at the head
        cum.append(total)
    return words, cum


def make_glossary(n: int, rng: random.Random) -> Glossary:
    fr_w, fr_c = vocabulary("fr")
    en_w, en_c = vocabulary("en")
    # content words: skip the 150 most frequent (function words)
    fr_w, fr_c = fr_w[150:], [c - fr_c[149] for c in fr_c[150:]]
    en_w, en_c = en_w[150:], [c - en_c[149] for c in en_c[150:]]
    seen, entries = set(), []
    while len(entries) < n:
        k = rng.choices((1, 2, 3, 4), weights=(15, 45, 30, 10))[0]
        fw = rng.choices(fr_w, cum_weights=fr_c, k=k)
        ew = rng.choices(en_w, cum_weights=en_c, k=k)
        if k >= 3:
            fw.insert(1, rng.choice(FR_LINKS))
            ew.insert(1, rng.choice(EN_LINKS))
        fr, en = " ".join(fw), " ".join(ew)
        if fold(fr) in seen:
            continue
        seen.add(fold(fr))
        status = rng.choices(("approved", "new", "rejected"), weights=(3, 6, 1))[0]
        variants = (en + "s",) if rng.random() < 0.1 else ()
        entries.append(TermPair(fr, en, id=f"t{len(entries)}", status=status, freq=rng.randint(1, 500),
                                score=rng.random(), en_variants=variants))
    return Glossary(entries)


def make_corpus(n_pairs: int, glossary: Glossary, rng: random.Random, per_doc: int = 1000) -> list[Alignment]:
    import numpy as np

    fr_w, fr_c = vocabulary("fr")
    en_w, en_c = vocabulary("en")
    nrng = np.random.default_rng(rng.randrange(2**32))

    def sample(words, cum, count):
        p = np.diff(np.asarray([0.0] + cum))
        return nrng.choice(len(words), size=count, p=p / p.sum())

    lengths = nrng.integers(10, 26, size=n_pairs)
    total = int(lengths.sum())
    fr_idx, en_idx = sample(fr_w, fr_c, total), sample(en_w, en_c, total)
    fr_arr, en_arr = np.asarray(fr_w, dtype=object), np.asarray(en_w, dtype=object)
    entries = glossary.entries
    alignments, fr, en, pos = [], [], [], 0
    for i, n in enumerate(lengths.tolist()):
        f = fr_arr[fr_idx[pos:pos + n]].tolist()
        e = en_arr[en_idx[pos:pos + n]].tolist()
        pos += n
        if rng.random() < 0.3:  # plant a glossary term in both languages
            t = entries[int(rng.random() * len(entries))]
            j = rng.randrange(n)
            f.insert(j, t.fr)
            e.insert(j, t.en)
        f[0], e[0] = f[0].capitalize(), e[0].capitalize()
        fr.append(Segment(" ".join(f) + "."))
        en.append(Segment(" ".join(e) + "."))
        if len(fr) == per_doc or i == n_pairs - 1:
            beads = [Bead((k,), (k,), 0.5 + (k % 50) / 100) for k in range(len(fr))]
            alignments.append(Alignment(f"doc{len(alignments):05d}", fr, en, beads))
            fr, en = [], []
    return alignments


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:] if rng.random() < 0.5 else word[:i] + word[i + 1:]


def make_queries(glossary: Glossary, rng: random.Random, n: int) -> list[tuple[str, str, str, str]]:
    """(category, query, lang, expected entry id)."""
    es = glossary.entries
    per = max(1, n // 6)
    out = []
    for cat in ("exact", "lemma", "accentless", "typo", "english", "multiword"):
        tries = 0
        got = 0
        while got < per and tries < 100 * per:
            tries += 1
            e = es[rng.randrange(len(es))]
            words = e.fr.split()
            if cat == "exact":
                q, lang = e.fr, "auto"
            elif cat == "lemma":
                if words[-1].endswith(("s", "x")):
                    continue
                q, lang = " ".join(words[:-1] + [words[-1] + "s"]), "auto"
            elif cat == "accentless":
                if fold(e.fr) == e.fr.lower():
                    continue
                q, lang = fold(e.fr), "auto"
            elif cat == "typo":
                long = [i for i, w in enumerate(words) if len(w) >= 7]
                if not long:
                    continue
                i = rng.choice(long)
                q, lang = " ".join(words[:i] + [_typo(words[i], rng)] + words[i + 1:]), "auto"
            elif cat == "english":
                q, lang = e.en, "en"
            else:
                if len(words) < 3:
                    continue
                q, lang = fold(" ".join(words[2:] if words[1] in FR_LINKS else words[1:])), "fr"
                if len(q.split()) < 2:
                    continue
            out.append((cat, q, lang, e.id))
            got += 1
    return out


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


class Naive:
    """The peer: rapidfuzz WRatio over every folded term (both languages), then a Python
    substring scan of every folded aligned pair (stops at ``limit`` hits)."""

    def __init__(self, glossary: Glossary, alignments: list[Alignment]):
        self.terms = [fold(e.fr) for e in glossary.entries] + [fold(e.en) for e in glossary.entries]
        self.pairs = [(fold(f), fold(e)) for a in alignments for f, e, _ in a.pairs()]

    def lookup(self, query: str, limit: int = 10):
        from rapidfuzz import fuzz, process

        q = fold(query)
        hits = process.extract(q, self.terms, scorer=fuzz.WRatio, limit=limit)
        conc = []
        for f, e in self.pairs:
            if q in f or q in e:
                conc.append((f, e))
                if len(conc) >= limit:
                    break
        return hits, conc


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--segments", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=204)
    ap.add_argument("--naive-queries", type=int, default=48, help="queries given to the naive peer (0: skip)")
    ap.add_argument("--db", type=Path, default=None, help="index path (default: a temporary folder)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--root", type=Path, default=_ROOT, help="source tree whose toolkit is timed")
    ap.add_argument("--reuse", action="store_true", help="keep --db when it exists (built by the same tree)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)

    def say(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    t = time.perf_counter()
    glossary = make_glossary(args.entries, rng)
    alignments = make_corpus(args.segments, glossary, rng)
    say(f"generated {len(glossary):,} entries, {args.segments:,} pairs in {time.perf_counter() - t:.1f} s")

    tmp = tempfile.TemporaryDirectory(prefix="termkit-bench-")
    db = args.db or Path(tmp.name) / "termkit.db"
    if args.reuse and args.db and args.db.is_file():
        import sqlite3

        con = sqlite3.connect(args.db)
        n_pairs = con.execute("SELECT COUNT(*) FROM pairs").fetchone()[0]
        n_keys = con.execute("SELECT COUNT(*) FROM gloss_keys").fetchone()[0]
        con.close()
        from types import SimpleNamespace

        stats = SimpleNamespace(seconds=float("nan"), pairs=n_pairs, keys=n_keys, bytes=args.db.stat().st_size)
        say(f"index reused: {args.db}")
    else:
        stats = build_index(db, alignments, glossary)
        say(f"index built in {stats.seconds:.1f} s")

    queries = make_queries(glossary, rng, args.queries)
    naive = None
    if args.naive_queries:
        t = time.perf_counter()
        naive = Naive(glossary, alignments)
        say(f"naive peer loaded in {time.perf_counter() - t:.1f} s")
    # the generated corpus (millions of objects) is scaffolding: keep the cyclic GC from
    # walking it during timed lookups (a real `termkit lookup` process never holds it)
    del alignments
    gc.collect()
    gc.freeze()
    lk = Lookup(db)
    for _, q, lang, _ in make_queries(glossary, random.Random(args.seed + 1), 24):  # warm-up: other queries
        lk.lookup(q, lang=lang)

    rows = {}
    # each query is first seen with the concordance (nothing about it cached yet), then again
    # glossary only
    for mode, context in (("with concordance", True), ("glossary only", False)):
        for cat, q, lang, want in queries:
            t0 = time.perf_counter()
            res = lk.lookup(q, lang=lang, limit=10, context=context)
            dt = (time.perf_counter() - t0) * 1000
            r = rows.setdefault((mode, cat), {"ms": [], "top1": 0, "found": 0, "conc": 0})
            r["ms"].append(dt)
            ids = [h.entry.id for h in res.glossary]
            r["top1"] += bool(ids) and ids[0] == want
            r["found"] += want in ids
            r["conc"] += bool(res.concordance)

    print(f"\ntermkit lookup benchmark ({args.root}): {len(glossary):,} glossary entries, {stats.pairs:,} aligned pairs")
    print(f"index build {stats.seconds:.1f} s, {stats.bytes / 2**20:.0f} MiB ({stats.keys:,} glossary keys)\n")
    hdr = f"{'mode':<18} {'queries':<11} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'top-1':>6} {'in top-10':>9} {'examples':>8}"
    print(hdr)
    print("-" * len(hdr))
    for mode in ("with concordance", "glossary only"):
        allms = []
        for (m, cat), r in rows.items():
            if m != mode:
                continue
            n = len(r["ms"])
            allms += r["ms"]
            print(f"{mode:<18} {cat:<11} {n:>4} {pct(r['ms'], 50):>8.1f} {pct(r['ms'], 95):>8.1f} "
                  f"{max(r['ms']):>8.1f} {r['top1'] / n:>6.0%} {r['found'] / n:>9.0%} {r['conc'] / n:>8.0%}")
        print(f"{mode:<18} {'ALL':<11} {len(allms):>4} {pct(allms, 50):>8.1f} {pct(allms, 95):>8.1f} "
              f"{max(allms):>8.1f}")
    cold = []
    for _, q, lang, _ in queries[::40]:  # a CLI call: open the index, first (fuzzy) query
        t0 = time.perf_counter()
        with Lookup(db) as fresh:
            fresh.lookup(q, lang=lang, limit=10)
        cold.append((time.perf_counter() - t0) * 1000)
    print(f"{'new Lookup + 1st':<18} {'mixed':<11} {len(cold):>4} {pct(cold, 50):>8.1f} {pct(cold, 95):>8.1f} "
          f"{max(cold):>8.1f}   (open, load vocabulary, query; OS cache warm)")
    p95 = pct([x for (m, _), r in rows.items() if m == "with concordance" for x in r["ms"]], 95)
    print(f"\ntarget p95 < 50 ms (with concordance): {'met' if p95 < 50 else 'NOT met'} ({p95:.1f} ms)")

    if naive is not None:
        sub = queries[:: max(1, len(queries) // args.naive_queries)][: args.naive_queries]
        ours, theirs = [], []
        for _, q, lang, _ in sub:
            t0 = time.perf_counter()
            lk.lookup(q, lang=lang, limit=10)
            ours.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            naive.lookup(q, limit=10)
            theirs.append((time.perf_counter() - t0) * 1000)
        print(f"\nside by side on {len(sub)} queries (glossary + examples, limit 10):")
        print(f"{'':<34} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}")
        print(f"{'termkit Lookup (SQLite FTS5)':<34} {pct(ours, 50):>8.1f} {pct(ours, 95):>8.1f} "
              f"{statistics.mean(ours):>8.1f}")
        print(f"{'naive (rapidfuzz all + in-scan)':<34} {pct(theirs, 50):>8.1f} {pct(theirs, 95):>8.1f} "
              f"{statistics.mean(theirs):>8.1f}")
        print(f"ratio naive / termkit (mean): {statistics.mean(theirs) / statistics.mean(ours):.0f}x")
    lk.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
