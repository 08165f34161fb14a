"""The one registry of file formats: names, file-name endings, modules, what each carries.

Everything else is derived from ``FORMATS``: the CLI ``--format`` choices, the readers and
writers by name, extension sniffing and the check that ``-f`` agrees with ``-o``, the
glossary files ``termkit build`` writes, and which exports leave rejected entries out.

Kinds: ``glossary`` (Glossary), ``alignment`` (list[Alignment]), ``segments`` (what
``termkit segment`` prints) and ``issues`` (what ``termkit check`` prints).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnsupportedFormat

__all__ = ["Format", "FORMATS", "get", "names", "of_kind", "sniff", "check_extension",
           "BUILD_GLOSSARIES", "build_glossary_files", "module", "CURATED_FIELDS"]


@dataclass(frozen=True)
class Format:
    """One ``--format`` value.

    ``extensions``: accepted file-name endings, the first one is the default. ``status``:
    the format carries TermPair.status and id. ``curated``: the curated fields (forms, status,
note…) it carries, i.e. the edits a user can make in it that termkit merges back.
    ``for_cat``: an import file for CAT tools, written without rejected entries (the
    curation store keeps them). ``build_file``: the name ``termkit build`` gives it in
    ``glossaries/`` (None: not written by build). ``binary``: not text (XLSX).
    """

    name: str
    kind: str
    module: str
    extensions: tuple[str, ...]
    description: str
    status: bool = False
    for_cat: bool = False
    build_file: str | None = None
    binary: bool = False
    curated: tuple[str, ...] = ()


# The TermPair fields a person curates (statistics and examples come from the corpus).
CURATED_FIELDS = ("fr", "en", "status", "note", "fr_variants", "en_variants", "pos", "kind")
_TEXT_ONLY = ("fr", "en", "note")


FORMATS: tuple[Format, ...] = (
    # glossaries
    Format("tbx", "glossary", "tbx", (".tbx", ".xml"), "TBX v2 TBX-Basic (martif)",
           status=True, for_cat=True, build_file="glossary.tbx", curated=CURATED_FIELDS),
    Format("tbx3", "glossary", "tbx3", (".tbx", ".xml"), "TBX v3 TBX-Basic DCA",
           status=True, for_cat=True, build_file="glossary.tbx3.tbx", curated=CURATED_FIELDS),
    Format("csv", "glossary", "csv_", (".csv",), "review table, every field and status",
           status=True, build_file="glossary.csv", curated=CURATED_FIELDS),
    Format("memoq", "glossary", "memoq", (".memoq.csv", ".csv"), "memoQ term base CSV",
           status=True, for_cat=True, curated=CURATED_FIELDS),
    Format("phrase", "glossary", "phrase", (".phrase.xlsx", ".xlsx"), "Phrase TMS term base XLSX",
           for_cat=True, binary=True, curated=_TEXT_ONLY),
    Format("omegat", "glossary", "omegat", (".utf8", ".txt", ".tab", ".tsv"), "OmegaT glossary",
           for_cat=True, build_file="glossary.utf8", curated=_TEXT_ONLY + ("fr_variants", "en_variants")),
    Format("xlsx", "glossary", "xlsx", (".xlsx",), "review sheet, every field and status",
           status=True, binary=True, curated=CURATED_FIELDS),
    # alignments
    Format("tsv", "alignment", "tsv", (".tsv",), "fr, en, score, fr_ids, en_ids, doc, mark"),
    Format("tmx", "alignment", "tmx", (".tmx",), "TMX 1.4b translation memory"),
    Format("jsonl", "alignment", "jsonl", (".jsonl", ".ndjson"), "one JSON object per bead"),
    Format("links", "alignment", "links", (".links.txt", ".links", ".txt"), "Bertalign bead notation"),
    # termkit segment output
    Format("lines", "segments", "segments", (".txt", ".seg"), "one segment per line"),
    Format("jsonl", "segments", "segments", (".jsonl", ".ndjson"), "one JSON object per segment"),
    Format("tsv", "segments", "segments", (".tsv",), "doc, index, kind, text"),
    # termkit check output
    Format("json", "issues", "issues", (".json",), "a JSON list of issues"),
    Format("csv", "issues", "issues", (".csv",), "one issue per row (formula-safe)"),
)

BUILD_GLOSSARIES = tuple(f.name for f in FORMATS if f.kind == "glossary" and f.build_file)


def of_kind(kind: str) -> list[Format]:
    return [f for f in FORMATS if f.kind == kind]


def names(kind: str) -> list[str]:
    return [f.name for f in of_kind(kind)]


def get(kind: str, name: str) -> Format:
    for f in FORMATS:
        if f.kind == kind and f.name == name:
            return f
    raise UnsupportedFormat(f"unknown {kind} format {name!r}; choose one of {', '.join(names(kind))}")


def module(fmt: Format):
    return importlib.import_module(f"{__package__}.{fmt.module}")


def build_glossary_files() -> dict[str, str]:
    """Format name -> file name under ``glossaries/`` for the exports ``termkit build`` writes."""
    return {f.name: f.build_file for f in FORMATS if f.kind == "glossary" and f.build_file}


def sniff(path: str | Path, kind: str) -> Format:
    """The format a file name implies (the longest matching ending wins, then the format whose
    default ending it is: ``.xlsx`` is the review sheet, ``.phrase.xlsx`` Phrase), or
    UnsupportedFormat."""
    name = Path(path).name.lower()
    best: tuple[tuple[int, bool], Format] | None = None
    for f in of_kind(kind):
        for ext in f.extensions:
            rank = (len(ext), ext == f.extensions[0])
            if name.endswith(ext) and (best is None or rank > best[0]):
                best = (rank, f)
    if best is None:
        endings = sorted({e for f in of_kind(kind) for e in f.extensions})
        raise UnsupportedFormat(f"{Path(path).name}: unknown {kind} format (file name ending); use one of "
                                f"{', '.join(endings)} or pass --format")
    return best[1]


def check_extension(path: str | Path, kind: str, name: str) -> Format:
    """The format ``name``, after checking that the name of ``path`` does not say another
    format (``-f phrase -o x.csv`` would write XLSX bytes under a .csv name, which every
    later read takes for CSV). A name with no known ending is the user's choice."""
    f = get(kind, name)
    low = Path(path).name.lower()
    if any(low.endswith(ext) for ext in f.extensions):
        return f
    try:
        sniff(path, kind)
    except UnsupportedFormat:
        return f
    else:
        stem = Path(path).name.split(".")[0] or "output"
        raise UnsupportedFormat(
            f"{Path(path).name}: --format {name} writes {f.description}, which needs a name ending in "
            f"{' or '.join(f.extensions)} (e.g. {stem}{f.extensions[0]}); rename the output or change --format")
