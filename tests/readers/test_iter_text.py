"""Streaming reads: same text as read_text, pieces end on line boundaries, bounded size."""
from __future__ import annotations

import codecs
import warnings

import pytest

from toolkit.errors import InputError
from toolkit.readers import DecodeWarning, iter_text, read_text

LINE = "Le Conseil permanent reconnaît l’œuvre de l’OSCE — coopération policière n° {}.\n"


def _pieces(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DecodeWarning)
        return list(iter_text(path, **kw))


def test_20mb_file_streams_to_the_same_text(tmp_path):
    p = tmp_path / "big.txt"
    block = "".join(LINE.format(i) for i in range(2000))
    with p.open("w", encoding="utf-8", newline="\r\n") as fh:
        while fh.tell() < 20_000_000:
            fh.write(block)
    pieces = list(iter_text(p, chunk_chars=1 << 20))
    assert len(pieces) >= 9
    assert all(piece.endswith("\n") for piece in pieces)
    assert max(map(len, pieces)) <= 2 * (1 << 20)
    assert "".join(pieces) == read_text(p)
    assert "\r" not in pieces[0]


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF16_LE + (LINE.format(1) * 50).encode("utf-16-le"),
    (LINE.format(2) * 50).encode("utf-16-be"),
    codecs.BOM_UTF8 + (LINE.format(3) * 50).encode(),
    (LINE.format(4) * 50).encode("cp1252"),
    (LINE.format(5) * 50 + "fin").encode(),  # no final newline
    ("ab\r\n" * 200).encode(),
])
def test_small_chunks_match_read_text(tmp_path, data):
    p = tmp_path / "a.md"
    p.write_bytes(data)
    pieces = _pieces(p, chunk_chars=37)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DecodeWarning)
        assert "".join(pieces) == read_text(p)


def test_truncated_utf8_streams_with_a_warning(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(("x" * 100 + "é").encode()[:-1])
    with pytest.warns(DecodeWarning, match="ends inside a multibyte character"):
        assert "".join(iter_text(p, chunk_chars=16)) == "x" * 100


def test_a_long_line_is_cut_to_bound_memory(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("y" * 10_000 + "\n", encoding="utf-8")
    pieces = _pieces(p, chunk_chars=100)
    assert max(map(len, pieces)) <= 4096 + 400  # one read block + the 4 x chunk_chars cut
    assert "".join(pieces) == "y" * 10_000 + "\n"


def test_errors_are_raised_before_the_first_piece(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(InputError, match="looks like a binary file"):
        iter_text(p)  # no next() needed
    with pytest.raises(InputError, match="no such file"):
        iter_text(tmp_path / "missing.txt")


def test_other_formats_yield_read_text(tmp_path):
    p = tmp_path / "p.html"
    p.write_text("<p>un</p><p>deux</p>", encoding="utf-8")
    assert list(iter_text(p)) == ["un\n\ndeux"]


@pytest.mark.parametrize("content", [b"", b"\n" * 10_000 + b"  "])
def test_empty_and_blank_files_yield_nothing(tmp_path, content):
    p = tmp_path / "e.txt"
    p.write_bytes(content)
    assert list(iter_text(p, chunk_chars=4096)) == []  # blank text is held up to 4 x chunk_chars


def test_leading_blank_lines_are_kept_before_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\n" * 50 + b"texte\n")
    assert "".join(iter_text(p, chunk_chars=16)) == read_text(p) == "\n" * 50 + "texte\n"


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF16_LE + (LINE.format(1) * 20).encode("utf-16-le"),
    (LINE.format(2) * 20).encode("utf-16-be"),
    codecs.BOM_UTF8 + (LINE.format(3) * 20).encode(),
    (LINE.format(4) * 20).encode("cp1252"),
    ("ab\r\n" * 100 + "c" * 50 + "\r\n").encode(),
])
@pytest.mark.parametrize("block", [1, 3, 7])
def test_odd_read_blocks_split_characters_bom_and_crlf(tmp_path, data, block):
    """Byte blocks that cut through BOMs, UTF-8 sequences, UTF-16 units and CR LF pairs."""
    from toolkit.readers.decode import decode_bytes, iter_decoded

    def chunks():
        return (data[i:i + block] for i in range(0, len(data), block))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DecodeWarning)
        pieces = list(iter_decoded(chunks, "a.txt", None, 5))
        assert "".join(pieces) == decode_bytes(data, "a.txt")
    assert all("\r" not in piece for piece in pieces)
