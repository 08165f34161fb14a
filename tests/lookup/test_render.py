"""rich rendering: glossary table then highlighted bilingual examples."""
from __future__ import annotations

from rich.console import Console

from toolkit.lookup.render import highlight, render


def test_render(lk):
    console = Console(record=True, width=140, color_system="truecolor")
    render(lk.lookup("application des lois", limit=3), console)
    out = console.export_text()
    assert "application des lois" in out and "law enforcement" in out
    assert "approved" in out and "exact" in out and "100" in out
    assert "interpol-doc" in out and "un-doc" in out
    assert "L’application des lois est une priorité des États membres." in out


def test_render_nothing(lk):
    console = Console(record=True, width=100)
    render(lk.lookup("zzyzx"), console)
    assert "No glossary entry for zzyzx" in console.export_text()


def test_highlight_spans():
    t = highlight("Law enforcement is a priority", [(0, 15)])
    assert [(s.start, s.end) for s in t.spans] == [(0, 15)]


def test_render_without_context(lk):
    console = Console(record=True, width=100)
    render(lk.lookup("law enforcement", context=False), console)
    out = console.export_text()
    assert "law enforcement" in out and "Examples" not in out and "No example" not in out
