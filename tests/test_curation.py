"""Curation has one source of truth (issue 10 §1, issue 15 §6): the store in
``.termkit/curation.db``. Decisions made through its API, in the TBX, the CSV, an XLSX or the
OmegaT file all survive rebuilds; OmegaT and Phrase never reset a status; rejected entries
never reach a CAT-tool export; a build killed at any rename loses no approval."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading

import pytest

from toolkit.curation import Conflict, CurationStore, UnknownEntry, store_path
from toolkit.errors import InputError
from toolkit.formats import read_glossary, registry, write_glossary
from toolkit.pipeline import build
from toolkit.types import Glossary, TermPair

DOCS = ("un-ares-77-241", "interpol-ga-2017-86-res-06")


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory, corpus_dir):
    c = tmp_path_factory.mktemp("corpus")
    for lang in ("fr", "en"):
        (c / lang).mkdir()
        for d in DOCS:
            shutil.copy(corpus_dir / lang / f"{d}.txt", c / lang / f"{d}.txt")
    return c


@pytest.fixture(scope="module")
def first_build(tmp_path_factory, small_corpus):
    out = tmp_path_factory.mktemp("out")
    build(small_corpus, out)
    return out


@pytest.fixture
def out(first_build, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(first_build, copy)
    return copy


def _store(out):
    return CurationStore(store_path(out, folder=True))


def _gl(out, name):
    return {e.id: e for e in read_glossary(out / "glossaries" / name).entries}


# ---------------------------------------------------------------- the API a web handler uses

def _toy_store(tmp_path) -> CurationStore:
    from toolkit.curation import sync

    store = CurationStore(tmp_path / ".termkit" / "curation.db")
    fresh = Glossary([TermPair("prêt", "loan", id="t-1"), TermPair("emprunt", "borrowing", id="t-2"),
                      TermPair("taux", "rate", id="t-3")])
    sync(store, [], fresh)
    return store


def test_decide_one_entry_by_id(tmp_path):
    store = _toy_store(tmp_path)
    assert store.version("t-1") == 1
    e = store.approve("t-1", origin="web")
    assert e.status == "approved" and store.entry("t-1").status == "approved"
    store.note("t-1", "checked by JD")
    store.reject("t-2")
    store.edit("t-3", en="interest rate", en_variants=["rate"])
    g = {e.id: e for e in store.glossary().entries}
    assert (g["t-1"].status, g["t-1"].note) == ("approved", "checked by JD")
    assert g["t-2"].status == "rejected"
    assert (g["t-3"].en, g["t-3"].en_variants) == ("interest rate", ("rate",))
    assert store.version("t-1") == 3
    hist = store.history("t-1")
    assert [h["change"] for h in hist] == [{"note": ["", "checked by JD"]}, {"status": ["new", "approved"]}]
    assert hist[1]["origin"] == "web"


def test_decide_refuses_bad_requests(tmp_path):
    store = _toy_store(tmp_path)
    with pytest.raises(UnknownEntry):
        store.approve("nope")
    with pytest.raises(InputError, match="status 'ok' is not one of"):
        store.decide("t-1", status="ok")
    with pytest.raises(InputError, match="cannot be edited"):
        store.decide("t-1", score=1.0)
    store.approve("t-1")
    with pytest.raises(Conflict):  # a second tab saw version 1
        store.decide("t-1", note="stale tab", if_version=1)
    assert store.entry("t-1").note == ""


def test_concurrent_decisions_lose_nothing(tmp_path):
    store = _toy_store(tmp_path)
    errors = []

    def worker(k):
        try:
            s = CurationStore(store.path)  # each request opens its own connection
            for n in range(15):
                s.decide(f"t-{1 + (k + n) % 3}", note=f"tab {k} edit {n}")
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    notes = [c["change"]["note"][1] for c in store.history(limit=1000)]
    assert sorted(notes) == sorted(f"tab {k} edit {n}" for k in range(4) for n in range(15))
    assert sum(store.version(f"t-{i}") for i in (1, 2, 3)) == 3 + 60


def test_corrupt_store_is_one_clear_error(tmp_path):
    from toolkit.curation import CurationError

    p = tmp_path / ".termkit" / "curation.db"
    p.parent.mkdir()
    p.write_bytes(b"not a database" * 100)
    with pytest.raises(CurationError, match="curation.db.*move it away"):
        CurationStore(p).glossary()


# ---------------------------------------------------------------- builds keep every decision

def test_build_state_is_written_and_exports_derive_from_it(out):
    store = _store(out)
    ids = [e.id for e in store.glossary().entries]
    assert ids == list(_gl(out, "glossary.csv")) == list(_gl(out, "glossary.tbx"))


def test_export_after_decisions_without_a_build(out):
    from toolkit.pipeline import export_glossaries

    store = _store(out)
    ids = [e.id for e in store.glossary().entries]
    store.approve(ids[0])
    store.reject(ids[1])
    changed = export_glossaries(out)
    assert {p.name for p in changed} == set(registry.build_glossary_files().values())
    tbx = _gl(out, "glossary.tbx")
    assert tbx[ids[0]].status == "approved" and ids[1] not in tbx
    assert len(list((out / "glossaries" / ".backup").iterdir())) == 4
    assert export_glossaries(out) == []  # nothing changed: nothing rewritten


def test_omegat_line_added_keeps_every_status(out, small_corpus):
    # issue 10, defect 1a: a line added to glossary.utf8 used to reset every status to "new"
    store = _store(out)
    ids = [e.id for e in store.glossary().entries]
    store.approve(ids[0])
    store.reject(ids[1])
    build(small_corpus, out)
    tbx_before = (out / "glossaries" / "glossary.tbx").read_bytes()
    with open(out / "glossaries" / "glossary.utf8", "a", encoding="utf-8") as fh:
        fh.write("coopération policière internationale\tinternational police cooperation\tadded in OmegaT\n")
    build(small_corpus, out)
    tbx, csv = _gl(out, "glossary.tbx"), _gl(out, "glossary.csv")
    assert tbx[ids[0]].status == "approved" and csv[ids[0]].status == "approved"
    assert csv[ids[1]].status == "rejected" and ids[1] not in tbx
    added = [e for e in csv.values() if e.fr == "coopération policière internationale"]
    assert added and added[0].note == "added in OmegaT" and added[0].status == "new"
    assert added[0].id in tbx
    backups = sorted((out / "glossaries" / ".backup").glob("glossary-*.tbx"))
    assert backups and backups[-1].read_bytes() == tbx_before  # the approved TBX, before this run


@pytest.mark.parametrize("fmt,name", [("tbx", "glossary.tbx"), ("csv", "glossary.csv"),
                                      ("xlsx", "review.xlsx"), ("tbx3", "glossary.tbx3.tbx")])
def test_edits_in_status_formats_are_merged(out, small_corpus, fmt, name):
    path = out / "glossaries" / name
    if fmt == "xlsx":  # a person saves the review sheet beside the exports
        write_glossary(_store(out).glossary(), path, "xlsx")
        build(small_corpus, out)
    g = read_glossary(path, fmt)
    a, b = g.entries[3], g.entries[4]
    g.entries[3] = a.with_(status="approved", en=a.en + " (edited)", note=f"via {fmt}")
    g.entries[4] = b.with_(status="rejected")
    write_glossary(g, path, fmt)
    build(small_corpus, out)
    cur = {e.id: e for e in _store(out).glossary().entries}
    assert (cur[a.id].status, cur[a.id].en, cur[a.id].note) == ("approved", a.en + " (edited)", f"via {fmt}")
    assert cur[b.id].status == "rejected"
    assert _gl(out, "glossary.csv")[a.id].note == f"via {fmt}"


@pytest.mark.parametrize("fmt,name", [("omegat", "glossary.utf8")])
def test_formats_without_status_never_reset_it(out, small_corpus, fmt, name):
    store = _store(out)
    ids = [e.id for e in store.glossary().entries]
    store.approve(ids[5])
    build(small_corpus, out)
    path = out / "glossaries" / name
    g = read_glossary(path, fmt)
    k = next(i for i, e in enumerate(g.entries) if e.fr == store.entry(ids[5]).fr)
    g.entries[k] = g.entries[k].with_(note="translator's remark")  # an edit OmegaT can carry
    write_glossary(g, path, fmt)
    build(small_corpus, out)
    e = _store(out).entry(ids[5])
    assert (e.status, e.note) == ("approved", "translator's remark")


def test_rejected_entries_never_reach_cat_exports(out, small_corpus, tmp_path):
    # issue 15 §6
    store = _store(out)
    victim = store.glossary().entries[0]
    store.reject(victim.id)
    build(small_corpus, out)
    for fmt, name in registry.build_glossary_files().items():
        found = any(e.fr == victim.fr and e.en == victim.en for e in read_glossary(out / "glossaries" / name, fmt))
        assert found == (not registry.get("glossary", fmt).for_cat), name
    from toolkit.pipeline import extract_into
    from toolkit.formats import read_alignments

    als = [a for d in DOCS for a in read_alignments(out / "aligned" / f"{d}.tsv")]
    for fmt, ext in (("memoq", ".memoq.csv"), ("phrase", ".phrase.xlsx"), ("omegat", ".utf8")):
        target = out / "glossaries" / f"cat{ext}"
        extract_into(als, target, fmt=fmt)
        assert victim.fr not in {e.fr for e in read_glossary(target, fmt)}, fmt
    assert _store(out).entry(victim.id).status == "rejected"  # the store keeps it


def test_stale_export_never_undoes_a_later_decision(out, small_corpus):
    store = _store(out)
    ids = [e.id for e in store.glossary().entries]
    csv_path = out / "glossaries" / "glossary.csv"
    g = read_glossary(csv_path)  # the translator opens the CSV...
    store.approve(ids[0])  # ...meanwhile the reviewer approves in the web UI
    g.entries[1] = g.entries[1].with_(note="from the CSV")  # the CSV still says ids[0] is new
    write_glossary(g, csv_path, "csv")
    build(small_corpus, out)
    cur = _store(out)
    assert cur.entry(ids[0]).status == "approved" and cur.entry(ids[1]).note == "from the CSV"


def test_deleted_store_is_rebuilt_from_the_exports(out, small_corpus):
    store = _store(out)
    ids = [e.id for e in store.glossary().entries]
    store.approve(ids[0])
    store.reject(ids[1])
    build(small_corpus, out)
    shutil.rmtree(out / ".termkit")
    build(small_corpus, out)
    cur = _store(out)
    assert cur.entry(ids[0]).status == "approved" and cur.entry(ids[1]).status == "rejected"


# ---------------------------------------------------------------- killed at every rename

KILLER = r"""
import os, signal, sys
k, when, count_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
real, n = os.replace, [0]
def replace(src, dst, *a, **kw):
    n[0] += 1
    if n[0] == k and when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst, *a, **kw)
    if n[0] == k and when == "after":
        os.kill(os.getpid(), signal.SIGKILL)
    with open(count_file, "w") as fh:
        fh.write(str(n[0]))
os.replace = replace
from toolkit.cli import main
main(sys.argv[4:])
"""


def _prepare(out, small_corpus):
    """Three kinds of decision waiting for the next build: in the store, in the TBX, in OmegaT."""
    store = _store(out)
    ids = [e.id for e in store.glossary().entries]
    store.approve(ids[0])
    store.reject(ids[1])
    tbx = out / "glossaries" / "glossary.tbx"
    g = read_glossary(tbx)
    k = next(i for i, e in enumerate(g.entries) if e.id == ids[2])
    g.entries[k] = g.entries[k].with_(status="approved", note="approved in the TBX")
    write_glossary(g, tbx, "tbx")
    with open(out / "glossaries" / "glossary.utf8", "a", encoding="utf-8") as fh:
        fh.write("terme ajouté\tadded term\n")
    return ids


def _no_decision_lost(out, ids):
    store = _store(out)
    cur = {e.id: e for e in store.glossary().entries}
    assert cur[ids[0]].status == "approved"
    assert cur[ids[1]].status == "rejected"
    assert (cur[ids[2]].status, cur[ids[2]].note) == ("approved", "approved in the TBX")
    assert any(e.fr == "terme ajouté" for e in cur.values())
    tbx, csv = _gl(out, "glossary.tbx"), _gl(out, "glossary.csv")
    assert tbx[ids[0]].status == "approved" and tbx[ids[2]].status == "approved"
    assert ids[1] not in tbx and csv[ids[1]].status == "rejected"
    assert any(e.fr == "terme ajouté" for e in tbx.values())


@pytest.mark.slow
def test_kill_at_every_rename_loses_no_decision(first_build, small_corpus, tmp_path):
    # issue 10, defect 1b: killed between the glossary renames and the state file, a build
    # lost 3 approvals and 1 rejection, silently
    def run(k, when, out):
        count = tmp_path / "count"
        count.unlink(missing_ok=True)
        r = subprocess.run([sys.executable, "-c", KILLER, str(k), when, str(count), "build", str(small_corpus),
                            "--out", str(out), "--quiet"], capture_output=True, text=True, timeout=300,
                           env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        return r, int(count.read_text()) if count.exists() else 0

    probe = tmp_path / "probe"
    shutil.copytree(first_build, probe)
    ids = _prepare(probe, small_corpus)
    r, renames = run(0, "never", probe)
    assert r.returncode == 0, r.stderr
    _no_decision_lost(probe, ids)
    assert renames >= 8  # glossary exports, backups' replacements, index
    for k in range(1, renames + 1):
        for when in ("before", "after"):
            out = tmp_path / f"k{k}{when}"
            shutil.copytree(first_build, out)
            _prepare(out, small_corpus)
            r, _ = run(k, when, out)
            assert r.returncode == -9, (k, when, r.stderr)
            for name in registry.build_glossary_files().values():  # every file complete
                read_glossary(out / "glossaries" / name)
            build(small_corpus, out)  # the next build, uninterrupted
            _no_decision_lost(out, ids)
            shutil.rmtree(out)
