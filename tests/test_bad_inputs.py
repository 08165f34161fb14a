"""What translators' clients send: every bad input of docs/bad-inputs.md, through the real
command line (a subprocess), checking the exit code, the one-line message and that nothing
partial is written."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

FR = ("Le Conseil permanent rappelle la Décision No 914 sur les activités de police. "
      "Il prie le Secrétaire général de faire rapport en 2012.\n\n"
      "La criminalité transnationale organisée menace la sécurité des États participants.\n")
EN = ("The Permanent Council recalls Decision No. 914 on police-related activities. "
      "It requests the Secretary General to report in 2012.\n\n"
      "Transnational organized crime threatens the security of participating States.\n")


def termkit(*args, timeout=300, cwd=None):
    return subprocess.run([sys.executable, "-m", "toolkit", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd)


def one_error_line(r) -> str:
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), r.stderr
    assert "Traceback" not in r.stderr
    return lines[0]


# ---------------------------------------------------------------- text decoding

@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"])
def test_empty_and_whitespace_only(tmp_path, content):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    r = termkit("segment", f, "--lang", "fr")
    assert r.returncode == 0 and r.stdout == ""


@pytest.mark.parametrize("name,data,kind", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG"),
    ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00" + bytes(300), "ZIP"),
])
def test_binary_with_text_extension(tmp_path, name, data, kind):
    f = tmp_path / name
    f.write_bytes(data)
    out = tmp_path / "out.txt"
    line = one_error_line(termkit("segment", f, "--lang", "fr", "-o", out))
    assert "binary" in line and kind in line
    assert not out.exists()


def test_truncated_utf8_is_decoded_with_a_warning(tmp_path):
    f = tmp_path / "cut.txt"
    f.write_bytes("Le Conseil adopte la décision. Il prie l’Organisation.".encode("utf-8")[:-3] + b"\xe2\x80")
    r = termkit("segment", f, "--lang", "fr")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "Le Conseil adopte la décision."
    assert "Warning:" in r.stderr and "truncated" in r.stderr


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                          ("utf-16-le", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_utf16_and_bom(tmp_path, encoding, bom):
    f = tmp_path / "u.txt"
    f.write_bytes(bom + FR.encode(encoding))
    r = termkit("segment", f, "--lang", "fr")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "Le Conseil permanent rappelle la Décision No 914 sur les activités de police."


def test_cp1252(tmp_path):
    f = tmp_path / "legacy.txt"
    f.write_bytes("Mise en œuvre de l’état de droit à l’échelle régionale.\n".encode("cp1252"))
    r = termkit("segment", f, "--lang", "fr")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "Mise en œuvre de l’état de droit à l’échelle régionale.\n"
    assert "cp1252" in r.stderr


def test_undecodable_bytes(tmp_path):
    f = tmp_path / "mixed.txt"
    f.write_bytes("déjà vu ".encode("utf-8") * 50 + b"\x81\x8d\x8f\x90\x9d" * 20)
    out = tmp_path / "o.txt"
    line = one_error_line(termkit("segment", f, "--lang", "fr", "-o", out))
    assert "--encoding" in line
    assert not out.exists()


def test_ten_megabyte_line_without_punctuation(tmp_path):
    f = tmp_path / "line.txt"
    words = "coopération policière internationale renforcée "
    f.write_text(words * (10_000_000 // len(words)), encoding="utf-8")
    out = tmp_path / "seg.txt"
    r = termkit("segment", f, "--lang", "fr", "-o", out, timeout=240)
    assert r.returncode == 0, r.stderr
    assert "".join(out.read_text(encoding="utf-8").split()) == "".join(f.read_text(encoding="utf-8").split())


@pytest.mark.slow
def test_hundred_megabyte_file_bounded_memory(tmp_path, corpus_dir):
    para = (corpus_dir / "fr" / "osce-pc-dec-1049.txt").read_text(encoding="utf-8")
    f = tmp_path / "big.txt"
    with open(f, "w", encoding="utf-8") as fh:
        while fh.tell() < 100_000_000:
            fh.write(para)
    code = ("import resource, subprocess, sys; "
            f"r = subprocess.run([sys.executable, '-m', 'toolkit', 'segment', {str(f)!r}, '--lang', 'fr', "
            f"'-o', {str(tmp_path / 'out.txt')!r}]); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr
    peak_mb = int(r.stdout.split()[-1]) / 1024
    assert peak_mb < 600, f"peak RSS {peak_mb:.0f} MB for a 100 MB input"
    assert (tmp_path / "out.txt").stat().st_size > 90_000_000


# ---------------------------------------------------------------- PDF, DOCX, HTML

def _pdf(path: Path, text: str | None) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    if text:
        c.drawString(72, 720, text)
    else:
        c.rect(72, 500, 300, 200, fill=1)  # a scanned page: graphics, no text layer
    c.showPage()
    c.save()
    return path


def test_pdf_without_text_layer(tmp_path):
    f = _pdf(tmp_path / "scan.pdf", None)
    line = one_error_line(termkit("segment", f, "--lang", "fr"))
    assert "no text layer" in line and "OCR" in line


def test_password_protected_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = _pdf(tmp_path / "plain.pdf", "Le Conseil se réunit.")
    w = PdfWriter()
    for page in PdfReader(plain).pages:
        w.add_page(page)
    w.encrypt(user_password="secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as fh:
        w.write(fh)
    line = one_error_line(termkit("segment", locked, "--lang", "fr"))
    assert "password" in line.lower() or "encrypted" in line.lower()


@pytest.mark.parametrize("name,data", [("broken.pdf", b"%PDF-1.7\n1 0 obj <<"), ("broken.docx", b"PK\x03\x04junk")])
def test_corrupt_pdf_and_docx(tmp_path, name, data):
    f = tmp_path / name
    f.write_bytes(data)
    one_error_line(termkit("segment", f, "--lang", "fr"))


def test_html_scripts_and_styles_are_not_text(tmp_path):
    f = tmp_path / "page.html"
    f.write_text("<html><head><style>p{color:red}</style><script>var secret = 1;</script></head>"
                 "<body><nav>Accueil | Contact</nav><p>Le Conseil se réunit.</p>"
                 "<script>alert('x')</script><p>Il adopte la décision.</p></body></html>", encoding="utf-8")
    r = termkit("segment", f, "--lang", "fr")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["Le Conseil se réunit.", "Il adopte la décision."]


# ---------------------------------------------------------------- wrong pairs

def _files(tmp_path, fr_text, en_text):
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text(fr_text, encoding="utf-8")
    en.write_text(en_text, encoding="utf-8")
    return fr, en


def _mean_score(tsv: str) -> float:
    import csv

    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t"))
    return sum(float(r["score"]) for r in rows) / max(1, len(rows))


def test_good_pair_scores_high(tmp_path):
    r = termkit("align", *_files(tmp_path, FR, EN))
    assert r.returncode == 0, r.stderr
    assert _mean_score(r.stdout) >= 0.5


@pytest.mark.parametrize("en_text,expect", [
    ("Heavy rain is expected across the northern valleys tomorrow morning. Farmers should harvest early.\n\n"
     "The museum will reopen its modern art gallery next spring after renovation.\n", "translation"),
    (FR, "French"),
])
def test_unrelated_or_same_language_pairs_warn(tmp_path, en_text, expect):
    r = termkit("align", *_files(tmp_path, FR, en_text))
    assert r.returncode == 0, r.stderr
    assert "Warning:" in r.stderr and expect.lower() in r.stderr.lower()
    assert _mean_score(r.stdout) < 0.5


def test_swapped_languages_warn(tmp_path):
    r = termkit("align", *_files(tmp_path, EN, FR))
    assert r.returncode == 0, r.stderr
    assert "looks English, expected French" in r.stderr


def test_one_side_empty(tmp_path):
    r = termkit("align", *_files(tmp_path, FR, ""), "--format", "links")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["[0]:[]", "[1]:[]", "[2]:[]"]
    assert "Warning:" in r.stderr


def test_corpus_with_missing_partner_and_odd_names(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "fr").mkdir(parents=True)
    (corpus / "en").mkdir()
    for name in ("décision No 1.txt", "rapport..final.txt"):
        (corpus / "fr" / name).write_text(FR, encoding="utf-8")
        (corpus / "en" / name).write_text(EN, encoding="utf-8")
    (corpus / "fr" / "orphan.txt").write_text(FR, encoding="utf-8")
    out = tmp_path / "out"
    r = termkit("build", corpus, "--out", out, "--min-freq", "1", "--quiet")
    assert r.returncode == 0, r.stderr
    assert "orphan.txt: no English partner" in r.stderr
    assert (out / "aligned" / "décision No 1.tmx").is_file()
    assert (out / "aligned" / "rapport..final.tmx").is_file()
    outside = {p for p in tmp_path.iterdir()} - {corpus, out}
    assert not outside, f"files written outside --out: {outside}"
