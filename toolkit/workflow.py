"""The single-command workflows behind ``termkit align``, ``extract``, ``index`` and
``check``: each is one library call so the CLI only parses options and prints results.
(``termkit build`` is ``toolkit.pipeline.build``.)"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from .errors import InputError
from .types import Alignment, Glossary, Segment

__all__ = ["check_input", "read_presegmented", "load_segments", "align_files", "alignments_from",
           "extract_into", "index_folder", "check_files"]

Warn = Callable[[str], None]
PRESEGMENTED_EXTENSIONS = (".txt", ".tsv", ".seg")


def check_input(path: Path) -> Path:
    """The path of an existing file, or an InputError that says what is wrong."""
    if not path.exists():
        raise InputError(f"{path}: file not found")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; pass a file")
    return path


def read_presegmented(path: Path) -> list[Segment]:
    """One segment per non-blank line (evaluations, or text segmented elsewhere)."""
    from .readers import read_text

    if path.suffix.lower() not in PRESEGMENTED_EXTENSIONS:
        raise InputError(f"{path}: --presegmented needs .txt inputs, one segment per line")
    text = read_text(path)
    return [Segment(line.strip(), para=i) for i, line in enumerate(text.splitlines()) if line.strip()]


def load_segments(path: Path, lang: str, presegmented: bool, on_warning: Warn | None = None) -> list[Segment]:
    from .pipeline import segment_file

    check_input(path)
    return read_presegmented(path) if presegmented else segment_file(path, lang, on_warning)


def align_files(fr_file: Path, en_file: Path, *, presegmented: bool = False, model: str | None = None,
                dictionary: Path | None = None, on_warning: Warn | None = None) -> Alignment:
    """Read (or segment) both documents and align them."""
    from .align import align

    fr = load_segments(fr_file, "fr", presegmented, on_warning)
    en = load_segments(en_file, "en", presegmented, on_warning)
    if dictionary is not None:
        check_input(dictionary)
    beads = align(fr, en, model=model, dictionary=dictionary, on_warning=on_warning)
    return Alignment(fr_file.stem, fr, en, beads)


def alignments_from(inputs: Iterable[Path], *, model: str | None = None,
                    on_warning: Warn | None = None) -> list[Alignment]:
    """Aligned files (TSV, JSONL, TMX) as they are; corpus folders segmented and aligned."""
    from .align import align
    from .formats import read_alignments
    from .pipeline import find_pairs, segment_file

    warn = on_warning or (lambda m: None)
    out: list[Alignment] = []
    for p in inputs:
        if p.is_dir():
            pairs, problems = find_pairs(p)
            for m in problems:
                warn(m)
            for pair in pairs:
                fr, en = segment_file(pair.fr, "fr", warn), segment_file(pair.en, "en", warn)
                out.append(Alignment(pair.name, fr, en, align(fr, en, model=model, on_warning=warn)))
        else:
            out.extend(read_alignments(check_input(p)))
    if not any(a.beads for a in out):
        raise InputError("no aligned sentence pairs in the input; pass files written by "
                         "`termkit align` (TSV, JSONL, TMX) or a corpus folder")
    return out


def extract_into(alignments: list[Alignment], output: Path, *, fmt: str | None = None, min_freq: int = 2,
                 top: int | None = None, base: Path | None = None) -> Glossary:
    """Extract a glossary and write it to ``output``, merged into ``base`` (default: ``output``
    when it exists) so that approved/rejected entries and edits are kept; backs it up first."""
    from .formats import read_glossary, write_glossary
    from .pipeline import backup_glossary
    from .terms import extract, merge

    glossary = extract(alignments, min_freq=min_freq, top=top)
    base = base or (output if output.exists() else None)
    if base is not None:
        glossary = merge(read_glossary(check_input(base)), glossary)
        if output.exists():
            backup_glossary(output, output.parent)
    write_glossary(glossary, output, fmt)
    return glossary


def index_folder(out: Path, glossary: Path | None = None) -> tuple[int, int]:
    """Rebuild ``out/termkit.db`` from ``out/aligned/*.tsv`` and a glossary; (entries, pairs)."""
    from .formats import read_alignments, read_glossary
    from .lookup import build_index

    tsvs = sorted((out / "aligned").glob("*.tsv"))
    if not tsvs:
        raise InputError(f"{out / 'aligned'}: no aligned .tsv files; run `termkit build` first")
    alignments = [a for p in tsvs for a in read_alignments(p)]
    gpath = glossary or out / "glossaries" / "glossary.tbx"
    g = read_glossary(check_input(gpath)) if (glossary or gpath.exists()) else Glossary()
    build_index(out / "termkit.db", alignments, g)
    return len(g), sum(len(a.beads) for a in alignments)


def check_files(fr_file: Path, en_file: Path, glossary: Path, *, presegmented: bool = False,
                model: str | None = None, on_warning: Warn | None = None):
    """Align a translation with its source and list terminology, number and symbol issues."""
    from .check import check
    from .formats import read_glossary

    if not glossary.exists():
        raise InputError(f"{glossary}: glossary not found; pass --glossary FILE or run `termkit build`")
    g = read_glossary(check_input(glossary))
    al = align_files(fr_file, en_file, presegmented=presegmented, model=model, on_warning=on_warning)
    return check(al, g)
