"""Glossary curation: the list (filters by status, score, document, text), one entry with
its edit form, history and every example in both languages. Decisions go through the
curation store (``CurationStore.decide`` with the version the page showed)."""
from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..errors import InputError
from ..text import fold
from ..types import STATUSES, TERM_KINDS
from .views import MAX_QUERY_CHARS, curation, integer, pieces

if TYPE_CHECKING:
    from .app import Ctx

__all__ = ["glossary_page", "entry_page", "entry_decide"]

PAGE = 50
SORTS = {"score": lambda e: (-e.score, e.fr.casefold()), "freq": lambda e: (-e.freq, e.fr.casefold()),
         "fr": lambda e: e.fr.casefold(), "en": lambda e: e.en.casefold()}
ACTIONS = {"approve": "approved", "reject": "rejected", "reset": "new"}


def _filters(params) -> dict:
    f = {k: params.get(k, "").strip() for k in ("status", "doc", "q", "min", "sort", "page")}
    if f["status"] and f["status"] not in STATUSES:
        raise InputError(f"status={f['status']!r}: choose {', '.join(STATUSES)}")
    if f["sort"] and f["sort"] not in SORTS:
        raise InputError(f"sort={f['sort']!r}: choose {', '.join(SORTS)}")
    if len(f["q"]) > MAX_QUERY_CHARS:
        raise InputError(f"the filter has {len(f['q'])} characters (at most {MAX_QUERY_CHARS})")
    try:
        f["min_score"] = float(f["min"]) if f["min"] else None
    except ValueError:
        raise InputError(f"min={f['min']!r}: expected a score such as 0.5") from None
    f["page_n"] = max(1, integer(f, "page", 1))
    return f


async def glossary_page(request: Request, ctx: "Ctx") -> Response:
    f = _filters(request.query_params)

    def load():
        store = curation(ctx)
        return store.glossary(), store.versions()

    g, versions = await run_in_threadpool(load)
    docs = sorted({d for e in g.entries for d in e.docs})
    q = fold(f["q"]).casefold()
    rows = [e for e in g.entries
            if (not f["status"] or e.status == f["status"]) and (not f["doc"] or f["doc"] in e.docs)
            and (f["min_score"] is None or e.score >= f["min_score"])
            and (not q or q in fold(e.fr).casefold() or q in fold(e.en).casefold()
                 or any(q in fold(v).casefold() for v in e.fr_variants + e.en_variants))]
    rows.sort(key=SORTS[f["sort"] or "score"])
    page = f["page_n"]
    shown = rows[(page - 1) * PAGE: page * PAGE]
    keep = {k: f[k] for k in ("status", "doc", "q", "min", "sort") if f[k]}
    here = "/glossary" + ("?" + urlencode({**keep, "page": page}) if keep or page > 1 else "")
    return ctx.page(request, "glossary.html", rows=shown, n_rows=len(rows), n_all=len(g.entries), f=f, docs=docs,
                    versions=versions, page=page, pages=max(1, -(-len(rows) // PAGE)), keep=keep, here=here,
                    statuses=STATUSES, sorts=list(SORTS), urlencode=urlencode, quote=quote, title="glossary")


async def entry_page(request: Request, ctx: "Ctx") -> Response:
    eid = request.path_params["entry"]

    def load():
        store = curation(ctx)
        e = store.entry(eid)
        return e, store.version(eid), store.history(eid, 20), _examples(ctx, e)

    e, version, history, (examples, ex_error) = await run_in_threadpool(load)
    return ctx.page(request, "entry.html", e=e, version=version, history=history, examples=examples,
                    ex_error=ex_error, kinds=TERM_KINDS, statuses=STATUSES, pieces=pieces, quote=quote,
                    back_to=request.query_params.get("back", "/glossary"), title=f"{e.fr} = {e.en}")


def _examples(ctx: "Ctx", e, limit: int = 200):
    """Every aligned pair where the entry's French (or a variant) occurs, its English marked."""
    from ..lookup import Lookup

    try:
        with Lookup(ctx.out / "termkit.db") as lk:
            return lk.concordance([e.fr, *e.fr_variants], "fr", [e.en, *e.en_variants], limit=limit), ""
    except InputError as err:
        return [], str(err)


def _variants(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in text.replace("|", "\n").splitlines() if p.strip()))


def _changes(e, data: dict) -> dict:
    action = data.get("action", "save")
    if action in ACTIONS:
        out = {"status": ACTIONS[action]}
        if "note" in data and data["note"] != e.note:
            out["note"] = data["note"]
        return out
    if action != "save":
        raise InputError(f"action={action!r}: choose approve, reject, reset or save")
    out: dict = {}
    for k in ("fr", "en", "note"):
        if k in data:
            v = data[k].strip() if k != "note" else data[k]
            if k in ("fr", "en") and not v:
                raise InputError(f"the {'French' if k == 'fr' else 'English'} term cannot be empty")
            out[k] = v
    for k in ("fr_variants", "en_variants"):
        if k in data:
            out[k] = _variants(data[k])
    if data.get("kind"):
        if data["kind"] not in TERM_KINDS:
            raise InputError(f"kind={data['kind']!r}: choose {', '.join(TERM_KINDS)}")
        out["kind"] = data["kind"]
    if data.get("status"):
        out["status"] = data["status"]  # checked by the store
    return {k: v for k, v in out.items() if getattr(e, k) != v}


async def entry_decide(request: Request, ctx: "Ctx") -> Response:
    from .app import back, form

    eid = request.path_params["entry"]
    data = await form(request, ctx)
    version = integer(data, "version")

    def decide():
        store = curation(ctx)
        e = store.entry(eid)
        changes = _changes(e, data)
        if not changes:
            return e, "nothing changed"
        new = store.decide(eid, if_version=version, origin="serve", **changes)
        ctx.dirty.add("glossary files")
        return new, f"«{new.fr}» = «{new.en}»: " + ", ".join(f"{k} saved" if k != "status" else new.status
                                                           for k in changes)

    e, msg = await run_in_threadpool(decide)
    nxt = data.get("next", "")
    if not (nxt.startswith("/") and not nxt.startswith("//")):
        nxt = f"/glossary/{quote(eid)}"
    return back(nxt, msg, anchor=data.get("anchor", ""))
