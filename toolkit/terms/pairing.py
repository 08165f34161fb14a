"""Pairing by phrase extraction: the English candidate of a bead that the French candidate's
words are linked to (wordalign.py), as statistical MT extracts phrase pairs consistent
with the word alignment.

For a French occurrence, every English candidate span of the bead near its linked words is
scored by how much of each side is linked inside the pair, against links that leave it
(an inconsistent pair), words unlinked on both sides counting as a weak match:

    score = (linked French + linked English + GAP * 2 * min(unlinked French, unlinked English)
             - links leaving the pair) / (French content words + English content words)
            * (0.5 + 0.5 * mean link strength)
"""
from __future__ import annotations

from .wordalign import CONTENT

__all__ = ["BeadPairer", "GAP", "SLACK"]

GAP = 0.35  # words unlinked on both sides may translate each other, weakly
SLACK = 3  # English spans may start this many tokens before the first linked word
OPEN_END = 0.3  # score taken from an English span that a noun continues


class BeadPairer:
    """Pairs French occurrences of one bead with English candidate spans."""

    def __init__(self, bead, model):
        self.b = bead
        self.links = model.links(bead.fr_toks, bead.en_toks)
        self.by_start: dict[int, list] = {}  # English spans by start index, computed on demand
        self.en_content = [t.tag in CONTENT for t in bead.en_toks]
        self._finder = None

    def _starting(self, k: int) -> list:
        got = self.by_start.get(k)
        if got is None:
            if self._finder is None:
                from .candidates import SpanFinder

                self._finder = SpanFinder(self.b.en, "en", self.b.en_toks)
            got = self.by_start[k] = self._finder.at(k)
        return got

    def best(self, s):
        """(English occurrence, score) for French occurrence ``s``, or None without links."""
        fe = self.links.fe
        fr_c = [k for k in range(s.i, s.j) if s.toks[k].tag in CONTENT]
        if not fr_c:
            return None
        linked = sorted({y for x in fr_c for y in fe.get(x, ())})
        if not linked:
            return None
        lo, hi = linked[0], linked[-1]
        best = None
        for start in range(max(0, lo - SLACK), hi + 1):
            for e in self._starting(start):
                if e.j <= lo or e.j > hi + SLACK + 1:
                    continue
                sc = self._score(s, fr_c, e)
                if sc > 0 and (best is None or sc > best[1] + 1e-9 or
                               (abs(sc - best[1]) <= 1e-9 and e.j - e.i < best[0].j - best[0].i)):
                    best = (e, sc)
        return best

    def _score(self, s, fr_c, e) -> float:
        fe, ef = self.links.fe, self.links.ef
        en_c = [k for k in range(e.i, e.j) if self.en_content[k]]
        if not en_c:
            return 0.0
        f_in = f_free = out = 0
        strength = []
        for x in fr_c:
            ys = fe.get(x)
            if not ys:
                f_free += 1
                continue
            inside = [v for y, v in ys.items() if e.i <= y < e.j]
            if inside:
                f_in += 1
                strength.append(max(inside))
            else:
                out += 1
        e_in = e_free = 0
        for y in en_c:
            xs = ef.get(y)
            if not xs:
                e_free += 1
            elif any(s.i <= x < s.j for x in xs):
                e_in += 1
            else:
                out += 1
        if not f_in:
            return 0.0
        gap = 2 * GAP * min(f_free, e_free)
        score = (f_in + e_in + gap - out) / (len(fr_c) + len(en_c))
        mean = sum(strength) / len(strength)
        # a span followed by a noun that translates nothing outside the French cuts a
        # compound short ("[designated foreign] national"); a modifier left before it costs
        # less ("new [customs information]")
        cut = e.open_end and not any(not s.i <= x < s.j for x in ef.get(e.j, ()))
        return max(0.0, score * (0.5 + 0.5 * mean) - 0.1 * (e.open_sides - e.open_end) - OPEN_END * cut)
