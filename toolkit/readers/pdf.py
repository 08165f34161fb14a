"""PDF -> text with pdfminer.six (MIT), layout-aware.

Why pdfminer.six: it gives every character in content-stream order (reading order, columns
included) with its font size, baseline and box, and the page's rules. Measured on the
generated PDFs of ``benchmarks/segmentation.py``: pypdfium2 (Apache-2.0/BSD-3) is ~3x faster
but its text page re-orders and de-duplicates text objects, and lost 10-12 letters per
document there; pdfplumber (MIT) is pdfminer.six plus its own objects, ~3x slower for the
same characters; pypdf (the previous reader) gives text runs without per-character geometry.

``pdf_layout`` then drops running headers/footers and page numbers, lifts footnote markers and
moves the footnotes after the body. Problems raise ``InputError`` with one clear message;
pdfminer's log stays quiet.
"""
from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Iterator

from ..errors import InputError, TermkitError
from .pdf_layout import Char, Page, Removed, build_lines, layout_text

__all__ = ["pdf_to_text", "read_pages"]

# Typographic ligatures (Unicode Alphabetic Presentation Forms, U+FB00-FB06) -> letters.
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                           "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
CONTROL = frozenset(chr(c) for c in range(32)) | {"\x7f"}
NO_TEXT = "no text layer (scanned PDF?); OCR it first or pass a .txt"
RULE_HEIGHT = 2.0  # a line or rectangle at most this tall and ...
RULE_WIDTH = 20.0  # ... at least this wide is a horizontal rule


def pdf_to_text(path: Path, on_removed: Removed | None = None) -> str:
    """The body text (paragraphs separated by blank lines), then the footnotes.

    ``on_removed(kind, text)`` hears of every running header/footer line, page number and
    footnote marker taken out, and of footnotes joined across pages.
    """
    pages = read_pages(path)
    if not any(ln.size for p in pages for ln in p.lines):
        raise InputError(f"{path}: {NO_TEXT}")
    return layout_text(pages, on_removed)


def read_pages(path: Path) -> list[Page]:
    """Lines and rules of every page, or InputError."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with _quiet_pdfminer(), open(path, "rb") as fh:
            pages = list(_pages(fh))
    except TermkitError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(f"{path}: password-protected PDF; remove the password (qpdf --decrypt) "
                         "or pass a .txt") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err}); check the file") from None
    except Exception as err:  # noqa: BLE001 - pdfminer raises many types on damaged files
        raise InputError(f"{path}: not a readable PDF ({type(err).__name__}: {err}); "
                         "re-export it or pass a .txt") from None
    if not pages:
        raise InputError(f"{path}: PDF without pages; re-export it or pass a .txt")
    return pages


def _pages(fh) -> Iterator[Page]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)  # no layout analysis: stream order
    interpreter = PDFPageInterpreter(manager, device)
    for page in PDFPage.get_pages(fh, check_extractable=False):  # owner restrictions only
        interpreter.process_page(page)
        chars: list[Char] = []
        rules: list[tuple[float, float, float]] = []
        _collect(device.get_result(), chars, rules)
        x0, y0, x1, y1 = page.mediabox
        yield Page(build_lines(chars), rules, y1 - y0)


def _collect(container, chars: list[Char], rules: list) -> None:
    """Upright characters and horizontal rules, descending into form XObjects (LTFigure)."""
    from pdfminer.layout import LTChar, LTCurve, LTFigure

    for obj in container:
        if isinstance(obj, LTChar):
            text = obj.get_text().translate(LIGATURES)
            text = "".join(ch for ch in text if ch not in CONTROL) or (" " if text else "")
            if text and obj.upright:
                chars.append(Char(text, obj.x0, obj.x1, obj.matrix[5], obj.size))
        elif isinstance(obj, LTFigure):
            _collect(obj, chars, rules)
        elif isinstance(obj, LTCurve):  # LTLine and LTRect are curves
            if obj.height <= RULE_HEIGHT and obj.width >= RULE_WIDTH:
                rules.append(((obj.y0 + obj.y1) / 2, obj.x0, obj.x1))


@contextlib.contextmanager
def _quiet_pdfminer():
    """pdfminer logs repairs of damaged files to stderr; the reader reports what matters
    through its errors, so its log is silenced while it reads."""
    log = logging.getLogger("pdfminer")
    old = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(old)
