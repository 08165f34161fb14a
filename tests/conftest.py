"""Shared fixtures. ``../shared`` (beside the project root) holds gold data and datasets;
tests that need it skip cleanly where it is absent."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# the word layer's per-user cache (simplemma, wordfreq a word at a time): one per machine for
# the test runs, never the user's own
os.environ.setdefault("TERMKIT_CACHE", os.path.join(tempfile.gettempdir(), "termkit-test-cache"))

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TERMKIT_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return REPO / "corpus"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not present")
    return SHARED


@pytest.fixture(scope="session")
def gold_dir(shared_dir) -> Path:
    d = shared_dir / "gold"
    if not d.is_dir():
        pytest.skip("shared/gold not present")
    return d


@pytest.fixture(scope="session")
def data_dir(shared_dir) -> Path:
    d = shared_dir / "data"
    if not d.is_dir():
        pytest.skip("shared/data not present")
    return d
