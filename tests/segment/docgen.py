"""Generated test documents in the style of real institutional inputs (nothing copied):

* ``write_pdf``: a Council of Europe-like report (A5, Times) with a running header, page
  numbers, superscript footnote markers (``text1``, ``(GRECO)2``) and footnotes in smaller type
  below a rule at the page bottom, some running onto the next page; words hyphenated at line ends.
* ``write_paginated_text``: an EU Council-like text export: form feeds, a ``LIMITE`` header,
  a two-line footer with the page number, paragraphs and hyphenated words cut by page breaks.
* ``write_web_page``: a UNODC-like page: header and navigation, cookie banner, breadcrumb,
  share bar, "Learn more" teasers, related stories, footer.

Each returns a ``Made`` record: the expected segments and the furniture that must not appear
inside any segment.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from .docgen_content import FOOTNOTES, HEADER, PARAGRAPHS, SYMBOL, TITLE, WEB

MARK_RE = re.compile(r"\[(\d+)\]")
VOWELS = set("aeiouyàâäéèêëîïôöùûüœ")


@dataclass
class Made:
    path: Path
    expected: list[str]  # segments, in order, footnotes last
    furniture: list[str]  # text that must not appear inside any segment
    hyphenated: list[tuple[str, str, bool]] = field(default_factory=list)  # ("infil-", "tration", compound?)
    spanning_footnotes: list[int] = field(default_factory=list)
    page_breaks: list[str] = field(default_factory=list)  # last body line of each page but the last
    pages: int = 0


def expected_segments(lang: str, title: bool = True) -> list[str]:
    out = [SYMBOL[lang], TITLE[lang]] if title else []
    for para in PARAGRAPHS[lang]:
        out += [MARK_RE.sub("", s) for s in para]
    return out + [f"{n} {t}" for n, t in sorted(FOOTNOTES[lang].items())]


# ---------------------------------------------------------------- line breaking
def _split_point(word: str, fits) -> int:
    """Where to hyphenate ``word`` so that ``word[:i] + "-"`` fits: at its own hyphen, else
    between two consonants or after a vowel before a consonant (rough syllables); 0 if none."""
    if "-" in word:
        i = word.index("-") + 1
        return i if fits(word[:i]) else 0
    core = word.rstrip(",.;:")
    if len(core) < 7 or not core.isalpha():
        return 0
    for i in range(len(core) - 3, 2, -1):
        a, b = core[i - 1].lower(), core[i].lower()
        syllable = (a not in VOWELS and b not in VOWELS and a != b) or (a in VOWELS and b not in VOWELS
                                                                          and core[i + 1].lower() in VOWELS)
        if syllable and fits(core[:i] + "-"):
            return i
    return 0


def wrap(sentences: list[str], width: float, measure) -> list[tuple[list[tuple[str, int]], list[int]]]:
    """Lines of a paragraph: (pieces [(text, marker or 0)], footnote numbers on the line)."""
    tokens = " ".join(sentences).split(" ")
    lines, cur, used, hyphen_pairs = [], [], 0.0, []

    def tok_pieces(tok: str) -> list[tuple[str, int]]:
        out, pos = [], 0
        for m in MARK_RE.finditer(tok):
            out.append((tok[pos:m.start()], 0))
            out.append((m.group(1), int(m.group(1))))
            pos = m.end()
        out.append((tok[pos:], 0))
        return [p for p in out if p[0]]

    def width_of(pieces) -> float:
        return sum(measure(t, bool(n)) for t, n in pieces)

    def flush():
        nonlocal cur, used
        lines.append((cur, [n for _, n in cur if n]))
        cur, used = [], 0.0

    i = 0
    while i < len(tokens):
        pieces = tok_pieces(tokens[i])
        space = measure(" ", False) if cur else 0.0
        w = width_of(pieces)
        if used + space + w <= width:
            if cur:
                cur.append((" ", 0))
            cur.extend(pieces)
            used += space + w
            i += 1
            continue
        word = tokens[i]
        k = 0 if MARK_RE.search(word) else _split_point(word, lambda s: used + space + measure(s, False) <= width)
        if k:
            left = word[:k] if word[k - 1] == "-" else word[:k] + "-"
            if cur:
                cur.append((" ", 0))
            cur.append((left, 0))
            hyphen_pairs.append((left, word[k:], word[k - 1] == "-"))
            tokens[i] = word[k:]
        flush()
    if cur:
        flush()
    wrap.last_hyphens = hyphen_pairs
    return lines


# ---------------------------------------------------------------- PDF
def write_pdf(path: Path, lang: str, fn_max_lines: int = 6) -> Made:
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    W, H = A5
    left, right, top, bottom = 50, 50, 528, 48
    body_size, lead, fn_size, fn_lead = 11, 13.5, 8, 9.5
    width = W - left - right

    def measure(t, marker):
        return stringWidth(t, "Times-Roman", 7 if marker else body_size)

    def fn_measure(t, marker):
        return stringWidth(t, "Times-Roman", fn_size)

    made = Made(path, expected_segments(lang), [HEADER[lang]])
    body: list[tuple] = []  # (pieces, markers, gap_before)
    for j, para in enumerate(PARAGRAPHS[lang]):
        for k, (pieces, marks) in enumerate(wrap(para, width, measure)):
            body.append((pieces, marks, k == 0 and j > 0))
        made.hyphenated += wrap.last_hyphens
    fn_lines = {}
    for n, t in FOOTNOTES[lang].items():
        fn_lines[n] = wrap([t], width - 8, fn_measure)
        made.hyphenated += wrap.last_hyphens
    c = canvas.Canvas(str(path), pagesize=A5)
    pending: list[tuple[int, bool, list]] = []  # (footnote, first line?, pieces)
    page, i = 0, 0
    while i < len(body) or pending:
        page += 1
        y = top
        if page == 1:
            c.setFont("Helvetica", 9)
            c.drawRightString(W - right, 560, SYMBOL[lang])
            c.setFont("Times-Bold", 13)
            for pieces, _ in wrap([TITLE[lang]], width, lambda t, m: stringWidth(t, "Times-Bold", 13)):
                c.drawString(left, y, "".join(t for t, _ in pieces))
                y -= 17
            y -= 10
        else:
            c.setFont("Helvetica-Oblique", 8)
            c.drawString(left, 560, HEADER[lang])
        c.setFont("Helvetica", 9)
        c.drawCentredString(W / 2, 26, str(page))
        while i < len(body):
            pieces, marks, gap = body[i]
            new = [(n, k == 0, p) for n in marks for k, (p, _) in enumerate(fn_lines[n])]
            shown = min(len(pending) + len(new), fn_max_lines)
            floor = bottom + (shown * fn_lead + 12 if shown else 0)
            step = lead + (6 if gap and y != top else 0)
            if y - step < floor and y != top:
                break
            y -= step if y != top else 0
            _draw_line(c, left, y, pieces, body_size)
            pending += new
            i += 1
        shown, pending = pending[:fn_max_lines], pending[fn_max_lines:]
        if shown:
            if pending and pending[0][0] == shown[-1][0]:
                made.spanning_footnotes.append(shown[-1][0])
            fy = bottom + (len(shown) - 1) * fn_lead
            c.setLineWidth(0.5)
            c.line(left, fy + fn_lead + 2, left + 90, fy + fn_lead + 2)
            for n, first, pieces in shown:
                if first:  # the number as a superscript, the text with a hanging indent
                    c.setFont("Times-Roman", 6)
                    c.drawString(left, fy + 3, str(n))
                c.setFont("Times-Roman", fn_size)
                c.drawString(left + 8, fy, "".join(t for t, _ in pieces))
                fy -= fn_lead
        c.showPage()
    c.save()
    made.pages = page  # page numbers: no segment may be a bare number (checked by the tests)
    return made


def _draw_line(c, x: float, y: float, pieces: list[tuple[str, int]], size: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for text, marker in pieces:
        if marker:
            c.setFont("Times-Roman", 7)
            c.drawString(x, y + 4, text)
            x += stringWidth(text, "Times-Roman", 7)
        else:
            c.setFont("Times-Roman", size)
            c.drawString(x, y, text)
            x += stringWidth(text, "Times-Roman", size)


# ---------------------------------------------------------------- paginated text
def write_paginated_text(path: Path, lang: str, page_lines: int = 22, width: int = 72) -> Made:
    """EU Council-like text export: ``LIMITE`` header, footer "14832/24 GG/mr 3" + "JAI.1
    LIMITE EN", form feeds; footnotes ("1 text") under a rule at the page bottom."""
    code = lang.upper()
    made = Made(path, expected_segments(lang, title=False), ["LIMITE", "GG/mr", "JAI.1"])
    lines: list[tuple[str, list[int]]] = []
    for j, para in enumerate(PARAGRAPHS[lang]):
        if j:
            lines.append(("", []))
        for pieces, marks in wrap(para, width, lambda t, m: len(t)):
            lines.append(("".join(t for t, _ in pieces), marks))
        made.hyphenated += wrap.last_hyphens
    fn_text = {}
    for n, t in FOOTNOTES[lang].items():
        fn_text[n] = ["".join(t for t, _ in p) for p, _ in wrap([t], width - 2, lambda t, m: len(t))]
        made.hyphenated += wrap.last_hyphens
    pages, i = [], 0
    while i < len(lines):
        chunk, notes = [], []
        while i < len(lines) and len(chunk) + len(notes) < page_lines:
            text, marks = lines[i]
            chunk.append(text)
            for n in marks:
                notes += [f"{n} {fn_text[n][0]}"] + fn_text[n][1:]
            i += 1
        pages.append((chunk, notes))
        made.page_breaks.append(next(t for t in reversed(chunk) if t))
    made.page_breaks.pop()
    out = []
    for p, (chunk, notes) in enumerate(pages, 1):
        page = ["                                                            LIMITE", ""] if p > 1 else []
        page += chunk
        if notes:
            page += ["", "____________________", ""] + notes
        page += ["", f"14832/24                         GG/mr                          {p}",
                 f"                                 JAI.1          LIMITE       {code}"]
        out.append("\n".join(page))
    path.write_text("\n\f".join(out) + "\n", encoding="utf-8")
    made.pages = len(pages)
    return made


# ---------------------------------------------------------------- web page
def write_web_page(path: Path, lang: str, main: bool = True) -> Made:
    """``main=False``: no <main>/<article>, the furniture is told apart by its own markup."""
    w = WEB[lang]
    e = html.escape
    paras = ["".join(f"<p>{e(MARK_RE.sub('', ' '.join(p)))}</p>\n" for p in PARAGRAPHS[lang][:5])]
    doc = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{e(TITLE[lang])} | UNODC</title></head>
<body>
<div id="cookie-banner" class="cookie-consent" role="dialog" aria-label="cookies">
  <p>{e(w['cookie'])}</p><a href="/privacy">{e(w['more'])}</a> <button>{e(w['accept'])}</button>
</div>
<header class="site-header"><a href="/">UNODC</a>
  <nav><ul>{''.join(f'<li><a href="#">{e(x)}</a></li>' for x in w['nav'])}</ul></nav></header>
<div class="breadcrumb"><a href="/">{e(w['nav'][0])}</a> › <a href="#">{e(w['nav'][2])}</a></div>
<main id="content">
  <article>
    <h1>{e(TITLE[lang])}</h1>
    {''.join(paras)}
    <p><a href="/more" class="read-more">{e(w['more'])}</a></p>
    <div class="share-bar social-share"><span>{e(w['share'])}</span>
      <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>
  </article>
  <section class="related-stories"><h2>{e(w['related'])}</h2>
    <div class="teaser"><h3>{e(w['teaser'])}</h3><a href="#">{e(w['more'])}</a></div></section>
</main>
<div id="site-footer" role="contentinfo"><p>{e(w['footer'])}</p></div>
</body></html>
"""
    if not main:
        doc = doc.replace('<main id="content">', '<div id="content">').replace("</main>", "</div>")
        doc = doc.replace("<article>", "<div>").replace("</article>", "</div>")
    path.write_text(doc, encoding="utf-8")
    expected = [TITLE[lang]] + [MARK_RE.sub("", s) for p in PARAGRAPHS[lang][:5] for s in p]
    furniture = [w["cookie"][:40], w["accept"], w["more"], w["share"], "Facebook", "LinkedIn",
                 w["related"], w["teaser"], w["footer"][:30], w["nav"][1], w["nav"][3]]
    return Made(path, expected, furniture)
