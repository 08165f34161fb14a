"""Byte -> text decoding with evidence: BOMs, UTF-16 without BOM, UTF-8, then a cp1252
fall-back only when the decoded text looks like Western European prose.

The decision (:func:`sniff`) reads the bytes as a stream of chunks, so the same plan serves
``read_text`` (one chunk in memory) and ``iter_text`` (a 100 MB file read twice in 1 MiB
chunks). Recoverable problems (a UTF-8 file cut inside its last character, a cp1252
fall-back) are reported with ``warnings.warn(..., DecodeWarning)``; everything else raises
:class:`~toolkit.errors.InputError` with "<path>: what went wrong; what to do".
"""
from __future__ import annotations

import codecs
import re
import unicodedata
import warnings
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from ..errors import InputError

__all__ = ["DecodeWarning", "Plan", "sniff", "decode_bytes", "iter_decoded", "normalize_newlines", "emit_notes"]

HEAD = 1 << 16  # bytes looked at for BOMs, magic numbers and the UTF-16 NUL pattern
FIX = "re-save as UTF-8 or pass --encoding"

Chunks = Callable[[], Iterable[bytes]]  # a factory, so a file can be read twice


class DecodeWarning(UserWarning):
    """A file was decoded, but not exactly as stored (truncation, legacy encoding)."""


@dataclass(frozen=True, slots=True)
class Plan:
    """How to decode a file: codec, BOM bytes to skip, whether a cut tail is expected."""

    codec: str
    skip: int = 0
    notes: tuple[str, ...] = ()  # warnings to emit once the text is produced


# Magic numbers of formats people save under a text extension by mistake.
# (signature, offset, name) - the names follow file(1)'s wording.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"%PDF-", 0, "PDF document; rename it to .pdf"),
    (b"PK\x03\x04", 0, "ZIP archive, e.g. .docx/.xlsx; give it its real extension"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "MS Office 97-2003 document; save it as .docx"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!", 0, "RAR archive"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"MZ", 0, "Windows executable"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
)

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
_LEGACY_LETTERS_MAX = 0.30  # French prose: 2-5 % of letters are accented; cp1251 Russian misread: ~100 %
_LEGACY_LETTERS_SLACK = 3  # ... plus a few, so that a short "à côté" passes
_HINT_MIN_BYTES = 200  # charset-normalizer's guess on fewer bytes is noise
_IMPLAUSIBLE_MAX = 0.01


def _plausible_cp1252(ch: str) -> bool:
    o = ord(ch)
    return (0xC0 <= o <= 0xFF) or ch in "œŒŸ" or ch in _CP1252_PUNCT


# A well-formed UTF-8 multibyte sequence; in a cp1252 file these are mojibake ("Ã©").
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = bytes(range(128, 256))
_MIXED_SHARE = 0.1  # UTF-8 sequences >= 10 % of the high bytes: a UTF-8 file with damage
_NOT_TEXT = {"Cc", "Cn", "Co", "Cs"}  # controls, unassigned, private use, lone surrogates


def _binary_kind(head: bytes) -> str | None:
    for sig, off, name in MAGIC:
        if head[off:off + len(sig)] == sig:
            return name
    return None


def _utf16_without_bom(head: bytes) -> str | None:
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


def _fail(name: str, offset: int, why: str = "") -> InputError:
    extra = f" ({why})" if why else ""
    return InputError(f"{name}: undecodable bytes at offset {offset}{extra}; {FIX}")


def _check_codec(name: str, encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            f"{name}: unknown encoding {encoding!r}; pass a Python codec name such as utf-8, cp1252 or utf-16"
        ) from None


def _stream_check(chunks: Chunks, codec: str, skip: int) -> tuple[int | None, bool, dict]:
    """Decode the whole stream with ``codec``; return (error offset, cut at end, stats).

    ``cut at end`` is True when the only problem is an incomplete character at the very end.
    ``stats`` counts letters, non-ASCII letters, implausible cp1252 characters and NULs.
    """
    dec = codecs.getincrementaldecoder(codec)("strict")
    pos = 0
    stats = {"letters": 0, "nonascii_letters": 0, "nonascii": 0, "implausible": 0,
             "high": 0, "utf8_bytes": 0, "utf8_seqs": 0}
    legacy = codec == "cp1252"
    for chunk in chunks():
        if skip:
            cut = min(skip, len(chunk))
            chunk, skip, pos = chunk[cut:], skip - cut, pos + cut
        try:
            text = dec.decode(chunk)
        except UnicodeDecodeError as err:
            buffered = len(dec.getstate()[0]) if hasattr(dec, "getstate") else 0
            return pos - buffered + err.start, False, stats
        pos += len(chunk)
        if legacy and text:
            _count(text, stats)
            seqs = _UTF8_SEQ.findall(chunk)
            stats["utf8_seqs"] += len(seqs)
            stats["utf8_bytes"] += sum(map(len, seqs))
            stats["high"] += len(chunk) - len(chunk.translate(None, _HIGH))
    pending = len(dec.getstate()[0])
    if pending:
        return pos - pending, True, stats
    return None, False, stats


def _count(text: str, stats: dict) -> None:
    if text.isascii():
        stats["letters"] += sum(c.isalpha() for c in text)
        return
    for ch in text:
        if ch.isalpha():
            stats["letters"] += 1
            if ord(ch) > 127:
                stats["nonascii_letters"] += 1
        if ord(ch) > 127:
            stats["nonascii"] += 1
            if not _plausible_cp1252(ch):
                stats["implausible"] += 1


def _guess_hint(chunks: Chunks) -> str:
    """charset-normalizer's opinion, for the error message only (never to decode)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return ""
    head = b"".join(c for c, _ in zip(chunks(), range(4)))[:HEAD]
    if len(head) < _HINT_MIN_BYTES:
        return ""
    best = from_bytes(head).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return ""
    return f"; charset-normalizer guesses {best.encoding}"


def sniff(chunks: Chunks, name: str, encoding: str | None = None) -> Plan:
    """Decide how to decode the byte stream ``chunks()`` of file ``name``.

    Raises InputError for binary data and for bytes no candidate decodes with confidence.
    """
    head = b""
    for chunk in chunks():
        head += chunk
        if len(head) >= HEAD:
            break
    head = head[:HEAD]
    bom = next(((b, c) for b, c in BOMS if head.startswith(b)), None)
    if encoding is not None:
        codec = _check_codec(name, encoding)
        skip = len(bom[0]) if bom and codecs.lookup(bom[1]).name == codec else 0
        if codec.startswith("utf-8") and bom and bom[1] == "utf-8":
            codec, skip = "utf-8", 3
        if not codec.startswith(("utf-16", "utf-32")):
            _reject_binary(name, head)
        off, cut, _ = _stream_check(chunks, codec, skip)
        if off is not None and not cut:
            raise _fail(name, off, f"not valid {encoding}")
        return Plan(codec, skip, (_cut_note(name, off),) if cut else ())
    if bom:
        b, codec = bom
        off, cut, _ = _stream_check(chunks, codec, len(b))
        if off is not None and not cut:
            raise _fail(name, off, f"invalid {codec} after its byte-order mark")
        return Plan(codec, len(b), (_cut_note(name, off),) if cut else ())
    if not head:
        return Plan("utf-8")
    utf16 = _utf16_without_bom(head)
    if utf16:
        off, cut, _ = _stream_check(chunks, utf16, 0)
        if off is None or cut:
            return Plan(utf16, 0, (_cut_note(name, off),) if cut else ())
    _reject_binary(name, head)
    off, cut, _ = _stream_check(chunks, "utf-8", 0)
    if off is None:
        return Plan("utf-8")
    if cut:
        return Plan("utf-8", 0, (_cut_note(name, off),))
    return _legacy(chunks, name, off)


def _reject_binary(name: str, head: bytes) -> None:
    kind = _binary_kind(head)
    if kind is None and b"\x00" in head:
        kind = "contains NUL bytes"
    if kind:
        raise InputError(f"{name}: looks like a binary file ({kind}), not text")


def _legacy(chunks: Chunks, name: str, utf8_off: int) -> Plan:
    """Not UTF-8: accept cp1252 only if the text it gives looks like Western prose."""
    off, _, st = _stream_check(chunks, "cp1252", 0)
    if off is not None:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in cp1252
        raise _fail(name, utf8_off, "neither UTF-8 nor cp1252" + _guess_hint(chunks))
    if st["utf8_seqs"] >= 2 and st["utf8_bytes"] >= _MIXED_SHARE * st["high"]:
        raise _fail(name, utf8_off, "mostly UTF-8 with some other bytes: a mix of encodings or damage")
    letters = st["letters"]
    if (st["nonascii_letters"] > _LEGACY_LETTERS_MAX * letters + _LEGACY_LETTERS_SLACK
            or st["implausible"] > _IMPLAUSIBLE_MAX * st["nonascii"]):
        raise _fail(name, utf8_off, "not UTF-8, and not plausible cp1252" + _guess_hint(chunks))
    note = (f"{name}: not UTF-8 (invalid byte at offset {utf8_off}); decoded as cp1252 "
            f"(Windows Western European); pass --encoding if that is wrong")
    return Plan("cp1252", 0, (note,))


def _cut_note(name: str, off: int) -> str:
    return (f"{name}: file ends inside a multibyte character at offset {off} "
            f"(truncated?); the incomplete character was dropped")


def emit_notes(plan: Plan) -> None:
    for note in plan.notes:
        warnings.warn(note, DecodeWarning, stacklevel=4)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR -> LF, so every reader returns LF-only text."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode a whole file held in memory (see :func:`sniff`); newlines become LF."""
    plan = sniff(lambda: (data,), name, encoding)
    dec = codecs.getincrementaldecoder(plan.codec)("strict")
    text = dec.decode(data[plan.skip:], final=False)  # a cut last character stays in the buffer
    emit_notes(plan)
    return normalize_newlines(text)


def iter_decoded(chunks: Chunks, name: str, encoding: str | None, chunk_chars: int) -> Iterator[str]:
    """Yield the decoded text in pieces of about ``chunk_chars`` ending on a line boundary.

    A line longer than 4 * chunk_chars is cut (memory stays bounded). Newlines become LF.
    """
    plan = sniff(chunks, name, encoding)
    emit_notes(plan)
    dec = codecs.getincrementaldecoder(plan.codec)("strict")
    skip, buf, size = plan.skip, [], 0
    for chunk in chunks():
        if skip:
            cut = min(skip, len(chunk))
            chunk, skip = chunk[cut:], skip - cut
        text = dec.decode(chunk)
        if not text:
            continue
        buf.append(text)
        size += len(text)
        if size < chunk_chars:
            continue
        joined = "".join(buf)
        end = joined.rfind("\n") + 1
        if end == 0 and size >= 4 * chunk_chars:
            end = len(joined) - (joined.endswith("\r"))  # keep a CR with its LF
        if end:
            yield normalize_newlines(joined[:end])
            joined = joined[end:]
        buf, size = ([joined], len(joined)) if joined else ([], 0)
    if buf:
        yield normalize_newlines("".join(buf))

