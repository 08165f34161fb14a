"""``termkit build``: pair the corpus, process every document, then the corpus steps
(corpus TMX, terminology through the curation store, lookup index), under the build lock.

Per-document work is cached under ``<out>/.termkit/cache`` keyed by the input bytes and the
settings, so an unchanged document is not redone; ``jobs > 1`` runs documents in parallel
processes. Every file is written atomically and left untouched when its bytes do not change.
"""
from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import InputError, TermkitError
from ..fileio import folder_lock, remove_stale_temp_files
from ..types import Alignment
from .document import DocReport, check_settings, process_pair, stage
from .pairs import DocPair, find_pairs

__all__ = ["BuildReport", "build", "build_lock", "report_dict", "stale_temp_folders"]

build_lock = folder_lock


@dataclass
class BuildReport:
    docs: list[DocReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unpaired, renamed or failed documents, with why
    terms: int = 0
    new_terms: int = 0
    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    review_threshold: float = 0.0  # beads scored under it are listed in docs[].low_beads
    min_score: float | None = None  # beads under it are left out of the TMX (marked "low" in the TSV)


def stale_temp_folders(out: Path) -> list[Path]:
    """Where a killed build or index may have left temporary files."""
    a = out / "aligned"
    return [out, a, a / "segments" / "fr", a / "segments" / "en", out / "glossaries", out / ".termkit",
            out / ".termkit" / "cache"]


def _process_safe(args) -> tuple[Alignment | None, DocReport | None, str | None]:
    pair, out, model, dictionary, force, min_score = args
    try:
        al, rep = process_pair(pair, out, model, dictionary, force, min_score)
        return al, rep, None
    except TermkitError as e:
        return None, None, f"{pair.name}: {e}"


def _documents(pairs: list[DocPair], out: Path, model, dictionary, force: bool, jobs: int, step,
               min_score: float | None = None) -> list:
    args = [(p, out, model, dictionary, force, min_score) for p in pairs]
    total = len(pairs) + 3
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
    return results


def build(corpus: Path, out: Path, *, jobs: int = 1, model=None, dictionary: Path | None = None,
          pairs_file: Path | None = None, force: bool = False, min_freq: int = 1,
          min_score: float | None = None, progress: Callable[[str, int, int], None] | None = None,
          on_warning: Callable[[str], None] | None = None) -> BuildReport:
    """Run the whole pipeline on a corpus folder and write every output under ``out``.

    ``progress(message, done, total)`` is called as work units (documents, then the corpus
    TMX, terminology and index stages) complete. A person's bead edits (``termkit serve``)
    are re-applied; beads scored under ``min_score`` are left out of the TMX files.
    """
    from ..formats import write_alignments
    from ..lookup import build_index
    from ..review import ReviewStore, review_path, threshold, usable
    from .glossary import build_glossaries

    t0 = time.perf_counter()
    warn = on_warning or (lambda m: None)
    step = progress or (lambda message, done, total: None)
    check_settings(model, dictionary)
    if min_score is not None and not 0.0 <= min_score <= 1.0:
        raise InputError(f"--min-score {min_score}: scores are between 0 and 1")
    report = BuildReport(review_threshold=threshold(min_score), min_score=min_score)
    pairs, problems = find_pairs(corpus, pairs_file)
    for p in problems:
        report.skipped.append(p)
        warn(p)
    if not pairs:
        raise InputError(f"{corpus}: no document pairs found (fr/X.* with en/X.*)")

    out = out.resolve()
    with build_lock(out):
        remove_stale_temp_files(stale_temp_folders(out))
        alignments: list[Alignment] = []
        total = len(pairs) + 3  # documents, then corpus TMX, terminology, index
        reviews = ReviewStore(review_path(out))
        reviews.set_meta("min_score", "" if min_score is None else repr(min_score))
        for (al, rep, err), pair in zip(_documents(pairs, out, model, dictionary, force, jobs, step, min_score),
                                        pairs):
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
        reviews.keep_only([a.doc for a in alignments])

        aligned = out / "aligned"
        step("writing aligned/corpus.tmx", len(pairs), total)
        write_alignments(alignments, aligned / "corpus.tmx", "tmx")
        report.outputs += [str(aligned / f"{a.doc}.{ext}") for a in alignments for ext in ("tmx", "tsv")]
        report.outputs.append(str(aligned / "corpus.tmx"))

        step("extracting terminology", len(pairs) + 1, total)
        glossary, sync_report, files = build_glossaries(out, [usable(a) for a in alignments], min_freq=min_freq)
        report.terms, report.new_terms = len(glossary), sync_report.new_terms
        report.outputs += [str(p) for p in files]

        step("building the lookup index", len(pairs) + 2, total)
        db = out / "termkit.db"
        with stage("lookup index"):
            build_index(db, alignments, glossary)
        report.outputs.append(str(db))
        step("done", total, total)
    report.seconds = time.perf_counter() - t0
    return report


def report_dict(report: BuildReport) -> dict:
    return asdict(report)
