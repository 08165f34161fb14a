"""The single-command steps behind ``termkit align``, ``extract``, ``index`` and ``check``:
each is one library call, so the CLI only parses options and renders results. They reuse
the build's per-document function (``document.align_pair``) and its lock."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..errors import InputError
from ..fileio import check_input, display, folder_lock, remove_stale_temp_files
from ..types import Alignment, Glossary
from .document import align_pair, check_settings, stage
from .pairs import DocPair, find_pairs

__all__ = ["align_files", "alignments_from", "index_folder", "check_files"]

Warn = Callable[[str], None]


def align_files(fr_file: Path, en_file: Path, *, presegmented: bool = False, model=None,
                dictionary: Path | None = None, on_warning: Warn | None = None) -> Alignment:
    """Align two files (``termkit align``); the document is named after the French file."""
    from ..fileio import clean_name

    check_input(fr_file)
    check_input(en_file)
    return align_pair(DocPair(clean_name(fr_file.stem), fr_file, en_file), presegmented=presegmented,
                      model=model, dictionary=dictionary, on_warning=on_warning)


def alignments_from(inputs: Iterable[Path], *, model=None, on_warning: Warn | None = None) -> list[Alignment]:
    """Aligned files (TSV, JSONL, TMX) as they are; corpus folders segmented and aligned."""
    from ..formats import read_alignments

    warn = on_warning or (lambda m: None)
    check_settings(model)
    out: list[Alignment] = []
    for p in inputs:
        if p.is_dir():
            pairs, problems = find_pairs(p)
            for m in problems:
                warn(m)
            out += [align_pair(pair, model=model, on_warning=warn) for pair in pairs]
        else:
            out.extend(read_alignments(check_input(p)))
    if not any(a.beads for a in out):
        raise InputError("no aligned sentence pairs in the input; pass files written by "
                         "`termkit align` (TSV, JSONL, TMX) or a corpus folder")
    return out


def index_folder(out: Path, glossary: Path | None = None) -> tuple[int, int]:
    """Rebuild ``out/termkit.db`` from ``out/aligned/*.tsv`` and the glossary (the build's
    curated glossary, else ``glossaries/glossary.tbx``, or ``glossary``); under the build
    lock, after removing what a killed index or build left. Returns (entries, pairs)."""
    from ..formats import read_alignments, read_glossary
    from ..lookup import build_index
    from .corpus import stale_temp_folders
    from .glossary import curated_glossary

    if not out.is_dir():
        raise InputError(f"{display(out)}: folder not found; run `termkit build` first or pass --out")
    with folder_lock(out):
        remove_stale_temp_files(stale_temp_folders(out))
        tsvs = sorted((out / "aligned").glob("*.tsv"))
        if not tsvs:
            raise InputError(f"{display(out / 'aligned')}: no aligned .tsv files; run `termkit build` first")
        alignments = [a for p in tsvs for a in read_alignments(p)]
        if glossary is not None:
            g = read_glossary(glossary)
        else:
            g = curated_glossary(out)
            if g is None:
                gpath = out / "glossaries" / "glossary.tbx"
                g = read_glossary(gpath) if gpath.exists() else Glossary()
        with stage("lookup index"):
            build_index(out / "termkit.db", alignments, g)
    return len(g), sum(len(a.beads) for a in alignments)


def check_files(fr_file: Path, en_file: Path, glossary: Path, *, presegmented: bool = False,
                model=None, on_warning: Warn | None = None, statuses: tuple[str, ...] = ("approved",),
                db: Path | None = None):
    """Align a translation with its source; list omissions and terminology, number and
    symbol issues (``toolkit.check``). The renderings seen in the build's corpus
    (``db``, default: the ``termkit.db`` of the build the glossary lies in) are accepted.
    Returns (issues, number of terms checked)."""
    from ..check import check, checked_terms
    from ..check.evidence import CorpusEvidence
    from ..formats import read_glossary

    if not glossary.exists():
        raise InputError(f"{display(glossary)}: glossary not found; pass --glossary FILE or run `termkit build`")
    g = read_glossary(glossary)
    if db is None:
        gdir = glossary.absolute().parent
        guess = gdir.parent / "termkit.db" if gdir.name == "glossaries" else gdir / "termkit.db"
        db = guess if guess.is_file() else None
    al = align_files(fr_file, en_file, presegmented=presegmented, model=model, on_warning=on_warning)
    corpus = CorpusEvidence(db) if db is not None else None
    try:
        with stage("check", al.doc):
            return check(al, g, statuses=statuses, corpus=corpus), checked_terms(g, statuses)
    finally:
        if corpus is not None:
            corpus.close()
