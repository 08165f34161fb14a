"""``termkit serve``: a local web app over a build folder, for the translator's review.

- ``/align/<doc>``: the beads of a document, lowest confidence first, both texts side by
  side; merge, split, relink, mark ok/wrong, undo (keyboard shortcuts, ``?`` lists them).
  Edits go to ``.termkit/review.db`` (``toolkit.review``), the document's TMX/TSV are
  rewritten at once, and every later ``termkit build`` re-applies them;
- ``/glossary``: filter by status, score, document, text; approve/reject, edit, note;
  ``/glossary/<id>``: one entry with its history and every example in both languages.
  Decisions go to the curation store (``toolkit.curation``), as ``termkit extract`` and
  ``build`` see them; **Write files** (or stopping the server) rewrites the glossary
  exports with backups, ``aligned/corpus.tmx`` and the lookup index;
- ``/lookup?q=…``: the engine of ``termkit lookup``.

Example::

    app = create_app("path/to/build")        # an ASGI app (Starlette)
    serve("path/to/build", port=8765)        # uvicorn on 127.0.0.1
"""
from __future__ import annotations

import socket
from pathlib import Path

from ..errors import InputError
from ..fileio import display

__all__ = ["create_app", "serve", "check_build_folder", "is_loopback"]

DEFAULT_PORT = 8765


def create_app(out: str | Path, *, allow_remote: bool = False):
    from .app import create_app as _create

    return _create(out, allow_remote=allow_remote)


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_build_folder(out: Path) -> Path:
    """``out`` if it holds a build (``aligned/`` or ``.termkit/``), else a clear error."""
    if not out.is_dir():
        raise InputError(f"{display(out)}: folder not found; pass the folder `termkit build` wrote to")
    if not ((out / ".termkit").is_dir() or (out / "aligned").is_dir()):
        raise InputError(f"{display(out)}: not a termkit build (no aligned/ or .termkit/); run `termkit build` first")
    if not (out / ".termkit" / "review.db").is_file():
        raise InputError(f"{display(out)}: built by an older termkit (no .termkit/review.db); run `termkit build` "
                         "again (your glossary decisions are kept)")
    return out.resolve()


def serve(out: str | Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, allow_remote: bool = False,
          on_ready=None) -> None:
    """Run the app with uvicorn until interrupted. A non-loopback ``host`` needs
    ``allow_remote``: anyone who can reach it can change the glossary."""
    import uvicorn

    if not is_loopback(host) and not allow_remote:
        raise InputError(f"--host {host} would let other machines change your glossary; add --allow-remote "
                         "if you mean it")
    out = check_build_folder(Path(out))
    app = create_app(out, allow_remote=not is_loopback(host))
    try:
        sock = socket.create_server((host.strip("[]"), port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as e:
        raise InputError(f"cannot listen on {host}:{port} ({e.strerror}); try --port {port + 1}") from None
    if on_ready is not None:
        on_ready(f"http://{host if ':' not in host else '[' + host.strip('[]') + ']'}:{sock.getsockname()[1]}/")
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
