"""termkit is Apache-2.0: every runtime dependency (with the `model` extra) must be under a
permissive licence. Dev-only tools (translate-toolkit GPL, sentence-splitter LGPL) are used
by tests and benchmarks only and are never bundled."""
from __future__ import annotations

import importlib.metadata as md
import re

import pytest

packaging = pytest.importorskip("packaging.requirements")

PERMISSIVE = re.compile(
    r"\b(MIT|BSD|Apache|ISC|PSF|Python Software Foundation|MPL-2\.0|Mozilla Public License 2\.0|"
    r"CNRI|0BSD|Zlib|CC0|Unlicense|HPND)\b", re.I)
COPYLEFT = re.compile(r"\b(A?GPL|General Public License|NonCommercial|CC[- ]BY[- ]NC)\b", re.I)


def _license_text(dist: md.Distribution) -> str:
    meta = dist.metadata
    parts = [meta.get("License-Expression") or "", (meta.get("License") or "").split("\n")[0]]
    parts += [c for c in meta.get_all("Classifier") or [] if c.startswith("License")]
    text = " ".join(parts)
    if not PERMISSIVE.search(text):  # empty metadata: read the shipped licence file
        for f in dist.files or []:
            if re.search(r"(LICEN[CS]E|COPYING)", f.name, re.I):
                try:
                    text += " " + f.read_text()[:400]
                except (OSError, UnicodeDecodeError):
                    pass
    return text


def _runtime_closure() -> dict[str, md.Distribution]:
    from packaging.requirements import Requirement

    seen: dict[str, md.Distribution] = {}
    todo = [("termkit", "model")]
    while todo:
        name, extra = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        seen[key] = dist
        for r in dist.requires or []:
            req = Requirement(r)
            if req.marker is None or req.marker.evaluate({"extra": extra or ""}):
                todo.append((req.name, ""))
    return seen


def test_runtime_dependencies_are_permissive():
    closure = _runtime_closure()
    assert "typer" in closure and "lxml" in closure
    bad = {}
    for name, dist in closure.items():
        if name == "termkit":
            continue
        text = _license_text(dist)
        if COPYLEFT.search(text) and not re.search(r"LGPL|Lesser|MPL", text) or not PERMISSIVE.search(text):
            bad[name] = text[:120]
    assert not bad, f"runtime dependencies with a licence incompatible with Apache-2.0 or unknown: {bad}"
