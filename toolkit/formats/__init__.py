"""Every file format termkit reads and writes (FORMATS.md).

Glossaries (``Glossary``): tbx (TBX v2 TBX-Basic), tbx3 (TBX v3 TBX-Basic DCA), csv, memoq,
phrase (XLSX), omegat (TSV), xlsx (review sheet). Alignments (``list[Alignment]``): tmx, tsv,
jsonl, links (beads only). Names, extensions and what each format carries are declared once
in ``registry.FORMATS``. Each module has ``read(path)`` and ``write(obj, target, **opts)``;
a path is written atomically (``fileio``), text formats also accept an open stream (stdout);
every parse failure is a ``ParseError`` naming the file and the line or element. Format
modules are imported on first use.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Callable

from ..errors import ParseError, UnsupportedFormat
from . import registry

__all__ = [
    "GLOSSARY_WRITERS", "GLOSSARY_READERS", "ALIGNMENT_WRITERS", "ALIGNMENT_READERS",
    "GLOSSARY_EXTENSIONS", "ALIGNMENT_EXTENSIONS",
    "read_glossary", "write_glossary", "read_alignments", "write_alignments",
    "sniff_glossary", "sniff_tbx", "registry",
]

# --format name -> module (under toolkit.formats), from the registry
_GLOSSARY_MODULES = {f.name: f.module for f in registry.of_kind("glossary")}
_ALIGNMENT_MODULES = {f.name: f.module for f in registry.of_kind("alignment")}

# default file extension per format (what the CLI appends)
GLOSSARY_EXTENSIONS = {f.name: f.extensions[0] for f in registry.of_kind("glossary")}
ALIGNMENT_EXTENSIONS = {f.name: f.extensions[0] for f in registry.of_kind("alignment")}


def _module(name: str):
    return importlib.import_module(f"{__name__}.{name}")


class _Lazy(dict):
    """A dict of format name → function that imports the format module on first access."""

    def __init__(self, modules: dict[str, str], attr: str):
        super().__init__()
        self._modules, self._attr = modules, attr
        for k in modules:
            dict.__setitem__(self, k, None)

    def __getitem__(self, key) -> Callable:
        if key not in self._modules:
            raise KeyError(key)
        return getattr(_module(self._modules[key]), self._attr)

    def get(self, key, default=None):
        return self[key] if key in self._modules else default

    def values(self):
        return [self[k] for k in self._modules]

    def items(self):
        return [(k, self[k]) for k in self._modules]


GLOSSARY_WRITERS = _Lazy(_GLOSSARY_MODULES, "write")
GLOSSARY_READERS = _Lazy(_GLOSSARY_MODULES, "read")
ALIGNMENT_WRITERS = _Lazy(_ALIGNMENT_MODULES, "write")
ALIGNMENT_READERS = _Lazy(_ALIGNMENT_MODULES, "read")


def sniff_tbx(path: str | os.PathLike) -> str:
    """"tbx" for a v2 ``martif`` root, "tbx3" for a v3 ``tbx`` root (reads the start only)."""
    from ._xml import root_name

    p = Path(path)
    root = root_name(p)
    if root == "martif":
        return "tbx"
    if root == "tbx":
        return "tbx3"
    raise ParseError(f"{p.name}: root element <{root}> is neither TBX v2 <martif> nor TBX v3 <tbx>")


def sniff_glossary(path: str | os.PathLike) -> str:
    """Format name from the file name (and the root element for .tbx/.xml)."""
    p = Path(path)
    f = registry.sniff(p, "glossary")
    return sniff_tbx(p) if f.name in ("tbx", "tbx3") else f.name


def _check_fmt(fmt: str, known: dict, what: str) -> None:
    if fmt not in known:
        raise UnsupportedFormat(f"unknown {what} format {fmt!r}; choose one of {', '.join(known)}")


def read_glossary(path: str | os.PathLike, fmt: str | None = None):
    """Read a glossary in any supported format; ``fmt=None`` sniffs it from the extension."""
    from ..fileio import check_input  # on use: importing the registry (the CLI's choices) stays light

    p = check_input(path, "glossary")
    fmt = fmt or sniff_glossary(p)
    _check_fmt(fmt, _GLOSSARY_MODULES, "glossary")
    return GLOSSARY_READERS[fmt](p)


def write_glossary(glossary, path: str | os.PathLike, fmt: str | None = None, **opts) -> int:
    """Write ``glossary``; ``fmt=None`` picks the format from the extension (``.tbx`` → v2)."""
    p = Path(path)
    if fmt is None:
        name = p.name.lower()
        fmt = "tbx" if name.endswith((".tbx", ".xml")) else sniff_glossary(p)
    _check_fmt(fmt, _GLOSSARY_MODULES, "glossary")
    return GLOSSARY_WRITERS[fmt](glossary, p, **opts)


def read_alignments(path: str | os.PathLike, fmt: str | None = None):
    """Read list[Alignment] from TMX, TSV or JSONL (sniffed from the extension)."""
    from ..fileio import check_input

    p = check_input(path)
    fmt = fmt or registry.sniff(p, "alignment").name
    if fmt == "links":
        raise UnsupportedFormat(f"{p.name}: a links file has beads only, no text; pass a .tsv, .jsonl or .tmx")
    _check_fmt(fmt, _ALIGNMENT_MODULES, "alignment")
    return ALIGNMENT_READERS[fmt](p)


def write_alignments(alignments, target, fmt: str | None = None, **opts) -> int:
    """Write list[Alignment] as ``fmt`` (tmx, tsv, jsonl, links) to a path (atomically) or to
    an open text stream (``fmt`` then required); returns the rows/TUs written."""
    if fmt is None:
        if hasattr(target, "write"):
            raise UnsupportedFormat("writing alignments to a stream needs an explicit format")
        fmt = registry.sniff(target, "alignment").name
    _check_fmt(fmt, _ALIGNMENT_MODULES, "alignment")
    return ALIGNMENT_WRITERS[fmt](alignments, target if hasattr(target, "write") else Path(target), **opts)
