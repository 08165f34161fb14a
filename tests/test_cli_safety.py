"""Outputs that cannot destroy inputs, inputs that cannot hang termkit, one error shape
(issue 10 §2, §3, §5-§8). Every test runs the real command line (a subprocess) and checks
the exit code, the one-line message and what is (not) written."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

FR = ("Le Conseil permanent rappelle la Décision No 914 sur les activités de police.\n\n"
      "La criminalité transnationale organisée menace la sécurité des États participants.\n")
EN = ("The Permanent Council recalls Decision No. 914 on police-related activities.\n\n"
      "Transnational organized crime threatens the security of participating States.\n")


def termkit(*args, timeout=120, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "toolkit", *map(os.fsdecode, args)], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})}, cwd=cwd)


def one_error_line(r, code=2) -> str:
    assert r.returncode == code, (r.returncode, r.stderr)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), r.stderr
    assert "Traceback" not in r.stderr and "unexpected" not in r.stderr
    return lines[0]


@pytest.fixture
def pair(tmp_path):
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text(FR, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return fr, en


@pytest.fixture
def corpus(tmp_path):
    c = tmp_path / "corpus"
    for lang, text in (("fr", FR), ("en", EN)):
        (c / lang).mkdir(parents=True)
        (c / lang / "doc.txt").write_text(text * 3, encoding="utf-8")
    return c


# ---------------------------------------------------------------- §2 the lock

def test_symlinked_lock_is_refused_and_its_target_untouched(tmp_path, corpus):
    # before: `ln -s victim.txt OUT/.termkit.lock` truncated victim.txt and wrote the PID into it
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (out / ".termkit.lock").symlink_to(victim)
    line = one_error_line(termkit("build", corpus, "--out", out, "--quiet"))
    assert "symbolic link" in line and ".termkit.lock" in line
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_hard_linked_lock_is_refused(tmp_path, corpus):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    os.link(victim, out / ".termkit.lock")
    assert "hard link" in one_error_line(termkit("build", corpus, "--out", out, "--quiet"))
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_index_and_extract_honour_the_build_lock(tmp_path, corpus):
    from toolkit.pipeline import build_lock

    out = tmp_path / "out"
    assert termkit("build", corpus, "--out", out, "--quiet", "--min-freq", "1").returncode == 0
    before = (out / "glossaries" / "glossary.csv").read_bytes()
    with build_lock(out):
        assert "another termkit build is running" in one_error_line(termkit("index", "--out", out))
        r = termkit("extract", out / "aligned" / "doc.tsv", "-o", out / "glossaries" / "glossary.csv",
                    "--min-freq", "1")
        assert "another termkit build is running" in one_error_line(r)
    assert (out / "glossaries" / "glossary.csv").read_bytes() == before


def test_killed_index_leaves_no_temp_file_for_ever(tmp_path, corpus):
    out = tmp_path / "out"
    assert termkit("build", corpus, "--out", out, "--quiet").returncode == 0
    stale = out / ".termkit.db.k1ll3d.tmp"  # what a killed index leaves (atomic_path's name)
    stale.write_bytes(b"SQLite format 3\0" + bytes(1000))
    r = termkit("index", "--out", out)
    assert r.returncode == 0, r.stderr
    assert not stale.exists()


# ---------------------------------------------------------------- §2 outputs

@pytest.mark.parametrize("cmd", ["segment", "align", "extract"])
def test_output_that_is_an_input_is_refused(tmp_path, pair, cmd):
    # before: exit 0 and the input destroyed
    fr, en = pair
    if cmd == "segment":
        victim, args = fr, ("segment", fr, "--lang", "fr", "-f", "lines", "-o", fr)
    elif cmd == "align":
        victim, args = fr, ("align", fr, en, "-f", "links", "-o", fr)
    else:
        tsv = tmp_path / "a.tsv"
        assert termkit("align", fr, en, "-o", tsv).returncode == 0
        victim, args = tsv, ("extract", tsv, "-o", tsv, "-f", "omegat")
    before = victim.read_bytes()
    line = one_error_line(termkit(*args))
    assert "same file as the input" in line
    assert victim.read_bytes() == before


def test_output_through_a_symlink_to_an_input_is_refused(tmp_path, pair):
    fr, en = pair
    link = tmp_path / "out.txt"
    link.symlink_to(fr)
    before = fr.read_bytes()
    assert "same file as the input" in one_error_line(termkit("segment", fr, "--lang", "fr", "-o", link))
    assert fr.read_bytes() == before


def _device(path: Path) -> Path:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a twin of /dev/null, in tmp
    except (PermissionError, OSError):
        pytest.skip("cannot create a device node here")
    return path


@pytest.mark.parametrize("kind", ["device", "fifo", "directory"])
def test_output_that_is_not_a_regular_file_is_refused(tmp_path, pair, kind):
    # before: `-o /dev/null` replaced the device node with a regular file
    fr, en = pair
    target = tmp_path / "target"
    if kind == "device":
        _device(target)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    mode = os.lstat(target).st_mode
    line = one_error_line(termkit("align", fr, en, "-f", "tsv", "-o", target))
    assert "target" in line
    assert "regular file" in line or "directory" in line
    assert os.lstat(target).st_mode == mode


@pytest.mark.parametrize("args,expect", [
    (("extract", "{tsv}", "-f", "phrase", "-o", "{tmp}/x.csv"), ".phrase.xlsx"),
    (("align", "{fr}", "{en}", "-f", "tmx", "-o", "{tmp}/x.tsv"), ".tmx"),
    (("segment", "{fr}", "-l", "fr", "-f", "jsonl", "-o", "{tmp}/x.txt"), ".jsonl"),
])
def test_format_and_output_extension_must_agree(tmp_path, pair, args, expect):
    # before: `extract -f phrase -o x.csv` wrote XLSX under a .csv name, and every re-run failed
    fr, en = pair
    tsv = tmp_path / "a.tsv"
    assert termkit("align", fr, en, "-o", tsv).returncode == 0
    args = [a.format(tsv=tsv, fr=fr, en=en, tmp=tmp_path) for a in args]
    line = one_error_line(termkit(*args))
    assert expect in line
    assert not Path(args[-1]).exists()


def test_format_follows_the_output_name(tmp_path, pair):
    from toolkit.formats import read_alignments

    fr, en = pair
    out = tmp_path / "memory.tmx"
    assert termkit("align", fr, en, "-o", out).returncode == 0
    assert out.read_bytes().startswith(b"<?xml") and read_alignments(out)[0].beads


def test_colliding_and_reserved_document_names(tmp_path):
    # before: a/fr.txt and b/fr.txt kept only the second document's outputs; a document named
    # "corpus" was overwritten by corpus.tmx
    for d, text in (("a", FR), ("b", FR.replace("914", "915"))):
        (tmp_path / d).mkdir()
        (tmp_path / d / "fr.txt").write_text(text, encoding="utf-8")
        (tmp_path / d / "en.txt").write_text(EN.replace("914", "915") if d == "b" else EN, encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "corpus.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "c" / "corpus.en.txt").write_text(EN, encoding="utf-8")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("a/fr.txt\ta/en.txt\nb/fr.txt\tb/en.txt\nc/corpus.txt\tc/corpus.en.txt\n", encoding="utf-8")
    out = tmp_path / "out"
    r = termkit("build", "--pairs", pairs, "--out", out, "--json", "--min-freq", "1", "--quiet")
    assert r.returncode == 0, r.stderr
    assert [d["doc"] for d in json.loads(r.stdout)["docs"]] == ["a-fr", "b-fr", "corpus-doc"]
    assert "915" in (out / "aligned" / "b-fr.tsv").read_text(encoding="utf-8")
    assert "915" not in (out / "aligned" / "a-fr.tsv").read_text(encoding="utf-8")
    assert (out / "aligned" / "corpus-doc.tmx").is_file()
    from toolkit.formats import read_alignments

    assert sorted(a.doc for a in read_alignments(out / "aligned" / "corpus.tmx")) == ["a-fr", "b-fr", "corpus-doc"]
    assert "its outputs are named 'a-fr'" in r.stderr


# ---------------------------------------------------------------- §3 inputs

def test_non_utf8_file_name_is_processed(tmp_path, corpus):
    # before: `unexpected UnicodeEncodeError`, the whole build lost
    name = b"d\xe9cision.txt"  # latin-1 "décision"
    for lang, text in (("fr", FR), ("en", EN)):
        with open(os.path.join(os.fsencode(corpus / lang), name), "w", encoding="utf-8") as fh:
            fh.write(text)
    out = tmp_path / "out"
    r = termkit("build", corpus, "--out", out, "--json", "--quiet", "--min-freq", "1")
    assert r.returncode == 0, r.stderr
    assert sorted(d["doc"] for d in json.loads(r.stdout)["docs"]) == ["doc", "décision"]
    assert (out / "aligned" / "décision.tmx").is_file()
    assert "not UTF-8" in r.stderr


@pytest.mark.parametrize("where", ["segment", "align", "dictionary", "glossary"])
def test_fifo_or_device_input_is_refused_at_once(tmp_path, pair, where):
    # before: a FIFO or /dev/zero as input or dictionary never ended (memory grew)
    fr, en = pair
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    args = {"segment": ("segment", fifo, "-l", "fr"), "align": ("align", fr, fifo),
            "dictionary": ("align", fr, en, "--dictionary", "/dev/zero"),
            "glossary": ("check", fr, en, "--glossary", fifo)}[where]
    line = one_error_line(termkit(*args, timeout=60))
    assert "not a regular file" in line


def test_dictionary_size_is_bounded(tmp_path, pair):
    fr, en = pair
    big = tmp_path / "dict.tsv"
    with open(big, "wb") as fh:
        fh.truncate(60 << 20)  # sparse: 60 MB without writing them
    assert "too large for a dictionary" in one_error_line(termkit("align", fr, en, "--dictionary", big))


def test_docx_reading_is_linear(tmp_path):
    # before: ~3 ms a paragraph through python-docx (188 s for 50k paragraphs)
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for i in range(20_000):
        d.add_paragraph(f"Le Conseil adopte la décision numéro {i}.", style="List Number" if i % 9 == 0 else None)
    p = tmp_path / "long.docx"
    d.save(p)
    from toolkit.readers import read_text

    t0 = time.perf_counter()
    text = read_text(p)
    assert time.perf_counter() - t0 < 10  # python-docx took ~40 s here; the reader takes < 1 s
    assert text.count("Le Conseil adopte") == 20_000 and "\n\n1. Le Conseil adopte la décision numéro 0." in "\n\n" + text


# ---------------------------------------------------------------- §5 offline model

def test_unknown_model_fails_at_once_without_network(pair):
    # before: five retried requests to the hub, 84 s and 37 lines of stderr
    fr, en = pair
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    env["HF_ENDPOINT"] = "http://127.0.0.1:9"  # any request would hang or fail here
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "toolkit", "align", str(fr), str(en), "-m", "no-such-org/no-such-model"],
                       capture_output=True, text=True, timeout=120, env=env)
    elapsed = time.monotonic() - t0
    line = one_error_line(r)
    assert "no-such-org/no-such-model" in line and "never downloads" in line
    assert elapsed < 15, elapsed  # the check itself takes well under a second (see test below)


def test_model_resolution_is_local_and_fast(tmp_path, monkeypatch):
    from toolkit.align.encode import resolve_model
    from toolkit.errors import InputError

    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    t0 = time.perf_counter()
    with pytest.raises(InputError, match="not in the Hugging Face cache"):
        resolve_model("LaBSE")
    assert time.perf_counter() - t0 < 1
    snap = tmp_path / "hub" / "models--sentence-transformers--LaBSE" / "snapshots" / "abc"
    snap.mkdir(parents=True)
    (tmp_path / "hub" / "models--sentence-transformers--LaBSE" / "refs").mkdir()
    (tmp_path / "hub" / "models--sentence-transformers--LaBSE" / "refs" / "main").write_text("abc")
    assert resolve_model("LaBSE") == snap == resolve_model("sentence-transformers/LaBSE")
    assert resolve_model(str(tmp_path)) == tmp_path


# ---------------------------------------------------------------- §6 one error shape

@pytest.mark.parametrize("args,expect", [
    (("align", "only-one.txt"), "Missing argument"),
    (("segment", "x.txt", "--format", "nope"), "nope"),
    (("bogus",), "No such command"),
    (("lookup", "police", "-n", "99999999999999999999"), "--limit"),
    (("build", "--jobs", "0"), "--jobs"),
])
def test_usage_errors_are_one_line(args, expect):
    # before: multi-line boxes
    assert expect in one_error_line(termkit(*args))


def test_lookup_rejects_absurd_queries(tmp_path):
    # before: a 130k-character word ran for minutes; -n 99999999999999999999 -> unexpected OverflowError
    t0 = time.monotonic()
    line = one_error_line(termkit("lookup", "x" * 130_000, "--db", tmp_path / "none.db"))
    assert "130000 characters" in line and time.monotonic() - t0 < 30


@pytest.mark.parametrize("damage", ["garbage", "pages"])
def test_corrupt_index_names_the_file(tmp_path, damage):
    # before (pages): `unexpected DatabaseError: database disk image is malformed`, no file named
    from toolkit.lookup import build_index
    from toolkit.types import Alignment, Bead, Glossary, Segment, TermPair

    db = tmp_path / "termkit.db"
    als = [Alignment("d", [Segment(f"la police {i}") for i in range(300)],
                     [Segment(f"the police {i}") for i in range(300)], [Bead((i,), (i,), 1.0) for i in range(300)])]
    build_index(db, als, Glossary([TermPair("police", "police")]))
    data = bytearray(db.read_bytes())
    if damage == "garbage":
        data = bytearray(b"this is not a database" * 200)
    else:  # schema readable, data pages overwritten
        data[20000:28000] = b"\xff" * 8000
    db.write_bytes(bytes(data))
    line = one_error_line(termkit("lookup", "police", "--db", db))
    assert "termkit.db" in line and "termkit index" in line


def test_latin1_pairs_file_names_the_file(tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_bytes("décision.txt\tdecision.txt\n".encode("latin-1"))
    line = one_error_line(termkit("build", "--pairs", pairs, "--out", tmp_path / "out"))
    assert "pairs.tsv" in line and "UTF-8" in line


def test_output_piped_into_head_is_quiet(tmp_path):
    # before: `Error: Broken pipe`
    big = tmp_path / "big.txt"
    big.write_text(FR * 20_000, encoding="utf-8")
    cmd = f"{sys.executable} -m toolkit segment {big} --lang fr | head -n 2"
    r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, timeout=300)
    assert r.stdout.splitlines() == FR.split("\n\n")[0:1] + [FR.split("\n\n")[1].strip()]
    assert r.stderr == "" and r.returncode == 0


# ---------------------------------------------------------------- formula injection

def test_check_csv_and_tsv_outputs_are_formula_safe(tmp_path):
    # before: cells starting =, +, @, - written raw into `check --format csv > issues.csv`
    from toolkit.formats import read_alignments, write_glossary
    from toolkit.types import Glossary, TermPair

    fr, en = tmp_path / "fr.seg", tmp_path / "en.seg"
    fr.write_text("=HYPERLINK(\"http://x\") la criminalité organisée, 12 cas.\n+SUM(A1) @cmd -1 de plus.\n",
                  encoding="utf-8")
    en.write_text("=HYPERLINK(\"http://x\") gangsterism, 13 cases.\n+SUM(A1) @cmd -2 more.\n", encoding="utf-8")
    g = tmp_path / "g.tbx"
    write_glossary(Glossary([TermPair("criminalité organisée", "organized crime", status="approved")]), g)
    r = termkit("check", fr, en, "--glossary", g, "--presegmented", "--format", "csv")
    assert r.returncode == 1, r.stderr
    import csv
    import io

    cells = [c for row in csv.reader(io.StringIO(r.stdout)) for c in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "@", "-")]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    txt = tmp_path / "fr.txt"
    txt.write_text(fr.read_text(encoding="utf-8").replace("\n", "\n\n"), encoding="utf-8")
    for cmd in (("align", fr, en, "--presegmented", "-f", "tsv"), ("segment", txt, "-l", "fr", "-f", "tsv")):
        r = termkit(*cmd)
        assert r.returncode == 0, r.stderr
        cells = [c for row in csv.reader(io.StringIO(r.stdout), delimiter="\t") for c in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "@")]
        assert any(c.startswith("'=HYPERLINK") for c in cells) and any(c.startswith("'+SUM") for c in cells)
    tsv = tmp_path / "a.tsv"
    assert termkit("align", fr, en, "--presegmented", "-o", tsv).returncode == 0
    assert [p[0] for p in read_alignments(tsv)[0].pairs()][0].startswith("=HYPERLINK")  # lossless
