"""monolingual(): ranked candidates of one language."""
from __future__ import annotations

from toolkit.terms import monolingual

LINES = [
    "La criminalité organisée menace la stabilité.",
    "Les États luttent contre la criminalité organisée.",
    "La criminalité organisée transnationale profite de la cybercriminalité.",
]


def test_french_ranked_list():
    out = monolingual(LINES, "fr")
    forms = [f for f, _score, _surfaces in out]
    assert forms[0] == "criminalité organisée"
    assert "cybercriminalité" in forms  # a lone word rare in general language
    assert "stabilité" not in forms  # a lone common word
    assert [s for _f, s, _c in out] == sorted((s for _f, s, _c in out), reverse=True)


def test_english_and_min_freq():
    out = monolingual(["Organized crime is a threat.", "Organized crime grows."], "en", min_freq=2)
    assert [(f, dict(c)) for f, _s, c in out] == [("organized crime", {"organized crime": 2})]
