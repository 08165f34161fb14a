"""Monolingual term candidates: token spans whose tags match a row of term_patterns.tsv.

Every matching span is a candidate, nested ones included ("gestion des déchets" inside
"gestion des déchets dangereux"); termhood (termhood.py) decides which ones are kept.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from ..langdata import check_lang, load_tsv
from .records import Occurrence
from .tagger import Token, tag_text

__all__ = ["Span", "SpanFinder", "spans", "patterns", "filter_spans", "MAX_TOKENS", "MAX_CONTENT"]

MAX_CONTENT = 5  # content words of a term seen once; longer ones must recur
MAX_TOKENS = 20  # long names of bodies and programmes
_MACRO = re.compile(r"\{(\w+)\}")
_GAP_OK = re.compile(r"\s*")  # tokens of one term are separated by spaces only
_HEAD = set("NJKRAMG")
# participles and adjectives that take their own complement ("chargée de", "relative à")
_PARTICIPLE_END = re.compile(r"(?:é|ée|és|ées|is|ise|ises|us|ue|ues|it|ite|its|ites|relatif|relative|relatifs|relatives)$")  # tags a candidate may start with (checked by the patterns)


Span = Occurrence  # one candidate occurrence (records.Occurrence)


@functools.cache
def patterns(lang: str, rel: bool = False) -> re.Pattern:
    """The language's rows joined into one regular expression over tag strings; ``rel``:
    the rows of kind "rel" instead (relational participle + complement)."""
    lang = check_lang(lang)
    macros: dict[str, str] = {}
    rows = []
    for row in load_tsv(lang, "term_patterns.tsv"):
        name, rx = row[0], row[1]
        rx = _MACRO.sub(lambda m: macros[m.group(1)], rx)
        if name.startswith("@"):
            macros[name[1:]] = rx
        elif (name == "rel") == rel:
            rows.append(f"(?:{rx})")
    return re.compile("|".join(rows) or "(?!)")


def _breaks(text: str, toks: list[Token]) -> list[bool]:
    """breaks[k]: a term cannot run from token k to token k+1 (punctuation between them)."""
    out = []
    for a, b in zip(toks, toks[1:]):
        gap = text[a.end:b.start]
        elided = a.text.endswith("'") and gap == ""  # "l'application"
        possessive = gap == "'" and b.tag == "S"  # "Farmers' Union"
        out.append(not _GAP_OK.fullmatch(gap) and not elided and not possessive)
    out.append(True)
    return out


def spans(text: str, lang: str, toks: list[Token] | None = None) -> tuple[tuple[Token, ...], list[Span]]:
    """Tokens of ``text`` and every candidate span in it."""
    f = SpanFinder(text, lang, toks)
    return f.toks, [s for i in range(len(f.toks)) for s in f.at(i)]


class SpanFinder:
    """The candidate spans of one segment, by start index (computed on demand)."""

    def __init__(self, text: str, lang: str, toks: list[Token] | None = None):
        from ..text import normalize_chars

        self.lang = lang
        self.norm = normalize_chars(text)
        self.toks = tuple(tag_text(text, lang) if toks is None else toks)
        self.tags = "".join(t.tag for t in self.toks)
        self.brk = _breaks(self.norm, self.toks)
        self.starts = _segment_starts(self.toks)

    def at(self, i: int) -> list[Span]:
        """The candidate spans that start at token ``i``."""
        toks, tags, brk, n = self.toks, self.tags, self.brk, len(self.toks)
        if not 0 <= i < n or tags[i] not in _HEAD:
            return []
        rx, rx_rel = patterns(self.lang), patterns(self.lang, rel=True)
        out: list[Span] = []
        for j in range(i + 1, min(n, i + MAX_TOKENS) + 1):
            if j - 1 > i and brk[j - 2]:
                break
            if tags[j - 1] in "PBQODICXVS":
                continue
            if rx.fullmatch(tags, i, j) or (rx_rel.fullmatch(tags, i, j) and _relational_ok(toks, tags, i, j)):
                sp = _make(self.norm, toks, i, j, self.lang, i in self.starts)
                right = j < n and not brk[j - 1] and tags[j] in "NJGK"
                opened = right + (i > 0 and not brk[i - 1] and tags[i - 1] in "NJGKA")
                if opened:
                    sp = replace(sp, open_sides=opened, open_right=right and tags[j] == "K", open_end=right)
                out.append(sp)
        return out


def _segment_starts(toks) -> set[int]:
    """Index of the first word of each segment (numbers before it skipped: "3 Les …")."""
    out = set()
    for k, t in enumerate(toks):
        if k == 0 or t.seg:
            m = k
            while m < len(toks) - 1 and toks[m].tag == "M" and not toks[m + 1].seg:
                m += 1
            out.add(m)
    return out


def _relational_ok(toks: list[Token], tags: str, i: int, j: int) -> bool:
    """"à la"/"à l'" continue a term only after a relational participle ("activités relatives
    [à la police]"); "assistance [à la] …", "contribution [à l'] …" end before it."""
    return all(not (tags[k] == "B" and tags[k + 1] == "D") or
               (tags[k - 1] in "AJ" and bool(_PARTICIPLE_END.search(toks[k - 1].text.lower())))
               for k in range(i + 1, j - 1))


def _make(norm: str, toks: list[Token], i: int, j: int, lang: str, initial: bool) -> Span:
    ts = toks[i:j]
    surface = norm[ts[0].start:ts[-1].end]
    if initial and not ts[0].cap and ts[0].text[:1].isupper() and not ts[0].text.isupper():
        surface = surface[:1].lower() + surface[1:]
    key = " ".join(t.lemma for t in ts if t.tag not in "DIS")
    content = tuple(t.lemma for t in ts if t.tag not in "PBQODICXS")
    if len(ts) == 1 and ts[0].acronym:
        kind = "acronym"
    elif ts[0].cap or (ts[0].acronym and len(ts) > 1):
        kind = "name"
    else:
        kind = "term"
    return Occurrence(toks, i, j, key, surface, content, kind, lang, initial)


@functools.cache
def _nonheads(lang: str) -> dict[str, bool]:
    """Folded lemma -> True when it never starts a term before a complement."""
    if lang != "fr":
        return {}
    return {r[0]: len(r) > 1 and r[1] == "always" for r in load_tsv(lang, "terms_nonheads.tsv")}


@functools.cache
def _weak_adjectives(lang: str) -> frozenset[str]:
    from ..text import fold

    if lang != "fr":
        return frozenset()
    from ..langdata import load_set

    return frozenset(fold(w) for w in load_set(lang, "terms_weak_adjectives.txt"))


def _weak_end(toks: list[Token], i: int, j: int) -> bool:
    """The phrase ends with an adjective that makes no term ("autorités concernées")."""
    t = toks[j - 1]
    if j - i < 2 or t.tag not in "AJR":
        return False
    from ..text import fold

    weak = _weak_adjectives("fr")
    w = fold(t.text)  # "concernées": the lemmatiser may give the verb
    return t.lemma in weak or any(w.endswith(e) and w[: len(w) - len(e)] in weak for e in ("es", "s", "e", ""))


def filter_spans(toks: list[Token], found: list[Span], freq: dict, lang: str
                 ) -> tuple[list[Span], set[tuple[int, int]]]:
    """The spans of one segment that may be terms, and those that stand on their own.

    Standing on its own: maximal among the kept spans, or a part a terminologist lists
    separately: the head noun with its adjectives ("gestion durable" in
    "gestion durable des ressources en eau") and each complement chain that runs to the end
    ("ressources en eau")."""
    from .rules import fires

    multi = {(s.i, s.j) for s in found if len(s.content) >= 2}
    ok = []
    for s in found:
        if any(fires(r, s, lang) for r in _SPAN_RULES_ALL):
            continue
        if s.kind == "term" and fires("weak_adjective_end", s, lang):
            continue
        if (s.kind == "term" and freq.get(s.key, 0) < 2 and fires("activity_of_term_once", s, lang)
                and _complement(toks, s) in multi):
            continue
        ok.append(s)
    ok_at = {(s.i, s.j) for s in ok}
    free: set[tuple[int, int]] = set()
    found_at = {(s.i, s.j) for s in found}
    todo = [(s.i, s.j) for s in found
            if not any(o.i <= s.i and s.j <= o.j and (o.j - o.i) > (s.j - s.i) for o in found)]
    seen = set(todo)
    while todo:  # maximal phrases, then their parts, then the parts' parts
        m = todo.pop()
        for p in _parts(toks, *m, lang):
            if p in ok_at:
                free.add(p)
            if p not in seen and p in found_at:
                seen.add(p)
                todo.append(p)
    # a phrase followed by a bare coordinated complement is the first half of a longer term
    # ("services de détection [et de répression]"), even when the pattern stops before it
    return ok, free


_SPAN_RULES_ALL = ("short_label", "cross_reference")


def _complement(toks, s) -> tuple[int, int]:
    """(start, end) of the complement of a noun + preposition span, articles skipped."""
    k = s.i + 2
    while k < s.j and toks[k].tag in "DI":
        k += 1
    return (k, s.j)


def _bare_coordination(toks: list[Token], c: int, end: int) -> bool:
    """"services de détection et de répression": two bare complements share the head, so
    "services de détection" alone is no term (unlike "gestion des forêts et des …")."""
    if c < 2 or c + 2 >= end:
        return False
    before, after = toks[c - 2], toks[c + 1]
    if not (before.text.lower() in ("de", "d'", "en") and after.text.lower() in ("de", "d'", "en")
            and toks[c - 1].tag in "NJ" and toks[c + 2].tag in "NJ"):
        return False
    # the second noun must not have a "de" complement of its own, unless a proper noun:
    # adjectives and "à" complements qualify the whole coordination ("services de détection
    # et de répression compétents", "… aux niveaux national et international"); with a "de"
    # complement of its own the second noun is a phrase of its own
    # ("contrôle des prix et de [gestion des stocks agricoles]")
    k = c + 3
    if k >= end or toks[k].tag != "P":
        return True
    k += 1
    while k < end and toks[k].tag in "DI":
        k += 1
    return k < end and toks[k].tag == "K"


def _trailing_name(toks: list[Token], i: int, j: int) -> tuple[int, int] | None:
    """(preposition, first name token) of a trailing "de l'Union européenne", "de l'UNESCO"."""
    for p in range(j - 1, i, -1):
        if toks[p].tag in "PB":
            k = p + 1
            while k < j and toks[k].tag in "DI":
                k += 1
            if k < j and toks[k].tag == "K" and all(t.tag in "KAJ" for t in toks[k:j]):
                return p, k
            return None
        if toks[p].tag not in "KAJDI":
            return None
    return None


def _owner(toks: list[Token], i: int, j: int) -> bool:
    """The phrase ends in a proper-noun complement with an article, its owner ("… de l'Union
    européenne", "… de l'Office"); a bare one may be part of the term ("chefs
    d'État", "coup d'État")."""
    pk = _trailing_name(toks, i, j)
    return bool(pk) and (pk[1] > pk[0] + 1 or toks[pk[0]].text.lower() in ("des", "du", "aux", "au"))


def _parts(toks: list[Token], i: int, j: int, lang: str = "fr"):
    """A maximal noun phrase and the parts a terminologist lists separately:
    the head noun with its adjectives, each complement chain that runs to the end, the
    first conjunct, and a trailing proper-noun complement split off
    ("[programmes de recherche] de l'[Union européenne]")."""
    ends = [j]
    split = []
    pk = _trailing_name(toks, i, j)
    if pk:
        # in a name, parts end before the proper-noun complement; in a term phrase only the
        # name runs to the end ("siège de l'[Office des forêts]"), and the whole phrase is
        # a term with its owner ("[systèmes de justice pénale] des [États participants]")
        p, k = pk
        ends = [p] if toks[i].tag == "K" else [j, p]
        split = [(k, j), (i, p)]
    owner = lang == "fr" and _owner(toks, i, j)
    if not owner or toks[i].tag == "K":
        yield (i, j)
    yield from split
    name = toks[i].tag == "K"
    k = j
    while k - i >= 2 and _weak_end(toks, i, k):
        k -= 1
    if k < j:
        yield (i, k)  # "autorités [sanitaires et vétérinaires] concernées"
    if toks[i].tag == "R" and j - i >= 3:
        yield (i + 1, j)  # "nouveaux [moyens de paiement]"
    if (j < len(toks) and toks[j].tag in "PBQO" and toks[j - 1].tag == "A"
            and _PARTICIPLE_END.search(toks[j - 1].text.lower()) and j - 1 - i >= 2):
        yield (i, j - 1)  # "politique agricole [fondée] sur …": the participle belongs to what follows
    coord = {c + 2 for c in range(i + 2, j - 2) if toks[c].tag == "C" and _bare_coordination(toks, c, j)}
    for end in ends:
        k = i + 1
        while k < end and toks[k].tag in "AJRK":
            k += 1
        # head + adjectives, unless the last one is a participle with its own complement
        # ("organismes chargés [de la gestion des eaux]", "secteurs liés [à]")
        if k - i >= 2 and not name and not (k < end and _PARTICIPLE_END.search(toks[k - 1].text.lower())):
            yield (i, k)
        for k in range(i + 1, end):
            if k in coord:
                continue  # "services de détection et de [répression …]": the second conjunct alone
            if toks[k - 1].text.lower() == "en" and k + 1 < end and toks[k + 1].tag in "PB":
                continue  # "mise en [œuvre des programmes]", "mise en [commun d'informations]"
            if owner and not name and end == j and toks[k].tag != "K":
                continue
            if toks[k - 1].tag in "PBDI" and toks[k].tag not in ("PBDICK" if name else "PBDIC"):
                # inside a name only short generic terms: "protection des sols"
                if not name or sum(t.tag not in "PBQODIC" for t in toks[k:end]) <= 3:
                    yield (k, end)
            if toks[k].tag == "C" and not name and not _bare_coordination(toks, k, end):
                yield (i, k)
