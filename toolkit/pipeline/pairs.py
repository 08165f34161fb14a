"""Which documents a corpus holds: ``fr/X.*`` paired with ``en/X.*`` by file stem, or the
lines of a pairs file; every document gets a unique output name.

Output names are file stems, made unique (case-insensitively, for case-insensitive disks):
colliding stems take their parent folder's name (``a/fr.txt``, ``b/fr.txt`` -> ``a-fr``,
``b-fr``), then a number; ``corpus`` (``aligned/corpus.tmx`` holds every document) becomes
``corpus-doc``; a name that is not valid UTF-8 is read as cp1252.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..fileio import clean_name, display, read_bytes

__all__ = ["DocPair", "find_pairs", "unique_names", "RESERVED_NAMES"]

RESERVED_NAMES = ("corpus",)  # aligned/corpus.tmx
_MAX_PAIRS_FILE = 50 << 20


@dataclass(frozen=True)
class DocPair:
    """One document: its output name and its French and English files."""

    name: str
    fr: Path
    en: Path


def _supported() -> tuple[str, ...]:
    from ..readers import SUPPORTED_EXTENSIONS
    return tuple(SUPPORTED_EXTENSIONS)


def unique_names(paths: list[Path], problems: list[str]) -> list[str]:
    """A unique, printable output name for each (French) file, in order."""
    base = [clean_name(p.stem) for p in paths]
    names = list(base)
    for p, n in zip(paths, base):
        if n != p.stem:
            problems.append(f"{display(p)}: the file name is not UTF-8; its outputs are named {n!r}")
    for depth in (1, 2):  # colliding names take their parent folders' names
        groups: dict[str, list[int]] = {}
        for i, n in enumerate(names):
            groups.setdefault(n.casefold(), []).append(i)
        for idx in (g for g in groups.values() if len(g) > 1):
            for i in idx:
                parents = [clean_name(x.name) for x in list(paths[i].parents)[:depth] if x.name][::-1]
                names[i] = "-".join(parents + [base[i]])
    taken: set[str] = set()
    for i, n in enumerate(names):
        if n.casefold() in RESERVED_NAMES:
            n = f"{n}-doc"
        cand, k = n, 1
        while cand.casefold() in taken:
            k += 1
            cand = f"{n}-{k}"
        taken.add(cand.casefold())
        names[i] = cand
        if cand != base[i]:
            why = (f"{base[i]!r} is reserved (aligned/{base[i]}.tmx holds every document)"
                   if base[i].casefold() in RESERVED_NAMES else "another document has the same name")
            problems.append(f"{display(paths[i])}: {why}; its outputs are named {cand!r}")
    return names


def _read_pairs_file(pairs_file: Path, problems: list[str]) -> list[tuple[Path, Path]]:
    data = read_bytes(pairs_file, "pairs file", _MAX_PAIRS_FILE)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{display(pairs_file)}: not UTF-8 (byte {e.start}); save the pairs file as UTF-8") from None
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 2:
            raise InputError(f"{display(pairs_file)}: line {n}: expected 'fr_path<TAB>en_path'")
        fr, en = (pairs_file.parent / c.strip() for c in cols)
        missing = [p for p in (fr, en) if not p.is_file()]
        for p in missing:
            problems.append(f"{display(p)}: listed in {display(pairs_file.name)} but not found "
                            f"(or not a regular file); skipped")
        if not missing:
            out.append((fr, en))
    return out


def find_pairs(corpus: Path, pairs_file: Path | None = None) -> tuple[list[DocPair], list[str]]:
    """Pair ``corpus/fr/X.*`` with ``corpus/en/X.*`` by file stem (or read a pairs file:
    ``fr_path<TAB>en_path`` per line, relative to the pairs file). Returns the pairs and a
    message for every document skipped or renamed."""
    problems: list[str] = []
    if pairs_file is not None:
        found = _read_pairs_file(pairs_file, problems)
        names = unique_names([fr for fr, _ in found], problems)
        return [DocPair(n, fr, en) for n, (fr, en) in zip(names, found)], problems

    if not corpus.is_dir():
        raise InputError(f"{display(corpus)}: corpus folder not found; pass a folder with fr/ and en/ subfolders")
    fr_dir, en_dir = corpus / "fr", corpus / "en"
    if not fr_dir.is_dir() or not en_dir.is_dir():
        raise InputError(f"{display(corpus)}: expected subfolders fr/ and en/ (paired by file name), or pass --pairs FILE")
    exts = _supported()

    def index(d: Path) -> dict[str, Path]:
        out: dict[str, Path] = {}
        for p in sorted(d.iterdir()):
            if p.name.startswith(".") or p.suffix.lower() not in exts:
                continue
            if not p.is_file():
                problems.append(f"{display(p)}: not a regular file; skipped")
                continue
            if p.stem in out:
                problems.append(f"{display(p)}: two files named {display(p.stem)}.* in {d.name}/; "
                                f"using {display(out[p.stem].name)}")
                continue
            out[p.stem] = p
        return out

    fr, en = index(fr_dir), index(en_dir)
    stems = sorted(fr.keys() & en.keys(), key=os.fsencode)
    for stem in sorted(fr.keys() - en.keys(), key=os.fsencode):
        problems.append(f"{display(fr[stem])}: no English partner en/{display(stem)}.*; skipped")
    for stem in sorted(en.keys() - fr.keys(), key=os.fsencode):
        problems.append(f"{display(en[stem])}: no French partner fr/{display(stem)}.*; skipped")
    names = unique_names([fr[s] for s in stems], problems)
    return [DocPair(n, fr[s], en[s]) for n, s in zip(names, stems)], problems
