"""The user's report of what segmentation took out (SegmentReport), through the library API."""
from __future__ import annotations

from toolkit.segment import SegmentReport, iter_segments, segment_text

TEXT = ("Skip to main content\n\n"
        "The Council welcomes the report of the Secretary-General on the infor-\n"
        "mation exchange between agencies1 and its annexes.\n\n"
        "Page 2 of 3\n\n"
        "__________________\n\n"
        "1 See document A/78/123.\n")


def test_report_counts_and_samples():
    report = SegmentReport()
    segs = segment_text(TEXT, "en", report=report)
    assert [s.text for s in segs] == [
        "The Council welcomes the report of the Secretary-General on the information exchange "
        "between agencies and its annexes.", "1 See document A/78/123."]
    assert report.as_dict() == {
        "page number": {"count": 1, "sample": ["Page 2 of 3"]},
        "boilerplate": {"count": 1, "sample": ["Skip to main content"]},
        "footnote": {"count": 1, "sample": ["1 See document A/78/123."]},
        "marker": {"count": 1, "sample": ["1"]},
        "hyphen": {"count": 1, "sample": ["infor-mation → information"]},
    }
    assert report.summary() == (
        "1 page numbers ('Page 2 of 3'); 1 boilerplate blocks or lines ('Skip to main content'); "
        "1 footnotes moved to the end ('1 See document A/78/123.'); 1 footnote markers ('1'); "
        "1 line-end hyphens repaired ('infor-mation → information')")


def test_report_is_complete_when_the_stream_is_exhausted_and_keeps_the_accounting():
    report, removed = SegmentReport(), []
    chunks = [TEXT[i:i + 7] for i in range(0, len(TEXT), 7)]
    list(iter_segments(chunks, "en", removed=removed, report=report))
    assert report.counts == {"page number": 1, "boilerplate": 1, "footnote": 1, "marker": 1, "hyphen": 1}
    assert removed == ["Skip to main content", "Page 2 of 3", "__________________", "1", "-"]


def test_samples_are_few_short_and_distinct():
    report = SegmentReport()
    for n in range(1, 8):
        report.add("header", f"14832/24 GG/mr {n}")
    report.add("header", "LIMITE")
    report.add("marker", "x" * 200)
    report.add("no such kind", "ignored")
    assert report.counts == {"header": 8, "marker": 1}
    assert report.samples["header"] == ["14832/24 GG/mr 1", "LIMITE"]  # numbers aside, distinct
    assert len(report.samples["marker"][0]) == 60
    assert not SegmentReport() and SegmentReport().summary() == "nothing removed"
