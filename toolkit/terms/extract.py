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
from .pairing import Pairer, word_tables
from .termhood import CandStats, _zipf, cvalues, select
from .wordsim import WordSim, bundled_lexicon, bundled_phrases

__all__ = ["extract", "entry_id"]

MIN_SCORE = 0.45
COMMON_ZIPF = 4.0  # a French phrase rendered by one English word this common is no term
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
            st.add(s, (s.i, s.j) in free, b.doc, weigh_initial=True)
            st.cut += _cut(b.fr_toks, b.fr_spans, s)
            st.postnominal += s.j - s.i == 1 and s.i > 0 and b.fr_toks[s.i - 1].tag in "NJK"
            occ[s.key].append((bi, s))
    return stats, occ, ntok


def _coordination_lost(fr: str, en: str, sim) -> bool:
    """A French coordination ("et", "ou") of which the English renders one side only: the
    content words before, or after, the conjunction have no counterpart in the English
    ("blanchiment d'argent et de saisie des avoirs criminels" / "seizure of criminal
    assets"), unlike a coordination the English folds into one compound ("services de
    détection et de répression" / "law enforcement agencies")."""
    from .pairing import content_idx
    from .tagger import tag_text

    ft = tag_text(fr, "fr")
    et = tag_text(en, "en")
    if any(t.text.lower() in ("and", "or", "&", "nor") for t in et):
        return False
    c = next((k for k, t in enumerate(ft) if t.text.lower() in ("et", "ou")), None)
    if c is None:
        return False
    ew = [et[k].lemma for k in content_idx(et)]

    def linked(toks) -> bool:
        return any(max((sim(toks[k].lemma, w) for w in ew), default=0.0) >= 0.3 for k in content_idx(toks))

    return not linked(ft[:c]) or not linked(ft[c + 1:])


def _verbal(en: str, fr_head: str, sim) -> bool:
    """The English is a verb -ing form with its object, translating the French head noun
    ("enhancing security" for "renforcement de la sécurité": no later English word translates
    the French head); not a modifier ("policing activities", "operating model": the head
    noun follows) nor a compound ("capacity-building")."""
    from .tagger import tag_text

    toks = tag_text(en, "en")
    return (len(toks) >= 2 and toks[0].tag == "G" and "-" not in toks[0].text
            and toks[1].tag in "NAJR" and all(sim(fr_head, t.lemma) < 0.3 for t in toks[1:]))


def _cut(toks, found, s) -> bool:
    """The occurrence is cut out of a longer phrase: a candidate of the segment goes on past
    it with a complement ("capacités des services [de détection et de répression]"), or it
    is the second half of a bare coordination ("services de détection et de [répression]")."""
    if s.j < len(toks) and toks[s.j].tag in "PB" and any(o.i == s.i and o.j > s.j + 1 for o in found):
        return True
    return s.i >= 2 and toks[s.i - 1].tag in "PB" and toks[s.i - 2].tag == "C"


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


def _caps_of(variant: str, form: str) -> bool:
    """'NATIONS UNIES' is 'Nations Unies' in a heading, not a variant worth listing."""
    return variant.isupper() and variant.lower() == form.lower() and not form.isupper()


def _example_rank(text: str) -> tuple:
    """Example sentences: a sentence of readable length first (not a heading in capitals),
    then the shortest."""
    letters = [c for c in text if c.isalpha()]
    shouting = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
    return (shouting or not 40 <= len(text) <= 300, len(text))


def _display(counter: Counter) -> str:
    return max(counter.items(), key=lambda kv: (kv[1], kv[0][:1].islower(), kv[0]))[0]


def _drop_unsupported_extensions(entries: list[TermPair], keys: list[tuple[str, float]]) -> list[TermPair]:
    """Two French entries with the same English side, one inside the other: when the English
    gives a counterpart to no more French words of the longer one, the extra words are
    untranslated ("structures exécutives de l'Organisation", "services de police
    multiethniques" / "police services") and the shorter one stands. When it covers more,
    the shorter one is a fragment given the longer one's English ("Nations Unies contre la
    corruption" / "United Nations Convention against Corruption") and the longer one stands."""
    by_en: dict[str, list[int]] = defaultdict(list)
    for n, e in enumerate(entries):
        by_en[e.en.lower()].append(n)
    drop = set()
    for group in by_en.values():
        for a in group:
            ka, ca = keys[a]
            for b in group:
                kb, cb = keys[b]
                if b != a and len(kb) < len(ka) and f" {kb} " in f" {ka} ":
                    # the longer one's extra words have no counterpart: it is padded; else the
                    # shorter one is a fragment given the longer one's English ("répression des
                    # États participants" / "law enforcement agencies of participating States")
                    drop.add(a if ca < cb + 0.5 else b)
    return [e for n, e in enumerate(entries) if n not in drop]


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
    pairer = Pairer(WordSim(*word_tables(beads, translation_table), lexicon=bundled_lexicon()), bundled_phrases())
    entries = []
    keys: list[tuple[str, float]] = []  # French lemma key, French words with a counterpart
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
                if e.key not in example or _example_rank(b.fr) < _example_rank(example[e.key][0]):
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
        if (kind == "term" and len(st.content) >= 2 and en.isalpha() and en.islower()
                and _zipf(en, "en") > COMMON_ZIPF):
            continue  # "mise en œuvre" / "implementation": a locution for a common word
        if _coordination_lost(fr, en, pairer.sim):
            continue  # "blanchiment d'argent et de saisie des avoirs criminels" / "seizure of
            # criminal assets": the English renders one conjunct only
        if kind == "term" and _verbal(en, beads[occ[key][0][0]].fr_toks[occ[key][0][1].i].lemma, pairer.sim):
            continue  # "renforcement de la sécurité" / "enhancing security": an activity, not a term
        en_vars = [s for s in en_surf[ekey] if s != en and not _caps_of(s, en)] + [_display(en_surf[k]) for k in alts]
        fr = _display(fr_surf)
        shape = _shape(fr, en, kind, st)
        if _head_of_term(beads, occ[key][0], keep):
            shape *= 0.85  # "lutte contre [la violence domestique]": the complement is the term
        score = round(min(1.0, tscore * th * shape), 4)
        keys.append((key, best_cov[ekey] * len(st.content)))
        entries.append(TermPair(
            fr=fr, en=en, id=entry_id(key, kind), score=score, freq=st.freq, kind=kind,
            pos="noun" if len(st.content) == 1 and kind == "term" else
                "proper noun" if kind != "term" else "noun phrase",
            fr_variants=tuple(sorted(s for s in fr_surf if s != fr and not _caps_of(s, fr))),
            en_variants=tuple(v for v in dict.fromkeys(en_vars) if v != en and not _caps_of(v, en)),
            example_fr=example[ekey][0], example_en=example[ekey][1],
            docs=tuple(sorted(st.docs)), status="new", note="",
        ))
    entries = _drop_unsupported_extensions(entries, keys)
    entries.sort(key=lambda e: (-e.score, e.fr))
    if top is not None:
        entries = entries[:top]
    return Glossary(entries=entries)
