"""Every rule of the registry on its own examples (toolkit/terms/rules*.py)."""
from __future__ import annotations

import pytest

from toolkit.terms import candidates as cand
from toolkit.terms import rules as R
from toolkit.terms.records import Candidate, PairChoice, PairEvidence

R._load()
CASES = [(r, ex) for r in R.REGISTRY for ex in r.examples]


def _candidate(d: dict) -> Candidate:
    d = dict(d)
    if "ntok" in d:  # corpus size the select stage sees
        from toolkit.terms import termhood

        termhood._CORPUS_TOKENS[0] = d.pop("ntok")
    if "stats" in d:  # the other candidates the select stage sees
        from toolkit.terms import termhood

        termhood._STATS[0] = {k: _candidate(dict(v, content=tuple(k.split()))) for k, v in d.pop("stats").items()}
    kind = d.pop("kind", "term")
    content = d.pop("content", ("x",))
    c = Candidate(d.pop("key", " ".join(content)), content, **d)
    c.kinds = {kind: 1}
    return c


def _choice(d: dict) -> PairChoice:
    d = dict(d)
    fr, en = d.pop("fr", "x"), d.pop("en", "x")
    kind = d.pop("kind", "term")
    c = _candidate(dict(content=d.pop("content", tuple(fr.lower().split())), kind=kind))
    ev = PairEvidence(c.key, en.lower(), n=d.pop("n", 1))
    return PairChoice(c, fr, en, en.lower(), kind, d.pop("translation", 1.0), 1.0, 1.0, ev)


def _occurrence(text: str, surface: str):
    _toks, found = cand.spans(text, "fr")
    hits = [s for s in found if s.surface == surface]
    assert hits, f"{surface!r} is no candidate of {text!r}: {[s.surface for s in found]}"
    return hits[0]


def test_every_rule_is_documented():
    assert len({r.name for r in R.REGISTRY}) == len(R.REGISTRY)
    for r in R.REGISTRY:
        assert r.stage in R.STAGES and r.why and r.lang in ("fr", "en", "*")
        assert r.examples or r.name == "same_english_nested", r.name


@pytest.mark.parametrize("r,example", CASES, ids=[f"{r.name}-{n}" for n, (r, _e) in enumerate(CASES)])
def test_rule_example(r, example):
    if r.stage in ("span", "part") and isinstance(example[0], str):
        text, surface, expected = example
        assert r.check(_occurrence(text, surface)) is expected
    elif r.stage == "select":
        fields, expected = example
        assert bool(r.check(_candidate(fields))) is expected
    elif isinstance(example[0], dict) and ("fr" in example[0] and "en" in example[0] and r.stage == "span"):
        from toolkit.terms.extract import Bead

        fields, expected = example
        assert bool(r.check(Bead("d", fields["fr"], fields["en"], (), ()))) is expected
    else:
        fields, expected = example
        assert bool(r.check(_choice(fields))) is expected


def test_disabled_switches_a_rule_off():
    occ = _occurrence("Les autorités concernées répondent.", "autorités concernées")
    assert R.fires("weak_adjective_end", occ, "fr")
    with R.disabled("weak_adjective_end"):
        assert not R.fires("weak_adjective_end", occ, "fr")
    assert R.fires("weak_adjective_end", occ, "fr")
    with pytest.raises(KeyError):
        with R.disabled("no such rule"):
            pass
