"""toolkit.words.resources: the per-user cache answers exactly as simplemma and wordfreq do,
without loading them whole; the lemma layer asks its sources first."""
from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from toolkit.words import lemmas, resources


@pytest.fixture(scope="module")
def store():
    path = resources.ensure_store()
    if path is None:
        pytest.skip("no writable cache folder")
    return path


def _sample() -> dict[str, list[str]]:
    import wordfreq

    from toolkit.text import fold

    out = {}
    for lang in ("fr", "en"):
        rng = random.Random(7)
        words = wordfreq.top_n_list(lang, 5000)
        out[lang] = (rng.sample(words, 600) + [w.capitalize() for w in rng.sample(words, 150)]
                     + [fold(w) for w in rng.sample(words, 200)] + [w.upper() for w in rng.sample(words, 50)]
                     + ["œuvre", "l'ordre", "aujourd'hui", "co-operation", "police-public", "1er", "77/241",
                        "xxie", "straße", "ﬁn", "½", "enforcment", "répressions", "nationaux", "agencies"])
    return out


def test_the_cache_answers_as_the_libraries(store, monkeypatch):
    import simplemma
    import wordfreq

    monkeypatch.setattr(resources, "BATCH", 10**9)  # every word from the cache
    for lang, words in _sample().items():
        for w in words:
            assert resources.lemmatize(w, lang) == simplemma.lemmatize(w, lang), (lang, w)
            assert resources.lemmatize(w, lang) == simplemma.lemmatize(w, lang), (lang, w)  # learned, read back
            assert resources.is_known(w, lang) == simplemma.is_known(w, lang), (lang, w)
            assert resources.zipf(w, lang) == wordfreq.zipf_frequency(w, lang), (lang, w)


def _run(code: str, **env) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, **env}).stdout.strip()


def test_a_dictionary_word_needs_neither_library(store):
    code = ("import sys; from toolkit.words import resources as r; "
            "print(r.lemmatize('agences', 'fr'), r.zipf('police', 'fr') > 4, "
            "'simplemma' in sys.modules, 'wordfreq' in sys.modules)")
    assert _run(code).split() == ["agence", "True", "False", "False"]


def test_without_a_cache_the_libraries_answer(tmp_path):
    code = ("import sys; from toolkit.words import resources as r; "
            "print(r.store_path(), r.lemmatize('agences', 'fr'), r.zipf('police', 'fr') > 4, "
            "'simplemma' in sys.modules)")
    assert _run(code, TERMKIT_CACHE="off").split() == ["None", "agence", "True", "True"]


def test_an_unwritable_cache_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = "from toolkit.words import resources as r; print(r.ensure_store(), r.lemmatize('agences', 'fr'))"
    assert _run(code, TERMKIT_CACHE=str(blocker / "cache")).split() == ["None", "agence"]


def test_sources_are_asked_first_and_answers_cached():
    asked = []

    def source(word, lang):
        asked.append(word)
        return "SOURCE" if word == "zzqx" else None

    lemmas.add_source(source)
    try:
        assert lemmas.lemma("zzqx", "fr") == "SOURCE"
        assert lemmas.lemma("zzqx", "fr") == "SOURCE"
        assert asked == ["zzqx"]  # the second answer came from the cache
        assert lemmas.lemma("agences", "fr") == "agence"  # the source has no answer: simplemma's
    finally:
        lemmas.remove_source(source)
        lemmas._cache.pop(("zzqx", "fr"), None)
