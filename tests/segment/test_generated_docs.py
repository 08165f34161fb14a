"""End to end on documents generated here in the style of real inputs (tests/segment/docgen.py):
a Council of Europe-like PDF (running header, page numbers, superscript markers, footnotes
in small type under a rule, two of them running onto the next page), an EU Council-like text
export (LIMITE header, numbered footer, form feeds or none, paragraphs and a hyphenated word cut
by page breaks), a UNODC-like page (cookie banner, navigation, breadcrumb, share bar, "Learn
more", related stories, footer). Read through ``read_text`` and segmented: the segments are
exactly the document's sentences then its footnotes; no furniture is inside any of them; the
report counts what was taken out."""
from __future__ import annotations

import pytest

from toolkit.readers import read_text
from toolkit.segment import SegmentReport, segment_text

from .docgen import write_paginated_text, write_pdf, write_web_page
from .docgen_content import FOOTNOTES

KINDS = ["pdf", "text", "text-no-formfeed", "web", "web-without-main"]
LANGS = ["fr", "en"]


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("generated")
    made = {}
    for lang in LANGS:
        made["pdf", lang] = write_pdf(tmp / f"coe.{lang}.pdf", lang)
        made["text", lang] = write_paginated_text(tmp / f"council.{lang}.txt", lang)
        m = write_paginated_text(tmp / f"council-noff.{lang}.txt", lang)
        m.path.write_text(m.path.read_text(encoding="utf-8").replace("\f", ""), encoding="utf-8")
        made["text-no-formfeed", lang] = m
        made["web", lang] = write_web_page(tmp / f"unodc.{lang}.html", lang)
        made["web-without-main", lang] = write_web_page(tmp / f"unodc-plain.{lang}.html", lang, main=False)
    out = {}
    for key, m in made.items():
        report = SegmentReport()
        segs = segment_text(read_text(m.path, on_removed=report.add), key[1], report=report)
        out[key] = (m, segs, report)
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_segments_are_the_documents_sentences_then_its_footnotes(docs, kind, lang):
    made, segs, _ = docs[kind, lang]
    assert [s.text for s in segs] == made.expected
    n = sum(s.kind == "footnote" for s in segs)
    assert n == (len(FOOTNOTES[lang]) if kind.startswith(("pdf", "text")) else 0)
    assert all(s.kind == "footnote" for s in segs[len(segs) - n:])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_no_furniture_inside_any_segment(docs, kind, lang):
    made, segs, _ = docs[kind, lang]
    notes = [t[:40] for t in FOOTNOTES[lang].values()]
    for s in segs:
        assert not any(f in s.text for f in made.furniture), s.text
        assert not s.text.strip("-– ").isdigit(), s.text  # a page number
        if s.kind != "footnote":
            assert not any(n in s.text for n in notes), s.text


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_report_and_preconditions(docs, lang):
    made, _, report = docs["pdf", lang]
    assert made.pages >= 3 and made.spanning_footnotes  # footnotes really run onto the next page
    syllables = [h for h in made.hyphenated if not h[2]]
    assert syllables and any(h[2] for h in made.hyphenated) == (lang == "en")  # law-/enforcement
    assert report.counts == {
        "header": made.pages - 1, "page number": made.pages, "marker": 6, "footnote": 6,
        "footnote continued": len(set(made.spanning_footnotes)), "hyphen": len(syllables)}
    assert report.samples["header"] == [made.furniture[0]]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["text", "text-no-formfeed"])
def test_paginated_text_report_and_preconditions(docs, kind, lang):
    made, _, report = docs[kind, lang]
    assert any(line.endswith("-") for line in made.page_breaks)  # a word cut by a page break
    assert any(not line.endswith((".", "-")) for line in made.page_breaks)  # a sentence cut too
    syllables = [h for h in made.hyphenated if not h[2]]
    assert report.counts == {"header": 3 * made.pages - 1, "marker": 6, "footnote": 6,
                             "hyphen": len(syllables)}
    assert "LIMITE" in report.samples["header"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["web", "web-without-main"])
def test_web_report(docs, kind, lang):
    made, _, report = docs[kind, lang]
    # banner, header+navigation, breadcrumb, "Learn more", share bar, related stories, footer
    assert report.counts == {"boilerplate": 7}
    assert any("cookies" in s for s in report.samples["boilerplate"])
