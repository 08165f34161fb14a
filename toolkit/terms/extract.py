"""Bilingual term-pair extraction from aligned documents.

1. candidates on each side of every bead (candidates.py);
2. termhood of the French candidates (termhood.py);
3. for each French candidate, the English candidate of the beads where it occurs that
   best covers its words (wordsim.py: translation table, cognates, acronyms) and nothing
   else, summed over its occurrences;
4. one TermPair per French lemma key, with variants, example, documents.
"""
from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..types import Alignment, Glossary, TermPair
from . import candidates as cand
from .termhood import CandStats, cvalues, select
from .wordsim import WordSim, bundled_lexicon, bundled_phrases, dice

__all__ = ["extract", "entry_id"]

MIN_SCORE = 0.45
MIN_COVER = 0.5  # more than this share of the French words must have an English counterpart


def entry_id(key: str, kind: str) -> str:
    """Stable id from the French lemma key and kind: 't-3f2a9c1b0d4e'."""
    return kind[0] + "-" + hashlib.sha1(f"{kind}\t{key}".encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class _Bead:
    doc: str
    fr: str
    en: str
    fr_toks: list
    en_toks: list
    fr_spans: list
    en_spans: list


def _content_idx(toks) -> list[int]:
    return [k for k, t in enumerate(toks) if t.tag in "NAJRGKM"]


def _english(text: str) -> bool:
    """More English than French function words ("Office of the INTERPOL Special …")."""
    from ..langdata import load_set
    from ..text import tokenize

    words = [w.lower() for w in tokenize(text)]
    en = sum(w in load_set("en", "stopwords.txt") for w in words)
    fr = sum(w in load_set("fr", "stopwords.txt") for w in words)
    return en > fr


def _untranslated(fr: str, en: str) -> bool:
    """The same words on both sides ("New York, NY 10017"): nothing to pair."""
    from ..text import tokenize

    a, b = tokenize(fr), tokenize(en)
    return len(a) >= 2 and a == b


def _read(alignments: list[Alignment]) -> list[_Bead]:
    beads = []
    for al in alignments:
        for fr, en, _b in al.pairs():
            if _english(fr) or _untranslated(fr, en):  # address lines, English left in the French
                fr = ""
            ft, fs = cand.spans(fr, "fr") if fr.strip() else ([], [])
            et, es = cand.spans(en, "en") if en.strip() else ([], [])
            beads.append(_Bead(al.doc, fr, en, ft, et, fs, es))
    return beads


def _stats(beads: list[_Bead]) -> tuple[dict[str, CandStats], dict[str, list], int]:
    stats: dict[str, CandStats] = {}
    occ: dict[str, list] = defaultdict(list)
    ntok = 0
    freq = Counter(s.key for b in beads for s in b.fr_spans)
    for bi, b in enumerate(beads):
        ntok += len(b.fr_toks)
        spans, free = cand.filter_spans(b.fr_toks, b.fr_spans, freq, "fr")
        for s in spans:
            st = stats.get(s.key)
            if st is None:
                st = stats[s.key] = CandStats(s.key, s.content)
            st.freq += 1
            low = s.surface.lower()
            st.forms[low] = st.forms.get(low, 0) + 1
            st.docs.add(b.doc)
            st.kinds[s.kind] = st.kinds.get(s.kind, 0) + (0 if s.initial and s.kind == "name" else 2) + 1
            st.initial += s.initial
            st.free += (s.i, s.j) in free
            occ[s.key].append((bi, s))
    return stats, occ, ntok


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


class _Pairer:
    """Scores English spans of a bead as translations of a French span."""

    def __init__(self, sim: WordSim, phrases: dict[tuple[str, str], float] | None = None):
        self.sim = sim
        self.phrases = phrases or {}
        self._mat: dict[int, tuple] = {}

    def matrix(self, bi: int, b: _Bead):
        """Word units of both sides (token index, part), their similarity matrix
        (shape: French units x English units) and its running row maxima."""
        m = self._mat.get(bi)
        if m is None:
            import numpy as np

            fu = [(x, p) for x in _content_idx(b.fr_toks) for p in _units(b.fr_toks[x].lemma, "fr")]
            eu = [(y, p) for y in _content_idx(b.en_toks) for p in _units(b.en_toks[y].lemma, "en")]
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

    def best(self, bi: int, b: _Bead, s) -> list[tuple[float, object, float]]:
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
            free_e = sum(1 for y, o in enumerate(out_e) if y not in ly and o < 0.3)  # units: "capacity-[building]"
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
        res.sort(key=lambda r: (-r[0], r[1].j - r[1].i))
        return res[:3]


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


def _table(beads: list[_Bead], translation_table) -> list[dict]:
    tables = []
    if translation_table is None:
        try:  # the aligner's IBM-1/Dice table, when it exists
            from ..align import word_translation_table  # type: ignore[attr-defined]
        except ImportError:
            word_translation_table = None
        if word_translation_table is not None:
            try:
                translation_table = word_translation_table([(b.fr, b.en) for b in beads if b.fr and b.en])
            except Exception:  # a stage being written by others must not break extraction
                translation_table = None
    if translation_table:
        tables.append(_lemma_table(translation_table))
    pairs = []
    for b in beads:
        f = [b.fr_toks[k].lemma for k in _content_idx(b.fr_toks)]
        e = [b.en_toks[k].lemma for k in _content_idx(b.en_toks)]
        if f and e:
            pairs.append((f, e))
    if pairs:  # co-occurrence in this input, a little below the lexicon and cognates
        tables.append({f: {e: 0.9 * v for e, v in row.items()} for f, row in dice(pairs).items()})
    return tables


@functools.cache
def _known_fr_keys() -> frozenset[str]:
    return frozenset(f for f, _e in bundled_phrases())


def _head_of_term(beads, first, keep) -> bool:
    """The entry is a noun + a complement that is an entry itself."""
    bi, s = first
    toks = beads[bi].fr_toks[s.i:s.j]
    k = next((n for n, t in enumerate(toks) if t.tag in "PB"), None)
    if k is None or k == 0 or any(t.tag not in "NJ" for t in toks[:1]):
        return False
    rest = [t for t in toks[k + 1:] if t.tag not in "DIS"]
    return len(rest) >= 2 and " ".join(t.lemma for t in rest) in keep


def _shape(fr: str, en: str, kind: str, st) -> float:
    """Confidence in the form of an entry, for ranking only (the score, not the selection):
    coordinations and long phrases are often two terms in one, a lone capitalised word is
    often a fragment, and a lower-case French term with a title-case English side was
    taken out of a name ("développement durable" / "Sustainable Development")."""
    from ..text import tokenize

    f = 1.0
    words = tokenize(fr)
    if any(w.lower() in ("et", "ou") for w in words):
        f *= 0.8
    if len(st.content) >= 4:
        f *= 0.85
    if kind == "name" and len(st.content) == 1:
        f *= 0.8
    if kind == "term" and fr[:1].islower() and _title_like(en) and en[:1].isupper():
        f *= 0.8
    if kind != "acronym" and fr.lower() == en.lower() and " " in fr:
        f *= 0.8  # left untranslated: an address line, an English name
    if st.key in _known_fr_keys():
        f *= 1.1  # a term of UN usage (terms_phrases_fr_en.tsv)
    return f


def _title_like(en: str) -> bool:
    """English names are capitalised: the first word, or most content words ("Position paper
    on global security", "participating States")."""
    from ..langdata import load_set
    from ..text import tokenize

    stop = load_set("en", "stopwords.txt")
    words = [w for w in tokenize(en) if w.lower() not in stop and w.isalpha()]
    return not words or en[:1].isupper() or sum(w[:1].isupper() for w in words) >= 0.5 * len(words)


def _display(counter: Counter) -> str:
    return max(counter.items(), key=lambda kv: (kv[1], kv[0][:1].islower(), kv[0]))[0]


def extract(alignments: list[Alignment], *, min_freq: int = 1, top: int | None = None,
            translation_table=None, min_score: float = MIN_SCORE) -> Glossary:
    """Bilingual glossary of the aligned documents, best entries first.

    ``translation_table``: optional ``{fr_word: {en_word: prob}}`` (lemmas, folded);
    by default the aligner's ``word_translation_table`` when present. ``min_score``:
    entries whose translation score is lower are dropped; ``top``: keep the best n."""
    beads = _read(alignments)
    stats, occ, ntok = _stats(beads)
    if not stats:
        return Glossary()
    cv = cvalues(stats)
    keep = select(stats, cv, "fr", ntok, min_freq)
    pairer = _Pairer(WordSim(*_table(beads, translation_table), lexicon=bundled_lexicon()), bundled_phrases())
    entries = []
    for key, th in keep.items():
        st = stats[key]
        votes: dict[str, float] = defaultdict(float)
        en_surf: dict[str, Counter] = defaultdict(Counter)
        example: dict[str, tuple] = {}
        fr_surf = Counter()
        best_open: dict[str, bool] = {}  # English key -> cut short on the right every time
        best_cov: dict[str, float] = {}  # English key -> best share of French words covered
        for bi, s in occ[key]:
            b = beads[bi]
            fr_surf[s.surface] += 1
            ranked_e = pairer.best(bi, b, s)
            for score, e, cov in ranked_e[:1]:
                best_open[e.key] = best_open.get(e.key, True) and e.open_right
                best_cov[e.key] = max(best_cov.get(e.key, 0.0), cov)
                votes[e.key] += score * score  # a clear translation outweighs two weak ones
                en_surf[e.key][e.surface] += 1
                if e.key not in example or len(b.fr) < len(example[e.key][0]):
                    example[e.key] = (b.fr, b.en)
        if not votes:
            continue
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        ekey, v = ranked[0]
        tscore = (v / st.freq) ** 0.5
        if tscore < min_score:
            continue
        kind = max(st.kinds, key=lambda k: (st.kinds[k], k))
        alts = [k for k, w in ranked[1:] if w >= 0.6 * v and (w / st.freq) ** 0.5 >= min_score]
        if best_cov[ekey] <= MIN_COVER:
            continue  # "programmes durables" / "programmes": half the term has no counterpart
        en = _display(en_surf[ekey])
        if kind == "name" and (not _title_like(en) or best_open[ekey]):
            continue  # "Organisation dans le domaine de …" -> "fields of conflict prevention": no name
        fr = _display(fr_surf)
        if (kind == "term" and fr[:1].islower() and en[:1].isupper() and _title_like(en)
                and key not in _known_fr_keys()):
            continue  # a piece of a name ("violences sexuelles" / "Sexual Violence") unless UN usage
        en_vars = [s for s in en_surf[ekey] if s != en] + [_display(en_surf[k]) for k in alts]
        fr = _display(fr_surf)
        shape = _shape(fr, en, kind, st)
        if _head_of_term(beads, occ[key][0], keep):
            shape *= 0.85  # "lutte contre [la violence domestique]": the complement is the term
        score = round(min(1.0, tscore * th * shape), 4)
        entries.append(TermPair(
            fr=fr, en=en, id=entry_id(key, kind), score=score, freq=st.freq, kind=kind,
            pos="noun" if len(st.content) == 1 and kind == "term" else
                "proper noun" if kind != "term" else "noun phrase",
            fr_variants=tuple(sorted(s for s in fr_surf if s != fr)),
            en_variants=tuple(dict.fromkeys(en_vars)),
            example_fr=example[ekey][0], example_en=example[ekey][1],
            docs=tuple(sorted(st.docs)), status="new", note="",
        ))
    entries.sort(key=lambda e: (-e.score, e.fr))
    if top is not None:
        entries = entries[:top]
    return Glossary(entries=entries)
