"""Helpers for the segmenter tests: non-whitespace character accounting."""
from __future__ import annotations

from collections import Counter

import pytest

from toolkit.segment import iter_segments


def nonspace(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


def lost_characters(text: str, lang: str) -> tuple[Counter[str], Counter[str]]:
    """(characters lost, characters invented) after accounting for declared removals."""
    removed: list[str] = []
    segs = list(iter_segments([text], lang, removed=removed))
    have = nonspace("".join(s.text for s in segs)) + nonspace("".join(removed))
    want = nonspace(text)
    return want - have, have - want


@pytest.fixture
def accounting():
    return lost_characters
