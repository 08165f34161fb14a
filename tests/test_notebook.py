"""notebooks/explore.ipynb runs top to bottom on a build and on a query with no match,
writes nothing unless asked, and writes through the curation store with a backup."""
from __future__ import annotations

import hashlib
import os
import shutil

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


@pytest.fixture(scope="module")
def small_build(tmp_path_factory, corpus_dir):
    from toolkit.pipeline import build

    src = tmp_path_factory.mktemp("nb-corpus")
    for lang in ("fr", "en"):
        (src / lang).mkdir()
        for d in ("un-ares-77-241", "osce-policing-activities"):
            shutil.copy(corpus_dir / lang / f"{d}.txt", src / lang / f"{d}.txt")
    out = tmp_path_factory.mktemp("nb-build")
    build(src, out)
    return out


def _run(repo_root, out, **env):
    nb = nbformat.read(repo_root / "notebooks" / "explore.ipynb", as_version=4)
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(repo_root / "notebooks")}}).execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    return "\n".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")


def _digest(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.name.endswith(("-wal", "-shm")):
            h.update(str(p.relative_to(folder)).encode() + p.read_bytes())
    return h.hexdigest()


def test_read_only_by_default_and_no_match_is_fine(repo_root, small_build, tmp_path):
    out = tmp_path / "b"
    shutil.copytree(small_build, out)
    before = _digest(out)
    text = _run(repo_root, out, TERMKIT_OUT=str(out), TERMKIT_QUERY="zzyzx quux")
    assert "'zzyzx quux': 0 glossary hit(s), 0 example(s)" in text
    assert "read-only: nothing written" in text
    assert _digest(out) == before


def test_writes_go_through_the_store_with_a_backup(repo_root, small_build, tmp_path):
    from toolkit.curation import CurationStore, store_path

    out = tmp_path / "b"
    shutil.copytree(small_build, out)
    text = _run(repo_root, out, TERMKIT_OUT=str(out), TERMKIT_WRITE="1")
    assert "approved" in text and "store backed up" in text
    store = CurationStore(store_path(out, folder=True))
    assert any(h["origin"] == "notebook" for h in store.history())
    assert list((out / ".termkit" / "backups").glob("curation-*.db"))
    assert "preferredTerm-admn-sts" in (out / "glossaries" / "glossary.tbx").read_text(encoding="utf-8")


def test_not_a_build(repo_root, tmp_path):
    text = _run(repo_root, tmp_path, TERMKIT_OUT=str(tmp_path))
    assert "not a termkit build" in text and "0 aligned pairs" in text
