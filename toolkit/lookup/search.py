"""Query the lookup index: glossary hits in both directions (exact, lemma, fuzzy:
``glossary.py``), then a bilingual concordance with the term highlighted on both sides
(``concordance.py``).

Every step is an indexed SQLite query with a LIMIT (B-tree for exact and lemma keys,
FTS5 for fuzzy candidates and the concordance); rapidfuzz only re-ranks the few hundred
candidates, and the typo-correction vocabulary (distinct glossary words) is loaded once
per ``Lookup``. Keep one ``Lookup`` open for repeated queries.
"""
from __future__ import annotations

import os
import sqlite3
import time
import weakref
from pathlib import Path

from ..errors import InputError
from ..types import TermPair
from ..words.lemmas import add_source, remove_source
from . import SCHEMA_VERSION
from .concordance import Concordance
from .glossary import SCORES, GlossarySearch, rank
from .match import fold_key
from .result import GlossaryHit, LookupResult

__all__ = ["Lookup", "lookup", "SCORES"]


def _no_index(path: Path) -> InputError:
    return InputError(f"{path}: no lookup index; run `termkit build` or `termkit index` first")


class Lookup(GlossarySearch, Concordance):
    """An open lookup index. ``Lookup(db).lookup("détection")``; reuse it for speed."""

    def __init__(self, db_path: str | os.PathLike):
        self.path = Path(db_path)
        if not self.path.is_file():
            raise _no_index(self.path)
        try:
            self.con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as e:
            raise _no_index(self.path) from e
        if not row or row[0] != SCHEMA_VERSION:
            self.con.close()
            raise InputError(f"{self.path}: lookup index from another termkit version; run `termkit index` again")
        self._vocab: dict[str, tuple[list[str], frozenset[str]]] = {}
        self._entries: dict[int, TermPair] = {}
        self._examples = None  # examples.Examples, made on the first loose search
        self._source = None
        if self.con.execute("SELECT 1 FROM sqlite_master WHERE name = 'lemmas'").fetchone():
            self._source = _lemma_source(self)
            add_source(self._source)

    def close(self) -> None:
        """Close the index (and stop answering the word layer's lemma questions)."""
        if self._source is not None:
            remove_source(self._source)
            self._source = None
        self.con.close()

    def __del__(self) -> None:
        if getattr(self, "_source", None) is not None:
            remove_source(self._source)

    def __enter__(self) -> "Lookup":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ glossary
    # ------------------------------------------------------------------ both
    def lookup(self, query: str, *, lang: str = "auto", limit: int = 10, context: bool = True) -> LookupResult:
        """Glossary hits for ``query`` (``lang``: fr, en or auto, both directions), best first, and
        with ``context`` up to ``limit`` example pairs."""
        t0 = time.perf_counter()
        if lang not in ("fr", "en", "auto"):
            raise InputError(f"--from {lang}: choose fr, en or auto")
        langs = ("fr", "en") if lang == "auto" else (lang,)
        # exact and lemma matches in each language; fuzzy candidates only in the language(s)
        # that matched, or in both when neither did (auto mode does half the fuzzy work)
        found = {lg: self._matches(query, lg, limit, fuzzy=False) for lg in langs}
        for lg in [lg for lg in langs if found[lg]] or langs:
            fk = fold_key(query, lg)
            if fk and len(found[lg]) < limit:
                self._add_fuzzy(fk, lg, found[lg])
        hits: dict[int, GlossaryHit] = {}
        for lg in langs:
            for h in self._hits(found[lg], lg, limit):
                key = id(h.entry)  # entries are cached: one object per glossary row
                if key not in hits or rank(h) < rank(hits[key]):
                    hits[key] = h
        ranked = sorted(hits.values(), key=rank)[:limit]
        result = LookupResult(query=query, lang=lang, glossary=ranked, context=context)
        if context:
            result.concordance = self._context(query, langs, ranked, limit)
            if result.concordance:
                result.examples = "phrase"
            else:
                self._loose(result, langs, limit)
        result.seconds = time.perf_counter() - t0
        return result


def _lemma_source(lk: Lookup):
    """The index's ``lemmas`` table as a word-layer lemma source (it does not keep ``lk`` alive)."""
    ref = weakref.ref(lk)

    def source(word: str, lang: str) -> str | None:
        owner = ref()
        if owner is None:
            return None
        try:
            row = owner.con.execute("SELECT lemma FROM lemmas WHERE lang = ? AND word = ?", (lang, word)).fetchone()
        except sqlite3.Error:  # closed meanwhile
            return None
        return row[0] if row else None

    return source


_OPEN: dict[tuple[str, int], Lookup] = {}


def lookup(db_path: str | os.PathLike, query: str, *, lang: str = "auto", limit: int = 10,
           context: bool = True) -> LookupResult:
    """One lookup; the index stays open (per file and modification time) for the next call."""
    path = Path(db_path)
    try:
        key = (str(path.resolve()), path.stat().st_mtime_ns)
    except OSError:
        raise _no_index(path) from None
    lk = _OPEN.get(key)
    if lk is None:
        for k in [k for k in _OPEN if k[0] == key[0]]:
            _OPEN.pop(k).close()
        lk = _OPEN[key] = Lookup(path)
    return lk.lookup(query, lang=lang, limit=limit, context=context)
