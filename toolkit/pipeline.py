"""The main job, ``termkit build``: pair the corpus, segment, align, extract, export, index.

Each stage is called through its public API only. Per-document work is cached under
``<out>/.termkit/cache`` keyed by the input bytes and the settings, so an unchanged
document is not redone; ``jobs > 1`` runs documents in parallel processes.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from . import __version__
from .errors import BuildLocked, InputError, TermkitError
from .fileio import safe_join, write_atomic, write_text_atomic
from .types import Alignment, Bead, Glossary, Segment

__all__ = ["DocPair", "DocReport", "BuildReport", "find_pairs", "process_pair", "build",
           "build_lock", "backup_glossary", "segment_file", "LOW_CONFIDENCE", "GLOSSARY_FILES"]

LOW_CONFIDENCE = 0.5  # beads below this score are counted as "to review"
CACHE_VERSION = 2  # 2: segmentation changed, the cache keeps the removal report
# Glossary exports written by build, keyed by formats.GLOSSARY_WRITERS names.
GLOSSARY_FILES = {
    "tbx": "glossary.tbx",
    "tbx3": "glossary.tbx3.tbx",
    "csv": "glossary.csv",
    "omegat": "glossary.utf8",
}


@dataclass(frozen=True)
class DocPair:
    name: str
    fr: Path
    en: Path


@dataclass
class DocReport:
    doc: str
    fr_segments: int = 0
    en_segments: int = 0
    beads: int = 0
    low_confidence: int = 0
    cached: bool = False
    warnings: list[str] = field(default_factory=list)
    # per language, what segmentation removed: {"fr": {"header": {"count": 3, "sample": […]}}}
    removed: dict[str, dict] = field(default_factory=dict)


@dataclass
class BuildReport:
    docs: list[DocReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unpaired or failed documents, with why
    terms: int = 0
    new_terms: int = 0
    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0


# ---------------------------------------------------------------- pairing

def _supported() -> tuple[str, ...]:
    from .readers import SUPPORTED_EXTENSIONS
    return tuple(SUPPORTED_EXTENSIONS)


def find_pairs(corpus: Path, pairs_file: Path | None = None) -> tuple[list[DocPair], list[str]]:
    """Pair ``corpus/fr/X.*`` with ``corpus/en/X.*`` by file stem (or read a pairs file:
    ``fr_path<TAB>en_path`` per line, relative to the pairs file). Returns the pairs and
    a message for every document without its partner."""
    problems: list[str] = []
    if pairs_file is not None:
        if not pairs_file.is_file():
            raise InputError(f"{pairs_file}: pairs file not found")
        pairs = []
        for n, line in enumerate(pairs_file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 2:
                raise InputError(f"{pairs_file}: line {n}: expected 'fr_path<TAB>en_path'")
            fr, en = (pairs_file.parent / c.strip() for c in cols)
            for p in (fr, en):
                if not p.is_file():
                    problems.append(f"{p}: listed in {pairs_file.name} but not found; skipped")
            if fr.is_file() and en.is_file():
                pairs.append(DocPair(fr.stem, fr, en))
        return pairs, problems

    if not corpus.is_dir():
        raise InputError(f"{corpus}: corpus folder not found; pass a folder with fr/ and en/ subfolders")
    fr_dir, en_dir = corpus / "fr", corpus / "en"
    if not fr_dir.is_dir() or not en_dir.is_dir():
        raise InputError(f"{corpus}: expected subfolders fr/ and en/ (paired by file name), or pass --pairs FILE")
    exts = _supported()

    def index(d: Path) -> dict[str, Path]:
        out: dict[str, Path] = {}
        for p in sorted(d.iterdir()):
            if p.is_file() and p.suffix.lower() in exts and not p.name.startswith("."):
                if p.stem in out:
                    problems.append(f"{p}: two files named {p.stem}.* in {d.name}/; using {out[p.stem].name}")
                    continue
                out[p.stem] = p
        return out

    fr, en = index(fr_dir), index(en_dir)
    pairs = [DocPair(stem, fr[stem], en[stem]) for stem in sorted(fr.keys() & en.keys())]
    for stem in sorted(fr.keys() - en.keys()):
        problems.append(f"{fr[stem]}: no English partner en/{stem}.*; skipped")
    for stem in sorted(en.keys() - fr.keys()):
        problems.append(f"{en[stem]}: no French partner fr/{stem}.*; skipped")
    return pairs, problems


# ---------------------------------------------------------------- per document

def _settings_key(pair: DocPair, model: str | None, dictionary: Path | None) -> str:
    h = hashlib.sha256()
    h.update(f"termkit {__version__} cache {CACHE_VERSION} model={model}\n".encode())
    for p in (pair.fr, pair.en) + ((dictionary,) if dictionary else ()):
        h.update(p.name.encode() + b"\0")
        h.update(p.read_bytes())
    return h.hexdigest()


def _seg_to_json(s: Segment) -> list:
    return [s.text, s.kind, s.para, s.start, s.end]


def _load_cache(path: Path, key: str) -> Alignment | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("key") != key:
        return None
    return Alignment(
        doc=data["doc"],
        fr=[Segment(*s) for s in data["fr"]],
        en=[Segment(*s) for s in data["en"]],
        beads=[Bead(tuple(b[0]), tuple(b[1]), b[2]) for b in data["beads"]],
    )


def _save_cache(path: Path, key: str, al: Alignment, removed: dict | None = None) -> None:
    data = {
        "key": key,
        "removed": removed or {},
        "doc": al.doc,
        "fr": [_seg_to_json(s) for s in al.fr],
        "en": [_seg_to_json(s) for s in al.en],
        "beads": [[list(b.fr_ids), list(b.en_ids), b.score] for b in al.beads],
    }
    with write_atomic(path) as fh:
        json.dump(data, fh, ensure_ascii=False)


_LANG_NAMES = {"fr": "French", "en": "English"}


def segment_file(path: Path, lang: str, on_warning: Callable[[str], None] | None = None,
                 report=None) -> list[Segment]:
    """Read and segment one document; warn when its text is not in ``lang`` (swapped files).
    ``report`` (a ``toolkit.segment.SegmentReport``) learns what was removed."""
    from .readers import detect_language, read_text
    from .segment import segment_text

    text = read_text(path, on_removed=report.add if report is not None else None)
    if on_warning is not None and text.strip():
        found, conf = detect_language(text[:20000])
        if found is not None and found != lang and conf >= 0.5:
            on_warning(f"{path.name}: the text looks {_LANG_NAMES.get(found, found)}, expected "
                       f"{_LANG_NAMES.get(lang, lang)} (files swapped or mislabelled?)")
    return segment_text(text, lang, report=report)


def process_pair(pair: DocPair, out: Path, model: str | None = None,
                 dictionary: Path | None = None, force: bool = False) -> tuple[Alignment, DocReport]:
    """Segment and align one document pair, write its per-document outputs, use the cache."""
    from .align import align
    from .formats import write_alignments

    report = DocReport(pair.name)
    key = _settings_key(pair, model, dictionary)
    cache = safe_join(out, ".termkit", "cache", f"{pair.name}.json")
    outputs = [safe_join(out, "aligned", f"{pair.name}.tmx"), safe_join(out, "aligned", f"{pair.name}.tsv"),
               safe_join(out, "aligned", "segments", "fr", f"{pair.name}.txt"),
               safe_join(out, "aligned", "segments", "en", f"{pair.name}.txt")]
    al = None if force else _load_cache(cache, key)
    if al is not None and all(p.exists() for p in outputs):
        report.cached = True
        report.removed = json.loads(cache.read_text(encoding="utf-8")).get("removed", {})
    else:
        from .segment import SegmentReport

        removed = {"fr": SegmentReport(), "en": SegmentReport()}
        fr = segment_file(pair.fr, "fr", report.warnings.append, removed["fr"])
        en = segment_file(pair.en, "en", report.warnings.append, removed["en"])
        report.removed = {lang: r.as_dict() for lang, r in removed.items()}
        beads = align(fr, en, model=model, dictionary=dictionary, on_warning=report.warnings.append)
        al = Alignment(pair.name, fr, en, beads)
        write_text_atomic(outputs[2], "".join(s.text + "\n" for s in fr))
        write_text_atomic(outputs[3], "".join(s.text + "\n" for s in en))
        write_alignments([al], outputs[0], "tmx")
        write_alignments([al], outputs[1], "tsv")
        _save_cache(cache, key, al, report.removed)
    report.fr_segments, report.en_segments, report.beads = len(al.fr), len(al.en), len(al.beads)
    report.low_confidence = sum(1 for b in al.beads if b.score < LOW_CONFIDENCE)
    return al, report


def _process_safe(args) -> tuple[Alignment | None, DocReport | None, str | None]:
    pair, out, model, dictionary, force = args
    try:
        al, rep = process_pair(pair, out, model, dictionary, force)
        return al, rep, None
    except TermkitError as e:
        return None, None, f"{pair.name}: {e}"


# ---------------------------------------------------------------- lock

@contextlib.contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """An exclusive lock on the output folder, so two builds never interleave writes."""
    out.mkdir(parents=True, exist_ok=True)
    lock_path = out / ".termkit.lock"
    fh = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(
                f"{out}: another termkit build is running on this folder ({lock_path}); "
                "wait for it to finish or use another --out") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        yield
    finally:
        fh.close()


def _remove_stale_temp_files(out: Path) -> None:
    """Temporary files of a build that was killed (write_atomic names them ``.NAME.*.tmp``).

    Only called while holding the lock, so no other build is writing them.
    """
    for d in (out, out / "aligned", out / "aligned" / "segments" / "fr", out / "aligned" / "segments" / "en",
              out / "glossaries", out / ".termkit", out / ".termkit" / "cache"):
        if d.is_dir():
            for p in d.glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    p.unlink()


# ---------------------------------------------------------------- glossary curation

def _glossary_state(out: Path) -> Path:
    return out / ".termkit" / "glossaries.json"


def _curated_glossary(out: Path, gdir: Path) -> tuple[Glossary | None, Path | None, list[Path]]:
    """The glossary holding the user's latest decisions, its path, and the files that may
    hold user work (to back up before they are rewritten).

    Build records the mtime of every glossary it writes; a file whose mtime changed since
    was edited by the user (the newest such file wins). Otherwise, and when there is no
    record yet, the TBX, which carries every field, is the reference.
    """
    from .formats import read_glossary

    try:
        written = json.loads(_glossary_state(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        written = {}
    candidates = [gdir / name for name in GLOSSARY_FILES.values()] + sorted(gdir.glob("*.xlsx"))
    existing = [p for p in candidates if p.is_file()]
    if not existing:
        return None, None, []
    # Without a record (first build here, fresh clone) nothing counts as edited: use the TBX.
    edited = [p for p in existing if written and written.get(p.name) != p.stat().st_mtime_ns]
    if edited:
        source = max(edited, key=lambda p: p.stat().st_mtime_ns)
    else:
        source = gdir / GLOSSARY_FILES["tbx"] if (gdir / GLOSSARY_FILES["tbx"]).is_file() else existing[0]
    at_risk = edited if written else existing
    return read_glossary(source), source, sorted(set(at_risk) | {source})


def _record_glossaries(out: Path, paths: list[Path]) -> None:
    state = {p.name: p.stat().st_mtime_ns for p in paths if p.is_file()}
    write_text_atomic(_glossary_state(out), json.dumps(state, indent=1))


def backup_glossary(path: Path, gdir: Path) -> Path:
    """Copy a glossary to ``gdir/.backup/NAME-<timestamp>.EXT`` before it is rewritten."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    dest = gdir / ".backup" / f"{path.stem}-{stamp}{path.suffix}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, dest)
    return dest


# ---------------------------------------------------------------- build

def build(corpus: Path, out: Path, *, jobs: int = 1, model: str | None = None,
          dictionary: Path | None = None, pairs_file: Path | None = None, force: bool = False,
          min_freq: int = 2, progress: Callable[[str, int, int], None] | None = None,
          on_warning: Callable[[str], None] | None = None) -> BuildReport:
    """Run the whole pipeline on a corpus folder and write every output under ``out``.

    ``progress(message, done, total)`` is called as work units (documents, then the corpus
    TMX, terminology and index stages) complete.
    """
    from .formats import write_alignments, write_glossary
    from .lookup import build_index
    from .terms import extract, merge

    t0 = time.perf_counter()
    warn = on_warning or (lambda m: None)
    step = progress or (lambda message, done, total: None)
    report = BuildReport()
    pairs, problems = find_pairs(corpus, pairs_file)
    for p in problems:
        report.skipped.append(p)
        warn(p)
    if not pairs:
        raise InputError(f"{corpus}: no document pairs found (fr/X.* with en/X.*)")

    out = out.resolve()
    with build_lock(out):
        _remove_stale_temp_files(out)
        alignments: list[Alignment] = []
        args = [(p, out, model, dictionary, force) for p in pairs]
        total = len(pairs) + 3  # documents, then corpus TMX, terminology, index
        results: list = [None] * len(pairs)
        if jobs > 1 and len(pairs) > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = {pool.submit(_process_safe, a): i for i, a in enumerate(args)}
                for done, fut in enumerate(as_completed(futures), 1):
                    i = futures[fut]
                    results[i] = fut.result()
                    step(f"aligned {pairs[i].name}", done, total)
        else:
            for i, a in enumerate(args):
                step(f"aligning {a[0].name}", i, total)
                results[i] = _process_safe(a)
            step("documents aligned", len(pairs), total)
        for (al, rep, err), pair in zip(results, pairs):
            if err:
                report.skipped.append(err)
                warn(err)
                continue
            for w in rep.warnings:
                warn(f"{pair.name}: {w}")
            alignments.append(al)
            report.docs.append(rep)
        if not alignments:
            raise InputError("no document could be processed; see the messages above")

        aligned = out / "aligned"
        step("writing aligned/corpus.tmx", len(pairs), total)
        write_alignments(alignments, aligned / "corpus.tmx", "tmx")
        report.outputs += [str(aligned / f"{a.doc}.{ext}") for a in alignments for ext in ("tmx", "tsv")]
        report.outputs.append(str(aligned / "corpus.tmx"))

        step("extracting terminology", len(pairs) + 1, total)
        gdir = out / "glossaries"
        glossary = extract(alignments, min_freq=min_freq)
        curated, source, at_risk = _curated_glossary(out, gdir)
        if curated is not None:
            before = {e.id for e in curated.entries}
            glossary = merge(curated, glossary)
            report.new_terms = sum(1 for e in glossary.entries if e.id not in before)
            for p in at_risk:
                backup_glossary(p, gdir)
        else:
            report.new_terms = len(glossary)
        report.terms = len(glossary)
        written = []
        for fmt, name in GLOSSARY_FILES.items():
            write_glossary(glossary, gdir / name, fmt)
            written.append(gdir / name)
            report.outputs.append(str(gdir / name))
        _record_glossaries(out, written + ([source] if source is not None else []))

        step("building the lookup index", len(pairs) + 2, total)
        db = out / "termkit.db"
        build_index(db, alignments, glossary)
        report.outputs.append(str(db))
        step("done", total, total)
    report.seconds = time.perf_counter() - t0
    return report


def report_dict(report: BuildReport) -> dict:
    return asdict(report)
