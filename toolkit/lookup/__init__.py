"""Lookup stage: ``build_index`` writes termkit.db (SQLite + FTS5); ``Lookup(db).lookup(q)``
finds glossary entries in both directions (exact, lemma, fuzzy) and bilingual examples.

Example::

    build_index("termkit.db", alignments, glossary)
    with Lookup("termkit.db") as lk:
        result = lk.lookup("detection et repression")

Names are imported on first use: ``termkit lookup`` never loads the index writer.
"""
from __future__ import annotations

__all__ = ["build_index", "IndexStats", "Lookup", "lookup", "LookupResult", "GlossaryHit", "ConcordanceHit",
           "SCHEMA_VERSION"]

SCHEMA_VERSION = "1"  # of termkit.db (``meta``); a table added later (``lemmas``) is optional

_WHERE = {"build_index": "index", "IndexStats": "index", "Lookup": "search", "lookup": "search",
          "LookupResult": "result", "GlossaryHit": "result", "ConcordanceHit": "result"}


def __getattr__(name: str):
    mod = _WHERE.get(name)
    if mod is None:
        raise AttributeError(f"module 'toolkit.lookup' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{mod}", __name__), name)
