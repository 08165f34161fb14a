"""One document pair: read, segment, align. ``align_pair`` is the only way termkit segments
and aligns a pair (``termkit align``, ``check``, ``extract`` on a folder and ``build`` all
call it); ``process_pair`` adds the build's cache and per-document outputs.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .. import __version__
from ..errors import StageError, TermkitError
from ..fileio import check_input, check_output, display, safe_join, write_atomic
from ..review import LOW_CONFIDENCE
from ..types import Alignment, Bead, Segment
from .pairs import DocPair

__all__ = ["DocReport", "stage", "segment_file", "stream_segments", "read_presegmented", "load_segments", "check_settings",
           "align_pair", "process_pair", "LOW_CONFIDENCE", "MAX_DICTIONARY_BYTES"]

Warn = Callable[[str], None]
CACHE_VERSION = 3  # 3: unique names in the key; the cache keeps segmentation's removal report
MAX_DICTIONARY_BYTES = 50 << 20  # a bilingual dictionary larger than this is refused
_LANG_NAMES = {"fr": "French", "en": "English"}


@dataclass
class DocReport:
    doc: str
    fr_segments: int = 0
    en_segments: int = 0
    beads: int = 0
    low_confidence: int = 0  # beads under the review threshold, not judged by a person
    cached: bool = False
    warnings: list[str] = field(default_factory=list)
    # per language, what segmentation removed: {"fr": {"header": {"count": 3, "sample": […]}}}
    removed: dict[str, dict] = field(default_factory=dict)
    low_beads: list[dict] = field(default_factory=list)  # those beads (review.low_beads)
    edits: int = 0  # a person's beads re-applied (termkit serve)


@contextlib.contextmanager
def stage(name: str, doc: str | None = None) -> Iterator[None]:
    """Run a pipeline stage: its own errors (TermkitError, OSError) pass as they are; any other
    exception is a bug in the stage and becomes a StageError naming the stage and document,
    never a silent empty result."""
    try:
        yield
    except (TermkitError, OSError):
        raise
    except Exception as e:
        where = f"{display(doc)}: " if doc else ""
        raise StageError(f"{where}{name} failed ({type(e).__name__}: {str(e)[:200]}); this is a termkit bug, "
                         "re-run with --debug and report it") from e


def segment_file(path: Path, lang: str, on_warning: Warn | None = None, report=None) -> list[Segment]:
    """Read and segment one document; warn when its text is not in ``lang`` (swapped files).
    ``report`` (a ``toolkit.segment.SegmentReport``) learns what was removed."""
    from ..readers import detect_language, read_text
    from ..segment import segment_text

    text = read_text(path, on_removed=report.add if report is not None else None)
    if on_warning is not None and text.strip():
        found, conf = detect_language(text[:20000])
        if found is not None and found != lang and conf >= 0.5:
            on_warning(f"{display(path.name)}: the text looks {_LANG_NAMES.get(found, found)}, expected "
                       f"{_LANG_NAMES.get(lang, lang)} (files swapped or mislabelled?)")
    return segment_text(text, lang, report=report)


def stream_segments(path: Path, lang: str | None = None, encoding: str | None = None,
                    on_info: Warn | None = None) -> Iterator[Segment]:
    """Segment one document as a stream (bounded memory on a 100 MB text file); the language
    is detected from the first piece when ``lang`` is None. ``on_info`` hears which, and at
    the end what segmentation removed (``toolkit.segment.SegmentReport``)."""
    from ..errors import InputError
    from ..readers import detect_language, iter_text
    from ..segment import SegmentReport, iter_segments

    report = SegmentReport()
    chunks = iter_text(path, encoding=encoding, on_removed=report.add)
    first = next(chunks, "")
    if not first.strip():
        if on_info is not None:
            on_info(f"{display(path)}: removed {report.summary()}")
        return
    if lang is None:
        lang, conf = detect_language(first[:20000])
        if lang is None:
            raise InputError(f"{display(path)}: cannot tell the language; pass --lang fr or --lang en")
        if on_info is not None:
            on_info(f"{display(path)}: language {lang} (confidence {conf:.2f})")

    def all_chunks() -> Iterator[str]:
        yield first
        yield from chunks

    yield from iter_segments(all_chunks(), lang, report=report)
    if on_info is not None:
        on_info(f"{display(path)}: removed {report.summary()}")


def read_presegmented(path: Path) -> list[Segment]:
    """One segment per non-blank line, whatever the file's extension (``.seg``, ``.txt``,
    none…); a .pdf/.docx/.html document is read as text first."""
    from ..readers import read_lines_text

    text = read_lines_text(path)
    return [Segment(line.strip(), para=i) for i, line in enumerate(text.splitlines()) if line.strip()]


def load_segments(path: Path, lang: str, presegmented: bool = False, on_warning: Warn | None = None,
                  report=None) -> list[Segment]:
    check_input(path)
    return read_presegmented(path) if presegmented else segment_file(path, lang, on_warning, report)


def check_settings(model: str | os.PathLike | None = None, dictionary: Path | None = None) -> None:
    """Fail at once (before any long work) on a model that is not on disk or a bad dictionary."""
    if dictionary is not None:
        check_input(dictionary, "dictionary", MAX_DICTIONARY_BYTES)
    if model is not None and isinstance(model, (str, os.PathLike)):
        from ..align.model_files import resolve_model

        resolve_model(model)


def align_pair(pair: DocPair, *, presegmented: bool = False, model=None, dictionary: Path | None = None,
               on_warning: Warn | None = None, reports: dict | None = None) -> Alignment:
    """Read (or segment) both documents of ``pair`` and align them. ``reports``: optional
    ``{"fr": SegmentReport, "en": SegmentReport}`` that learn what segmentation removed."""
    from ..align import align

    check_settings(model, dictionary)
    reports = reports or {}
    with stage("segmentation", pair.name):
        fr = load_segments(pair.fr, "fr", presegmented, on_warning, reports.get("fr"))
        en = load_segments(pair.en, "en", presegmented, on_warning, reports.get("en"))
    with stage("alignment", pair.name):
        beads = align(fr, en, model=model, dictionary=dictionary, on_warning=on_warning)
    return Alignment(pair.name, fr, en, beads)


# ---------------------------------------------------------------- build cache and outputs

@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the code and data tables that produce a document's cached result (readers,
    segmentation, alignment, word layer), so an upgraded or edited termkit never reuses
    results an older version computed."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for sub in ("readers", "segment", "align", "words", "data"):
        for f in sorted((root / sub).rglob("*")):
            if f.is_file() and f.suffix in (".py", ".tsv", ".txt", ".json"):
                h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def _settings_key(pair: DocPair, model, dictionary: Path | None) -> str:
    h = hashlib.sha256()
    h.update(f"termkit {__version__} cache {CACHE_VERSION} code {code_fingerprint()} model={model} "
             f"name={pair.name}\n".encode())
    for p in (pair.fr, pair.en) + ((dictionary,) if dictionary else ()):
        h.update(os.fsencode(p.name) + b"\0")
        with open(check_input(p), "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def _load_cache(path: Path, key: str) -> tuple[Alignment, dict] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return (Alignment(doc=data["doc"], fr=[Segment(*s) for s in data["fr"]],
                          en=[Segment(*s) for s in data["en"]],
                          beads=[Bead(tuple(b[0]), tuple(b[1]), b[2]) for b in data["beads"]]),
                data.get("removed") or {})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _save_cache(path: Path, key: str, al: Alignment, removed: dict) -> None:
    data = {"key": key, "removed": removed, "doc": al.doc,
            "fr": [[s.text, s.kind, s.para, s.start, s.end] for s in al.fr],
            "en": [[s.text, s.kind, s.para, s.start, s.end] for s in al.en],
            "beads": [[list(b.fr_ids), list(b.en_ids), b.score] for b in al.beads]}
    with write_atomic(path) as fh:
        json.dump(data, fh, ensure_ascii=False)


def doc_outputs(out: Path, name: str) -> list[Path]:
    """The per-document files of a build: TMX, TSV, French and English segments."""
    return [safe_join(out, "aligned", f"{name}.tmx"), safe_join(out, "aligned", f"{name}.tsv"),
            safe_join(out, "aligned", "segments", "fr", f"{name}.txt"),
            safe_join(out, "aligned", "segments", "en", f"{name}.txt")]


def process_pair(pair: DocPair, out: Path, model=None, dictionary: Path | None = None,
                 force: bool = False, min_score: float | None = None) -> tuple[Alignment, DocReport]:
    """``align_pair`` with the build's cache, a person's bead edits re-applied (``review``),
    then the per-document outputs (beads under ``min_score`` left out of the TMX)."""
    from ..review import ReviewStore, low_beads, mark_low, review_path, threshold, write_doc_outputs

    report = DocReport(pair.name)
    key = _settings_key(pair, model, dictionary)
    cache = safe_join(out, ".termkit", "cache", f"{pair.name}.json")
    outputs = doc_outputs(out, pair.name)
    for o in outputs:
        check_output(o, (pair.fr, pair.en))
    hit = None if force else _load_cache(cache, key)
    if hit is not None and all(p.exists() for p in outputs):
        al, report.removed = hit
        report.cached = True
    else:
        from ..segment import SegmentReport

        removed = {"fr": SegmentReport(), "en": SegmentReport()}
        al = align_pair(pair, model=model, dictionary=dictionary, on_warning=report.warnings.append,
                        reports=removed)
        report.removed = {lang: r.as_dict() for lang, r in removed.items()}
        for path, segs in ((outputs[2], al.fr), (outputs[3], al.en)):
            with write_atomic(path) as fh:
                fh.writelines(s.text.replace("\n", " ") + "\n" for s in segs)
        _save_cache(cache, key, al, report.removed)
    with stage("review edits", pair.name):
        al, lost = ReviewStore(review_path(out)).record(al)
        al = mark_low(al, min_score)
    report.warnings += lost
    write_doc_outputs(out, al)  # unchanged files are left untouched
    report.fr_segments, report.en_segments, report.beads = len(al.fr), len(al.en), len(al.beads)
    report.low_beads = low_beads(al, threshold(min_score))
    report.low_confidence = len(report.low_beads)
    report.edits = sum(1 for b in al.beads if b.mark in ("edited", "ok", "wrong"))
    return al, report
