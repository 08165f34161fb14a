"""Judged precision for benchmarks/terms.py: a random sample of the output, labelled by
reading (criteria in benchmarks/terms_judging.md), kept in benchmarks/terms_judged.tsv so
the figure can be re-checked and extended.

A label belongs to a (set, French, English) pair, matched on the normalised lemma keys of
``_terms_gold.norm`` (case, accents, plural and articles do not change a judgement). The
sample is drawn with a fixed seed from the entries of the current output, so a re-run on
the same output reads the same entries; entries nobody has labelled yet are reported (and
written out with ``--judge``), never guessed.
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

from _terms_gold import norm

LABELS = Path(__file__).resolve().parent / "terms_judged.tsv"
SAMPLE = 100  # random entries judged per set (besides the top 50)
# The sample's seed. A new seed draws a fresh sample, so that the figure is not measured on
# entries the rules were tuned on; the labels of earlier samples stay for re-checks.
# "termkit-judge": first pass (issue 12); "termkit-judge-2": second pass.
SEED = "termkit-judge-2"
TOP = 50
COLUMNS = ["set", "fr", "en", "label", "note"]


def load(path: Path = LABELS) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(set, norm fr, norm en) -> (label, note)."""
    out = {}
    if not path.is_file():
        return out
    with open(path, encoding="utf-8", newline="") as fh:
        rows = (r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#"))
        for r in rows:
            if r[0] == "set":
                continue
            r += [""] * (5 - len(r))
            out[(r[0], norm(r[1], "fr"), norm(r[2], "en"))] = (r[3], r[4])
    return out


def sample(name: str, entries: list) -> tuple[list, list]:
    """(top 50 by score, random sample of SAMPLE entries of the whole output)."""
    ranked = sorted(entries, key=lambda e: (-e.score, e.fr))
    rng = random.Random(f"{SEED}-{name}")
    pool = sorted(entries, key=lambda e: (e.fr, e.en))
    return ranked[:TOP], rng.sample(pool, min(SAMPLE, len(pool)))


def precision(name: str, entries: list, labels) -> dict:
    """Judged precision of the random sample and of the top 50: OK share, OK+partial share,
    and the entries without a label."""
    top, rand = sample(name, entries)
    res = {}
    missing = {}
    for what, group in (("sample", rand), ("top50", top)):
        ok = part = n = 0
        for e in group:
            lab = labels.get((name, norm(e.fr, "fr"), norm(e.en, "en")))
            if lab is None:
                missing[(e.fr, e.en)] = e
                continue
            n += 1
            ok += lab[0] == "ok"
            part += lab[0] == "partial"
        res[what] = (ok / n if n else float("nan"), (ok + part) / n if n else float("nan"), n, len(group))
    res["missing"] = list(missing.values())
    return res


def write_todo(name: str, missing: list, path: Path) -> None:
    """Append the unlabelled entries to ``path`` (label column empty) with an example."""
    new = not path.exists()
    with open(path, "a", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        if new:
            w.writerow(COLUMNS + ["example_fr", "example_en", "score", "freq"])
        for e in missing:
            w.writerow([name, e.fr, e.en, "", "", e.example_fr[:300], e.example_en[:300], e.score, e.freq])


def labelled_precision(name: str, entries: list, labels) -> tuple[float, int]:
    """OK share over every output entry that has a label (not only the sample): a steadier
    signal for comparing variants (ablation), biased towards what has been sampled before."""
    ok = n = 0
    for e in entries:
        lab = labels.get((name, norm(e.fr, "fr"), norm(e.en, "en")))
        if lab is not None:
            n += 1
            ok += lab[0] == "ok"
    return (ok / n if n else float("nan")), n
