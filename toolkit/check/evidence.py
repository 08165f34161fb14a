"""What the build's aligned corpus says about a term: how its French was rendered.

For an entry, every corpus pair (``termkit.db``) whose French holds the term is read: when
its English has none of the accepted forms (``terms.TermIndex``), the English words that
share a stem with the entry's English (``policing`` for "policing activities", ``law
enforcement`` for "law enforcement agencies") are a *rendering seen in the corpus*,
accepted by ``check`` like a variant. An occurrence with no such word is *unexplained*:
the sentence pair itself is then a rendering seen in the corpus (a QA tool skips a 100%
match of its reference memory), and a term the corpus leaves unexplained in most of its
occurrences is reported as a note (exit code 0), not an issue.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..lookup.match import find_spans, fts_query
from ..words.forms import is_stopword
from .terms import Renderer, TermIndex, keys

__all__ = ["CorpusEvidence", "TermEvidence", "STEM", "same_text"]

STEM = 5  # letters two words share to count as the same stem (police/policing, capacity/capacities)
_MAX_PAIRS = 5000  # corpus sentences read per term (or per sentence pair looked for) at most
_PHRASE_WORDS = 8  # first words of a French sentence looked for as an FTS phrase


@dataclass
class TermEvidence:
    """How the corpus renders one term: occurrences, those unexplained, renderings seen."""

    occurrences: int = 0
    unexplained: int = 0
    seen: list[tuple[str, ...]] = field(default_factory=list)

    def loose(self) -> bool:
        """The corpus renders the term unrecognisably in half its occurrences or more."""
        return self.occurrences > 0 and 2 * self.unexplained >= self.occurrences


class CorpusEvidence:
    """Renderings of checked terms in a build's lookup index, computed once per term."""

    def __init__(self, db: str | Path):
        from ..lookup import Lookup

        self.lookup = Lookup(db)
        self.cache: dict[tuple[str, ...], TermEvidence] = {}
        self._english: dict[int, Renderer] = {}

    def close(self) -> None:
        """Close the lookup index."""
        self.lookup.close()

    def of(self, index: TermIndex, tw: tuple[str, ...]) -> TermEvidence:
        """The corpus evidence for the checked term ``tw`` (computed on first request)."""
        ev = self.cache.get(tw)
        if ev is not None:
            return ev
        ev = self.cache[tw] = TermEvidence()
        label, ens = index.terms[tw]
        stems = {w[:STEM] for x in ens for w in keys(x) if len(w) >= 3 and not is_stopword(w, "en")}
        for pid, fr, en in self._pairs(index.fr_forms[tw]):
            if not find_spans(fr, tw, "fr"):
                continue
            ev.occurrences += 1
            r = self._english.get(pid)
            if r is None:
                r = self._english[pid] = Renderer(en)
            if index.rendered(tw, r):
                continue
            run = _related_run(r, stems)
            if run:
                if run not in ev.seen:
                    ev.seen.append(run)
            else:
                ev.unexplained += 1
        return ev

    def has_pair(self, fr: str, en: str) -> bool:
        """The sentence pair is in the corpus as it is (spaces and case aside): the corpus
        pairs holding the French sentence's first words as a phrase (FTS5), compared whole,
        so a large build is never read in full."""
        import re

        from ..lookup.index import fts_text

        toks = re.findall(r"[^\W_]+", fts_text(fr))[:_PHRASE_WORDS]
        if not toks:
            return False
        want = (same_text(fr), same_text(en))
        con = self.lookup.con
        ids = [r[0] for r in con.execute("SELECT rowid FROM pairs_fts WHERE pairs_fts MATCH ? LIMIT ?",
                                         (f'fr : ("{" ".join(toks)}")', _MAX_PAIRS))]
        for k in range(0, len(ids), 500):
            chunk = ids[k:k + 500]
            for a, b in con.execute(f"SELECT fr, en FROM pairs WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                if (same_text(a), same_text(b)) == want:
                    return True
        return False

    def _pairs(self, forms: list[str]):
        expr = fts_query(forms, "fr")
        if not expr:
            return []
        con = self.lookup.con
        ids = [r[0] for r in con.execute("SELECT rowid FROM pairs_fts WHERE pairs_fts MATCH ? LIMIT ?",
                                         (f"fr : ({expr})", _MAX_PAIRS))]
        out = []
        for k in range(0, len(ids), 500):
            chunk = ids[k:k + 500]
            out += con.execute(f"SELECT id, fr, en FROM pairs WHERE id IN ({','.join('?' * len(chunk))})",
                               chunk).fetchall()
        return out

    def seen_rendering(self, index: TermIndex, tw: tuple[str, ...], en: Renderer) -> bool:
        """The English holds a rendering of ``tw`` seen in the corpus."""
        return any(en.has(run) for run in self.of(index, tw).seen)


def same_text(text: str) -> str:
    """A sentence as compared with the corpus: spaces and case do not count."""
    return " ".join(text.split()).casefold()


def _related_run(r: Renderer, stems: set[str]) -> tuple[str, ...]:
    """The longest run of English words sharing a stem with the entry's English (function
    words inside a run are kept), as keys."""
    best: list[str] = []
    cur: list[str] = []
    pending: list[str] = []
    for w in r.words:
        k = w.key
        if len(k) >= 3 and k[:STEM] in stems:
            cur += pending + [k]
            pending = []
        elif cur and is_stopword(k, "en") and len(pending) < 2:
            pending.append(k)
        else:
            if len(cur) > len(best):
                best = cur
            cur, pending = [], []
    if len(cur) > len(best):
        best = cur
    return tuple(best)
