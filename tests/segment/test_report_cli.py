"""What was removed reaches the user: ``termkit segment --verbose`` prints it, ``termkit build
--json`` carries it per document and language (also when the document comes from the cache)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from toolkit.cli import app

from .docgen import write_pdf, write_web_page

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_segment_verbose_prints_what_was_removed(tmp_path):
    made = write_pdf(tmp_path / "coe.pdf", "en")
    r = run("segment", made.path, "--lang", "en", "--verbose")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == made.expected
    line = r.stderr.strip().splitlines()[-1]
    assert line.startswith(f"{made.path}: removed {made.pages - 1} running header/footer lines "
                           "('Fourth evaluation round – Corruption prevention')")
    assert "6 footnotes moved to the end" in line and "2 footnotes joined across pages" in line
    assert "'law-enforcement" not in line and "line-end hyphens repaired ('provi-des → provides'" in line


def test_build_json_carries_the_report(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "fr").mkdir(parents=True)
    (corpus / "en").mkdir()
    write_web_page(corpus / "fr" / "page.html", "fr")
    write_web_page(corpus / "en" / "page.html", "en")
    out = tmp_path / "out"
    for cached in (False, True):
        r = run("build", corpus, "--out", out, "--json")
        assert r.exit_code == 0, r.stderr
        doc = json.loads(r.stdout)["docs"][0]
        assert doc["cached"] is cached
        for lang in ("fr", "en"):
            assert doc["removed"][lang]["boilerplate"]["count"] == 7
            assert any("cookies" in s for s in doc["removed"][lang]["boilerplate"]["sample"])
