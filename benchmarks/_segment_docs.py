"""Helpers of benchmarks/segmentation.py: the generated documents (tests/segment/docgen.py),
what a peer segmenter is given for them, how a segmentation is scored against them, and the
other PDF character readers (pdfplumber, pypdfium2) plugged into termkit's page layout."""
from __future__ import annotations

import ctypes
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from segment.docgen import Made, write_paginated_text, write_pdf, write_web_page  # noqa: E402
from segment.docgen_content import FOOTNOTES  # noqa: E402

KINDS = ("pdf", "text", "web")
BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "li",
              "h1", "h2", "h3", "h4", "ul", "ol", "table", "tr", "td", "br", "button"}


def make_docs(tmp: Path) -> dict[tuple[str, str], Made]:
    docs = {}
    for lang in ("fr", "en"):
        docs["pdf", lang] = write_pdf(tmp / f"coe.{lang}.pdf", lang)
        docs["text", lang] = write_paginated_text(tmp / f"council.{lang}.txt", lang)
        docs["web", lang] = write_web_page(tmp / f"unodc.{lang}.html", lang)
    return docs


def plain_text(made: Made) -> str:
    """What a peer segmenter is given: a standard plain extraction (pdfminer.six's
    extract_text, the text file as it is, the visible text of the page with a line break
    after each block element)."""
    path = made.path
    if path.suffix == ".pdf":
        from pdfminer.high_level import extract_text
        return extract_text(str(path))
    if path.suffix == ".html":
        import lxml.html
        root = lxml.html.fromstring(path.read_bytes())
        for bad in root.xpath("//script | //style | //head"):
            bad.drop_tree()
        parts = []
        for el in root.iter():
            if isinstance(el.tag, str) and el.tag in BLOCK_TAGS:
                parts.append("\n")
            parts.append(el.text or "")
            if el.tail:
                parts.append(el.tail)
        return "".join(parts)
    return path.read_text(encoding="utf-8")


def score(segments: list[str], made: Made) -> tuple[float, int, int, int]:
    """(aligned boundary F1, expected segments found exactly, segments polluted, segments).

    Polluted: a segment with furniture in it (running header, LIMITE footer, banner, share
    bar…), a bare page number, footnote text glued to other text, or a footnote marker glued
    to a word ("Ministres2", "(GRECO)1")."""
    from toolkit.segment.score import boundary_f1_aligned

    f1 = boundary_f1_aligned(segments, made.expected)[2]
    want = Counter(made.expected)
    found = sum((Counter(s.strip() for s in segments) & want).values())
    notes = {f"{n} {t}": t[:40] for lang in FOOTNOTES for n, t in FOOTNOTES[lang].items()}
    polluted = 0
    for s in segments:
        s = " ".join(s.split())
        bad = any(f in s for f in made.furniture) or s.strip("-– ").isdigit()
        bad |= any(head in s and s != full for full, head in notes.items())
        bad |= bool(MARKER_GLUED.search(s)) and s not in want
        polluted += bad
    return f1, found, polluted, len(segments)


MARKER_GLUED = re.compile(r"(?:[a-zé]{3}|\))\d{1,2}\b")


# ---------------------------------------------------------------- other PDF readers
def pages_pdfplumber(path: Path):
    import pdfplumber

    from toolkit.readers.pdf_layout import Char, Page, build_lines

    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            chars = [Char(c["text"], c["x0"], c["x1"], c["matrix"][5], c["size"])
                     for c in page.chars if c.get("upright", True)]
            rules = [((o["y0"] + o["y1"]) / 2, o["x0"], o["x1"]) for o in page.lines + page.rects
                     if abs(o["y1"] - o["y0"]) <= 2 and o["x1"] - o["x0"] >= 20]
            out.append(Page(build_lines(chars), rules, float(page.height)))
    return out


def pages_pypdfium2(path: Path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from toolkit.readers.pdf_layout import Char, Page, build_lines

    pdf = pdfium.PdfDocument(str(path))
    out = []
    x, y = ctypes.c_double(), ctypes.c_double()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for page in pdf:
        tp = page.get_textpage()
        n = tp.count_chars()
        text = tp.get_text_range(0, n) if n else ""
        chars = []
        for i, ch in enumerate(text):
            if ch in "\r\n" or (ch == " " and raw.FPDFText_IsGenerated(tp, i)):
                continue
            raw.FPDFText_GetCharOrigin(tp, i, x, y)
            raw.FPDFText_GetCharBox(tp, i, left, right, bottom, top)
            chars.append(Char("-" if ch in "\x02\ufffe" else ch, x.value, right.value, y.value,
                              raw.FPDFText_GetFontSize(tp, i)))
        rules = []
        for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3):
            lo, b, r, t = obj.get_bounds()
            if t - b <= 2 and r - lo >= 20:
                rules.append(((t + b) / 2, lo, r))
        out.append(Page(build_lines(chars), rules, page.get_height()))
    pdf.close()
    return out


def pages_pdfminer(path: Path):
    from toolkit.readers.pdf import read_pages
    return read_pages(path)


READERS = {"pdfminer.six (termkit)": pages_pdfminer, "pdfplumber": pages_pdfplumber,
           "pypdfium2": pages_pypdfium2}


def letters(pages) -> Counter:
    return Counter(c.text for p in pages for ln in p.lines for c in ln.chars if c.text.isalpha())


def big_pdf(path: Path, corpus: Path, copies: int = 8) -> int:
    """A long PDF (reportlab platypus) of the French corpus text; returns its page count."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    style = getSampleStyleSheet()["Normal"]
    paras = [" ".join(p.split()) for f in sorted((corpus / "fr").glob("*.txt"))
             for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    story = []
    for _ in range(copies):
        for p in paras:
            story += [Paragraph(p.replace("&", "&amp;").replace("<", "&lt;"), style), Spacer(1, 6)]
    doc = SimpleDocTemplate(str(path))
    doc.build(story)
    return doc.page


# ---------------------------------------------------------------- sections
def row(cells, widths) -> str:
    return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                     for i, (c, w) in enumerate(zip(cells, widths)))


def golden(peers: dict) -> None:
    from segment.golden import cases, passes, termkit_answer

    rows = cases()
    tools = ["termkit", *peers]
    score = {t: Counter() for t in tools}
    raw = Counter()
    for case in rows:
        got = termkit_answer(case)
        score["termkit"][case["lang"]] += passes(got, case, convention=True)
        raw[case["lang"]] += passes(got, case)
        for name, split in peers.items():
            score[name][case["lang"]] += passes(split[case["lang"]](case["text"]), case)
    n = Counter(c["lang"] for c in rows)
    print("\nGolden Rules (Pragmatic Segmenter EN, pySBD FR): cases passed")
    widths = [20, 8, 8, 8]
    print(row(["tool", f"en/{n['en']}", f"fr/{n['fr']}", f"all/{len(rows)}"], widths))
    for t in tools:
        print(row([t, score[t]["en"], score[t]["fr"], sum(score[t].values())], widths))
    print(f"(termkit counting the bullet it drops by convention as a miss: {sum(raw.values())}/{len(rows)})")
    ok = sum(score["termkit"].values()) >= 52
    print(f"target >= 52/53: {'met' if ok else 'MISSED'}")


def generated(peers: dict, tmp: Path) -> None:
    from toolkit.readers import read_text
    from toolkit.segment import segment_text

    docs = make_docs(tmp)
    tools = ["termkit", *peers]
    print("\nGenerated documents (tests/segment/docgen.py): aligned F1 / exact segments found / polluted segments")
    widths = [10, 4, 9] + [max(22, len(t)) for t in tools]
    print(row(["document", "lang", "expected", *tools], widths))
    total = {t: [0.0, 0, 0, 0] for t in tools}
    for (kind, lang), made in docs.items():
        cells = [kind, lang, len(made.expected)]
        results = {"termkit": [s.text for s in segment_text(read_text(made.path), lang)]}
        text = plain_text(made)
        for name, split in peers.items():
            results[name] = split[lang](text)
        for t in tools:
            f1, found, bad, n = score(results[t], made)
            cells.append(f"{f1:.3f} / {found:2d} / {bad:2d} of {n:2d}")
            total[t] = [total[t][0] + f1, total[t][1] + found, total[t][2] + bad, total[t][3] + n]
        print(row(cells, widths))
    expected = sum(len(m.expected) for m in docs.values())
    cells = ["all", "", expected]
    cells += [f"{v[0] / len(docs):.3f} / {v[1]:3d} / {v[2]:2d} of {v[3]:3d}" for v in total.values()]
    print(row(cells, widths))
    clean = total["termkit"][2] == 0
    print(f"target: no polluted termkit segment: {'met' if clean else 'MISSED'}")


def readers(tmp: Path, corpus: Path) -> None:
    import time

    from toolkit.readers.pdf_layout import layout_text
    from toolkit.segment import segment_text

    docs = [m for (kind, _), m in make_docs(tmp).items() if kind == "pdf"]
    long_pdf = tmp / "long.pdf"
    pages = big_pdf(long_pdf, corpus)
    print(f"\nPDF character readers through termkit's page layout ({len(docs)} generated PDFs; "
          f"speed on a {pages}-page PDF)")
    widths = [24, 16, 14, 10]
    print(row(["reader", "exact documents", "letters lost", "pages/s"], widths))
    base = {m.path: letters(pages_pdfminer(m.path)) for m in docs}
    for name, read in READERS.items():
        try:
            exact = lost = 0
            for m in docs:
                got = read(m.path)
                lang = "fr" if ".fr." in m.path.name else "en"
                exact += [s.text for s in segment_text(layout_text(got), lang)] == m.expected
                lost += sum((base[m.path] - letters(got)).values())
            t = time.perf_counter()
            read(long_pdf)
            rate = pages / (time.perf_counter() - t)
        except ImportError as err:
            print(row([name, f"skipped ({err.name} not installed)", "", ""], widths))
            continue
        print(row([name, f"{exact}/{len(docs)}", lost, f"{rate:.1f}"], widths))


def html_readers(gold_dir: Path) -> None:
    """termkit's HTML reader against trafilatura (a main-content extractor) on pages made from
    the gold segments (headings, items, paragraphs) inside the UNODC-like furniture."""
    import html as H

    from segment.docgen_content import WEB

    from toolkit.readers import read_text
    from toolkit.segment import segment_text
    from toolkit.segment.score import boundary_f1_aligned

    try:
        import trafilatura
    except ImportError:
        print("\nnote: HTML reader comparison skipped (trafilatura not installed)")
        return
    print("\nHTML readers on gold-derived pages with furniture: aligned F1 / gold segments missing")
    widths = [30, 4, 16, 16]
    print(row(["document", "lang", "termkit", "trafilatura"], widths))
    import tempfile

    tmp = Path(tempfile.mkdtemp())
    sums = {"termkit": [0.0, 0], "trafilatura": [0.0, 0]}
    docs = sorted(p.name.split(".")[0] for p in gold_dir.glob("*.fr.txt"))
    for doc in docs:
        for lang in ("fr", "en"):
            segs = (gold_dir / f"{doc}.{lang}.txt").read_text(encoding="utf-8").splitlines()
            w = WEB[lang]
            blocks = "".join(f"<h2>{H.escape(s)}</h2>" if len(s) < 60 and s[-1:] not in ".;:," else
                             f"<p>{H.escape(s)}</p>" for s in segs)
            page = (f"<html><body><div class='cookie-banner' role='dialog'><p>{H.escape(w['cookie'])}</p></div>"
                    f"<header><nav>{' '.join(w['nav'])}</nav></header><main><article>{blocks}"
                    f"<div class='share-bar'>{w['share']} Facebook LinkedIn</div></article></main>"
                    f"<footer><p>{H.escape(w['footer'])}</p></footer></body></html>")
            path = tmp / f"gold-{doc}.{lang}.html"
            path.write_text(page, encoding="utf-8")
            try:
                texts = {"termkit": read_text(path),
                         "trafilatura": trafilatura.extract(page, include_tables=True) or ""}
            finally:
                path.unlink()
            cells = [doc, lang]
            for name, text in texts.items():
                got = [s.text for s in segment_text(text, lang)]
                f1, missing = boundary_f1_aligned(got, segs)[2], len(set(segs) - set(got))
                sums[name][0] += f1
                sums[name][1] += missing
                cells.append(f"{f1:.3f} / {missing:2d}")
            print(row(cells, widths))
    tmp.rmdir()
    n = 2 * len(docs)
    print(row(["mean F1 / total missing", "", *(f"{v[0] / n:.3f} / {v[1]:2d}" for v in sums.values())], widths))
