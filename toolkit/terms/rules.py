"""The rule registry: every hand rule of extraction is one ``Rule`` object, so that what each
rule buys can be measured (``python benchmarks/terms.py --ablate``) and its examples run as
tests (tests/terms/test_rules.py).

A rule has a name, a stage, a language ("fr", "en" or "*"), a check over a typed record
(``records.Occurrence`` for the span and part stages, ``records.Candidate`` for selection,
``records.PairChoice`` for pairing and ranking), a one-line why, and examples: ``(input,
expected)`` pairs where the input is what the stage's example runner builds the record from.
``fires(name, record)`` is how extraction asks a rule; a rule switched off with
``disabled(name)`` never fires.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

__all__ = ["Rule", "REGISTRY", "STAGES", "rule", "fires", "disabled", "get"]

STAGES = ("span", "part", "select", "pairing", "ranking")


@dataclass(frozen=True)
class Rule:
    """One hand rule. ``check(record) -> bool``: True when the rule fires (the span is no
    candidate, the part does not stand alone, the candidate or pair is dropped, or, at the
    ranking stage, the entry's score is multiplied by ``factor``)."""

    name: str
    stage: str
    lang: str
    check: Callable[[Any], bool]
    why: str
    examples: tuple = field(default=())
    factor: float = 1.0


REGISTRY: list[Rule] = []
_BY_NAME: dict[str, Rule] = {}
_OFF: set[str] = set()


def rule(name: str, stage: str, lang: str, why: str, examples: tuple = (), factor: float = 1.0):
    """Decorator registering ``check`` as a rule."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")

    def deco(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
        r = Rule(name, stage, lang, check, why, tuple(examples), factor)
        if name in _BY_NAME:
            raise ValueError(f"rule {name!r} registered twice")
        REGISTRY.append(r)
        _BY_NAME[name] = r
        return check

    return deco


def get(name: str) -> Rule:
    _load()
    return _BY_NAME[name]


def fires(name: str, record: Any, lang: str | None = None) -> bool:
    """True when rule ``name`` is on, applies to ``lang`` and its check holds for ``record``."""
    r = _BY_NAME.get(name)
    if r is None:
        _load()
        r = _BY_NAME[name]
    if _OFF and name in _OFF or (lang is not None and r.lang != "*" and r.lang != lang):
        return False
    return bool(r.check(record))


def factor(name: str, record: Any) -> float:
    """The ranking factor of rule ``name`` when it fires, else 1."""
    return get(name).factor if fires(name, record) else 1.0


@contextlib.contextmanager
def disabled(*names: str) -> Iterator[None]:
    """Switch rules off inside the block (ablation)."""
    _load()
    for n in names:
        if n not in _BY_NAME:
            raise KeyError(n)
    before = set(_OFF)
    _OFF.update(names)
    try:
        yield
    finally:
        _OFF.clear()
        _OFF.update(before)


def _load() -> None:
    """Import the modules that register rules."""
    from . import rules_pair, rules_span, termhood  # noqa: F401
