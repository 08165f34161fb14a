"""Where a ``--model`` is on disk: a local folder, or a hub name found in the local Hugging
Face cache. Standard library only, so a wrong name fails in a fraction of a second, before
torch or numpy are imported; nothing here (or anywhere in termkit) touches the network."""
from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["resolve_model", "hub_cache"]


def hub_cache() -> Path:
    """The Hugging Face hub cache folder (HF_HUB_CACHE, HF_HOME/hub or ~/.cache/huggingface/hub)."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"])
    home = os.environ.get("HF_HOME") or os.path.join(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"),
                                                     "huggingface")
    return Path(home) / "hub"


def _cached_snapshot(repo: str) -> Path | None:
    """The local snapshot folder of a hub model ``org/name`` already in the cache, or None."""
    root = hub_cache() / ("models--" + repo.replace("/", "--"))
    snaps = root / "snapshots"
    if not snaps.is_dir():
        return None
    ref = root / "refs" / "main"
    if ref.is_file():
        cand = snaps / ref.read_text(encoding="utf-8").strip()
        if cand.is_dir():
            return cand
    found = sorted((p for p in snaps.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    return found[0] if found else None


def resolve_model(name: str | os.PathLike) -> Path:
    """A local folder for ``--model``: a path as given, or a hub name (``sentence-transformers/
    LaBSE``, ``LaBSE``) found in the local cache. Never the network: a name that is not
    on disk fails at once with a one-line InputError."""
    from ..errors import InputError

    text = os.fspath(name)
    p = Path(text).expanduser()
    if p.is_dir():
        return p
    if p.exists():
        raise InputError(f"--model {text}: is a file; give the model's folder")
    if re.fullmatch(r"[\w.-]+(/[\w.-]+)?", text) and not text.startswith("."):
        for repo in ((text,) if "/" in text else (text, f"sentence-transformers/{text}")):
            snap = _cached_snapshot(repo)
            if snap is not None:
                return snap
    raise InputError(
        f"cannot load the model {text!r}: not a local folder and not in the Hugging Face cache "
        f"({hub_cache()}); termkit never downloads at run time: pass --model /path/to/model "
        "(or download it once on a machine with internet, see the README)")
