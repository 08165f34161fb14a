"""End to end: the README's main command on the bundled corpus, incremental re-runs,
a build killed mid-way, curation kept across runs, lookup and check on the result, and the
notebook executed top to bottom against the outputs."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

DOCS = ["interpol-ga-2017-86-res-06", "interpol-un-ministerial-2009", "osce-pc-dec-1049",
        "osce-policing-activities", "un-ares-77-241"]
pytestmark = pytest.mark.slow


def termkit(*args, cwd=None, check=True, env=None):
    r = subprocess.run([sys.executable, "-m", "toolkit", *map(str, args)], capture_output=True, text=True,
                       cwd=cwd, env={**os.environ, **(env or {})}, timeout=600)
    if check and r.returncode != 0:
        raise AssertionError(f"termkit {args} -> {r.returncode}\n{r.stderr}")
    return r


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus_dir):
    out = tmp_path_factory.mktemp("build")
    r = termkit("build", corpus_dir, "--out", out, "--json", "--jobs", "2")
    return out, json.loads(r.stdout)


def test_build_writes_every_output(built):
    out, report = built
    for doc in DOCS:
        for p in (f"aligned/{doc}.tmx", f"aligned/{doc}.tsv", f"aligned/segments/fr/{doc}.txt",
                  f"aligned/segments/en/{doc}.txt"):
            assert (out / p).stat().st_size > 0, p
    for p in ("aligned/corpus.tmx", "glossaries/glossary.tbx", "glossaries/glossary.tbx3.tbx",
              "glossaries/glossary.csv", "glossaries/glossary.utf8", "termkit.db"):
        assert (out / p).stat().st_size > 0, p
    assert [d["doc"] for d in report["docs"]] == DOCS
    assert report["terms"] > 20
    assert not list(out.rglob("*.tmp")), "temporary files left behind"


def test_corpus_tmx_reads_back(built):
    from toolkit.formats import read_alignments

    out, report = built
    als = read_alignments(out / "aligned" / "corpus.tmx")
    assert sorted(a.doc for a in als) == DOCS
    assert sum(len(a.beads) for a in als) >= sum(d["beads"] for d in report["docs"]) * 0.8


def test_second_build_is_incremental(built, corpus_dir, tmp_path):
    out, _ = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    r = termkit("build", corpus_dir, "--out", copy, "--json")
    report = json.loads(r.stdout)
    assert all(d["cached"] for d in report["docs"])


def test_lookup_known_terms_with_context(built):
    out, _ = built
    r = termkit("lookup", "application des lois", "--json", "--db", out / "termkit.db")
    res = json.loads(r.stdout)
    assert res["concordance"], "no example sentences"
    assert any("application des lois" in c["fr"] for c in res["concordance"])
    r = termkit("lookup", "law enforcement", "--from", "en", "--json", "--db", out / "termkit.db")
    res = json.loads(r.stdout)
    assert any("law enforcement" in c["en"].lower() for c in res["concordance"])
    r = termkit("lookup", "criminalite transnationale organisee", "--db", out / "termkit.db")
    assert "transnational organized crime" in r.stdout.lower()


def test_curation_survives_rebuild(built, corpus_dir, tmp_path):
    from toolkit.formats import read_glossary, write_glossary

    out, _ = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    g = read_glossary(copy / "glossaries" / "glossary.tbx")
    first, second = g.entries[0], g.entries[1]
    g.entries[0] = first.with_(status="approved", en=first.en + " (edited)", note="checked by JD")
    g.entries[1] = second.with_(status="rejected")
    time.sleep(0.01)
    write_glossary(g, copy / "glossaries" / "glossary.tbx", "tbx")
    termkit("build", corpus_dir, "--out", copy, "--force")
    again = {e.id: e for e in read_glossary(copy / "glossaries" / "glossary.tbx").entries}
    assert again[first.id].status == "approved"
    assert again[first.id].en == first.en + " (edited)"
    assert again[first.id].note == "checked by JD"
    # a rejected entry never reaches a CAT-tool export; the review CSV and the store keep it
    assert second.id not in again
    csv_rows = {e.id: e for e in read_glossary(copy / "glossaries" / "glossary.csv").entries}
    assert csv_rows[second.id].status == "rejected"
    assert second.id not in {e.id for e in read_glossary(copy / "glossaries" / "glossary.utf8").entries} | {
        e.id for e in read_glossary(copy / "glossaries" / "glossary.tbx3.tbx").entries}
    assert list((copy / "glossaries" / ".backup").iterdir()), "glossary not backed up before rewrite"


def test_killed_build_leaves_outputs_intact(built, corpus_dir, tmp_path):
    from toolkit.formats import read_alignments, read_glossary

    out, _ = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file() and ".termkit" not in p.parts}
    for delay in (0.5, 1.5, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "toolkit", "build", str(corpus_dir), "--out", str(copy),
                                 "--force", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # every output is either the previous complete file or a new complete one
        for p in before:
            assert p.exists(), p
        read_alignments(copy / "aligned" / "corpus.tmx")
        read_glossary(copy / "glossaries" / "glossary.tbx")
    termkit("build", corpus_dir, "--out", copy)
    assert not list(copy.rglob("*.tmp"))


def test_check_catches_a_wrong_term(built, tmp_path):
    from toolkit.formats import read_glossary, write_glossary

    out, _ = built
    g = read_glossary(out / "glossaries" / "glossary.tbx")
    g.entries = [e.with_(status="approved") for e in g.entries]
    gpath = tmp_path / "approved.tbx"
    write_glossary(g, gpath, "tbx")
    fr = tmp_path / "fr.txt"
    en_ok = tmp_path / "en_ok.txt"
    en_bad = tmp_path / "en_bad.txt"
    fr.write_text("La criminalité transnationale organisée menace la sécurité de 57 États.\n", encoding="utf-8")
    en_ok.write_text("Transnational organized crime threatens the security of 57 States.\n", encoding="utf-8")
    en_bad.write_text("Cross-border gangsterism threatens the security of 56 States.\n", encoding="utf-8")
    if not any(e.fr.lower() == "criminalité transnationale organisée" for e in g.entries):
        pytest.skip("term not extracted")
    ok = termkit("check", fr, en_ok, "--glossary", gpath, "--presegmented", "--format", "json", check=False)
    bad = termkit("check", fr, en_bad, "--glossary", gpath, "--presegmented", "--format", "json", check=False)
    assert bad.returncode == 1, bad.stderr
    issues = json.loads(bad.stdout)
    assert any(i["kind"] == "term" and "transnational organized crime" in i["expected"].lower() for i in issues)
    assert any(i["kind"] == "number" for i in issues)
    ok_issues = json.loads(ok.stdout)
    assert not [i for i in ok_issues if "transnational organized crime" in i["expected"].lower()]


def test_notebook_runs_top_to_bottom(built, repo_root, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    out, _ = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    nb = nbformat.read(repo_root / "notebooks" / "explore.ipynb", as_version=4)
    os.environ["TERMKIT_OUT"] = str(copy)
    try:
        nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(repo_root / "notebooks")}}).execute()
    finally:
        os.environ.pop("TERMKIT_OUT")
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "no plot rendered"


def test_decisions_made_in_the_csv_are_picked_up(built, corpus_dir, tmp_path):
    from toolkit.formats import read_glossary, write_glossary

    out, _ = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    csv_path = copy / "glossaries" / "glossary.csv"
    g = read_glossary(csv_path)
    target = g.entries[2]
    g.entries[2] = target.with_(status="approved", note="OK in CSV")
    time.sleep(0.01)
    write_glossary(g, csv_path, "csv")
    edited = csv_path.read_bytes()
    termkit("build", corpus_dir, "--out", copy)
    tbx = {e.id: e for e in read_glossary(copy / "glossaries" / "glossary.tbx").entries}
    assert tbx[target.id].status == "approved" and tbx[target.id].note == "OK in CSV"
    backups = [p.name for p in (copy / "glossaries" / ".backup").iterdir()]
    # the CSV already says what the store now says: left as the person saved it; the TBX
    # that changed was backed up before it was replaced
    assert csv_path.read_bytes() == edited
    assert any(n.startswith("glossary-") and n.endswith(".tbx") for n in backups)
