"""The plain-Python copy of the aligner's loops: same beads and scores as the compiled one,
chosen by size only, and a small document never starts numba."""
from __future__ import annotations

import subprocess
import sys

import pytest

from toolkit.align import align, loops

from .test_synthetic import EN, FR


def _beads(monkeypatch, plain_max):
    monkeypatch.setattr(loops, "PLAIN_MAX_SEGMENTS", plain_max)
    return [(b.fr_ids, b.en_ids, b.score) for b in align(FR + FR[:3], EN + EN[1:3])]


def test_plain_and_compiled_loops_give_identical_beads(monkeypatch):
    pytest.importorskip("numba")
    plain = _beads(monkeypatch, 10_000)
    compiled = _beads(monkeypatch, 0)
    assert plain == compiled
    assert len(plain) == 9 and any(not en for _, en, _ in plain)  # a 1-0 bead: every path was tried


def test_choice_depends_on_size_only():
    with loops.for_size(loops.PLAIN_MAX_SEGMENTS, 3):
        assert loops.kernels().__name__.endswith("kernels_plain")
    with loops.for_size(loops.PLAIN_MAX_SEGMENTS + 1, 3):
        assert loops.kernels().__name__ == "toolkit.align.kernels"
    assert loops.kernels().__name__ == "toolkit.align.kernels"  # outside any block


def test_a_small_document_never_imports_numba():
    code = ("import sys; from toolkit.align import align; "
            f"b = align({FR!r}, {EN!r}); print(len(b), 'numba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["6", "False"]
