"""Web page furniture recognised by structure: what an element is, not what it says.

``classify(tag, get, inside_main, has_h1)`` says whether an element (and its subtree) is
kept, dropped silently (scripts, hidden elements) or dropped as furniture (navigation, cookie
banners, share bars, breadcrumbs, related-content boxes), which the reader reports. The
rules are the table ``toolkit/data/web_furniture.tsv``.
"""
from __future__ import annotations

import functools
import re
from typing import Callable

from ..langdata import load_tsv

__all__ = ["classify", "is_main", "MAIN_SHARE"]

# Not text: their subtree is dropped silently.
NONTEXT = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "button", "select", "textarea", "map",
})
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# a page whose single <main> holds at least this share of the visible text is read from it
MAIN_SHARE = 0.5


@functools.cache
def _rules() -> tuple[frozenset[str], frozenset[str], re.Pattern[str], re.Pattern[str]]:
    rows = load_tsv(None, "web_furniture.tsv")
    by: dict[str, list[str]] = {}
    for kind, value in rows:
        by.setdefault(kind, []).append(value)

    def words(kind: str) -> re.Pattern[str]:
        # a whole word of an id/class/label, plural allowed, camelCase split: "cookie" in
        # "cookie-consent", "cookieBanner", "CookieNotice", "cookies"; not in "cookiejar"
        forms = {f for v in by.get(kind, []) for f in (v, v.capitalize(), v.upper())}
        alts = "|".join(re.escape(v) for v in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?:^|(?<=[^A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z]))(?:{alts})(?:s|S)?"
                          r"(?=$|[^a-z]|[A-Z])")
    return frozenset(by.get("tag", [])), frozenset(by.get("role", [])), words("strong"), words("weak")


def is_main(tag: str, get: Callable[[str], str | None]) -> bool:
    return tag in ("main", "article") or (get("role") or "").lower() == "main"


def classify(tag: str, get: Callable[[str], str | None], inside_main: bool,
             has_h1: Callable[[], bool]) -> str | None:
    """None (kept), "hidden" (dropped silently) or "furniture" (dropped and reported)."""
    if tag in NONTEXT:
        return "hidden"
    if (get("hidden") is not None or (get("aria-hidden") or "").lower() == "true"
            or HIDDEN_STYLE_RE.search(get("style") or "")):
        return "hidden"
    tags, roles, strong, weak = _rules()
    role = (get("role") or "").lower()
    if tag in tags or role in roles or (get("aria-modal") or "").lower() == "true":
        return "furniture"
    names = " ".join(v for v in (get("id"), get("class")) if v)
    if not names and not get("aria-label"):
        return None
    if strong.search(names) or strong.search(get("aria-label") or ""):
        return "furniture"
    if not inside_main and not is_main(tag, get) and weak.search(names) and not has_h1():
        return "furniture"
    return None
