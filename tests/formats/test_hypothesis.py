"""Property: every glossary format round-trips arbitrary unicode terms.

Alphabet: any code point except surrogates and the C0 controls XML 1.0 / XLSX cannot carry
(tab, LF and CR are kept), plus hand-picked troublemakers: ``<``, ``&``, quotes, tab,
newlines, emoji, RTL text, leading ``=``/``-``/``+``/``@``/``#``/``'``. ``max_examples=60``
per format (7 formats; ~4 s); ``TERMKIT_HYPOTHESIS_EXAMPLES=3000`` for a soak run (~5 min). OmegaT is compared after ``omegat.clean`` (its TSV has no quoting);
Phrase on the fields it carries (fr, en, note); XLSX scores to Excel's 15 significant digits.
"""
from __future__ import annotations

import dataclasses
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import formats as F
from toolkit.formats import omegat
from toolkit.types import STATUSES, TERM_KINDS, Glossary, TermPair

MAX_EXAMPLES = int(__import__("os").environ.get("TERMKIT_HYPOTHESIS_EXAMPLES", "60"))
EXT = {"tbx": ".tbx", "tbx3": ".tbx", "csv": ".csv", "xlsx": ".xlsx", "memoq": ".memoq.csv",
       "phrase": ".phrase.xlsx", "omegat": ".utf8"}

_chars = st.characters(blacklist_categories=("Cs",),
                       blacklist_characters="".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32)]))
                       + "\ufffe\uffff")
_tricky = st.sampled_from(["<", "&", "&amp;", '"', "'", "\t", "\n", "\r\n", "😀", "שלום", "مرحبا",
                           "=", "-", "+", "@", "#", "'=", " ", "termkit:", "]]>", "\u202e", "é"])
text = st.lists(st.one_of(_chars.map(str), _tricky), max_size=12).map("".join)
list_item = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="|\ufffe\uffff"),
                    min_size=1, max_size=8)
items = st.lists(list_item, max_size=3).map(tuple)

entries = st.builds(
    TermPair, fr=text, en=text, id=text, score=st.floats(0, 1, allow_nan=False),
    freq=st.integers(0, 10**6), kind=st.sampled_from(TERM_KINDS), pos=text,
    fr_variants=items, en_variants=items, example_fr=text, example_en=text, docs=items,
    status=st.sampled_from(STATUSES), note=text, stale=st.booleans(),
)


def _omegat_view(e: TermPair) -> tuple:
    c = omegat.clean
    return (c(e.fr), c(e.en), c(e.note), tuple(map(c, e.fr_variants)), tuple(map(c, e.en_variants)))


@pytest.mark.parametrize("fmt", sorted(EXT))
def test_glossary_round_trip_unicode(fmt):
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(entries, min_size=1, max_size=4))
    def prop(es):
        g = Glossary(entries=es)
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / f"g{EXT[fmt]}"
            F.write_glossary(g, p, fmt)
            back = F.read_glossary(p, fmt).entries
        if fmt == "omegat":
            es = [e for e in es if any(_omegat_view(e)[:3])]  # all-blank lines are not written
            # Entries whose note is "variant" or that have variants may merge with a neighbour.
            simple = [e for e in es if omegat.clean(e.note) != "variant"]
            if len(simple) == len(es) and not any(e.fr_variants or e.en_variants for e in es):
                assert [_omegat_view(e) for e in back] == [_omegat_view(e) for e in es]
            else:
                assert {omegat.clean(e.fr) for e in es} <= {e.fr for e in back} | {
                    v for e in back for v in e.fr_variants}
        elif fmt == "phrase":  # carries fr, en, note only; an all-empty row is not a concept
            view = lambda e: (e.fr, e.en, e.note)  # noqa: E731
            assert [view(e) for e in back] == [view(e) for e in es if any(view(e))]
        elif fmt == "xlsx":  # score is an Excel number: 15 significant digits
            assert [e.with_(score=0.0) for e in back] == [e.with_(score=0.0) for e in es]
            assert all(math.isclose(a.score, b.score, rel_tol=1e-14, abs_tol=1e-300)
                       for a, b in zip(back, es))
        else:
            assert [dataclasses.astuple(e) for e in back] == [dataclasses.astuple(e) for e in es]

    prop()
