"""The glossary steps: extract terms, merge them into the curation store, export.

``build_glossaries`` is the build's step (``glossaries/glossary.tbx``, ``.tbx3.tbx``,
``.csv``, ``.utf8`` from the registry); ``extract_into`` is ``termkit extract`` (one output
file of any format, its own store unless it lies in a build's ``glossaries/``). Both read
the person's edits from the files first, save the store, and only then write the files.
"""
from __future__ import annotations

from pathlib import Path

from ..curation import CurationStore, SyncReport, export, for_export, store_path, sync
from ..fileio import check_output, folder_lock
from ..formats import read_glossary, registry, sniff_glossary
from ..types import Alignment, Glossary
from .document import stage

__all__ = ["output_format", "build_glossaries", "export_glossaries", "extract_into", "glossary_files", "curated_glossary"]


def glossary_files(out: Path) -> list[tuple[Path, registry.Format]]:
    """The build's glossary exports, and any XLSX a person saved beside them (edits read back)."""
    gdir = out / "glossaries"
    files = [(gdir / name, registry.get("glossary", fmt)) for fmt, name in registry.build_glossary_files().items()]
    if gdir.is_dir():
        files += [(p, registry.get("glossary", "xlsx")) for p in sorted(gdir.glob("*.xlsx"))
                  if not p.name.startswith(".") and not p.name.endswith(".phrase.xlsx")]
    return files


def build_glossaries(out: Path, alignments: list[Alignment], *, min_freq: int = 1) -> tuple[Glossary, SyncReport, list[Path]]:
    """Extract, merge edits and the extraction into ``<out>/.termkit/curation.db`` (committed
    before any file is touched), then write the build's glossary files (backed up first)."""
    from ..terms import extract

    with stage("terminology extraction"):
        fresh = extract(alignments, min_freq=min_freq)
    store = CurationStore(store_path(out, folder=True))
    files = glossary_files(out)
    glossary, report = sync(store, files, fresh)
    targets = [(p, f) for p, f in files if f.build_file]
    export(store, glossary, targets)
    return glossary, report, [p for p, _ in targets]


def export_glossaries(out: Path) -> list[Path]:
    """Re-write the build's glossary files from the store (after decisions made in a
    notebook or a web page), under the build lock; returns the files that changed."""
    with folder_lock(out):
        store = CurationStore(store_path(out, folder=True))
        glossary, _ = sync(store, glossary_files(out))
        return export(store, glossary, [(p, f) for p, f in glossary_files(out) if f.build_file])


def curated_glossary(out: Path) -> Glossary | None:
    """The build's curated glossary (every entry, rejected ones included), or None."""
    store = CurationStore(store_path(out, folder=True))
    return None if store.is_empty() else store.glossary()


def output_format(output: Path, fmt: str | None) -> registry.Format:
    """``-f`` checked against the name of ``-o``; else the format the name (or an existing
    TBX file's root element) implies, TBX v2 for a new .tbx."""
    if fmt:
        return registry.check_extension(output, "glossary", fmt)
    f = registry.sniff(output, "glossary")
    if f.name in ("tbx", "tbx3") and output.is_file():
        return registry.get("glossary", sniff_glossary(output))
    return f


def _lock_folder(output: Path) -> Path:
    parent = output.absolute().parent
    return parent.parent if parent.name == "glossaries" else parent


def extract_into(alignments: list[Alignment], output: Path, *, fmt: str | None = None, min_freq: int = 1,
                 top: int | None = None, base: Path | None = None, inputs: tuple = ()) -> tuple[Glossary, int]:
    """Extract a glossary into ``output`` through its curation store: decisions recorded in
    the store, made in ``output`` since termkit wrote it, or carried by ``base`` (any format)
    are kept; returns the glossary written (a CAT-tool format gets no rejected entry) and
    its number of curated entries."""
    from ..terms import extract

    f = output_format(output, fmt)
    check_output(output, inputs)
    if base is not None:
        read_glossary(base)  # a bad --glossary fails before any work
    with stage("terminology extraction"):
        fresh = extract(alignments, min_freq=min_freq, top=top)
    with folder_lock(_lock_folder(output), create=False):
        store = CurationStore(store_path(output))
        files = [(output, f)]
        if base is not None:
            files.insert(0, (base, registry.get("glossary", sniff_glossary(base))))
        glossary, _ = sync(store, files, fresh, origin="extract")
        export(store, glossary, [(output, f)])
    written = for_export(glossary, f)
    return written, sum(1 for e in written.entries if e.status != "new")

