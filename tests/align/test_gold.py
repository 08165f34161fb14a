"""The shared gold documents (presegmented): strict F1 >= 0.97 each."""
from __future__ import annotations

import pytest

from toolkit.align import align
from toolkit.align.score import read_align, score_beads

DOCS = ["interpol-ga-2017-86-res-06", "interpol-un-ministerial-2009", "osce-policing-activities", "un-ares-77-241"]


def _lines(p):
    return [l.strip() for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]


@pytest.mark.parametrize("stem", DOCS)
def test_gold_document(gold_dir, stem):
    if not (gold_dir / f"{stem}.align").exists():
        pytest.skip(f"{stem}.align not present")
    fr, en = _lines(gold_dir / f"{stem}.fr.txt"), _lines(gold_dir / f"{stem}.en.txt")
    msgs = []
    beads = align(fr, en, on_warning=msgs.append)
    s = score_beads(beads, read_align(gold_dir / f"{stem}.align"))
    assert s["strict"]["f1"] >= 0.97, s
    assert not msgs
