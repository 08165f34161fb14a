"""The ASGI application: routes, request checks, error pages.

Every page is rendered on the server (Jinja2, autoescaped); forms post with a per-server
token (a page on another site cannot post to the app) and the version of what they
change (two tabs: the second gets a conflict page, nothing is overwritten). Errors are
pages with one clear message and a 4xx status; an unexpected error is a 500 page, the
traceback goes to the server's log only.
"""
from __future__ import annotations

import contextlib
import logging
import secrets
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..curation.store import Conflict, UnknownEntry
from ..errors import BuildLocked, InputError, TermkitError
from ..review.store import UnknownDocument
from . import align_views, glossary_views, views

__all__ = ["create_app", "MAX_BODY"]

HERE = Path(__file__).parent
MAX_BODY = 256 << 10  # a form is a few hundred bytes; refuse anything large
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
log = logging.getLogger("termkit.serve")


class Ctx:
    """What every handler needs: the build folder, templates, token, unsaved-files flags."""

    def __init__(self, out: Path, allow_remote: bool):
        self.out = out
        self.allow_remote = allow_remote
        self.token = secrets.token_urlsafe(24)
        self.dirty: set[str] = set()
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.filters["score_class"] = views.score_class
        self.env.globals["token"] = self.token

    def page(self, request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        context.setdefault("msg", request.query_params.get("msg", ""))
        context.setdefault("error", "")
        html = self.env.get_template(name).render(request=request, out=self.out, dirty=sorted(self.dirty), **context)
        return HTMLResponse(html, status_code=status)


async def form(request: Request, ctx: Ctx) -> dict[str, str]:
    """The posted form (urlencoded), token checked; one value per field."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip()
    if ctype != "application/x-www-form-urlencoded":
        raise HTTPException(415, "send the form as application/x-www-form-urlencoded")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise HTTPException(413, f"the form is larger than {MAX_BODY // 1024} KB")
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        raise HTTPException(400, "the form is not UTF-8") from None
    data = {k: v[-1] for k, v in fields.items()}
    if not secrets.compare_digest(data.get("token", ""), ctx.token):
        raise HTTPException(403, "this form comes from an old page or another site; reload the page and try again")
    return data


def back(url: str, msg: str = "", anchor: str = "") -> RedirectResponse:
    """Post/redirect/get: back to ``url`` with a message."""
    import re

    anchor = re.sub(r"[^\w-]", "", anchor)
    sep = "&" if "?" in url else "?"
    target = url + (sep + urlencode({"msg": msg}) if msg else "") + (f"#{anchor}" if anchor else "")
    return RedirectResponse(target, status_code=303)


def create_app(out: str | Path, *, allow_remote: bool = False) -> Starlette:
    """The web app over the build folder ``out``."""
    ctx = Ctx(Path(out).resolve(), allow_remote)

    def wrap(handler):
        async def endpoint(request: Request) -> Response:
            return await handler(request, ctx)
        endpoint.__name__ = handler.__name__
        return endpoint

    routes = [
        Route("/", wrap(views.home)),
        Route("/align/{doc:str}", wrap(align_views.align_page)),
        Route("/align/{doc:str}/edit", wrap(align_views.align_edit), methods=["POST"]),
        Route("/glossary", wrap(glossary_views.glossary_page)),
        Route("/glossary/{entry:str}", wrap(glossary_views.entry_page)),
        Route("/glossary/{entry:str}/decide", wrap(glossary_views.entry_decide), methods=["POST"]),
        Route("/lookup", wrap(views.lookup_page)),
        Route("/export", wrap(views.export), methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]

    def error_page(request: Request, status: int, message: str) -> HTMLResponse:
        ref = urlsplit(request.headers.get("referer", ""))
        same = ref.netloc == request.headers.get("host") and ref.path.startswith("/")
        reload = (ref.path + (f"?{ref.query}" if ref.query else "")) if same else ""
        return ctx.page(request, "error.html", status=status, error=message, status_code=status, reload=reload,
                        title=f"error {status}")

    async def http_error(request: Request, exc: HTTPException) -> Response:
        msg = exc.detail if isinstance(exc.detail, str) and exc.detail else "error"
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"no page at {request.url.path}"
        if exc.status_code == 405:
            msg = f"{request.method} is not allowed on {request.url.path}"
        return error_page(request, exc.status_code, msg)

    async def known_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, (UnknownEntry, UnknownDocument)):
            return error_page(request, 404, str(exc))
        if isinstance(exc, Conflict):
            return error_page(request, 409, str(exc))
        if isinstance(exc, BuildLocked):
            return error_page(request, 409, f"{exc} (your decision is saved; files are written when it ends)")
        if isinstance(exc, InputError):
            return error_page(request, 400, str(exc))
        return error_page(request, 500, str(exc))

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_page(request, 500, f"unexpected {type(exc).__name__}; the server log has the details")

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        if ctx.dirty:  # decisions are in the stores already; bring the files up to date
            from ..review.publish import publish

            try:
                await run_in_threadpool(publish, ctx.out)
                log.warning("termkit serve: files updated from your decisions")
            except TermkitError as e:
                log.warning("termkit serve: files not updated (%s); run `termkit build` or export again", e)

    inner = Starlette(routes=routes, lifespan=lifespan,
                      exception_handlers={HTTPException: http_error, TermkitError: known_error, Exception: unexpected})
    return App(inner, ctx)


class App:
    """The Starlette app behind a Host check: without ``allow_remote`` only loopback names
    are served (a foreign name resolving to 127.0.0.1 is DNS rebinding)."""

    def __init__(self, inner: Starlette, ctx: Ctx):
        self.inner, self.ctx = inner, ctx

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and not self.ctx.allow_remote:
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if _host_name(host) not in LOOPBACK:
                await HTMLResponse("Host not allowed: open the app at http://127.0.0.1", status_code=421)(
                    scope, receive, send)
                return
        await self.inner(scope, receive, send)


def _host_name(host: str) -> str:
    """``127.0.0.1:8765`` -> ``127.0.0.1``; ``[::1]:8765`` -> ``[::1]``."""
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
