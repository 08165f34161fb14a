"""Lookup stage: ``build_index`` writes termkit.db (SQLite + FTS5); ``Lookup(db).lookup(q)``
finds glossary entries in both directions (exact, lemma, fuzzy) and bilingual examples.

Example::

    build_index("termkit.db", alignments, glossary)
    with Lookup("termkit.db") as lk:
        result = lk.lookup("detection et repression")
"""
from __future__ import annotations

from .index import IndexStats, build_index
from .result import ConcordanceHit, GlossaryHit, LookupResult
from .search import Lookup, lookup

__all__ = ["build_index", "IndexStats", "Lookup", "lookup", "LookupResult", "GlossaryHit", "ConcordanceHit"]
