"""The aligner's inner loops, numba-compiled or as plain Python.

:mod:`.kernels` holds the loops once. Imported as ``kernels`` they are compiled by numba
(machine code cached on disk); loaded here as ``kernels_plain`` the same source runs as plain
Python. numba costs about half a second in every process (its import and loading the cached
code) while a page of text takes the plain loops a few tens of milliseconds, so ``align()``
chooses by size. The two copies compute the same floats (no fastmath), so the choice never
changes a result: it depends on the document only, never on what the process did before.
"""
from __future__ import annotations

import contextvars
import importlib.util
import sys
from contextlib import contextmanager
from functools import cache
from pathlib import Path

__all__ = ["kernels", "for_size", "PLAIN_MAX_SEGMENTS"]

# Above this many segments on either side the compiled loops win even with numba's start-up
# (measured on the bundled documents: 48 x 47 segments 0.6 s plain vs 1.2 s compiled in a
# fresh process, 128 x 128 3.2 s vs 1.2 s).
PLAIN_MAX_SEGMENTS = 64
_PLAIN = contextvars.ContextVar("termkit_plain_loops", default=False)


@contextmanager
def for_size(n: int, m: int):
    """Within the block, :func:`kernels` gives the copy suited to ``n`` x ``m`` segments."""
    token = _PLAIN.set(max(n, m) <= PLAIN_MAX_SEGMENTS)
    try:
        yield
    finally:
        _PLAIN.reset(token)


def kernels():
    """The kernels module to call: the plain copy inside a small ``for_size`` block."""
    if _PLAIN.get():
        return _plain()
    from . import kernels as compiled

    return compiled


@cache
def _plain():
    name = f"{__package__}.kernels_plain"
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("kernels.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
