"""Start-up: what a one-shot command imports, and the help it prints (timings are in
benchmarks/cli.py, not here)."""
from __future__ import annotations

import inspect
import subprocess
import sys

from typer.testing import CliRunner

from toolkit.cli import app

HEAVY = ("numpy", "scipy", "pandas", "simplemma", "wordfreq", "rapidfuzz", "rich", "pydantic", "torch", "lxml",
         "sqlite3", "toolkit.pipeline", "toolkit.lookup.search", "toolkit.align")


def _loaded(code: str) -> list[str]:
    code += f"; import sys; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()


def test_importing_the_cli_loads_nothing_heavy():
    assert _loaded("import toolkit.cli") == []


def test_doctor_reads_versions_without_importing_torch():
    assert "torch" not in _loaded("from toolkit.doctor import checks; checks()")


def test_lookup_package_loads_the_searcher_only():
    loaded = _loaded("from toolkit.lookup import Lookup")
    assert "toolkit.lookup.search" in loaded and not {"numpy", "simplemma", "wordfreq", "rich"} & set(loaded)


def test_help_lists_every_command_with_its_whole_summary():
    out = CliRunner().invoke(app, ["--help"]).stdout
    flat = " ".join(out.split())
    import typer.main

    for name, cmd in typer.main.get_command(app).commands.items():
        first = " ".join(inspect.cleandoc(cmd.help).split("\n\n")[0].split())
        assert f"{name} {first}" in flat, name
