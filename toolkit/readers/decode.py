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
import warnings
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from ..errors import InputError
from .evidence import BOMS, Cp1252Stats, reject_binary, utf16_without_bom

__all__ = ["DecodeWarning", "Plan", "sniff", "decode_bytes", "iter_decoded", "normalize_newlines", "emit_notes"]

HEAD = 1 << 16  # bytes looked at for BOMs, magic numbers and the UTF-16 NUL pattern
HINT_MIN_BYTES = 200  # charset-normalizer's guess on fewer bytes is noise...
HINT_MIN_COHERENCE = 20.0  # ... and so is one whose reading matches no language
FIX = "re-save as UTF-8 or pass --encoding"

Chunks = Callable[[], Iterable[bytes]]  # a factory, so a file can be read twice


class DecodeWarning(UserWarning):
    """A file was decoded, but not exactly as stored (truncation, legacy encoding)."""


@dataclass(frozen=True, slots=True)
class Plan:
    """How to decode a file: codec, BOM bytes to skip, warnings to emit."""

    codec: str
    skip: int = 0
    notes: tuple[str, ...] = ()  # warnings to emit once the text is produced


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


def _stream_check(chunks: Chunks, codec: str, skip: int, stats: Cp1252Stats | None = None
                  ) -> tuple[int | None, bool]:
    """Decode the whole stream with ``codec``; return (error offset, cut at end).

    ``cut at end`` is True when the only problem is an incomplete character at the very end.
    ``stats``, if given, is fed every chunk and its text.
    """
    dec = codecs.getincrementaldecoder(codec)("strict")
    pos = 0
    for chunk in chunks():
        if skip:
            cut = min(skip, len(chunk))
            chunk, skip, pos = chunk[cut:], skip - cut, pos + cut
        try:
            text = dec.decode(chunk)
        except UnicodeDecodeError as err:
            return pos - len(dec.getstate()[0]) + err.start, False
        pos += len(chunk)
        if stats is not None:
            stats.feed(chunk, text)
    pending = len(dec.getstate()[0])
    if pending:
        return pos - pending, True
    return None, False


def _guess_hint(chunks: Chunks) -> str:
    """charset-normalizer's opinion, for the error message only (never to decode)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return ""
    head = b"".join(c for c, _ in zip(chunks(), range(4)))[:HEAD]
    if len(head) < HINT_MIN_BYTES:
        return ""
    best = from_bytes(head).best()
    if best is None or best.encoding in ("utf_8", "ascii") or best.percent_coherence < HINT_MIN_COHERENCE:
        return ""  # no language recognised in its reading: a guess, not evidence
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
            reject_binary(name, head)
        off, cut = _stream_check(chunks, codec, skip)
        if off is not None and not cut:
            raise _fail(name, off, f"not valid {encoding}")
        return Plan(codec, skip, (_cut_note(name, off),) if cut else ())
    if bom:
        b, codec = bom
        off, cut = _stream_check(chunks, codec, len(b))
        if off is not None and not cut:
            raise _fail(name, off, f"invalid {codec} after its byte-order mark")
        return Plan(codec, len(b), (_cut_note(name, off),) if cut else ())
    if not head:
        return Plan("utf-8")
    utf16 = utf16_without_bom(head)
    if utf16:
        off, cut = _stream_check(chunks, utf16, 0)
        if off is None or cut:
            return Plan(utf16, 0, (_cut_note(name, off),) if cut else ())
    reject_binary(name, head)
    off, cut = _stream_check(chunks, "utf-8", 0)
    if off is None:
        return Plan("utf-8")
    if cut:
        return Plan("utf-8", 0, (_cut_note(name, off),))
    return _legacy(chunks, name, off)


def _legacy(chunks: Chunks, name: str, utf8_off: int) -> Plan:
    """Not UTF-8: accept cp1252 only if the text it gives looks like Western prose."""
    stats = Cp1252Stats()
    off, _ = _stream_check(chunks, "cp1252", 0, stats)
    if off is not None:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in cp1252
        raise _fail(name, utf8_off, "neither UTF-8 nor cp1252" + _guess_hint(chunks))
    objection = stats.objection()
    if objection:
        hint = _guess_hint(chunks) if objection.startswith("not UTF-8") else ""
        raise _fail(name, utf8_off, objection + hint)
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
    """Decode a whole file held in memory (see :func:`sniff`); newlines become LF.

    A whitespace-only file gives "" (empty input is for the caller to judge)."""
    plan = sniff(lambda: (data,), name, encoding)
    dec = codecs.getincrementaldecoder(plan.codec)("strict")
    text = dec.decode(data[plan.skip:], final=False)  # a cut last character stays in the buffer
    emit_notes(plan)
    return normalize_newlines(text) if not text.isspace() else ""


def iter_decoded(chunks: Chunks, name: str, encoding: str | None, chunk_chars: int) -> Iterator[str]:
    """Yield the decoded text in pieces of about ``chunk_chars`` ending on a line boundary.

    A line longer than 4 * chunk_chars is cut (memory stays bounded). Newlines become LF.
    A whitespace-only file yields nothing (leading blank text is held back, up to
    4 * chunk_chars, until some real text follows).
    """
    plan = sniff(chunks, name, encoding)
    emit_notes(plan)
    dec = codecs.getincrementaldecoder(plan.codec)("strict")
    skip, buf, size, started = plan.skip, [], 0, False
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
        if end and (started or size >= 4 * chunk_chars or not joined[:end].isspace()):
            started = True
            yield normalize_newlines(joined[:end])
            joined = joined[end:]
        buf, size = ([joined], len(joined)) if joined else ([], 0)
    rest = "".join(buf)
    if rest and (started or not rest.isspace()):
        yield normalize_newlines(rest)

