"""PDF -> text with pypdf (BSD-3-Clause, already a dependency).

pypdf's plain extraction keeps the reading order (a two-column page reads column by column)
and the line breaks, but not the space between paragraphs. Its ``visitor_text`` hook gives
the position of every piece of text, so each line gets its baseline y; a vertical gap
clearly larger than the page's usual line pitch (or a jump back up, as at a new column)
becomes a blank line - the paragraph layout of the corpus files, which were extracted the
same way. Lines keep the leading space pypdf gives an indented first line.
"""
from __future__ import annotations

import contextlib
import logging
import math
import re
from pathlib import Path

from ..errors import InputError, TermkitError

__all__ = ["pdf_to_text"]

PARA_GAP = 1.4  # a gap > 1.4 x the usual line pitch separates paragraphs
# Typographic ligatures (Unicode Alphabetic Presentation Forms, U+FB00-FB06) -> letters.
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                           "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SENTENCE_END = tuple(".!?:;»”\")")
NO_TEXT = "no text layer (scanned PDF?); OCR it first or pass a .txt"


def pdf_to_text(path: Path) -> str:
    """The text of every page; paragraphs separated by blank lines."""
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        with _quiet_pypdf():
            reader = pypdf.PdfReader(path, strict=False)
            if reader.is_encrypted:
                _decrypt(reader, path)
            pages = [_page_text(page) for page in reader.pages]
    except TermkitError:
        raise
    except DependencyError:
        raise InputError(
            f"{path}: encrypted PDF that needs the 'cryptography' package to open; "
            "pip install cryptography, or decrypt it (qpdf --decrypt) or pass a .txt"
        ) from None
    except FileNotDecryptedError:
        raise InputError(f"{path}: password-protected PDF; remove the password or pass a .txt") from None
    except Exception as err:  # noqa: BLE001 - pypdf raises many types on damaged files
        raise InputError(
            f"{path}: not a readable PDF ({type(err).__name__}: {err}); re-export it or pass a .txt"
        ) from None
    if not pages:
        raise InputError(f"{path}: PDF without pages; re-export it or pass a .txt")
    if not any(p.strip() for p in pages):
        raise InputError(f"{path}: {NO_TEXT}")
    return _join_pages([p for p in pages if p.strip()])


@contextlib.contextmanager
def _quiet_pypdf():
    """pypdf logs repairs of damaged files ("EOF marker not found") to stderr; the reader
    reports what matters through its errors, so these are silenced while it reads."""
    log = logging.getLogger("pypdf")
    old = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(old)


def _decrypt(reader, path: Path) -> None:
    """Open a PDF that only has an owner password (restrictions); refuse a user password."""
    from pypdf import PasswordType

    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise InputError(
            f"{path}: password-protected PDF; remove the password (qpdf --decrypt) or pass a .txt"
        )


def _page_text(page) -> str:
    """One page: pypdf's lines, with a blank line where the layout has a paragraph gap."""
    lines: list[list] = [["", None, 0.0]]  # [text, baseline y, font size]

    def visit(text, cm, tm, font, size):
        if not text:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        first, *rest = text.split("\n")
        _put(lines[-1], first, y, size * scale)
        for piece in rest:
            lines.append(["", None, 0.0])
            _put(lines[-1], piece, None, 0.0)

    page.extract_text(visitor_text=visit)
    lines = [ln for ln in lines if ln[0].strip()]
    pitch = _pitch(lines)
    out: list[str] = []
    prev = None
    for text, y, size in lines:
        if prev is not None and y is not None and prev[1] is not None and out:
            gap = prev[1] - y
            if gap > PARA_GAP * (pitch or 1.2 * max(size, prev[2])) or gap < -2 * max(size, 1.0):
                out.append("")
        out.append(_clean(text))
        prev = (text, y, size)
    return "\n".join(out)


def _put(line: list, text: str, y, size: float) -> None:
    if line[1] is None and text.strip() and y is not None:
        line[1], line[2] = y, size
    line[0] += text


def _pitch(lines: list[list]) -> float | None:
    """The page's body line pitch: the smallest baseline-to-baseline distance between
    0.9 and 2.05 font sizes (solid to double spacing; smaller steps are super/subscripts).
    The smallest, not the most common: on a page of one-line paragraphs the paragraph gap
    is the most common distance."""
    gaps = []
    for (_, y0, s0), (_, y1, s1) in zip(lines, lines[1:]):
        if y0 is not None and y1 is not None:
            d, size = y0 - y1, max(s0, s1, 1.0)
            if 0.9 * size <= d <= 2.05 * size:
                gaps.append(d)
    return min(gaps) if gaps else None


def _clean(line: str) -> str:
    return _CONTROL.sub("", line.translate(LIGATURES)).rstrip()


def _join_pages(pages: list[str]) -> str:
    """A page that ends a sentence ends a block; otherwise the text runs on to the next page."""
    out = pages[0].strip("\n")
    for page in pages[1:]:
        sep = "\n\n" if out.rstrip().endswith(_SENTENCE_END) else "\n"
        out += sep + page.strip("\n")
    return out
