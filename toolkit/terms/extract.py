"""Bilingual term-pair extraction from aligned documents: a map over documents, a reduce.

map (``read_document``): every bead tagged on both sides, French candidate occurrences
(candidates.py, span rules) counted into mergeable ``Candidate`` records;
reduce: the records summed over documents, termhood (termhood.py: C-value, specificity,
select rules), word alignment trained on all beads (wordalign.py), and for each kept
French candidate the English candidate its words are linked to (pairing.py), summed over
occurrences as ``PairEvidence``; pairs checked by the pairing and ranking rules
(rules_pair.py) become ``TermPair`` entries, one per French key and sense.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from ..types import Alignment, Glossary, TermPair
from . import candidates as cand
from .records import Candidate, PairChoice, PairEvidence

__all__ = ["extract", "run", "Run", "entry_id", "read_document", "DocMap"]

MIN_SCORE = 0.45
OCC_CAP = 40  # occurrences of one key paired per document (consistency needs no more)


def entry_id(key: str, kind: str) -> str:
    """Stable id from the French lemma key and kind: 't-3f2a9c1b0d4e'."""
    return kind[0] + "-" + hashlib.sha1(f"{kind}\t{key}".encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class Bead:
    doc: str
    fr: str
    en: str
    fr_toks: tuple
    en_toks: tuple


@dataclass
class DocMap:
    """What one document contributes: its beads, candidate records, and the occurrences of
    each key (bead index, occurrence), all mergeable across documents."""

    beads: list[Bead] = field(default_factory=list)
    stats: dict[str, Candidate] = field(default_factory=dict)
    occ: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    ntok: int = 0


def read_document(al: Alignment) -> DocMap:
    """The map step for one aligned document."""
    from .rules import fires
    from .tagger import tag_segments

    d = DocMap()
    seen = []
    for fr, en, b in al.pairs():
        if not fr.strip():
            continue  # a French segment without English still counts for termhood (a definition)
        ft = tag_segments([al.fr[i].text for i in b.fr_ids], "fr")
        et = tag_segments([al.en[i].text for i in b.en_ids], "en")
        bead = Bead(al.doc, fr, en, ft, et)
        if fires("untranslated", bead):
            continue
        _toks, found = cand.spans(fr, "fr", ft)
        d.beads.append(bead)
        seen.append(found)
    freq: dict[str, int] = defaultdict(int)
    for found in seen:
        for s in found:
            freq[s.key] += 1
    for bi, found in enumerate(seen):
        toks = d.beads[bi].fr_toks
        d.ntok += len(toks)
        spans, free = cand.filter_spans(toks, found, freq, "fr")
        defined = _defined_spans(spans)
        for s in spans:
            st = d.stats.get(s.key)
            if st is None:
                st = d.stats[s.key] = Candidate(s.key, s.content)
            st.add(s, (s.i, s.j) in free, al.doc)
            st.cut += _cut(toks, found, s)
            st.defined += id(s) in defined
            st.postnominal += s.j - s.i == 1 and s.i > 0 and toks[s.i - 1].tag in "NJK"
            d.occ[s.key].append((bi, s))
    return d


def _defined_spans(spans) -> set:
    """The terms definitions define: per start, the longest candidate right before a
    definition marker (data/fr/terms_definition_markers.txt) or laid out as a definition
    list does it."""
    from .rules import fires

    best: dict[int, object] = {}
    for s in spans:
        b = best.get(s.i)
        if (b is None or s.j - s.i > b.j - b.i) and (fires("defined_term_marker", s) or fires("definition_layout", s)):
            best[s.i] = s
    return {id(s) for s in best.values()}


def _marker_at(toks) -> int | None:
    from ..langdata import load_lines

    low = [t.text.lower() for t in toks]
    for line in load_lines("fr", "terms_definition_markers.txt"):
        words = line.split()
        for k in range(1, len(low) - len(words) + 1):
            if low[k:k + len(words)] == words:
                return k
    return None


def _cut(toks, found, s) -> bool:
    """The occurrence is cut out of a longer phrase: a candidate goes on past it with a
    complement, or it is the second half of a bare coordination."""
    if s.j < len(toks) and toks[s.j].tag in "PB" and any(o.i == s.i and o.j > s.j + 1 for o in found):
        return True
    return s.i >= 2 and toks[s.i - 1].tag in "PB" and toks[s.i - 2].tag == "C"


def _reduce(maps: list[DocMap]) -> DocMap:
    out = DocMap()
    for d in maps:
        off = len(out.beads)
        out.beads += d.beads
        out.ntok += d.ntok
        for k, st in d.stats.items():
            mine = out.stats.get(k)
            out.stats[k] = st if mine is None else mine.merge(st)
        for k, lst in d.occ.items():
            out.occ[k] += [(bi + off, s) for bi, s in lst]
    return out


def _example_rank(text: str) -> tuple:
    """A sentence of readable length first (not a heading in capitals), then the shortest."""
    letters = [c for c in text if c.isalpha()]
    shouting = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
    return (shouting or not 40 <= len(text) <= 300, len(text))


def _display(counter: dict) -> str:
    return max(counter.items(), key=lambda kv: (kv[1], kv[0][:1].islower(), kv[0]))[0]


def _caps_of(variant: str, form: str) -> bool:
    """'NATIONS UNIES' is 'Nations Unies' in a heading, not a variant worth listing."""
    return variant.isupper() and variant.lower() == form.lower() and not form.isupper()


def _pair_all(red: DocMap, keep: dict[str, float], model) -> dict[str, dict[str, PairEvidence]]:
    """Evidence per French key and English key, from the capped occurrences of each key."""
    from .pairing import BeadPairer

    ev: dict[str, dict[str, PairEvidence]] = defaultdict(dict)
    by_bead: dict[int, list] = defaultdict(list)
    for key in keep:
        per_doc: dict[str, int] = defaultdict(int)
        for bi, s in red.occ[key]:
            doc = red.beads[bi].doc
            if per_doc[doc] < OCC_CAP:
                per_doc[doc] += 1
                by_bead[bi].append(s)
    for bi in sorted(by_bead):
        b = red.beads[bi]
        bp = BeadPairer(b, model)
        rank = _example_rank(b.fr)
        for s in by_bead[bi]:
            got = bp.best(s)
            if got is None:
                continue
            e, score = got
            pe = ev[s.key].get(e.key)
            if pe is None:
                pe = ev[s.key][e.key] = PairEvidence(s.key, e.key)
            pe.n += 1
            pe.score += score
            pe.open_right += e.open_right
            pe.forms[e.surface] = pe.forms.get(e.surface, 0) + 1
            pe.docs[b.doc] = pe.docs.get(b.doc, 0) + 1
            if not pe.example or rank < pe.example[0]:
                pe.example = (rank, b.fr, b.en)
    return ev


def _senses(st: Candidate, evs: dict[str, PairEvidence]) -> list[PairEvidence]:
    """The English renderings to keep for one French key: the best one, and another one that
    is the main rendering in other documents (a second sense, kept apart)."""
    ranked = sorted(evs.values(), key=lambda p: (-p.score, p.en))
    best = ranked[0]
    out = [best]
    for p in ranked[1:]:
        own = [d for d, n in p.docs.items() if n > best.docs.get(d, 0)]
        if p.n >= 2 and own and not any(d in best.docs for d in own) and p.score / p.n >= 0.5:
            out.append(p)
    return out


@dataclass
class Run:
    """Every stage's output of one extraction (what ``extract`` builds its glossary from;
    benchmarks/terms.py --missed reads it to say where a reference pair was lost)."""

    red: DocMap
    cv: dict[str, float] = field(default_factory=dict)
    keep: dict[str, float] = field(default_factory=dict)
    model: object = None
    ev: dict[str, dict[str, PairEvidence]] = field(default_factory=dict)
    choices: list[PairChoice] = field(default_factory=list)  # pairs kept by the pairing rules
    dropped: list[PairChoice] = field(default_factory=list)  # pairs a pairing rule dropped
    entries: list[TermPair] = field(default_factory=list)


def run(alignments: list[Alignment], *, min_freq: int = 1, translation_table=None,
        min_score: float = MIN_SCORE) -> Run:
    """All stages of :func:`extract`, their intermediate records kept."""
    from . import rules_pair as RP
    from .termhood import cvalues, select
    from .wordalign import train

    r = Run(_reduce([read_document(al) for al in alignments]))
    red = r.red
    if not red.stats:
        return r
    r.cv = cvalues(red.stats)
    r.keep = keep = select(red.stats, r.cv, "fr", red.ntok, min_freq)
    r.model = model = train(red.beads, extra=translation_table)
    r.ev = ev = _pair_all(red, keep, model)
    for key, th in keep.items():
        st = red.stats[key]
        evs = ev.get(key)
        if not evs:
            continue
        paired = sum(p.n for p in evs.values())
        for sense, pe in enumerate(_senses(st, evs)):
            en = _display(pe.forms)
            fr = _display(st.forms)
            ch = PairChoice(st, fr, en, pe.en, st.kind, pe.score / pe.n, pe.n / paired, th, pe,
                            docs=tuple(sorted(pe.docs)), sense=sense)
            if RP.dropped(ch):
                r.dropped.append(ch)
                continue
            ch.factor = RP.ranking_factor(ch)
            r.choices.append(ch)
    r.entries = [_entry(ch) for ch in r.choices if ch.confidence >= min_score]
    r.entries.sort(key=lambda e: (-e.score, e.fr))
    return r


def extract(alignments: list[Alignment], *, min_freq: int = 1, top: int | None = None,
            translation_table=None, min_score: float = MIN_SCORE) -> Glossary:
    """Bilingual glossary of the aligned documents, best entries first.

    ``min_freq``: candidates seen fewer times are left out, unless they are the term of a
    definition (rule ``defined_term``). ``translation_table``: optional ``{fr_word: {en_word: p}}`` added to the
    seed of the word alignment. ``min_score``: pairs whose alignment confidence (alignment
    score x sqrt(agreement across occurrences)) is lower are dropped; entries are ranked by
    confidence x termhood; ``top``: keep the best n."""
    entries = run(alignments, min_freq=min_freq, translation_table=translation_table,
                  min_score=min_score).entries
    if top is not None:
        entries = entries[:top]
    return Glossary(entries=entries)


def _entry(ch: PairChoice) -> TermPair:
    st, pe = ch.cand, ch.evidence
    key = st.key if ch.sense == 0 else f"{st.key}\t{ch.en_key}"
    n_content = len(st.content)
    return TermPair(
        fr=ch.fr, en=ch.en, id=entry_id(key, ch.kind), score=ch.score, freq=st.freq, kind=ch.kind,
        pos="noun" if n_content == 1 and ch.kind == "term" else
            "proper noun" if ch.kind != "term" else "noun phrase",
        fr_variants=tuple(sorted(s for s in st.forms if s != ch.fr and not _caps_of(s, ch.fr))),
        en_variants=tuple(sorted(s for s in pe.forms if s != ch.en and not _caps_of(s, ch.en))),
        example_fr=pe.example[1] if pe.example else "", example_en=pe.example[2] if pe.example else "",
        docs=ch.docs, status="new", note="",
    )
