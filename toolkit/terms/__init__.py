"""Bilingual term-pair extraction from aligned text, and the curation merge.

    extract(alignments, *, min_freq=1, top=None, translation_table=None, min_score=0.45) -> Glossary
    merge(old, new) -> Glossary

Importing this package loads no data: tables and lemmatiser load on first use.
"""
from __future__ import annotations

from .extract import entry_id, extract
from .merge import merge
from .mono import monolingual

__all__ = ["extract", "merge", "entry_id", "monolingual"]
