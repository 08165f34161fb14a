"""Empty sides, unrelated documents, the same language twice: warnings and low scores."""
from __future__ import annotations

import subprocess
import sys

import pytest

from toolkit.align import align

from .test_synthetic import EN, FR

UNRELATED_EN = [
    "The recipe calls for two eggs and a cup of flour.",
    "Stir the batter gently until it becomes smooth.",
    "Bake in a hot oven until golden brown.",
    "Children love to decorate the cookies with icing.",
    "Store them in a tin to keep them fresh.",
    "The garden was full of roses that summer.",
]


def test_one_side_empty():
    msgs = []
    beads = align(FR, [], on_warning=msgs.append)
    assert [(b.fr_ids, b.en_ids, b.score) for b in beads] == [((i,), (), 0.0) for i in range(len(FR))]
    assert msgs and "empty" in msgs[0]
    beads = align([], EN[:2], on_warning=msgs.append)
    assert [(b.fr_ids, b.en_ids, b.score) for b in beads] == [((), (0,), 0.0), ((), (1,), 0.0)]


def test_both_empty():
    assert align([], [], on_warning=lambda m: None) == []


def test_default_warning_is_warnings_warn():
    with pytest.warns(UserWarning, match="empty"):
        align(FR, [])


def test_unrelated_documents():
    msgs = []
    beads = align(FR, UNRELATED_EN, on_warning=msgs.append)
    assert any("translation" in m for m in msgs)
    assert sum(b.score for b in beads) / len(beads) < 0.3
    good = align(FR, EN, on_warning=msgs.append)
    assert sum(b.score for b in good) / len(good) > 0.7


def test_same_language_twice():
    msgs = []
    beads = align(FR, FR, on_warning=msgs.append)
    assert any("French" in m for m in msgs)
    assert sum(b.score for b in beads) / len(beads) < 0.35
    msgs.clear()
    beads = align(EN, EN, on_warning=msgs.append)
    assert any("English" in m for m in msgs)
    assert len(beads) == len(EN)


def test_import_is_light():
    code = ("import sys, toolkit, toolkit.align; "
            "assert 'torch' not in sys.modules and 'sentence_transformers' not in sys.modules; "
            "assert 'numpy' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
