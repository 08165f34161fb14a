"""Word alignment inside aligned beads, for pairing terms as statistical MT pairs phrases.

1. IBM model 1 in both directions (``toolkit.words.ibm1``: NULL word, token counts) over the
   content words of every bead of the corpus, seeded with the bundled UN lexicon, identical
   words, cognates and the acronym table as prior counts;
2. per bead, posteriors of each direction with a diagonal preference (fast_align's
   tension), links where a word's best partner beats NULL;
3. symmetrised by grow-diag-final (Koehn et al. 2003): the intersection, grown to
   neighbouring links of the union, then union links of words still unaligned.

``Links`` of a bead are token-index pairs (French token, English token) with a strength.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["WordModel", "Links", "train", "CONTENT"]

CONTENT = frozenset("NAJRGKMV")  # tags of the words that are aligned
TENSION = 4.0  # diagonal preference: exp(-TENSION * |i/m - j/n|)
PRIOR_WEIGHT = 2.0  # pseudo-counts of the seed lexicon
NULL_P = 0.2  # prior weight of the NULL word against the words of the sentence


@dataclass(slots=True)
class Links:
    """Symmetrised links of one bead: French token index -> English token indices (and back),
    with the link strength (mean of the two directions' posteriors)."""

    fe: dict[int, dict[int, float]]
    ef: dict[int, set[int]]


@dataclass
class WordModel:
    fe: object  # IBM1 t(en | fr)
    ef: object  # IBM1 t(fr | en)

    def links(self, fr_toks, en_toks) -> Links:
        """Symmetrised word links between the content tokens of one bead."""
        fx = [k for k, t in enumerate(fr_toks) if t.tag in CONTENT]
        ex = [k for k, t in enumerate(en_toks) if t.tag in CONTENT]
        if not fx or not ex:
            return Links({}, {})
        fi = self.fe.ids([fr_toks[k].lemma for k in fx])
        ei = self.fe.ids([en_toks[k].lemma for k in ex], "tgt")
        m, n = len(fx), len(ex)
        pos_f = (np.arange(m) + 0.5) / m
        pos_e = (np.arange(n) + 0.5) / n
        diag = np.exp(-TENSION * np.abs(pos_f[:, None] - pos_e[None, :]))
        t_fe = self.fe.matrix(fi, ei) * diag  # m x n
        null_e = self.fe.null_row(ei) * NULL_P
        p_fe = t_fe / np.maximum(t_fe.sum(axis=0) + null_e, 1e-12)  # P(fr i | en j)
        fi2 = self.ef.ids([en_toks[k].lemma for k in ex])
        ei2 = self.ef.ids([fr_toks[k].lemma for k in fx], "tgt")
        t_ef = self.ef.matrix(fi2, ei2).T * diag  # m x n
        null_f = self.ef.null_row(ei2) * NULL_P
        p_ef = t_ef / np.maximum(t_ef.sum(axis=1) + null_f, 1e-12)[:, None]  # P(en j | fr i)
        a1 = _best(p_fe, axis=0, null=null_e / np.maximum(t_fe.sum(axis=0) + null_e, 1e-12))
        a2 = _best(p_ef, axis=1, null=null_f / np.maximum(t_ef.sum(axis=1) + null_f, 1e-12))
        links = _grow_diag_final(a1, a2, m, n)
        strength = (p_fe + p_ef) / 2
        fe: dict[int, dict[int, float]] = {}
        ef: dict[int, set[int]] = {}
        for i, j in links:
            fe.setdefault(fx[i], {})[ex[j]] = float(strength[i, j])
            ef.setdefault(ex[j], set()).add(fx[i])
        return Links(fe, ef)


def _best(p: np.ndarray, axis: int, null: np.ndarray) -> set[tuple[int, int]]:
    """Each word's most probable partner (along ``axis``) when it beats NULL."""
    out = set()
    if axis == 0:  # for each English j, the best French i
        best = p.argmax(axis=0)
        for j, i in enumerate(best.tolist()):
            if p[i, j] > null[j] and p[i, j] > 0:
                out.add((i, j))
    else:
        best = p.argmax(axis=1)
        for i, j in enumerate(best.tolist()):
            if p[i, j] > null[i] and p[i, j] > 0:
                out.add((i, j))
    return out


_NEIGHBOURS = ((-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1))


def _grow_diag_final(a1: set, a2: set, m: int, n: int) -> set[tuple[int, int]]:
    links = a1 & a2
    union = a1 | a2
    fa = {i for i, _ in links}
    ea = {j for _, j in links}
    grown = True
    while grown:
        grown = False
        for i, j in sorted(links):
            for di, dj in _NEIGHBOURS:
                p = (i + di, j + dj)
                if p in union and p not in links and (p[0] not in fa or p[1] not in ea):
                    links.add(p)
                    fa.add(p[0])
                    ea.add(p[1])
                    grown = True
    for p in sorted(union - links):  # final: words still unaligned
        if p[0] not in fa or p[1] not in ea:
            links.add(p)
            fa.add(p[0])
            ea.add(p[1])
    return links


def _seed(fr_vocab, en_vocab, forms_fr, forms_en) -> dict[str, dict[str, float]]:
    """Prior t(en | fr) on lemma keys: the bundled lexicon (through each lemma's norm keys),
    identical words, cognates and acronym pairs."""
    from ..words.cognate import cognates
    from ..words.lexicons import lexicon
    from ..words.acronyms import acronym_pairs

    lex = lexicon()
    by_norm_en: dict[str, list[str]] = {}
    for e, norms in forms_en.items():
        for nk in norms:
            by_norm_en.setdefault(nk, []).append(e)
    prior: dict[str, dict[str, float]] = {}
    for f, norms in forms_fr.items():
        row: dict[str, float] = {}
        for nk in norms:
            for ek, p in (lex.get(nk) or {}).items():
                for e in by_norm_en.get(ek, ()):
                    row[e] = max(row.get(e, 0.0), p)
        if f in en_vocab:
            row[f] = 1.0
        if row:
            prior[f] = row
    for f, row in cognates(fr_vocab, en_vocab, cutoff=0.8, endings=True).items():
        for e, s in row.items():
            prior.setdefault(f, {})[e] = max(prior.get(f, {}).get(e, 0.0), s)
    for f, e in acronym_pairs():
        if f in fr_vocab and e in en_vocab:
            prior.setdefault(f, {})[e] = 1.0
    return prior


def train(beads, iterations: int = 5, extra: dict | None = None) -> WordModel:
    """Both IBM-1 directions over the content tokens of ``beads`` (objects with ``fr_toks``
    and ``en_toks``), seeded as described in the module docstring; ``extra``: a user's
    ``{fr word: {en word: p}}`` added to the seed (keys folded, as words or lemmas)."""
    from ..words.ibm import train_ibm1
    from ..words.tokenize import norm_key

    pairs = []
    forms_fr: dict[str, set[str]] = {}
    forms_en: dict[str, set[str]] = {}
    for b in beads:
        f = [t.lemma for t in b.fr_toks if t.tag in CONTENT]
        e = [t.lemma for t in b.en_toks if t.tag in CONTENT]
        if f and e:
            pairs.append((f, e))
            for t in b.fr_toks:
                if t.tag in CONTENT:
                    forms_fr.setdefault(t.lemma, set()).add(norm_key(t.text))
            for t in b.en_toks:
                if t.tag in CONTENT:
                    forms_en.setdefault(t.lemma, set()).add(norm_key(t.text))
    prior = _seed(set(forms_fr), set(forms_en), forms_fr, forms_en)
    for f, row in (extra or {}).items():
        f = norm_key(f) if f not in forms_fr else f
        for fl in [x for x, ns in forms_fr.items() if x == f or f in ns]:
            for e, p in row.items():
                for el in [x for x, ns in forms_en.items() if x == e or norm_key(e) in ns]:
                    prior.setdefault(fl, {})[el] = max(prior.get(fl, {}).get(el, 0.0), float(p))
    inv: dict[str, dict[str, float]] = {}
    for f, row in prior.items():
        for e, p in row.items():
            inv.setdefault(e, {})[f] = p
    fe = train_ibm1(pairs, iterations, null=True, token_counts=True, prior=prior, prior_weight=PRIOR_WEIGHT)
    ef = train_ibm1([(e, f) for f, e in pairs], iterations, null=True, token_counts=True, prior=inv,
                    prior_weight=PRIOR_WEIGHT)
    return WordModel(fe, ef)

