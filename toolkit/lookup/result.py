"""What a lookup returns: glossary hits and bilingual concordance lines."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..types import TermPair

__all__ = ["GlossaryHit", "ConcordanceHit", "LookupResult", "MATCH_KINDS"]

MATCH_KINDS = ("exact", "lemma", "fuzzy")


@dataclass(frozen=True, slots=True)
class GlossaryHit:
    """A glossary entry found for the query; ``direction`` is the side the query matched."""

    entry: TermPair
    match: str  # exact | lemma | fuzzy
    score: float  # 0-100; exact 100, lemma 96, fuzzy below 95
    direction: str  # fr | en
    matched: str = ""  # the term or variant that matched

    @property
    def source(self) -> str:
        """The entry's form in the query's language."""
        return self.entry.fr if self.direction == "fr" else self.entry.en

    @property
    def target(self) -> str:
        """The entry's form in the other language."""
        return self.entry.en if self.direction == "fr" else self.entry.fr


@dataclass(frozen=True, slots=True)
class ConcordanceHit:
    """An aligned sentence pair where the term occurs; spans are (start, end) offsets."""

    fr: str
    en: str
    doc: str
    score: float
    fr_spans: tuple[tuple[int, int], ...] = ()
    en_spans: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class LookupResult:
    """A lookup's answer: glossary hits best first, example pairs, and how they were found."""

    query: str
    lang: str  # the language the query was searched in: fr, en or auto
    glossary: list[GlossaryHit] = field(default_factory=list)
    concordance: list[ConcordanceHit] = field(default_factory=list)
    seconds: float = 0.0
    context: bool = True  # False: the concordance was not asked for (--no-context)
    examples: str = ""  # how the examples matched: phrase | near | words (examples.STEPS); "" none
    corrected: str = ""  # the typo-corrected query the examples were found with, if any

    def to_dict(self) -> dict:
        """JSON-ready: tuples become lists; each glossary hit carries its entry's fields."""
        return {
            "query": self.query,
            "lang": self.lang,
            "glossary": [
                {"match": h.match, "score": round(h.score, 1), "direction": h.direction, "matched": h.matched,
                 "entry": _entry_dict(h.entry)}
                for h in self.glossary
            ],
            "concordance": [
                {"fr": c.fr, "en": c.en, "doc": c.doc, "score": round(c.score, 3),
                 "fr_spans": [list(s) for s in c.fr_spans], "en_spans": [list(s) for s in c.en_spans]}
                for c in self.concordance
            ],
            "examples_match": self.examples,
            "corrected": self.corrected,
            "seconds": round(self.seconds, 4),
        }


def _entry_dict(e: TermPair) -> dict:
    d = asdict(e)
    for k in ("fr_variants", "en_variants", "docs"):
        d[k] = list(d[k])
    return d
