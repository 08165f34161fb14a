"""The one bundled FR->EN word lexicon: data/align_lexicon_fr_en.tsv, ``fr<TAB>en<TAB>p`` on
``norm_key`` words, p = sqrt(t(en|fr) t(fr|en)) of IBM model 1 both ways on the UN Parallel
Corpus v1.0 test+dev sets (built by benchmarks/_align_build_lexicon.py with
:func:`toolkit.words.ibm1`); the aligner (``align.features``) and the extractor read it here.
"""
from __future__ import annotations

import functools

__all__ = ["lexicon", "LEXICON_FILE"]

LEXICON_FILE = "align_lexicon_fr_en.tsv"


@functools.cache
def lexicon() -> dict[str, dict[str, float]]:
    """``{fr norm key: {en norm key: p}}``; a missing or empty table is an error, not an empty dict."""
    from ..errors import TermkitError
    from ..langdata import load_tsv

    out: dict[str, dict[str, float]] = {}
    try:
        rows = load_tsv(None, LEXICON_FILE)
    except OSError as e:
        raise TermkitError(f"package data missing: toolkit/data/{LEXICON_FILE} ({e}); reinstall termkit") from e
    for row in rows:
        if len(row) >= 3:
            out.setdefault(row[0], {})[row[1]] = float(row[2])
    if not out:
        raise TermkitError(f"package data empty: toolkit/data/{LEXICON_FILE}; reinstall termkit")
    return out
