"""Builders for reader test inputs: every PDF, DOCX and HTML file is made in tmp_path."""
from __future__ import annotations

from pathlib import Path

import pytest

def canvas_pdf(path: Path, pages: list[list[tuple[float, str]]], **enc) -> Path:
    """A PDF with each (y, text) line drawn at x=72 in Helvetica 11 (line pitch 14 pt)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), **enc)
    for lines in pages:
        c.setFont("Helvetica", 11)
        for y, text in lines:
            c.drawString(72, y, text)
        c.showPage()
    c.save()
    return path


@pytest.fixture
def make_pdf():
    return canvas_pdf


@pytest.fixture
def write(tmp_path):
    def _write(name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
        p = tmp_path / name
        p.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
        return p

    return _write
