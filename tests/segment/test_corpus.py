"""End-to-end checks on the bundled corpus: no content lost, gold boundary F1 >= 0.97."""
from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.segment import boundary_f1, segment_text

from .conftest import lost_characters

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DOCS = sorted(p.stem for p in (CORPUS / "fr").glob("*.txt"))
GOLD_DOCS = ["interpol-ga-2017-86-res-06", "interpol-un-ministerial-2009",
             "osce-policing-activities", "un-ares-77-241"]


def test_corpus_is_present():
    assert len(DOCS) == 5


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("doc", DOCS)
def test_no_content_lost(doc, lang):
    """Every non-space character is in a segment or in a declared removal, and no more."""
    text = (CORPUS / lang / f"{doc}.txt").read_text(encoding="utf-8")
    lost, invented = lost_characters(text, lang)
    assert not lost and not invented


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("doc", DOCS)
def test_segments_are_clean(doc, lang):
    """No markup, bullet, separator or NBSP survives; footnotes come last, in number order."""
    segs = segment_text((CORPUS / lang / f"{doc}.txt").read_text(encoding="utf-8"), lang)
    assert segs
    for s in segs:
        assert s.text == s.text.strip() and "  " not in s.text
        assert not any(m in s.text for m in ("**", "## ", "<sup>", "\u00a0", "\u202f", "____"))
        assert s.text[:2] not in ("• ", "- ", "– ")
        assert 0 <= s.start <= s.end
    kinds = [s.kind for s in segs]
    n_foot = kinds.count("footnote")
    assert kinds[len(kinds) - n_foot:] == ["footnote"] * n_foot
    numbers = [int(s.text.split()[0]) for s in segs if s.kind == "footnote" and s.text[0].isdigit()]
    assert numbers == sorted(numbers)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("doc", GOLD_DOCS)
def test_gold_boundary_f1(gold_dir, doc, lang):
    gold = (gold_dir / f"{doc}.{lang}.txt").read_text(encoding="utf-8").splitlines()
    pred = segment_text((CORPUS / lang / f"{doc}.txt").read_text(encoding="utf-8"), lang)
    _, _, f1 = boundary_f1([s.text for s in pred], gold)
    assert f1 >= 0.97, f"{doc}.{lang}: boundary F1 {f1:.3f}"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("doc", DOCS)
def test_offsets_frame_each_segment_in_the_source(doc, lang):
    """``start``/``end`` point at the segment's first and last characters in the source."""
    text = (CORPUS / lang / f"{doc}.txt").read_text(encoding="utf-8")
    for s in segment_text(text, lang):
        assert text[s.start] == s.text[0] and text[s.end - 1] == s.text[-1], s
