"""CLI behaviour: exact outputs on small inputs, exit codes, and no partial output on errors."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit import __version__
from toolkit.cli import app

runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def test_version():
    r = run("--version")
    assert r.exit_code == 0
    assert r.stdout == f"termkit {__version__}\n"


def test_segment_lines_exact(tmp_path):
    f = tmp_path / "doc.txt"
    f.write_text("Le Conseil se réunit le 3 mai.\nIl adopte la décision No 914.\n\nM. Dupont préside.\n",
                 encoding="utf-8")
    r = run("segment", f, "--lang", "fr")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == [
        "Le Conseil se réunit le 3 mai.",
        "Il adopte la décision No 914.",
        "M. Dupont préside.",
    ]


def test_segment_jsonl_and_detected_language(tmp_path):
    f = tmp_path / "doc.txt"
    f.write_text("The Council met on 3 May. It adopted the decision on the rule of law.\n", encoding="utf-8")
    r = run("segment", f, "--format", "jsonl", "--verbose")
    assert r.exit_code == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["text"] for row in rows] == ["The Council met on 3 May.",
                                             "It adopted the decision on the rule of law."]
    assert rows[0]["doc"] == "doc" and rows[0]["index"] == 0
    assert "language en" in r.stderr


def test_segment_output_file_is_written(tmp_path):
    f = tmp_path / "doc.txt"
    f.write_text("Un. Deux.\n", encoding="utf-8")
    out = tmp_path / "out" / "seg.tsv"
    r = run("segment", f, "--lang", "fr", "--format", "tsv", "-o", out)
    assert r.exit_code == 0, r.stderr
    assert out.read_text(encoding="utf-8") == "doc\tindex\tkind\ttext\ndoc\t0\tsentence\tUn.\ndoc\t1\tsentence\tDeux.\n"


def test_segment_empty_file_gives_nothing(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    r = run("segment", f)
    assert r.exit_code == 0
    assert r.stdout == ""


@pytest.mark.parametrize("make,expect", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: p, "is a directory"),
    (lambda p: _write(p / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), "binary"),
    (lambda p: _write(p / "notes.rtf", b"{\\rtf1 hello}"), ".rtf"),
])
def test_segment_bad_input_exit_2_nothing_written(tmp_path, make, expect):
    src = make(tmp_path)
    out = tmp_path / "out.txt"
    r = run("segment", src, "--lang", "fr", "-o", out)
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: ")
    assert len(r.stderr.strip().splitlines()) == 1
    assert expect in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


def test_align_presegmented_links(tmp_path):
    fr = tmp_path / "fr.txt"
    en = tmp_path / "en.txt"
    fr.write_text("Résolution 77/241.\nLe Conseil adopte le budget de 2023.\nLa séance est levée à 18 heures.\n",
                  encoding="utf-8")
    en.write_text("Resolution 77/241.\nThe Council adopts the 2023 budget.\nThe meeting rose at 6 p.m.\n",
                  encoding="utf-8")
    r = run("align", fr, en, "--presegmented", "--format", "links")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]


@pytest.mark.parametrize("ext", [".seg", ".tok", ""])
def test_align_presegmented_any_extension(tmp_path, ext):
    # README: `termkit align fr.seg en.seg --presegmented` (failed: "unsupported file type '.seg'")
    fr = tmp_path / f"fr{ext}"
    en = tmp_path / f"en{ext}"
    fr.write_text("Résolution 77/241.\nLe Conseil adopte le budget de 2023.\n", encoding="utf-8")
    en.write_text("Resolution 77/241.\nThe Council adopts the 2023 budget.\n", encoding="utf-8")
    r = run("align", fr, en, "--presegmented", "--format", "links")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == ["[0]:[0]", "[1]:[1]"]


def test_align_presegmented_refuses_binary(tmp_path):
    fr = tmp_path / "a.seg"
    fr.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    en = tmp_path / "b.seg"
    en.write_text("x\n")
    r = run("align", fr, en, "--presegmented")
    assert r.exit_code == 2
    assert "binary" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_extract_empty_input_keeps_glossary(tmp_path):
    empty = tmp_path / "empty.tsv"
    empty.write_text("fr\ten\tscore\tfr_ids\ten_ids\tdoc\n", encoding="utf-8")
    g = tmp_path / "glossary.csv"
    g.write_text("precious", encoding="utf-8")
    r = run("extract", empty, "-o", g)
    assert r.exit_code == 2
    assert "no aligned sentence pairs" in r.stderr
    assert g.read_text(encoding="utf-8") == "precious"


def test_lookup_without_index(tmp_path):
    r = run("lookup", "police", "--db", tmp_path / "none.db")
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: ")
    assert "termkit build" in r.stderr


def test_build_missing_corpus(tmp_path):
    r = run("build", tmp_path / "nope", "--out", tmp_path / "out")
    assert r.exit_code == 2
    assert "corpus folder not found" in r.stderr


def test_build_reports_unpaired_and_locks(tmp_path):
    from toolkit.pipeline import build_lock

    (tmp_path / "c" / "fr").mkdir(parents=True)
    (tmp_path / "c" / "en").mkdir()
    (tmp_path / "c" / "fr" / "only.txt").write_text("Texte.\n", encoding="utf-8")
    r = run("build", tmp_path / "c", "--out", tmp_path / "out")
    assert r.exit_code == 2
    assert "no English partner" in r.stderr
    with build_lock(tmp_path / "out"):
        (tmp_path / "c" / "en" / "only.txt").write_text("Text.\n", encoding="utf-8")
        r = run("build", tmp_path / "c", "--out", tmp_path / "out")
    assert r.exit_code == 2
    assert "another termkit build is running" in r.stderr


def test_every_command_has_help_and_is_documented(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    import typer.main

    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():
        assert cmd.help and "Example:" in cmd.help, f"{name} has no help with an Example"
        assert re.search(rf"termkit {name}\b", readme), f"`termkit {name}` is not in README.md"


def test_extract_merges_into_existing_glossary(tmp_path, corpus_dir):
    import csv

    tsv = tmp_path / "un.tsv"
    r = run("align", corpus_dir / "fr" / "un-ares-77-241.txt", corpus_dir / "en" / "un-ares-77-241.txt",
            "-o", tsv)
    assert r.exit_code == 0, r.stderr
    g = tmp_path / "g.csv"
    r = run("extract", tsv, "-o", g, "--min-freq", "1")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(g.open(encoding="utf-8-sig")))
    assert len(rows) > 5 and {r["status"] for r in rows} == {"new"}
    rows[0]["status"], rows[0]["note"] = "approved", "validé par la terminologie"
    rows[1]["status"] = "rejected"
    with g.open("w", encoding="utf-8-sig", newline="") as fh:  # as a French Excel saves it: ';'
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
        w.writeheader()
        w.writerows(rows)
    edited = g.read_bytes()
    r = run("extract", tsv, "-o", g, "--min-freq", "1")
    assert r.exit_code == 0, r.stderr
    again = {row["fr"]: row for row in csv.DictReader(g.open(encoding="utf-8-sig"))}
    assert again[rows[0]["fr"]]["status"] == "approved"
    assert again[rows[0]["fr"]]["note"] == "validé par la terminologie"
    assert again[rows[1]["fr"]]["status"] == "rejected"
    backups = list((tmp_path / ".backup").iterdir())
    assert len(backups) == 1 and backups[0].read_bytes() == edited  # the person's file, before the rewrite
