"""termkit check on official translations: false alarms with every glossary entry approved,
and whether deliberate errors are caught.

For each development set (the bundled corpus; ../shared/data/canlaw-dev when present) the
set is built once (cached under benchmarks/.cache/check-<set>), every entry of its glossary
is approved, and ``check`` runs on every document's own alignment (the official
translation). Then single-bead perturbations of the English: an approved term's rendering
replaced by another entry's English, a number shared by both sides changed; each must be
reported as an issue (exit code 1). Rows "no corpus" ignore the build's corpus (renderings
seen there, its consistency notes); rows "corpus" use it, as `termkit check` does on a build.

    python benchmarks/check_false_alarms.py [--sets corpus,canlaw] [--per-doc 20]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.check import check  # noqa: E402
from toolkit.check.evidence import CorpusEvidence  # noqa: E402
from toolkit.check.terms import Renderer, TermIndex  # noqa: E402
from toolkit.curation import CurationStore, store_path  # noqa: E402
from toolkit.pipeline import build  # noqa: E402
from toolkit.pipeline.document import _load_cache  # noqa: E402
from toolkit.types import Alignment, Segment  # noqa: E402

VERBOSE = False
SETS = {"corpus": ROOT / "corpus", "canlaw": ROOT.parent / "shared" / "data" / "canlaw-dev" / "corpus"}


def built(name: str) -> Path:
    out = ROOT / "benchmarks" / ".cache" / f"check-{name}"
    build(SETS[name], out, jobs=2)
    return out


def alignments(out: Path) -> list[Alignment]:
    als = []
    for p in sorted((out / ".termkit" / "cache").glob("*.json")):
        hit = _load_cache(p, json.loads(p.read_text(encoding="utf-8"))["key"])
        if hit is not None:
            als.append(hit[0])  # (alignment, segmentation removal report)
    return als


def one_bead(al: Alignment, k: int, en: str) -> Alignment:
    from toolkit.types import Bead

    fr, _, b = list(al.pairs())[k]
    return Alignment(al.doc, [Segment(fr)], [Segment(en)], [Bead((0,), (0,), b.score)])


def perturbations(als, glossary, per_doc: int, rng: random.Random):
    """(kind, alignment of one bead, what was done) for terms and numbers."""
    index = TermIndex(glossary)
    others = sorted({e.en for e in glossary.entries if e.en.strip()})
    from toolkit.lookup.match import words

    for al in als:
        terms, nums = [], []
        for k, (fr, en, b) in enumerate(al.pairs()):
            if not (b.fr_ids and b.en_ids) or b.score < 0.5:
                continue
            r = Renderer(en)
            for tw, _ in index.occurring(words(fr, "fr"), fr):
                for form in index.terms[tw][1]:
                    m = re.search(r"\b" + re.escape(form) + r"\b", en, re.I)
                    if m and index.rendered(tw, r):
                        terms.append((k, tw, m))
                        break
            fr_nums = set(re.findall(r"(?<![\d.,])\d{2,4}(?![\d.,])", fr))
            for m in re.finditer(r"(?<![\d.,/-])\d{2,4}(?![\d.,/-])", en):
                if m.group() in fr_nums:
                    nums.append((k, m))
        terms.sort(key=lambda t: (t[0], t[1], t[2].start()))
        for k, tw, m in rng.sample(terms, min(per_doc, len(terms))):
            en = list(al.pairs())[k][1]
            taken = {w.key for w in Renderer(m.group()).words}
            repl = next((o for o in rng.sample(others, len(others))
                         if not index.rendered(tw, Renderer(o)) and not taken & {w.key for w in Renderer(o).words}),
                        None)
            if repl is None:
                continue
            yield "term", one_bead(al, k, en[:m.start()] + repl + en[m.end():]), f"{m.group()} -> {repl}"
        for k, m in rng.sample(nums, min(per_doc, len(nums))):
            en = list(al.pairs())[k][1]
            new = str(int(m.group()) + 1)
            yield "number", one_bead(al, k, en[:m.start()] + new + en[m.end():]), f"{m.group()} -> {new}"


def run(name: str, per_doc: int) -> list[tuple]:
    out = built(name)
    als = alignments(out)
    g = CurationStore(store_path(out, folder=True)).glossary()
    g.entries = [e.with_(status="approved") for e in g.entries]
    rows = []
    for label, corpus in (("no corpus", None), ("corpus", CorpusEvidence(out / "termkit.db"))):
        t0 = time.perf_counter()
        found = Counter()
        for al in als:
            for i in check(al, g, corpus=corpus):
                found[(i.kind, i.severity)] += 1
        secs = time.perf_counter() - t0
        issues = sum(n for (k, s), n in found.items() if s == "issue")
        notes = sum(n for (k, s), n in found.items() if s == "note")
        by_kind = ", ".join(f"{k} {n}" for (k, s), n in sorted(found.items()) if s == "issue") or "-"
        caught, total = Counter(), Counter()
        for kind, al1, what in perturbations(als, g, per_doc, random.Random(7)):
            total[kind] += 1
            kinds = ("number", "symbol") if kind == "number" else (kind,)  # "No. 1049" -> 1050 is a symbol
            if any(i.kind in kinds and i.severity == "issue" for i in check(al1, g, corpus=corpus)):
                caught[kind] += 1
            elif VERBOSE:
                print(f"missed {kind} ({label}): {what} in {al1.en[0].text[:160]!r}", file=sys.stderr)
        rows.append((name, label, len(als), sum(len(a.beads) for a in als), len(g.entries), issues, by_kind, notes,
                     f"{caught['term']}/{total['term']}", f"{caught['number']}/{total['number']}", f"{secs:.1f}"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="corpus,canlaw")
    ap.add_argument("--per-doc", type=int, default=20, help="perturbations of each kind per document")
    ap.add_argument("--verbose", action="store_true", help="list the perturbations not caught (stderr)")
    a = ap.parse_args()
    global VERBOSE
    VERBOSE = a.verbose
    head = ("set", "evidence", "docs", "beads", "entries (all approved)", "false alarms (exit 1)", "by kind",
            "notes", "replaced terms caught", "changed numbers caught", "check s")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name in a.sets.split(","):
        if not SETS[name].is_dir():
            print(f"| {name} | absent ({SETS[name]}) |")
            continue
        for r in run(name, a.per_doc):
            print("| " + " | ".join(map(str, r)) + " |")


if __name__ == "__main__":
    main()
