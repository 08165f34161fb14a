"""Shared data types that flow between the pipeline stages.

segment -> list[Segment]; align -> list[Bead] (indices into two Segment lists);
terms -> Glossary of TermPair; formats read and write them. No stage needs another
stage's internals, only these types.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

__all__ = [
    "Segment",
    "Bead",
    "Alignment",
    "TermPair",
    "Glossary",
    "SEGMENT_KINDS",
    "TERM_KINDS",
    "STATUSES",
    "BEAD_MARKS",
    "LEFT_OUT_MARKS",
]

# What a segment is (CONVENTIONS.md §1-5).
SEGMENT_KINDS = ("sentence", "heading", "item", "footnote")
TERM_KINDS = ("term", "name", "acronym")
STATUSES = ("new", "approved", "rejected")
# A bead's review mark: "" (as aligned), "low" (under the --min-score threshold), "wrong" (a
# person says the sides do not correspond), "edited" (a person set its links), "ok" (a person
# confirmed it). Beads marked LEFT_OUT_MARKS stay in the TSV (marked) but not in the TMX.
BEAD_MARKS = ("", "low", "wrong", "edited", "ok")
LEFT_OUT_MARKS = ("low", "wrong")


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence, heading, list item or footnote.

    ``start``/``end`` are character offsets of the span the segment was taken from in
    the decoded source text (repairs such as joined lines make ``text`` differ from
    ``source[start:end]``). ``para`` numbers the source block (paragraph) it came from.
    """

    text: str
    kind: str = "sentence"
    para: int = 0
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Bead:
    """An alignment bead: French segment indices, English segment indices, confidence.

    An empty tuple on one side is an omission (1-0 or 0-1 bead). ``score`` is in [0, 1].
    ``mark`` is its review mark (``BEAD_MARKS``).
    """

    fr_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    score: float = 0.0
    mark: str = ""

    @property
    def kind(self) -> str:
        return f"{len(self.fr_ids)}-{len(self.en_ids)}"

    def links(self) -> str:
        """Bertalign/Vecalign notation: ``[1,2]:[3]``."""
        return "[{}]:[{}]".format(
            ",".join(map(str, self.fr_ids)), ",".join(map(str, self.en_ids))
        )


@dataclass(slots=True)
class Alignment:
    """A document pair after alignment: both segment lists and the beads between them."""

    doc: str
    fr: list[Segment]
    en: list[Segment]
    beads: list[Bead]

    def pairs(self) -> Iterator[tuple[str, str, Bead]]:
        """Yield (french text, english text, bead); n-m beads are joined with a space."""
        for b in self.beads:
            yield (
                " ".join(self.fr[i].text for i in b.fr_ids),
                " ".join(self.en[i].text for i in b.en_ids),
                b,
            )


@dataclass(frozen=True, slots=True)
class TermPair:
    """A glossary entry: a French term, its English equivalent and what supports it.

    ``id`` is stable across runs so that a re-run can merge into a curated glossary.
    ``stale`` marks an entry no longer found in the corpus (kept, never deleted).
    """

    fr: str
    en: str
    id: str = ""
    score: float = 0.0
    freq: int = 0
    kind: str = "term"
    pos: str = ""
    fr_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    example_fr: str = ""
    example_en: str = ""
    docs: tuple[str, ...] = ()
    status: str = "new"
    note: str = ""
    stale: bool = False

    def with_(self, **changes) -> "TermPair":
        return replace(self, **changes)


@dataclass(slots=True)
class Glossary:
    """An ordered collection of TermPair entries for one language pair."""

    entries: list[TermPair] = field(default_factory=list)
    src_lang: str = "fr"
    tgt_lang: str = "en"
    title: str = "termkit glossary"

    def __iter__(self) -> Iterator[TermPair]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def extend(self, entries: Iterable[TermPair]) -> None:
        self.entries.extend(entries)

    def to_frame(self):
        """The entries as a pandas DataFrame (one row per entry)."""
        import pandas as pd  # pandas stays at the edges

        from dataclasses import asdict

        rows = []
        for e in self.entries:
            d = asdict(e)
            for k in ("fr_variants", "en_variants", "docs"):
                d[k] = " | ".join(d[k])
            rows.append(d)
        columns = [f.name for f in TermPair.__dataclass_fields__.values()]
        return pd.DataFrame(rows, columns=columns)
