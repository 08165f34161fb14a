"""Reproducible outputs (issue 14 §3): two builds of the same inputs with the same settings
give byte-identical files, and the README's first command on a fresh clone leaves
``git status`` clean (the committed aligned/ and glossaries/ are what a build produces)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def termkit(*args, cwd=None, env=None):
    r = subprocess.run([sys.executable, "-m", "toolkit", *map(str, args)], capture_output=True, text=True,
                       cwd=cwd, env={**os.environ, **(env or {})}, timeout=900)
    assert r.returncode == 0, r.stderr
    return r


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".termkit" not in p.parts and p.name != ".termkit.lock"}


def test_two_builds_are_byte_identical(corpus_dir, tmp_path):
    epoch = {"SOURCE_DATE_EPOCH": "1700000000"}
    termkit("build", corpus_dir, "--out", tmp_path / "a", "--quiet", env=epoch)
    termkit("build", corpus_dir, "--out", tmp_path / "b", "--quiet", "--jobs", "2", env=epoch)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.keys() == b.keys() and "termkit.db" in a and "aligned/corpus.tmx" in a
    assert [k for k in a if a[k] != b[k]] == []
    assert b'creationdate="20231114T221320Z"' in a["aligned/corpus.tmx"]


def test_rebuild_keeps_dates_and_files_untouched(corpus_dir, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "toolkit", "build", str(corpus_dir), "--out", str(out), "--quiet"],
                   env=env, check=True, capture_output=True, timeout=900)
    before = {k: v for k, v in _files(out).items() if k != "termkit.db"}
    mtimes = {k: (out / k).stat().st_mtime_ns for k in before}
    subprocess.run([sys.executable, "-m", "toolkit", "build", str(corpus_dir), "--out", str(out), "--quiet",
                    "--force"], env=env, check=True, capture_output=True, timeout=900)
    after = {k: v for k, v in _files(out).items() if k != "termkit.db"}
    assert after == before
    assert {k: (out / k).stat().st_mtime_ns for k in after} == mtimes  # not even rewritten


def test_make_run_on_a_fresh_clone_leaves_git_status_clean(repo_root, tmp_path):
    git = shutil.which("git")
    if git is None or not (repo_root / ".git").exists():
        pytest.skip("git or a git checkout not available")
    clone = tmp_path / "clone"
    clone.mkdir()
    # a fresh clone of the committed tree (git archive: no .termkit/, no termkit.db, new mtimes)
    archive = subprocess.run([git, "-C", str(repo_root), "archive", "HEAD"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(clone)], input=archive, check=True)
    for cmd in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "clone"]):
        subprocess.run([git, *cmd], cwd=clone, check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    r = subprocess.run([sys.executable, "-m", "toolkit", "build", "corpus"], cwd=clone, env=env,
                       capture_output=True, text=True, timeout=900)  # what `make run` runs
    assert r.returncode == 0, r.stderr
    status = subprocess.run([git, "status", "--porcelain"], cwd=clone, capture_output=True, text=True, check=True)
    assert status.stdout == "", status.stdout
