"""Glossary terms in a sentence pair: which checked entries a French sentence holds, and
whether the English renders them.

An English rendering is accepted when any accepted form of the entry occurs:

- its English term and recorded variants, and those of every other non-rejected entry
  with the same French term (renderings the extraction saw in the corpus);
- with plurals, elision, case and accents tolerated (``lookup.match``), British and
  American spellings (``data/check_spelling_en.tsv``: organised/organized,
  labour/labor, programme/program, co-operation/cooperation);
- with its words split by a coordination ("police development and reform" for "police
  reform"; ``data/check_coordinators.tsv``), or in the other order around "of"
  ("Plan of Action" for "Action Plan"; ``data/check_of.tsv``);
- an acronym by its expansion ("United Nations" for "UN": capitalised words whose
  initials spell it).
"""
from __future__ import annotations

import functools
import re

from ..langdata import load_tsv
from ..lookup.match import find_spans, term_words
from ..words.acronyms import is_acronym
from ..words.forms import Word, regular_singulars, search_words as words, singulars

__all__ = ["TermIndex", "Renderer", "spelling", "MAX_GAP"]

MAX_GAP = 5  # words allowed between two words of a term when they include a coordinator


@functools.cache
def _spelling() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    rows = load_tsv(None, "check_spelling_en.tsv")
    endings = tuple(sorted(((b, a) for k, b, a in rows if k == "ending"), key=lambda r: -len(r[0])))
    prefixes = tuple((b, a) for k, b, a in rows if k == "prefix")
    return endings, prefixes


@functools.lru_cache(maxsize=200_000)
def spelling(word: str) -> str:
    """The American spelling of a folded English word (``organised`` -> ``organized``)."""
    if len(word) < 5:
        return word
    for british, american in _spelling()[0]:
        if word.endswith(british) and len(word) - len(british) >= 2:
            return word[: len(word) - len(british)] + american
    return word


@functools.cache
def _prefix_re() -> re.Pattern:
    pre = "|".join(re.escape(b[:-1]) for b, _ in _spelling()[1])
    return re.compile(rf"\b({pre})-(?=\w)", re.I)


@functools.cache
def _coordinators(lang: str) -> tuple[str, ...]:
    return tuple(w for lg, w in load_tsv(None, "check_coordinators.tsv") if lg == lang)


@functools.cache
def _of_words() -> frozenset[str]:
    return frozenset(w for lg, w in load_tsv(None, "check_of.tsv") if lg == "en")


def _key(w: str) -> str:
    return spelling(w)


class Renderer:
    """English text prepared once for many term tests."""

    def __init__(self, text: str):
        self.text = _prefix_re().sub(r"\1", text)
        self.words = [Word((w.start, w.end, _key(w.key))) for w in words(self.text, "en")]
        self._forms = [None] * len(self.words)

    def forms(self, i: int) -> frozenset[str]:
        """Regular singular forms of the ``i``-th English word (computed on demand)."""
        f = self._forms[i]
        if f is None:
            f = self._forms[i] = regular_singulars(self.words[i].key, "en")
        return f

    def has(self, form: tuple[str, ...]) -> bool:
        """``form`` (keys made by ``keys``) occurs: its words in order, each the same word
        or a regular plural of it, with coordination gaps allowed."""
        if not form:
            return False
        want = [regular_singulars(w, "en") for w in form]
        n = len(self.words)
        coords = _coordinators("en")
        for i in range(n):
            if self.forms(i).isdisjoint(want[0]):
                continue
            pos, ok = i, True
            for k in range(1, len(form)):
                nxt = None
                for j in range(pos + 1, min(n, pos + 2 + MAX_GAP)):
                    if not self.forms(j).isdisjoint(want[k]):
                        gap = " " + " ".join(w.key for w in self.words[pos + 1:j]) + " "
                        if j == pos + 1 or any(f" {c} " in gap for c in coords):
                            nxt = j
                            break
                if nxt is None:
                    ok = False
                    break
                pos = nxt
            if ok:
                return True
        return False

    def has_acronym(self, acronym: str) -> bool:
        """Capitalised words (function words between allowed) whose initials spell ``acronym``."""
        letters = acronym.lower()
        caps = [(w.key[0], self.text[w.start].isupper()) for w in self.words]
        for i in range(len(caps)):
            k, j = 0, i
            while j < len(caps) and k < len(letters):
                first, upper = caps[j]
                if upper and first == letters[k]:
                    k += 1
                elif upper or k == 0 or len(self.words[j].key) > 4:
                    break
                j += 1
            if k == len(letters):
                return True
        return False


def keys(form: str) -> tuple[str, ...]:
    """A glossary form's words as ``Renderer`` compares them."""
    return tuple(_key(w) for w in term_words(_prefix_re().sub(r"\1", form), "en"))


def variants(form: str) -> list[tuple[str, ...]]:
    """The form and its other order around "of" ("Action Plan" <-> "Plan of Action")."""
    k = keys(form)
    out = [k]
    of = _of_words()
    cut = next((i for i, w in enumerate(k) if w in of), None)
    if cut is not None and 0 < cut < len(k) - 1:
        rest = k[cut + 1:]
        rest = rest[1:] if rest[:1] == ("the",) and len(rest) > 1 else rest
        out.append(rest + k[:cut])
    elif len(k) >= 2 and cut is None:
        out.append((k[-1], "of") + k[:-1])
    return out


class TermIndex:
    """Checked entries (``statuses``) keyed by their French words, with accepted English."""

    def __init__(self, glossary, statuses: tuple[str, ...] = ("approved",)):
        renderings: dict[tuple[str, ...], list[str]] = {}
        labels: dict[tuple[str, ...], str] = {}
        checked: set[tuple[str, ...]] = set()
        self.fr_forms: dict[tuple[str, ...], list[str]] = {}
        for e in glossary.entries:
            if e.status == "rejected" or not e.en.strip():
                continue
            for form in (e.fr, *e.fr_variants):
                tw = term_words(form, "fr")
                if not tw:
                    continue
                ens = renderings.setdefault(tw, [])
                ens += [x for x in (e.en, *e.en_variants) if x.strip() and x not in ens]
                if e.status in statuses:
                    checked.add(tw)
                    labels.setdefault(tw, e.fr)
                    self.fr_forms.setdefault(tw, [])
                    if form not in self.fr_forms[tw]:
                        self.fr_forms[tw].append(form)
        self.terms = {tw: (labels[tw], renderings[tw]) for tw in checked}
        self.first: dict[str, list[tuple[str, ...]]] = {}
        for tw in self.terms:
            for f in singulars(tw[0], "fr"):
                self.first.setdefault(f, []).append(tw)
        self._forms: dict[tuple[str, ...], list[tuple[str, ...]]] = {}

    def __len__(self) -> int:
        return len(self.terms)

    def occurring(self, fr_words: list[Word], fr: str) -> list[tuple[tuple[str, ...], tuple[int, int]]]:
        """Terms found in the sentence, longest first, nested shorter terms dropped. Of two
        terms of one length (``retenue``, ``retenues``) the one written as in the sentence
        wins, then the first in alphabetical order: the same answer in every run."""
        cands = {tw for w in fr_words for f in singulars(w.key, "fr") for tw in self.first.get(f, ())}
        text = " " + " ".join(w.key for w in fr_words) + " "
        found = []
        for tw in sorted(cands, key=lambda t: (-len(t), f" {' '.join(t)} " not in text, t)):
            for span in find_spans(fr, tw, "fr", fr_words):
                if not any(s <= span[0] and span[1] <= e for _, (s, e) in found):
                    found.append((tw, span))
                    break
        return found

    def accepted(self, tw: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Every accepted English form of ``tw`` as ``Renderer`` keys ("of" orders included)."""
        if tw not in self._forms:
            self._forms[tw] = [v for x in self.terms[tw][1] for v in variants(x)]
        return self._forms[tw]

    def rendered(self, tw: tuple[str, ...], en: Renderer) -> bool:
        """The English renders ``tw``: an accepted form, or an acronym's expansion."""
        if any(en.has(f) for f in self.accepted(tw)):
            return True
        return any(en.has_acronym(x) for x in self.terms[tw][1] if is_acronym(x))

