"""Property tests: arbitrary text never raises and never loses a non-space character.

max_examples is kept at 200 per property so the suite stays fast (well under 30 s).
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.segment import iter_segments, segment_text

from .conftest import lost_characters

# text rich in the characters the rules react to: breaks, markers, quotes, digits, dots
ALPHABET = st.sampled_from(list("aAéÉzZ19 .,;:!?…-–•_*#<>/[]()«»“”\"’'\u00a0\u202f\u00ad\n\r\t"))
RICH_TEXT = st.lists(st.one_of(ALPHABET, st.sampled_from(
    ["M.", "No.", "art.", "l’ordre1", "\n\n", "__________________\n", "1 Une note", "co-\n",
     "**", "<sup>", "</sup>", "## ", "[x](u)", "Skip Links\n", "  • ", "1. ", "a) "])),
    max_size=60).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=300), RICH_TEXT), lang=st.sampled_from(["fr", "en"]))
def test_never_raises_and_never_loses_characters(text, lang):
    lost, invented = lost_characters(text, lang)
    assert not lost and not invented


@settings(max_examples=200, deadline=None)
@given(text=RICH_TEXT, size=st.integers(min_value=1, max_value=20))
def test_streaming_equals_whole_text(text, size):
    chunks = [text[i:i + size] for i in range(0, len(text), size)]
    assert list(iter_segments(chunks, "fr")) == segment_text(text, "fr")
