"""Input readers: a document file -> its text, and fr/en language detection.

    read_text(path, encoding=None) -> str
    iter_text(path, encoding=None, chunk_chars=1 << 20) -> Iterator[str]
    detect_language(text) -> (lang | None, confidence)

The format is chosen by extension (case-insensitive, see SUPPORTED_EXTENSIONS). Text is
returned with LF newlines; blocks (paragraphs, headings, list blocks, table cells) are
separated by a blank line, list items start with "• " or their number. Problems raise
``toolkit.errors.InputError`` (``UnsupportedFormat`` for an unknown extension) with a
message "<path>: what went wrong; what to do". Recoverable decoding problems (a UTF-8 file
cut inside its last character, a cp1252 fall-back) are reported with
``warnings.warn(message, DecodeWarning)``; the CLI shows them on stderr, a library user
can turn them into errors with ``warnings.simplefilter("error", DecodeWarning)``.
Importing this package reads no file and imports no parser.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

from ..errors import InputError, UnsupportedFormat
from ..fileio import check_input, display
from .decode import DecodeWarning, decode_bytes, iter_decoded
from .langid import detect_language

__all__ = [
    "read_text",
    "iter_text",
    "read_lines_text",
    "check_readable",
    "detect_language",
    "DecodeWarning",
    "SUPPORTED_EXTENSIONS",
]

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
_PLAIN = (".txt", ".md")
# What to tell the user for formats people commonly try.
_CONVERT = {".doc": "save it as .docx", ".odt": "save it as .docx", ".rtf": "save it as .docx or .txt"}


def check_readable(path: str | os.PathLike) -> Path:
    """``path`` if termkit can read it as a document (an existing regular file with a
    supported extension), else the InputError ``read_text`` would raise."""
    return _check(path)[0]


def _check(path: str | os.PathLike) -> tuple[Path, str]:
    """The path and its lower-case extension, after the checks every format needs (a
    regular file: a FIFO or a device is refused instead of read forever)."""
    p = check_input(path)
    ext = p.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        what = _CONVERT.get(ext, "convert it to .txt")
        raise UnsupportedFormat(
            f"{display(p)}: unsupported file type {ext or '(no extension)'!r}; {what} "
            f"(supported: {', '.join(SUPPORTED_EXTENSIONS)})"
        )
    if not os.access(p, os.R_OK):
        raise InputError(f"{display(p)}: permission denied; check the file's permissions")
    return p, ext


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except PermissionError:
        raise InputError(f"{display(p)}: permission denied; check the file's permissions") from None
    except OSError as err:
        raise InputError(f"{display(p)}: cannot be read ({err.strerror or err}); check the file") from None


def read_text(path: str | os.PathLike, encoding: str | None = None,
              on_removed: Callable[[str, str], None] | None = None) -> str:
    """The decoded text of a .txt, .md, .html/.htm, .pdf or .docx file.

    ``encoding`` forces the codec of text and HTML files (ignored for PDF and DOCX).
    ``on_removed(kind, text)`` hears of the page furniture a reader leaves out (HTML
    boilerplate; PDF running headers, page numbers, footnote markers), e.g.
    ``toolkit.segment.SegmentReport().add``.
    .txt/.md come back as stored (newlines normalised to LF). An empty or
    whitespace-only file gives "", never an error (the caller decides what empty means).
    """
    p, ext = _check(path)
    if ext in _PLAIN:
        return decode_bytes(_read_bytes(p), display(p), encoding)
    if ext in (".html", ".htm"):
        from .html import html_to_text

        return html_to_text(_read_bytes(p), display(p), encoding, on_removed)
    if ext == ".pdf":
        from .pdf import pdf_to_text

        return pdf_to_text(p, on_removed)
    from .docx import docx_to_text

    return docx_to_text(p)


def read_lines_text(path: str | os.PathLike, encoding: str | None = None) -> str:
    """The text of a file given one segment per line, whatever its extension (``.seg``,
    ``.txt``, none): decoded as plain text (binary data refused), except that .html/.htm,
    .pdf and .docx documents go through their reader."""
    p = check_input(path)
    if p.suffix.lower() in SUPPORTED_EXTENSIONS and p.suffix.lower() not in _PLAIN:
        return read_text(p, encoding)
    if not os.access(p, os.R_OK):
        raise InputError(f"{display(p)}: permission denied; check the file's permissions")
    return decode_bytes(_read_bytes(p), display(p), encoding)


def iter_text(
    path: str | os.PathLike, encoding: str | None = None, chunk_chars: int = 1 << 20,
    on_removed: Callable[[str, str], None] | None = None,
) -> Iterator[str]:
    """Stream a .txt/.md file in pieces of ``chunk_chars`` to about 2 * chunk_chars characters.

    Each piece ends on a line boundary (a single line longer than 4 * chunk_chars is cut),
    so memory stays bounded on a 100 MB file; ``"".join(iter_text(p)) == read_text(p)``.
    The file is read twice: once to decide the encoding, once to decode. Other formats
    yield ``read_text(path)`` once. All checks run before the first piece is yielded.
    """
    if chunk_chars < 1:
        raise ValueError("chunk_chars must be positive")
    p, ext = _check(path)
    if ext not in _PLAIN:
        return iter((read_text(p, encoding, on_removed),))
    name = display(p)
    size = max(4096, min(1 << 20, chunk_chars))  # bytes per read

    def chunks() -> Iterator[bytes]:
        try:
            with p.open("rb") as fh:
                while block := fh.read(size):
                    yield block
        except PermissionError:
            raise InputError(f"{display(p)}: permission denied; check the file's permissions") from None

    gen = iter_decoded(chunks, name, encoding, chunk_chars)
    first = next(gen, None)  # run the encoding decision now, not at the caller's first next()
    return _prepend(first, gen)


def _prepend(first: str | None, rest: Iterator[str]) -> Iterator[str]:
    if first is not None:
        yield first
        yield from rest
