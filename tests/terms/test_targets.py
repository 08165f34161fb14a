"""The issue-12 targets on both development sets, with `termkit build` defaults (extract over
all documents of a set, build's min_freq). Thresholds are the targets; a target not reached
is an xfail that says the measured value (benchmarks/terms.py prints the same figures).
Skips when ../shared is absent. Judged precision reads benchmarks/terms_judged.tsv."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

import _terms_judge as J  # noqa: E402
import _terms_sets as S  # noqa: E402
from _terms_gold import norm  # noqa: E402

from toolkit.terms import extract  # noqa: E402

SHARED = Path(__file__).resolve().parents[3] / "shared"
RECALL, PRECISION, TOP50 = 0.80, 0.80, 0.95
# measured on this commit (benchmarks/terms.py, build default min_freq=1, judged sample seed
# "termkit-judge-2"); the xfail reasons quote them
MEASURED = {
    "gold": {"recall": "0.63", "judged": "0.55", "top50": "0.84"},
    "canlaw": {"recall": "0.76", "judged": "0.52", "top50": "0.86"},
}


def _set(name):
    sets = {d.name: d for d in S.dev_sets(SHARED)} if SHARED.is_dir() else {}
    if name not in sets:
        pytest.skip(f"{name} development set not present under {SHARED}")
    return sets[name]


@pytest.fixture(scope="module", params=["gold", pytest.param("canlaw", marks=pytest.mark.slow)])
def output(request):
    ds = _set(request.param)
    g = extract(S.alignments(ds, jobs=2), min_freq=S.build_min_freq())
    return ds, list(g)


def _xfail_unless(ok: bool, name: str, what: str, target: float):
    if not ok:
        pytest.xfail(f"target {what} >= {target} not reached on {name}: measured {MEASURED[name][what]}")


def test_recall_of_reference_pairs(output):
    ds, entries = output
    ref = {(norm(f, "fr"), norm(e, "en")) for f, e, _d in ds.ref}
    got = {(norm(e.fr, "fr"), norm(e.en, "en")) for e in entries}
    r = len(ref & got) / len(ref)
    _xfail_unless(r >= RECALL, ds.name, "recall", RECALL)
    assert r >= RECALL


def _judged(ds, entries, what):
    res = J.precision(ds.name, entries, J.load())
    ok, _okp, n, total = res[what]
    assert n >= 0.8 * total, (f"{total - n} of {total} sampled entries of {ds.name} have no label: "
                              "run benchmarks/terms.py --judge todo.tsv and label them")
    return ok


def test_judged_precision_of_a_random_sample(output):
    ds, entries = output
    p = _judged(ds, entries, "sample")
    _xfail_unless(p >= PRECISION, ds.name, "judged", PRECISION)
    assert p >= PRECISION


def test_judged_precision_of_the_top_50(output):
    ds, entries = output
    p = _judged(ds, entries, "top50")
    _xfail_unless(p >= TOP50, ds.name, "top50", TOP50)
    assert p >= TOP50


def test_flagship_pair_wherever_it_occurs():
    ds = S.bundled(SHARED) if SHARED.is_dir() else None
    if ds is None:
        pytest.skip("bundled corpus not present")
    als = S.alignments(ds, jobs=2)
    fr, en = S.FLAGSHIP
    where = {al.doc for al in als if fr in S.french_text(al).lower()}
    assert where
    g = extract(als, min_freq=S.build_min_freq())
    hits = [e for e in g if norm(e.fr, "fr") == norm(fr, "fr") and norm(e.en, "en") == norm(en, "en")]
    assert hits and where <= set(hits[0].docs)
