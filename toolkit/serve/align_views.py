"""Alignment review of one document: beads lowest confidence first (or in document
order), both texts side by side, and the edits (``review.ReviewStore``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..errors import BuildLocked, InputError
from ..review import HUMAN_MARKS
from ..review.beads import spans
from .views import integer, review_threshold, reviews

if TYPE_CHECKING:
    from .app import Ctx

__all__ = ["align_page", "align_edit", "ORDERS"]

ORDERS = ("score", "doc")
PAGE = 150  # beads per page


def _cards(r, limit: float) -> list[dict]:
    al = r.alignment
    rng = spans(al.beads)
    texts = [(fr, en) for fr, en, _ in al.pairs()]
    cards = []
    for k, b in enumerate(al.beads):
        cards.append({
            "k": k, "score": b.score, "mark": b.mark, "kind": b.kind,
            "fr": [(i, al.fr[i].text, al.fr[i].kind) for i in b.fr_ids],
            "en": [(j, al.en[j].text, al.en[j].kind) for j in b.en_ids],
            "fr_range": rng[k][0], "en_range": rng[k][1],
            "low": b.score < limit and b.mark not in HUMAN_MARKS,
            "prev": texts[k - 1] if k > 0 else None, "next": texts[k + 1] if k + 1 < len(texts) else None,
            "last": k + 1 == len(al.beads),
        })
    return cards


async def align_page(request: Request, ctx: "Ctx") -> Response:
    doc = request.path_params["doc"]
    order = request.query_params.get("order", "score")
    if order not in ORDERS:
        raise InputError(f"order={order!r}: choose score or doc")
    shown = integer(dict(request.query_params), "show", PAGE)

    def load():
        limit = review_threshold(ctx)
        store = reviews(ctx)
        r = store.get(doc)
        return r, limit, store.history(doc, 8)

    r, limit, history = await run_in_threadpool(load)
    cards = _cards(r, limit)
    if order == "score":  # a person's beads last: they are judged already
        cards.sort(key=lambda c: (c["mark"] in HUMAN_MARKS, c["score"], c["k"]))
    n_low = sum(1 for c in cards if c["low"])
    from urllib.parse import quote

    return ctx.page(request, "align.html", r=r, cards=cards[:max(shown, 1)], total=len(cards), n_low=n_low,
                    action=f"/align/{quote(doc)}/edit", n_fr=len(r.alignment.fr), n_en=len(r.alignment.en),
                    limit=limit, order=order, history=history, shown=shown, page_size=PAGE,
                    title=f"review: {doc}")


def _apply(ctx: "Ctx", doc: str, data: dict) -> tuple[int, str]:
    """Run one edit; returns (bead to show, message)."""
    store = reviews(ctx)
    op = data.get("op", "")
    version = integer(data, "version")
    k = integer(data, "bead", 0)
    kw = {"if_version": version, "origin": "serve"}
    if op == "merge":
        store.merge(doc, k, **kw)
        msg = f"bead {k} merged with the next one"
    elif op == "split":
        store.split(doc, k, integer(data, "fr_at"), integer(data, "en_at"), **kw)
        msg = f"bead {k} split in two"
    elif op == "relink":
        fr = (integer(data, "fr_lo"), integer(data, "fr_hi") + 1)
        en = (integer(data, "en_lo"), integer(data, "en_hi") + 1)
        if data.get("fr_none"):
            fr = (fr[0], fr[0])
        if data.get("en_none"):
            en = (en[0], en[0])
        store.relink(doc, k, fr, en, **kw)
        msg = f"bead {k} relinked"
    elif op == "mark":
        value = data.get("mark", "")
        store.mark(doc, k, value, **kw)
        msg = {"ok": f"bead {k} confirmed", "wrong": f"bead {k} marked wrong: left out of the TMX"}.get(
            value, f"bead {k} given back to the aligner")
    elif op == "undo":
        store.undo(doc, **kw)
        msg = "last edit undone"
    else:
        raise InputError(f"op={op!r}: choose merge, split, relink, mark or undo")
    from ..review.publish import write_document

    ctx.dirty.add("corpus TMX and lookup index")
    try:
        write_document(ctx.out, doc)
    except BuildLocked:
        ctx.dirty.add(f"{doc} TMX/TSV")
        msg += " (saved; a build is running, the TMX/TSV will follow)"
    else:
        ctx.dirty.discard(f"{doc} TMX/TSV")
        msg += "; TMX and TSV updated"
    return k, msg


async def align_edit(request: Request, ctx: "Ctx") -> Response:
    from .app import back, form

    doc = request.path_params["doc"]
    data = await form(request, ctx)
    order = data.get("order", "score") if data.get("order") in ORDERS else "score"
    k, msg = await run_in_threadpool(_apply, ctx, doc, data)
    from urllib.parse import quote

    return back(f"/align/{quote(doc)}?order={order}", msg, anchor=f"b{k}")
