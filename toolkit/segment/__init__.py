"""Sentence segmentation, the first pipeline stage: decoded text -> list of Segment.

``segment_text(text, lang)`` for a whole document, ``iter_segments(chunks, lang)`` for a
stream (bounded memory: lines are processed in windows; footnotes are held until the end).
Rules follow shared/gold/CONVENTIONS.md; language rules are tables in ``toolkit/data``.
"""
from __future__ import annotations

from .api import iter_segments, segment_text
from .report import SegmentReport
from .score import boundary_f1

__all__ = ["segment_text", "iter_segments", "boundary_f1", "SegmentReport"]
