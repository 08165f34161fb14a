"""Byte-level evidence for the decoder: magic numbers, byte-order marks, the NUL
pattern of UTF-16 without BOM, and how plausible a cp1252 reading is."""
from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError

__all__ = ["BOMS", "binary_kind", "reject_binary", "utf16_without_bom", "Cp1252Stats"]

# Magic numbers of formats people save under a text extension by mistake:
# (signature, what it is - in file(1)'s words, what to do). Executables and other
# formats without a distinctive start are caught by their NUL bytes.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image", "OCR it first or pass the text"),
    (b"\xff\xd8\xff", "JPEG image", "OCR it first or pass the text"),
    (b"GIF87a", "GIF image", "pass the text file"),
    (b"GIF89a", "GIF image", "pass the text file"),
    (b"%PDF-", "PDF document", "rename it to .pdf"),
    (b"PK\x03\x04", "ZIP archive", "if it is a .docx, give it its real extension"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office 97-2003 document", "save it as .docx"),
    (b"\x1f\x8b", "gzip archive", "decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive", "extract it first"),
    (b"Rar!\x1a\x07", "RAR archive", "extract it first"),
    (b"SQLite format 3\x00", "SQLite database", "pass the text file"),
)
NUL_KIND = ("contains NUL bytes", "pass the text file, or --encoding if it is UTF-16/32 without BOM")

# BOMs, longest first (UTF-32 LE starts with the UTF-16 LE BOM).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Non-ASCII characters that occur in French/English/Western European text stored as cp1252
# (Latin-1 letters, œ/Œ/Ÿ, typographic punctuation). Anything else - C1 controls, Š/Ž/ƒ,
# ˆ/˜, box symbols - counts against the cp1252 reading.
_CP1252_PUNCT = set("’‘‚“”„«»‹›–—…€•°§©®™·\u00a0ªº²³¹¼½¾£¥¢¶†‡‰µ¿¡×÷¬´¨¯¸")
LEGACY_LETTERS_MAX = 0.30  # share of non-ASCII letters a cp1252 reading may have...
LEGACY_LETTERS_SLACK = 3  # ... plus a few, so that a short "à côté" passes
IMPLAUSIBLE_MAX = 0.01  # share of non-ASCII characters outside the plausible set


def _plausible_cp1252(ch: str) -> bool:
    o = ord(ch)
    return (0xC0 <= o <= 0xFF) or ch in "œŒŸ" or ch in _CP1252_PUNCT


# A well-formed UTF-8 multibyte sequence; in a cp1252 file these are mojibake ("Ã©").
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = bytes(range(128, 256))
MIXED_SHARE = 0.1  # UTF-8 sequences >= 10 % of the high bytes: a UTF-8 file with damage
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NOT_TEXT = {"Cc", "Cn", "Co", "Cs"}  # controls, unassigned, private use, lone surrogates


def binary_kind(head: bytes) -> tuple[str, str] | None:
    """(what it is, what to do) for binary data, None for text."""
    for sig, name, todo in MAGIC:
        if head.startswith(sig):
            return name, todo
    return NUL_KIND if b"\x00" in head else None


def utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without BOM shows NULs at every other byte (the high byte of ASCII)."""
    n = len(head) - len(head) % 2
    if n < 4:
        return None
    even = head[0:n:2].count(0)
    odd = head[1:n:2].count(0)
    half = n // 2
    codec = None
    if odd > 0.6 * half and even < 0.05 * half:
        codec = "utf-16-le"
    elif even > 0.6 * half and odd < 0.05 * half:
        codec = "utf-16-be"
    if codec is None:
        return None
    text = head[:n].decode(codec, "replace")
    bad = sum(unicodedata.category(c) in _NOT_TEXT and c not in "\t\n\r\f" for c in text)
    return codec if bad <= 0.01 * len(text) else None


def reject_binary(name: str, head: bytes) -> None:
    kind = binary_kind(head)
    if kind:
        raise InputError(f"{name}: looks like a binary file ({kind[0]}), not text; {kind[1]}")




class Cp1252Stats:
    """Counts, over a file decoded as cp1252, what tells Western prose from a misreading.

    French prose has 2-5 % accented letters; Russian cp1251 read as cp1252 has ~100 %.
    A valid UTF-8 sequence ("Ã©" in cp1252) means a UTF-8 file with some damage.
    Letters are counted over the first ``SAMPLE`` characters only (enough evidence, and a
    100 MB file stays fast); UTF-8 sequences over the whole file.
    """

    SAMPLE = 4_000_000

    def __init__(self) -> None:
        self.chars = self.letters = self.nonascii_letters = self.nonascii = self.implausible = 0
        self.high = self.utf8_bytes = self.utf8_seqs = 0

    def feed(self, raw: bytes, text: str) -> None:
        seqs = _UTF8_SEQ.findall(raw)
        self.utf8_seqs += len(seqs)
        self.utf8_bytes += sum(map(len, seqs))
        self.high += len(raw) - len(raw.translate(None, _HIGH))
        if self.chars >= self.SAMPLE:
            return
        text = text[: self.SAMPLE - self.chars]
        self.chars += len(text)
        self.letters += len(_LETTER.findall(text))
        if not text.isascii():
            high = _NON_ASCII.findall(text)
            self.nonascii += len(high)
            self.nonascii_letters += sum(c.isalpha() for c in high)
            self.implausible += sum(not _plausible_cp1252(c) for c in high)

    def objection(self) -> str | None:
        """Why the cp1252 reading is not credible, or None when it is."""
        if self.utf8_seqs >= 2 and self.utf8_bytes >= MIXED_SHARE * self.high:
            return "mostly UTF-8 with some other bytes: a mix of encodings or damage"
        if (self.nonascii_letters > LEGACY_LETTERS_MAX * self.letters + LEGACY_LETTERS_SLACK
                or self.implausible > IMPLAUSIBLE_MAX * self.nonascii):
            return "not UTF-8, and not plausible cp1252"
        return None
