"""Sentence alignment of French and English segments (Bertalign without the globals).

``align(fr, en)`` returns beads (a monotone partition of both sides) with a confidence
score; ``to_review(beads, fr, en)`` lists the beads under :data:`REVIEW_BELOW`, lowest
first, with reasons (``alignment_confidence`` is the score without the pollution signs);
``word_translation_table(pairs)`` is the IBM model 1 table the aligner
learns, for the terminology extractor; ``load_dictionary(path)`` reads the optional
``fr<TAB>en`` file. Nothing heavy is imported here: numpy, numba, rapidfuzz and (with
``model=``) torch load on use.
"""
from __future__ import annotations

from .review import REVIEW_BELOW, Review, alignment_confidence, to_review

__all__ = ["align", "to_review", "Review", "REVIEW_BELOW", "alignment_confidence", "word_translation_table",
           "load_dictionary"]


def align(fr, en, *, model=None, dictionary=None, on_warning=None):
    """See :func:`toolkit.align.aligner.align`."""
    from .aligner import align as _align

    return _align(fr, en, model=model, dictionary=dictionary, on_warning=on_warning)


def word_translation_table(pairs):
    """See :func:`toolkit.align.lexicon.word_translation_table`."""
    from .lexicon import word_translation_table as _wtt

    return _wtt(pairs)


def load_dictionary(path):
    """See :func:`toolkit.align.lexicon.load_dictionary`."""
    from .lexicon import load_dictionary as _load

    return _load(path)
