"""What segmentation took out of a document, for the user: counts and a few samples per kind.

    report = SegmentReport()
    segments = list(iter_segments(chunks, "fr", report=report))
    report.counts["header"], report.samples["hyphen"]   # 12, ["infil-tration → infiltration"]
    report.summary()   # "12 running header/footer lines ('LIMITE', …), 3 hyphens repaired (…)"

Readers add to the same report through ``report.add`` (a PDF's running headers and footnote
markers, an HTML page's boilerplate elements), so one object tells the whole story.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["SegmentReport", "Sink", "KINDS"]

# kinds shown to the user, in this order, with their description
KINDS = {
    "header": "running header/footer lines",
    "page number": "page numbers",
    "boilerplate": "boilerplate blocks or lines",
    "footnote": "footnotes moved to the end",
    "footnote continued": "footnotes joined across pages",
    "marker": "footnote markers",
    "hyphen": "line-end hyphens repaired",
    "markup": "markup leftovers",
}
SAMPLES = 3
SAMPLE_CHARS = 60
DIGITS_RE = re.compile(r"\d+")


def _key(text: str) -> str:
    """Samples differ by more than a number: "14832/24 GG/mr 2" is "14832/24 GG/mr 1" again."""
    return DIGITS_RE.sub("#", text[:SAMPLE_CHARS])


@dataclass
class SegmentReport:
    """Counts and samples (the first ``SAMPLES``) of what was removed or moved, per kind."""

    counts: dict[str, int] = field(default_factory=dict)
    samples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, text: str) -> None:
        if kind not in KINDS:
            return
        self.counts[kind] = self.counts.get(kind, 0) + 1
        shown = self.samples.setdefault(kind, [])
        text = " ".join(text.split())
        key = _key if kind in ("header", "page number") else str
        if len(shown) < SAMPLES and key(text) not in {key(s) for s in shown}:
            shown.append(text if len(text) <= SAMPLE_CHARS else text[:SAMPLE_CHARS - 1] + "…")

    def __bool__(self) -> bool:
        return bool(self.counts)

    def as_dict(self) -> dict[str, dict]:
        """``{"header": {"count": 12, "sample": ["LIMITE", …]}, …}`` in display order."""
        return {k: {"count": self.counts[k], "sample": list(self.samples.get(k, []))}
                for k in KINDS if self.counts.get(k)}

    def summary(self) -> str:
        """One line for people: "12 running header/footer lines ('LIMITE'), …" or "nothing"."""
        parts = []
        for kind, info in self.as_dict().items():
            sample = ", ".join(repr(s) for s in info["sample"])
            parts.append(f"{info['count']} {KINDS[kind]} ({sample})" if sample else f"{info['count']} {KINDS[kind]}")
        return "; ".join(parts) if parts else "nothing removed"


class Sink:
    """Where the segmenter declares what it takes out: the ``removed`` list of exact strings
    (for the no-character-lost accounting) and the user's report (with a readable sample)."""

    __slots__ = ("removed", "report")

    def __init__(self, removed: list[str] | None = None, report: SegmentReport | None = None) -> None:
        self.removed, self.report = removed, report

    def __bool__(self) -> bool:
        return self.removed is not None or self.report is not None

    def __call__(self, kind: str, text: str, shown: str | None = None) -> None:
        if self.removed is not None:
            self.removed.append(text)
        if self.report is not None:
            self.report.add(kind, shown if shown is not None else text)

    def note(self, kind: str, text: str) -> None:
        """Report something moved, not removed (a footnote sent to the end)."""
        if self.report is not None:
            self.report.add(kind, text)
