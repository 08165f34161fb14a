"""The Golden Rules suite (tests/segment/data/golden_rules.jsonl, see NOTICE.md) and how a
segmenter's answer is compared with it, shared by the tests and benchmarks/segmentation.py."""
from __future__ import annotations

import json
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "data" / "golden_rules.jsonl"


def cases() -> list[dict]:
    return [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]


def termkit_expected(expected: list[str]) -> list[str]:
    """The expected segments under termkit's conventions: a list bullet followed by a space
    is removed from its item (CONVENTIONS.md §4), everything else is compared as it is."""
    from toolkit.segment.tables import bullet_re

    return [s[bullet_re().match(s).end():].lstrip() if bullet_re().match(s) else s for s in expected]


def termkit_answer(case: dict) -> list[str]:
    from toolkit.segment import segment_text

    return [s.text for s in segment_text(case["text"], case["lang"])]


def passes(answer: list[str], case: dict, convention: bool = False) -> bool:
    want = termkit_expected(case["expected"]) if convention else case["expected"]
    return [s.strip() for s in answer] == want
