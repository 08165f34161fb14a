"""Typed records that flow through extraction, and that rules check (toolkit.terms.rules).

- ``Occurrence``: one candidate span in one segment, with the segment's tokens;
- ``Candidate``: a French or English candidate's statistics over the corpus (mergeable);
- ``PairChoice``: a French candidate, the English candidate chosen for it and the evidence.

``Candidate.merge`` and ``PairEvidence.merge`` make the per-document statistics a
reduce: documents can be mapped independently and their records summed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Occurrence", "Candidate", "PairEvidence", "PairChoice"]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One candidate occurrence: ``toks[i:j]`` of a segment in language ``lang``."""

    toks: tuple  # the segment's tokens (tagger.Token)
    i: int
    j: int
    key: str  # lemma key, articles dropped: "service de police"
    surface: str
    content: tuple[str, ...]  # content-word lemmas
    kind: str  # term / name / acronym
    lang: str = "fr"
    initial: bool = False  # starts the segment (its capital says nothing)
    open_sides: int = 0  # 0-2: a noun or modifier touches the span on the left/right
    open_right: bool = False  # a capitalised word follows: "European Food Safety [Authority]"
    open_end: bool = False  # a noun or modifier follows: "[designated foreign] national"

    @property
    def tokens(self) -> tuple:
        return self.toks[self.i:self.j]

    def tag(self, k: int) -> str:
        """Tag of token ``k`` of the segment ('' outside it)."""
        return self.toks[k].tag if 0 <= k < len(self.toks) else ""

    def low(self, k: int) -> str:
        """Lower-cased text of token ``k`` of the segment ('' outside it)."""
        return self.toks[k].text.lower() if 0 <= k < len(self.toks) else ""


@dataclass(slots=True)
class Candidate:
    """Corpus statistics of one candidate (by lemma key): a mergeable record."""

    key: str
    content: tuple[str, ...]
    freq: int = 0
    free: int = 0  # occurrences that stand on their own (not only inside a longer phrase)
    initial: int = 0
    postnominal: int = 0  # one-word occurrences right after a noun: read as an adjective
    cut: int = 0  # occurrences cut out of a longer phrase
    defined: int = 0  # occurrences as the term of a definition ("X s'entend de")
    docs: dict = field(default_factory=dict)  # document -> occurrences
    kinds: dict = field(default_factory=dict)  # kind -> weight
    forms: dict = field(default_factory=dict)  # surface -> count
    indep: int = 0  # set by termhood.cvalues()

    def add(self, occ: Occurrence, free: bool, doc: str) -> None:
        """Count one occurrence; a capital at the start of a segment says little, so such an
        occurrence weighs 1 towards "name" and others 3."""
        self.freq += 1
        self.forms[occ.surface] = self.forms.get(occ.surface, 0) + 1
        self.docs[doc] = self.docs.get(doc, 0) + 1
        w = 1 if occ.initial and occ.kind == "name" else 3
        self.kinds[occ.kind] = self.kinds.get(occ.kind, 0) + w
        self.initial += occ.initial
        self.free += free

    def merge(self, other: "Candidate") -> "Candidate":
        """Add the counts of ``other`` (the same key seen in other documents)."""
        for f in ("freq", "free", "initial", "postnominal", "cut", "defined"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        for f in ("docs", "kinds", "forms"):
            mine = getattr(self, f)
            for k, v in getattr(other, f).items():
                mine[k] = mine.get(k, 0) + v
        return self

    @property
    def kind(self) -> str:
        return max(self.kinds, key=lambda k: (self.kinds[k], k)) if self.kinds else "term"

    def word(self) -> str:
        """The most frequent lower-cased form (wordfreq needs accents, not folded lemmas)."""
        low: dict[str, int] = {}
        for f, n in self.forms.items():
            low[f.lower()] = low.get(f.lower(), 0) + n
        return max(low, key=lambda f: (low[f], f)) if low else self.content[0]


@dataclass(slots=True)
class PairEvidence:
    """Word-alignment evidence that French key ``fr`` translates as English key ``en``:
    a mergeable record (summed over occurrences and documents)."""

    fr: str
    en: str
    n: int = 0  # occurrences where this English span was chosen
    score: float = 0.0  # sum of per-occurrence scores
    forms: dict = field(default_factory=dict)  # English surface -> count
    docs: dict = field(default_factory=dict)
    example: tuple = ()  # (rank, fr sentence, en sentence)
    open_right: int = 0  # occurrences cut short on the right by a capitalised word

    def merge(self, other: "PairEvidence") -> "PairEvidence":
        self.n += other.n
        self.score += other.score
        self.open_right += other.open_right
        for f in ("forms", "docs"):
            mine = getattr(self, f)
            for k, v in getattr(other, f).items():
                mine[k] = mine.get(k, 0) + v
        if other.example and (not self.example or other.example < self.example):
            self.example = other.example
        return self


@dataclass(slots=True)
class PairChoice:
    """A French candidate with the English candidate chosen for it, before it becomes an entry."""

    cand: Candidate
    fr: str  # display forms
    en: str
    en_key: str
    kind: str
    translation: float  # mean per-occurrence alignment score of the chosen English
    consistency: float  # share of the paired occurrences that chose it
    termhood: float
    evidence: PairEvidence
    docs: tuple[str, ...] = ()
    factor: float = 1.0  # ranking adjustments
    sense: int = 0  # 0: the main rendering of the French key; 1, 2…: other senses

    @property
    def confidence(self) -> float:
        """How sure the pairing is: alignment score and agreement across occurrences."""
        return self.translation * self.consistency ** 0.5

    @property
    def score(self) -> float:
        """The ranking score: confidence x termhood x ranking factors x evidence, in [0, 1];
        evidence 1 - 0.5/n for n paired occurrences (a pair seen once ranks at half)."""
        evidence = 1.0 - 0.5 / max(1, self.evidence.n)
        return round(min(1.0, self.confidence * self.termhood * self.factor * evidence), 4)
