"""Language rule tables packaged as text files under ``toolkit/data/<lang>/``.

One entry a line, ``#`` starts a comment, TSV columns where a table needs them
(sacremoses' nonbreaking_prefix files are the model). Loaded once, on first use.
"""
from __future__ import annotations

import functools
from pathlib import Path

from .errors import MissingData, UnsupportedLanguage

__all__ = ["LANGS", "check_lang", "load_lines", "load_tsv", "load_set"]

LANGS = ("fr", "en")
_DATA = Path(__file__).resolve().parent / "data"


def check_lang(lang: str) -> str:
    """``lang`` lower-cased, or UnsupportedLanguage when termkit has no rules for it."""
    lang = (lang or "").lower()
    if lang not in LANGS:
        raise UnsupportedLanguage(f"no rules for {lang!r}; available: {', '.join(LANGS)}")
    return lang


def _read(lang: str | None, name: str) -> str:
    base = _DATA  # a plain path: importlib.resources costs ~8 ms of a one-shot command's import
    path = base / lang / name if lang else base / name
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise MissingData(f"termkit's data table data/{lang + '/' if lang else ''}{name} is missing or "
                          f"unreadable ({type(e).__name__}); reinstall termkit") from None


@functools.cache
def load_lines(lang: str | None, name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``data/<lang>/<name>`` (``lang=None``: ``data/<name>``)."""
    if lang is not None:
        check_lang(lang)
    out = []
    for line in _read(lang, name).splitlines():
        line = line.split(" #", 1)[0].rstrip() if not line.startswith("#") else ""
        if line.strip():
            out.append(line.strip("\n"))
    return tuple(out)


@functools.cache
def load_tsv(lang: str | None, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV table, split on tabs, comments and blank lines skipped."""
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in load_lines(lang, name))


@functools.cache
def load_set(lang: str | None, name: str) -> frozenset[str]:
    """The lines of a one-column table as a set."""
    return frozenset(line.strip() for line in load_lines(lang, name))
