"""Page handlers shared by the app: home, lookup, export, and small helpers; the alignment
and glossary pages are in ``align_views`` and ``glossary_views``."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..curation import CurationStore, store_path
from ..errors import InputError
from ..review import ReviewStore, review_path, threshold
from ..review.publish import min_score_of

if TYPE_CHECKING:
    from .app import Ctx

__all__ = ["home", "lookup_page", "export", "score_class", "pieces", "integer", "curation", "reviews",
           "review_threshold", "MAX_QUERY_CHARS"]

MAX_QUERY_CHARS = 500


def reviews(ctx: "Ctx") -> ReviewStore:
    return ReviewStore(review_path(ctx.out))


def curation(ctx: "Ctx") -> CurationStore:
    return CurationStore(store_path(ctx.out, folder=True))


def review_threshold(ctx: "Ctx") -> float:
    return threshold(min_score_of(reviews(ctx)))


def score_class(score: float, limit: float = 0.5) -> str:
    """CSS class of a score badge: under the review threshold, middling, good."""
    return "low" if score < limit else "mid" if score < (1 + limit) / 2 else "good"


def pieces(text: str, spans) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, highlighted) for a template (autoescaped, no markup built)."""
    out, pos = [], 0
    for s, e in sorted(spans):
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[max(s, pos):e], True))
        pos = max(pos, e)
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def integer(data: dict, name: str, default: int | None = None) -> int:
    v = data.get(name, "")
    if v == "" and default is not None:
        return default
    try:
        return int(v)
    except (TypeError, ValueError):
        raise InputError(f"{name}: expected a whole number, got {v!r}") from None


async def home(request: Request, ctx: "Ctx") -> Response:
    def load():
        limit = review_threshold(ctx)
        docs = reviews(ctx).documents(limit)
        g = curation(ctx).glossary()
        return docs, Counter(e.status for e in g.entries), len(g.entries), limit

    docs, statuses, n_terms, limit = await run_in_threadpool(load)
    return ctx.page(request, "home.html", docs=docs, statuses=statuses, n_terms=n_terms, limit=limit,
                    title="documents")


async def lookup_page(request: Request, ctx: "Ctx") -> Response:
    q = request.query_params.get("q", "").strip()
    lang = request.query_params.get("from", "auto")
    if lang not in ("auto", "fr", "en"):
        raise InputError(f"from={lang!r}: choose auto, fr or en")
    if len(q) > MAX_QUERY_CHARS:
        raise InputError(f"the query has {len(q)} characters; look up a term or a phrase (at most {MAX_QUERY_CHARS})")
    result, error, current = None, "", {}
    if q:
        from ..lookup import lookup

        def run():
            r = lookup(ctx.out / "termkit.db", q, lang=lang, limit=20)
            g = curation(ctx).glossary()  # statuses decided since the index was built
            return r, {e.id: e for e in g.entries}

        try:
            result, current = await run_in_threadpool(run)
        except InputError as e:
            error = str(e)
    from ..lookup.render import loose_note

    return ctx.page(request, "lookup.html", q=q, lang=lang, result=result, lookup_error=error, current=current,
                    pieces=pieces, note=loose_note(result) if result else "", title=f"lookup: {q}" if q else "lookup")


async def export(request: Request, ctx: "Ctx") -> Response:
    from ..review.publish import publish
    from .app import back, form

    data = await form(request, ctx)
    changed = await run_in_threadpool(publish, ctx.out)
    ctx.dirty.clear()
    nxt = data.get("next", "/")
    return back(nxt if nxt.startswith("/") and not nxt.startswith("//") else "/",
                f"files written from your decisions ({len(changed)} changed)")
