"""Pairing: which English span of a bead translates a French candidate, and how well.

Word units of both sides (hyphen parts, English closed compounds) are compared with
``WordSim``; spans are scored by competitive linking (see ``Pairer.best``). Also builds the
word tables used for the comparison (``word_tables``).
"""
from __future__ import annotations

import functools
from collections import defaultdict

from .wordsim import dice

__all__ = ["Pairer", "content_idx", "word_tables", "GAP", "TABLE_MIN_P"]


def content_idx(toks) -> list[int]:
    return [k for k, t in enumerate(toks) if t.tag in "NAJRGKM"]


@functools.lru_cache(maxsize=50_000)
def _units(lemma: str, lang: str) -> tuple[str, ...]:
    """Parts of a word that may translate separately: hyphen parts ("capacity-building",
    "police-public") and, in English, closed compounds ("peacekeeping" -> peace, keeping)."""
    parts = tuple(p for p in lemma.split("-") if p)
    if len(parts) > 1 or lang != "en" or len(lemma) < 9 or not lemma.isalpha():
        return parts or (lemma,)
    from .termhood import _zipf

    best, cut = 0.0, None
    for k in range(4, len(lemma) - 3):
        z = min(_zipf(lemma[:k], "en"), _zipf(lemma[k:], "en"))
        if z > best:
            best, cut = z, k
    return (lemma[:cut], lemma[cut:]) if cut and best >= 3.5 else (lemma,)


GAP = 0.35  # assumed similarity of a word pair left unlinked on both sides
# English prefixes written with a hyphen: parts of a word, not words that may pair up with
# an unlinked French word ("anti-money laundering", "non-governmental"); not "co-", whose
# "co-operation" is one word
BOUND_PREFIXES = frozenset(
    "anti non counter cross ex inter intra mid multi post pre pro re self semi sub super trans ultra".split())


class Pairer:
    """Scores English spans of a bead as translations of a French span."""

    def __init__(self, sim, phrases: dict[tuple[str, str], float] | None = None):
        self.sim = sim
        self.phrases = phrases or {}
        self._mat: dict[int, tuple] = {}

    def matrix(self, bi: int, b):
        """Word units of both sides (token index, part), their similarity matrix
        (shape: French units x English units) and its running row maxima."""
        m = self._mat.get(bi)
        if m is None:
            import numpy as np

            fu = [(x, p) for x in content_idx(b.fr_toks) for p in _units(b.fr_toks[x].lemma, "fr")]
            eu = [(y, p) for y in content_idx(b.en_toks) for p in _units(b.en_toks[y].lemma, "en")]
            M = np.zeros((len(fu), len(eu)))
            for fx, (x, fp) in enumerate(fu):
                fw = b.fr_toks[x].lemma
                for ey, (y, ep) in enumerate(eu):
                    ew = b.en_toks[y].lemma
                    v = self.sim(fw, ew)
                    if fp != fw or ep != ew:
                        v = max(v, self.sim(fp, ep))
                    M[fx, ey] = v
            z = np.zeros((len(fu), 1))
            pre = np.hstack([z, np.maximum.accumulate(M, axis=1)]) if len(eu) else z  # max of M[x, :k]
            suf = np.hstack([np.maximum.accumulate(M[:, ::-1], axis=1)[:, ::-1], z]) if len(eu) else z
            m = self._mat[bi] = (fu, eu, M, pre, suf, [x for x, _p in fu], [y for y, _p in eu])
        return m

    def best(self, bi: int, b, s) -> list[tuple[float, object, float]]:
        """The 3 best English spans: (score, span, share of French words covered)."""
        from bisect import bisect_left

        import numpy as np

        fu, eu, M, pre, suf, ftok, etok = self.matrix(bi, b)
        xa, xb = bisect_left(ftok, s.i), bisect_left(ftok, s.j)
        if xa == xb or not eu:
            return []
        col_in = M[xa:xb].max(axis=0)
        col_out = np.zeros(len(eu))
        if xa:
            col_out = np.maximum(col_out, M[:xa].max(axis=0))
        if xb < len(fu):
            col_out = np.maximum(col_out, M[xb:].max(axis=0))
        nin = xb - xa
        nf = len(b.fr_toks) or 1
        ne = len(b.en_toks) or 1
        pos_f = (s.i + s.j) / 2 / nf
        res = []
        info: dict[int, tuple[set, set]] = {}
        for e in b.en_spans:
            ya, yb = bisect_left(etok, e.i), bisect_left(etok, e.j)
            if ya == yb:
                continue
            toks_in = etok[ya:yb]
            ntok = len(set(toks_in))
            if ntok > 2 * nin + 2:
                continue
            # competitive linking: each unit links to at most one unit of the other side
            sub = M[xa:xb, ya:yb]
            order = np.argsort(-sub, axis=None)
            lx, ly = set(), set()
            fr_cov = 0.0
            en_cov: dict[int, float] = {}
            for flat in order[: sub.size]:
                v = sub.flat[flat]
                if v <= 0:
                    break
                x, y = divmod(int(flat), sub.shape[1])
                if x not in lx and y not in ly:
                    lx.add(x)
                    ly.add(y)
                    fr_cov += v
                    tok = toks_in[y]
                    en_cov[tok] = max(en_cov.get(tok, 0.0), v)
            # words left unlinked on both sides may translate each other ("organismes de
            # police" / "police organizations") unless their match lies elsewhere in the bead
            row_out = np.maximum(pre[xa:xb, ya], suf[xa:xb, yb])
            free_f = sum(1 for x in range(nin) if x not in lx and row_out[x] < 0.5)
            out_e = col_out[ya:yb]
            # units: "capacity-[building]", but a bound prefix translates no French word
            # ("[anti]-money laundering")
            free_e = sum(1 for y, o in enumerate(out_e)
                         if y not in ly and o < 0.3 and eu[ya + y][1] not in BOUND_PREFIXES)
            ngap = min(free_f, free_e)
            gaps = ngap * GAP
            # an English word better explained by a French word outside the span counts against it
            stolen = float(np.clip(out_e - col_in[ya:yb], 0.0, None).sum())
            score = (fr_cov + sum(en_cov.values()) + 2 * gaps - stolen) / (nin + ntok)
            score -= 0.1 * abs(pos_f - (e.i + e.j) / 2 / ne)
            score -= 0.1 * e.open_sides  # "police" cut out of "police organizations"
            known = self.phrases.get((s.key, e.key))
            # share of the French words with a counterpart (a link, or a gap partner)
            cov = 1.0 if known else (sum(1 for x in lx if sub[x].max() >= 0.3) + ngap) / nin
            if known:  # a pair of UN usage (terms_phrases_fr_en.tsv); ties go to word evidence
                score = max(score, 0.5 + 0.5 * known) + 0.01 * score
            if score > 0:
                res.append((float(score), e, cov))
                info[id(e)] = (set(toks_in), {t for t, v in en_cov.items() if v >= 0.3})
        res.sort(key=lambda r: (-r[0], r[1].j - r[1].i))
        fr_coord = any(t.tag == "C" for t in b.fr_toks[s.i:s.j])
        return self._extend(b, s, res, info, fr_coord)[:3]

    def _attributive(self, b, s, y) -> bool:
        """English word y is singular but translates a plural French noun of span s: a noun
        used as a modifier, whose head noun follows ("policiers" / "police [officers]",
        "polices" / "border police [services]")."""
        ew = b.en_toks[y]
        if ew.text.lower() != ew.lemma:
            return False
        return any(t.tag in "NJ" and t.text.lower() != t.lemma and t.text[-1:].lower() in "sx"
                   and self.sim(t.lemma, ew.lemma) >= 0.5 for t in b.fr_toks[s.i:s.j])

    @staticmethod
    def _closes(b, t) -> bool:
        """Token t is a noun and the noun phrase ends with it."""
        toks = b.en_toks
        return toks[t].tag == "N" and (t + 1 >= len(toks) or toks[t + 1].tag not in "NJKAG")

    def _extend(self, b, s, res, info, fr_coord):
        """The maximal English noun phrase around the best span whose extra words are linked
        to French words of the candidate or make a known compound with a word next to them
        ("[law] enforcement capacities", not "enforcement capacities")."""
        if not res:
            return res
        s0, e0, c0 = res[0]
        toks0 = info[id(e0)][0]
        comp = english_compounds()
        best = None
        for r in res[1:]:
            sc, e, cov = r
            if e.i > e0.i or e.j < e0.j or sc < EXTEND_MIN * s0 or cov < c0:
                continue
            extra = b.en_toks[e.i:e0.i] + b.en_toks[e0.j:e.j]
            if b.en_toks[e.i].tag == "G" or (not fr_coord and any(t.tag == "C" for t in extra)):
                continue  # a verb -ing form ("strengthening"), a coordination the French lacks
            toks, linked = info[id(e)]
            ok = True
            for t in toks - toks0:
                if t in linked:
                    continue
                lem = b.en_toks[t].lemma
                prev = b.en_toks[t - 1].lemma if t - 1 in toks else None
                nxt = b.en_toks[t + 1].lemma if t + 1 in toks else None
                if t == e0.j and e.j == t + 1 and self._closes(b, t) and self._attributive(b, s, t - 1):
                    continue  # the head noun that closes the phrase ("police [officers]")
                if not ((prev and (prev, lem) in comp) or (nxt and (lem, nxt) in comp)):
                    ok = False
                    break
            if ok and (best is None or e.j - e.i > best[1].j - best[1].i):
                best = r
        if best is None:
            return res
        return [(s0, best[1], best[2])] + [r for r in res if r is not best]


EXTEND_MIN = 0.75  # a longer English span may replace the best one if it scores this share of it


@functools.cache
def english_compounds() -> frozenset[tuple[str, str]]:
    """English noun compounds of UN language (data/en/terms_compounds.tsv), lemma pairs."""
    from ..langdata import load_tsv

    try:
        return frozenset((a, b) for a, b, _s in load_tsv("en", "terms_compounds.tsv"))
    except (FileNotFoundError, OSError):
        return frozenset()


TABLE_MIN_P = 0.5  # weaker word translation probabilities from a small input are mostly noise


def _lemma_table(table: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """A ``{fr word: {en word: p}}`` table keyed by our folded lemmas ("capacites" ->
    "capacite"), keeping the best probability and only those >= TABLE_MIN_P."""
    from .tagger import lemma

    out: dict[str, dict[str, float]] = defaultdict(dict)
    for f, row in table.items():
        fl = lemma(f, "fr")
        for e, p in row.items():
            if p >= TABLE_MIN_P:
                el = lemma(e, "en")
                out[fl][el] = max(out[fl].get(el, 0.0), float(p))
                out[f].setdefault(e, float(p))
    return dict(out)


def word_tables(beads, translation_table) -> list[dict]:
    tables = []
    if translation_table is None:
        try:  # the aligner's IBM-1/Dice table, when it exists
            from ..align import word_translation_table  # type: ignore[attr-defined]
        except ImportError:
            word_translation_table = None
        if word_translation_table is not None:
            try:
                translation_table = word_translation_table([(b.fr, b.en) for b in beads if b.fr and b.en])
            except ImportError:  # no learnt table in this aligner; any other failure is an error
                translation_table = None
    if translation_table:
        tables.append(_lemma_table(translation_table))
    pairs = []
    for b in beads:
        f = [b.fr_toks[k].lemma for k in content_idx(b.fr_toks)]
        e = [b.en_toks[k].lemma for k in content_idx(b.en_toks)]
        if f and e:
            pairs.append((f, e))
    if pairs:  # co-occurrence in this input, a little below the lexicon and cognates
        tables.append({f: {e: 0.9 * v for e, v in row.items()} for f, row in dice(pairs).items()})
    return tables
