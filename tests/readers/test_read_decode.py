"""Text decoding: BOMs, UTF-16 without BOM, cp1252 fall-back, truncation, binary, errors."""
from __future__ import annotations

import codecs
import warnings

import pytest

from toolkit.errors import InputError, UnsupportedFormat
from toolkit.readers import DecodeWarning, read_text

FR = "Le Conseil permanent,\nconscient de l’œuvre « Été » accomplie à Vienne.\n"


def _quiet(path, **kw):
    """read_text that fails the test on any DecodeWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DecodeWarning)
        return read_text(path, **kw)


def test_utf8(write):
    assert _quiet(write("a.txt", FR)) == FR


def test_utf8_bom_is_dropped(write):
    assert _quiet(write("a.txt", codecs.BOM_UTF8 + FR.encode())) == FR


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(write, codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert _quiet(write("a.txt", bom + FR.encode(codec))) == FR


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(write, codec):
    assert _quiet(write("a.md", FR.encode(codec))) == FR


def test_crlf_becomes_lf(write):
    assert _quiet(write("a.txt", "un\r\ndeux\rtrois\n")) == "un\ndeux\ntrois\n"


def test_cp1252_french_is_detected_and_reported(write):
    data = "Décision : l’œuvre d’État.\n".encode("cp1252")
    assert b"\x92" in data and b"\x9c" in data  # ’ and œ in cp1252
    with pytest.warns(DecodeWarning, match=r"a\.txt: not UTF-8 .*decoded as cp1252"):
        assert read_text(write("a.txt", data)) == "Décision : l’œuvre d’État.\n"


def test_latin1_bytes_read_as_cp1252(write):
    with pytest.warns(DecodeWarning):
        assert read_text(write("a.txt", "à côté".encode("latin-1"))) == "à côté"


def test_explicit_encoding_is_used_without_warning(write):
    assert _quiet(write("a.txt", FR.encode("cp1252")), encoding="cp1252") == FR


def test_explicit_encoding_that_does_not_fit(write):
    with pytest.raises(InputError, match=r"a\.txt: undecodable bytes at offset 3 .*pass --encoding"):
        read_text(write("a.txt", b"abc\xe9def"), encoding="utf-8")


def test_unknown_encoding_name(write):
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_text(write("a.txt", "x"), encoding="klingon")


def test_truncated_utf8_keeps_the_rest_and_warns(write):
    data = "Coopération policière".encode()[:-1] + "é".encode()[:1]
    with pytest.warns(DecodeWarning, match=r"ends inside a multibyte character at offset 22"):
        assert read_text(write("a.txt", data)) == "Coopération policièr"


def test_cyrillic_cp1251_error_names_the_likely_encoding(write):
    text = "Международное полицейское сотрудничество и обмен информацией между странами. " * 4
    with pytest.raises(InputError, match=r"charset-normalizer guesses (cp1251|mac_cyrillic)\); re-save as UTF-8"):
        read_text(write("a.txt", text.encode("cp1251")))


def test_no_guess_for_damaged_utf8(write):
    with pytest.raises(InputError) as err:
        read_text(write("a.txt", "déjà vu ".encode() * 50 + b"\x81\x8d\x8f\x90\x9d" * 20))
    assert str(err.value).endswith("undecodable bytes at offset 500 (neither UTF-8 nor cp1252); re-save as UTF-8 or pass --encoding")


def test_cyrillic_cp1251_is_not_mangled(write):
    with pytest.raises(InputError, match=r"a\.txt: undecodable bytes at offset 0 .*re-save as UTF-8 or pass --encoding"):
        read_text(write("a.txt", "Международная полицейская сотрудничество".encode("cp1251")))


def test_utf8_with_one_cp1252_byte_is_not_read_as_cp1252(write):
    data = "Coopération policière ".encode() + "l’État".encode("cp1252")
    with pytest.raises(InputError, match=r"offset 25 \(mostly UTF-8 with some other bytes"):
        read_text(write("a.txt", data))


def test_mixed_utf8_and_undefined_cp1252_byte(write):
    with pytest.raises(InputError, match=r"undecodable bytes at offset 6"):
        read_text(write("a.txt", "État ".encode() + b"\x81 x"))


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
    (b"abc\x00\x01\x02def\x00\xff", "contains NUL bytes"),
])
def test_binary_with_text_extension(write, data, kind):
    with pytest.raises(InputError, match=rf"a\.txt: looks like a binary file \({kind}\), not text; \w+"):
        read_text(write("a.txt", data))


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", codecs.BOM_UTF8 + b"\r\n", "\n \n".encode("utf-16")])
def test_empty_and_whitespace_only(write, content):
    assert _quiet(write("a.txt", content)) == ""


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt: no such file; check the path"):
        read_text(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(InputError, match=r": is a directory; pass a file"):
        read_text(tmp_path)


def test_unsupported_extension(write):
    with pytest.raises(UnsupportedFormat, match=r"a\.rtf: unsupported file type '\.rtf'; save it as \.docx or \.txt"):
        read_text(write("a.rtf", r"{\rtf1 x}"))


def test_extension_is_case_insensitive(write):
    assert _quiet(write("A.TXT", "ok")) == "ok"


def test_unreadable_file(write, monkeypatch):
    p = write("a.txt", "x")
    monkeypatch.setattr("toolkit.readers.os.access", lambda *a: False)  # root ignores chmod 000
    with pytest.raises(InputError, match=r"a\.txt: permission denied; check the file's permissions"):
        read_text(p)
