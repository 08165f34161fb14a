"""Issue 10's adversarial cases, run against a termkit source tree: one row per case, what
happened. Run it on two trees to get the before/after table:

    python benchmarks/bad_inputs.py --root /path/to/old/checkout > before.md
    python benchmarks/bad_inputs.py > after.md          # this checkout

Each case runs ``python -m toolkit`` with ``PYTHONPATH=<root>`` in a fresh temporary folder
(with a timeout, so a case that hangs is reported as such).
"""
from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
FR = ("Le Conseil permanent rappelle la Décision No 914 sur les activités de police.\n\n"
      "La criminalité transnationale organisée menace la sécurité des États participants.\n")
EN = ("The Permanent Council recalls Decision No. 914 on police-related activities.\n\n"
      "Transnational organized crime threatens the security of participating States.\n")
DOCS = ("un-ares-77-241", "interpol-ga-2017-86-res-06")


class Case:
    def __init__(self, root: Path, tmp: Path):
        self.root, self.tmp = root, tmp

    def env(self, **extra):
        env = {**os.environ, "PYTHONPATH": str(self.root), "HF_HUB_OFFLINE": "1", **extra}
        return {k: v for k, v in env.items() if v is not None}

    def tk(self, *args, timeout=120, **env):
        t0 = time.monotonic()
        try:
            r = subprocess.run([sys.executable, "-m", "toolkit", *map(os.fsdecode, args)], capture_output=True,
                               text=True, timeout=timeout, cwd=self.tmp, env=self.env(**env),
                               errors="replace")
        except subprocess.TimeoutExpired:
            return None, f"still running after {timeout} s (killed)", time.monotonic() - t0
        lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
        first = lines[0][:110] if lines else ""
        return r, f"exit {r.returncode}, {len(lines)} stderr line(s): {first}", time.monotonic() - t0

    def py(self, code: str, *args):
        r = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                           cwd=self.tmp, env=self.env(), timeout=600)
        if r.returncode:
            raise RuntimeError(r.stderr[-500:])
        return r.stdout.strip()

    def pair(self):
        fr, en = self.tmp / "fr.txt", self.tmp / "en.txt"
        fr.write_text(FR, encoding="utf-8")
        en.write_text(EN, encoding="utf-8")
        return fr, en

    def corpus(self):
        c = self.tmp / "corpus"
        for lang in ("fr", "en"):
            (c / lang).mkdir(parents=True, exist_ok=True)
            for d in DOCS:
                shutil.copy(HERE / "corpus" / lang / f"{d}.txt", c / lang / f"{d}.txt")
        return c


CURATE = r"""
import sys
from toolkit.formats import read_glossary, write_glossary
p = sys.argv[1]
g = read_glossary(p)
g.entries = [e.with_(status="approved") if i < 3 else e.with_(status="rejected") if i == 3 else e
             for i, e in enumerate(g.entries)]
write_glossary(g, p, "tbx")
print(",".join(e.id for e in g.entries[:4]))
"""
COUNT = r"""
import sys
from toolkit.formats import read_glossary
ids = sys.argv[2].split(",")
st = {e.id: e.status for e in read_glossary(sys.argv[1]).entries}
print(sum(st.get(i) == "approved" for i in ids[:3]), sum(st.get(i) == "rejected" for i in ids[3:]))
"""
KILL = r"""
import os, signal, sys
k, real, n = int(sys.argv[1]), os.replace, [0]
def rep(a, b, *x, **kw):
    n[0] += 1
    if n[0] == k:
        os.kill(os.getpid(), signal.SIGKILL)
    real(a, b, *x, **kw)
os.replace = rep
from toolkit.cli import main
sys.argv = ["termkit"] + sys.argv[2:]
main()
"""


def _statuses(c: Case, out: Path, ids: str) -> str:
    a, r = c.py(COUNT, out / "glossaries" / "glossary.csv", ids).split()
    return f"{a}/3 approvals, {r}/1 rejection kept (CSV)"


def case_omegat_line(c: Case) -> str:
    corpus, out = c.corpus(), c.tmp / "out"
    c.tk("build", corpus, "--out", out, "--quiet")
    ids = c.py(CURATE, out / "glossaries" / "glossary.tbx")
    c.tk("build", corpus, "--out", out, "--quiet")
    shutil.rmtree(out / "glossaries" / ".backup", ignore_errors=True)
    with open(out / "glossaries" / "glossary.utf8", "a", encoding="utf-8") as fh:
        fh.write("terme ajouté\tadded term\n")
    c.tk("build", corpus, "--out", out, "--quiet")
    backed = any(p.suffix == ".tbx" for p in (out / "glossaries" / ".backup").glob("*")) if (
        out / "glossaries" / ".backup").is_dir() else False
    return f"{_statuses(c, out, ids)}; TBX backed up: {'yes' if backed else 'no'}"


def case_kill_every_rename(c: Case) -> str:
    corpus, base = c.corpus(), c.tmp / "base"
    c.tk("build", corpus, "--out", base, "--quiet")
    ids = c.py(CURATE, base / "glossaries" / "glossary.tbx")
    worst, points = (3, 1), 0
    for k in range(1, 40):
        out = c.tmp / f"k{k}"
        shutil.copytree(base, out)
        r = subprocess.run([sys.executable, "-c", KILL, str(k), "build", str(corpus), "--out", str(out), "--quiet"],
                           capture_output=True, cwd=c.tmp, env=c.env(), timeout=600)
        if r.returncode != -9:
            shutil.rmtree(out)
            break
        points += 1
        c.tk("build", corpus, "--out", out, "--quiet")
        a, rj = map(int, c.py(COUNT, out / "glossaries" / "glossary.csv", ids).split())
        worst = min(worst, (a, rj))
        shutil.rmtree(out)
    return f"{points} kill points; worst after the next build: {worst[0]}/3 approvals, {worst[1]}/1 rejection"


def case_lock_symlink(c: Case) -> str:
    out = c.tmp / "out"
    out.mkdir()
    victim = c.tmp / "victim.txt"
    victim.write_text("precious\n")
    (out / ".termkit.lock").symlink_to(victim)
    _, msg, _ = c.tk("build", c.corpus(), "--out", out, "--quiet")
    return f"{msg}; victim.txt: {victim.read_text()!r}"


def case_device_output(c: Case) -> str:
    fr, en = c.pair()
    dev = c.tmp / "null"
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    _, msg, _ = c.tk("align", fr, en, "-f", "tsv", "-o", dev)
    return f"{msg}; still a device: {stat.S_ISCHR(os.lstat(dev).st_mode)}"


def _same_file(c: Case, which: str) -> str:
    fr, en = c.pair()
    if which == "segment":
        victim, args = fr, ("segment", fr, "-l", "fr", "-o", fr)
    elif which == "align":
        victim, args = fr, ("align", fr, en, "-o", fr)
    else:
        victim = c.tmp / "a.tsv"
        c.tk("align", fr, en, "-o", victim)
        args = ("extract", victim, "-o", victim)
    before = victim.read_bytes()
    _, msg, _ = c.tk(*args)
    return f"{msg}; input intact: {victim.read_bytes() == before}"


def _check(c: Case, en_text: str, *extra) -> str:
    fr, en = c.tmp / "fr.txt", c.tmp / "en.txt"
    fr.write_text("\n".join(f"Le Conseil adopte la décision numéro {k} sur la coopération policière." for k in range(17)))
    en.write_text(en_text)
    g = c.tmp / "g.tbx"
    c.py("import sys\nfrom toolkit.formats import write_glossary\nfrom toolkit.types import Glossary\n"
         "write_glossary(Glossary(), sys.argv[1], 'tbx')", g)
    r, msg, _ = c.tk("check", fr, en, "--glossary", g, "--format", "json", *extra)
    import json
    issues = json.loads(r.stdout or "[]") if r else []
    kinds = sorted({i["kind"] for i in issues})
    return f"exit {r.returncode if r else '-'}, {len(issues)} issue(s) {kinds}"


def case_formula(c: Case) -> str:
    fr, en = c.tmp / "f.seg", c.tmp / "e.seg"
    fr.write_text('=HYPERLINK("http://x") la criminalité organisée, 12 cas.\n')
    en.write_text('=HYPERLINK("http://x") gangsterism, 13 cases.\n')
    g = c.tmp / "g.tbx"
    c.py("import sys\nfrom toolkit.formats import write_glossary\nfrom toolkit.types import Glossary, TermPair\n"
         "write_glossary(Glossary([TermPair('criminalité organisée','organized crime',status='approved')]), sys.argv[1])", g)
    shutil.copy(fr, c.tmp / "f.txt")
    shutil.copy(en, c.tmp / "e.txt")
    r, _, _ = c.tk("check", c.tmp / "f.txt", c.tmp / "e.txt", "--glossary", g, "--presegmented", "--format", "csv")
    import csv
    import io
    raw = [x for row in csv.reader(io.StringIO(r.stdout if r else "")) for x in row if x[:1] and x[:1] in "=+@"]
    r2, _, _ = c.tk("align", c.tmp / "f.txt", c.tmp / "e.txt", "--presegmented", "-f", "tsv")
    raw2 = [x for row in csv.reader(io.StringIO(r2.stdout if r2 else ""), delimiter="\t") for x in row if x[:1] and x[:1] in "=+@"]
    return f"check csv: {len(raw)} raw formula cell(s); align tsv: {len(raw2)}"


def case_model(c: Case) -> str:
    fr, en = c.pair()
    _, msg, t = c.tk("align", fr, en, "-m", "no-such-org/no-such-model", timeout=300, HF_HUB_OFFLINE=None,
                     TRANSFORMERS_OFFLINE=None, HF_ENDPOINT="http://10.255.255.1")
    return f"{msg[:80]} … after {t:.1f} s"


def case_non_utf8(c: Case) -> str:
    corpus = c.corpus()
    for lang, text in (("fr", FR), ("en", EN)):
        with open(os.path.join(os.fsencode(corpus / lang), b"d\xe9cision.txt"), "w") as fh:
            fh.write(text)
    _, msg, _ = c.tk("build", corpus, "--out", c.tmp / "out", "--quiet")
    done = sorted(p.name for p in (c.tmp / "out" / "aligned").glob("*.tmx")) if (c.tmp / "out" / "aligned").is_dir() else []
    return f"{msg[:90]}; TMX written: {len(done)}"


def case_collisions(c: Case) -> str:
    for d, n in (("a", "914"), ("b", "915")):
        (c.tmp / d).mkdir()
        (c.tmp / d / "fr.txt").write_text(FR.replace("914", n))
        (c.tmp / d / "en.txt").write_text(EN.replace("914", n))
    (c.tmp / "corpus.txt").write_text(FR.replace("914", "916"))
    (c.tmp / "corpus-en.txt").write_text(EN.replace("914", "916"))
    pairs = c.tmp / "pairs.tsv"
    pairs.write_text("a/fr.txt\ta/en.txt\nb/fr.txt\tb/en.txt\ncorpus.txt\tcorpus-en.txt\n")
    out = c.tmp / "out"
    _, msg, _ = c.tk("build", "--pairs", pairs, "--out", out, "--quiet", "--min-freq", "1")
    docs = [p.read_text() for p in (out / "aligned").glob("*.tmx") if p.name != "corpus.tmx"] \
        if (out / "aligned").is_dir() else []
    kept = [n for n in ("914", "915", "916") if any(n in d for d in docs)]
    return f"{msg[:60]}; documents with their own TMX: {len(kept)}/3"


def case_phrase_csv(c: Case) -> str:
    fr, en = c.pair()
    tsv = c.tmp / "a.tsv"
    c.tk("align", fr, en, "-o", tsv)
    _, m1, _ = c.tk("extract", tsv, "-f", "phrase", "-o", c.tmp / "x.csv", "--min-freq", "1")
    _, m2, _ = c.tk("extract", tsv, "-f", "phrase", "-o", c.tmp / "x.csv", "--min-freq", "1")
    return f"1st: {m1[:70]}; 2nd: {m2[:60]}"


def case_fifo(c: Case) -> str:
    fifo = c.tmp / "in.txt"
    os.mkfifo(fifo)
    _, msg, t = c.tk("segment", fifo, "-l", "fr", timeout=15)
    return f"{msg[:90]} ({t:.1f} s)"


def case_dev_zero_dictionary(c: Case) -> str:
    fr, en = c.pair()
    _, msg, t = c.tk("align", fr, en, "--dictionary", "/dev/zero", timeout=15)
    return f"{msg[:90]} ({t:.1f} s)"


def case_usage(c: Case) -> str:
    r, msg, _ = c.tk("align", "only-one.txt")
    return f"exit {r.returncode}, {len([ln for ln in r.stderr.splitlines() if ln.strip()])} stderr lines"


def case_big_n(c: Case) -> str:
    corpus, out = c.corpus(), c.tmp / "out"
    c.tk("build", corpus, "--out", out, "--quiet")
    return c.tk("lookup", "police", "-n", "99999999999999999999", "--db", out / "termkit.db")[1]


def case_corrupt_db(c: Case) -> str:
    (c.tmp / "termkit.db").write_bytes(b"garbage" * 500)
    return c.tk("lookup", "police", "--db", c.tmp / "termkit.db")[1]


def case_latin1_pairs(c: Case) -> str:
    (c.tmp / "pairs.tsv").write_bytes("décision.txt\tdecision.txt\n".encode("latin-1"))
    return c.tk("build", "--pairs", c.tmp / "pairs.tsv", "--out", c.tmp / "out")[1]


def case_head(c: Case) -> str:
    big = c.tmp / "big.txt"
    big.write_text(FR * 20000)
    r = subprocess.run(f"{sys.executable} -m toolkit segment {big} -l fr | head -n 1", shell=True,
                       capture_output=True, text=True, env=c.env(), cwd=c.tmp, timeout=300)
    return f"stderr: {r.stderr.strip()[:80]!r}"


def case_docx(c: Case) -> str:
    code = ("import sys, docx\nd = docx.Document()\n"
            "for i in range(20000): d.add_paragraph(f'Le Conseil adopte la décision numéro {i}.')\nd.save(sys.argv[1])")
    p = c.tmp / "long.docx"
    c.py(code, p)
    _, msg, t = c.tk("segment", p, "-l", "fr", "-o", c.tmp / "o.txt", timeout=600)
    return f"20k paragraphs: {t:.1f} s ({msg[:20]})"


def case_lookup_long(c: Case) -> str:
    corpus, out = c.corpus(), c.tmp / "out"
    c.tk("build", corpus, "--out", out, "--quiet")
    _, msg, t = c.tk("lookup", "x" * 130_000, "--db", out / "termkit.db", timeout=60)
    return f"{msg[:70]} ({t:.1f} s)"


def case_lock_index_extract(c: Case) -> str:
    corpus, out = c.corpus(), c.tmp / "out"
    c.tk("build", corpus, "--out", out, "--quiet")
    hold = subprocess.Popen([sys.executable, "-c", "import fcntl, sys, time\nf = open(sys.argv[1], 'a')\n"
                             "fcntl.flock(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(120)",
                             str(out / ".termkit.lock")], stdout=subprocess.PIPE, text=True)
    hold.stdout.readline()
    try:
        r1, _, _ = c.tk("index", "--out", out)
        r2, _, _ = c.tk("extract", out / "aligned" / f"{DOCS[0]}.tsv", "-o", out / "glossaries" / "glossary.csv")
    finally:
        hold.kill()
    return f"index: exit {r1.returncode}; extract: exit {r2.returncode}"


def case_killed_index(c: Case) -> str:
    corpus, out = c.corpus(), c.tmp / "out"
    c.tk("build", corpus, "--out", out, "--quiet")
    (out / ".termkit.db.k1ll3d.tmp").write_bytes(b"x" * 100)
    c.tk("index", "--out", out)
    return f"stale temp file after the next index: {(out / '.termkit.db.k1ll3d.tmp').exists()}"


def case_seg(c: Case) -> str:
    fr, en = c.tmp / "fr.seg", c.tmp / "en.seg"
    fr.write_text("Résolution 77/241.\nLe Conseil adopte le budget.\n")
    en.write_text("Resolution 77/241.\nThe Council adopts the budget.\n")
    return c.tk("align", fr, en, "--presegmented", "--format", "links")[1]


def case_schemas(c: Case) -> str:
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
                        str(c.root / "tests" / "formats" / "test_schemas.py")], capture_output=True, text=True,
                       cwd=c.root, env=c.env(TERMKIT_SHARED="/nonexistent"), timeout=600)
    return r.stdout.strip().splitlines()[-1]


CASES = [
    ("1a line added to glossary.utf8, rebuild", case_omegat_line),
    ("1b build killed before each rename in turn, then rebuilt", case_kill_every_rename),
    ("2 `.termkit.lock` symlinked to victim.txt", case_lock_symlink),
    ("3 `align -o <device node>`", case_device_output),
    ("3 `segment x.txt -o x.txt`", lambda c: _same_file(c, "segment")),
    ("3 `align fr.txt en.txt -o fr.txt`", lambda c: _same_file(c, "align")),
    ("3 `extract a.tsv -o a.tsv`", lambda c: _same_file(c, "extract")),
    ("4 `check` with an empty English file", lambda c: _check(c, "")),
    ("4 `check`, English cut to 3 of 17 segments", lambda c: _check(c, "\n".join(
        f"The Council adopts decision number {k} on police cooperation." for k in range(3)), "--presegmented")),
    ("6 cells starting `=` in `check -f csv` / `align -f tsv`", case_formula),
    ("7 `align -m no-such-org/no-such-model` (no offline env)", case_model),
    ("8 a non-UTF-8 file name in the corpus", case_non_utf8),
    ("9 pairs `a/fr.txt`, `b/fr.txt` + a document named `corpus`", case_collisions),
    ("10 `extract -f phrase -o x.csv`, twice", case_phrase_csv),
    ("FIFO as input", case_fifo),
    ("`/dev/zero` as dictionary", case_dev_zero_dictionary),
    ("usage error (`align only-one.txt`)", case_usage),
    ("`lookup -n 99999999999999999999`", case_big_n),
    ("corrupted termkit.db", case_corrupt_db),
    ("pairs file in latin-1", case_latin1_pairs),
    ("`segment big.txt | head -n 1`", case_head),
    ("DOCX of 20k paragraphs", case_docx),
    ("lookup of a 130k-character word", case_lookup_long),
    ("`index` / `extract` while the build lock is held", case_lock_index_extract),
    ("stale temp file of a killed `index`", case_killed_index),
    ("`align fr.seg en.seg --presegmented`", case_seg),
    ("schema tests without ../shared", case_schemas),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=HERE, help="termkit source tree to run (default: this one)")
    ap.add_argument("-k", default="", help="only cases whose label contains this")
    args = ap.parse_args()
    print(f"| case ({args.root}) | result |\n|---|---|")
    for label, fn in CASES:
        if args.k and args.k not in label:
            continue
        with tempfile.TemporaryDirectory(prefix="termkit-bad-") as tmp:
            try:
                res = fn(Case(args.root.resolve(), Path(tmp)))
            except Exception as e:  # a case that cannot even be set up on this tree
                res = f"(case failed: {type(e).__name__}: {str(e).strip().splitlines()[-1][:100] if str(e).strip() else ''})"
        print(f"| {label} | {res.replace('|', '/')} |", flush=True)


if __name__ == "__main__":
    main()
