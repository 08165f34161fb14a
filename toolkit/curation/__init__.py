"""Curation with one source of truth: the store (``CurationStore``), not the export files.

Statuses, edited forms and notes live in ``<out>/.termkit/curation.db`` (SQLite, see
``store``). Every glossary file is derived from the store; an edit made in a file that can
carry it (TBX, CSV, XLSX, memoQ carry every curated field; OmegaT and Phrase carry forms and
notes, never a status) is merged back into the store first (``edits``: a three-way
comparison with the bytes termkit wrote there). A build then::

    store = CurationStore(store_path(out))
    glossary = sync(store, files, fresh)   # one transaction: file edits + fresh extraction
    export(store, glossary, targets)       # backups, then atomic renames; store written first

The store is committed before any export is renamed, and it remembers the bytes of every
export it wrote, old and new, until all renames are done: whichever rename a kill
interrupts, the next run tells termkit's content from a person's edit and no decision is
lost. For one decision (a web handler, a notebook)::

    store.approve("t-3f2a9c1b0d4e"); store.note("t-3f2a9c1b0d4e", "checked by JD")
    store.decide(entry_id, en="law enforcement agencies", if_version=3)
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..fileio import check_output, display
from ..formats.registry import Format
from ..types import Glossary, TermPair
from . import store as _s
from .edits import find_edits
from .store import Conflict, CurationError, CurationStore, UnknownEntry, user_id

__all__ = ["CurationStore", "CurationError", "UnknownEntry", "Conflict", "store_path", "sync",
           "export", "for_export", "backup", "SyncReport", "user_id"]


def store_path(glossary_or_out: str | os.PathLike, *, folder: bool = False) -> Path:
    """Where the store of a glossary lives: ``<out>/.termkit/curation.db`` for a build folder
    (``folder=True``) or a file in ``<out>/glossaries/``; else ``.termkit/curation-<name>.db``
    beside the file (one store per glossary name)."""
    p = Path(glossary_or_out).absolute()
    if folder:
        return p / ".termkit" / "curation.db"
    if p.parent.name == "glossaries":
        return p.parent.parent / ".termkit" / "curation.db"
    return p.parent / ".termkit" / f"curation-{p.name.split('.')[0] or 'glossary'}.db"


@dataclass
class SyncReport:
    """What ``sync`` took from the files and the extraction."""

    merged_files: list[str] = field(default_factory=list)
    edited: int = 0
    added: int = 0
    new_terms: int = 0
    seeded_from: str | None = None


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_bytes(data: bytes, fmt: Format, name: str) -> Glossary:
    from ..formats import read_glossary

    with tempfile.TemporaryDirectory(prefix="termkit-base-") as tmp:
        p = Path(tmp) / name
        p.write_bytes(data)
        return read_glossary(p, fmt.name)


def _key(store: CurationStore, path: Path) -> str:
    """A file's name in the store: relative to the folder holding ``.termkit/`` (the build
    folder), so that a copied or moved folder keeps its records."""
    return os.path.relpath(os.path.abspath(path), os.path.abspath(store.path.parent.parent))


def _known(con, key: str) -> list[tuple[str, str, bytes]]:
    rows = con.execute("SELECT sha256, ids, content FROM exports WHERE path = ? ORDER BY current DESC, rowid DESC",
                       (key,)).fetchall()
    return [(s, i, zlib.decompress(c)) for s, i, c in rows]


def _record(con, key: str, fmt: Format, data: bytes, ids: list[str], current: int) -> None:
    con.execute("INSERT OR REPLACE INTO exports VALUES (?, ?, ?, ?, ?, ?)",
                (key, _sha(data), fmt.name, json.dumps(ids), zlib.compress(data, 6), current))


def _merge_one(con, key: str, path: Path, fmt: Format, data: bytes, theirs: Glossary, origin: str,
               report: SyncReport) -> None:
    current = {e.id: e for e in _s.load(con).entries}
    known = _known(con, key)
    best = None
    for _sha_, ids, content in known:  # the version the person most likely started from
        base = _read_bytes(content, fmt, path.name)
        edits, added, their_ids = find_edits(theirs, fmt, current, base, json.loads(ids))
        size = sum(len(v) for v in edits.values()) + len(added)
        if best is None or size < best[0]:
            best = (size, edits, added, their_ids)
    if best is None:
        _, edits, added, their_ids = (0, *find_edits(theirs, fmt, current))
    else:
        _, edits, added, their_ids = best
    for eid, changes in edits.items():
        _s.update(con, eid, changes, origin)
    for e in added:
        _s.add(con, e, origin, edited=tuple(f for f in fmt.curated if getattr(e, f)))
    _record(con, key, fmt, data, their_ids, 1)
    report.merged_files.append(display(path))
    report.edited += len(edits)
    report.added += len(added)


def sync(store: CurationStore, files: list[tuple[Path, Format]], fresh: Glossary | None = None,
         origin: str = "build") -> tuple[Glossary, SyncReport]:
    """Merge the person's edits found in ``files`` into the store, then a fresh extraction
    (``terms.merge`` rules: curated entries keep their forms and status, new candidates come
    in as ``new``, entries not found again are flagged stale; fields a person edited are
    kept in every case). One transaction; returns the curated glossary and what changed.

    An empty store is first seeded from the files (the one with the most curated fields,
    newest first): a fresh clone or a store that was deleted starts from the exports.
    """
    report = SyncReport()
    present = []
    for path, fmt in files:
        try:
            data = path.read_bytes() if path.is_file() else None
        except OSError:
            data = None
        if data is not None:
            present.append((path.stat().st_mtime_ns, path, fmt, data))
    present.sort(key=lambda x: x[0])  # oldest first: the newest edit of a field wins
    with store._read() as con:
        seen = {(p, s) for p, s in con.execute("SELECT path, sha256 FROM exports")}
        empty = con.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
    changed = [(p, f, d) for _, p, f, d in present if (_key(store, p), _sha(d)) not in seen]
    parsed = {p: _read_bytes(d, f, p.name) for p, f, d in changed}
    with store.transaction() as con:
        if empty and changed:
            # the file carrying the most curated fields; of equals, the newest
            _, seed = max(enumerate(changed), key=lambda x: (len(x[1][1].curated), x[0]))
            g = parsed[seed[0]]
            g.entries = _unique_ids(g.entries)
            _s.save(con, g, edited={})
            _record(con, _key(store, seed[0]), seed[1], seed[2], [e.id for e in g.entries], 1)
            report.seeded_from = display(seed[0])
            changed = [c for c in changed if c[0] != seed[0]]
        for path, fmt, data in changed:
            _merge_one(con, _key(store, path), path, fmt, data, parsed[path], f"{origin}: edit in {path.name}", report)
        curated = _s.load(con)
        if fresh is not None:
            curated, report.new_terms = _apply(con, curated, fresh)
    return curated, report


def _unique_ids(entries: list[TermPair]) -> list[TermPair]:
    seen: set[str] = set()
    out = []
    for e in entries:
        eid = e.id or user_id(e.fr, e.en)
        base, k = eid, 1
        while eid in seen:
            k += 1
            eid = f"{base}-{k}"
        seen.add(eid)
        out.append(e if eid == e.id else e.with_(id=eid))
    return out


def _apply(con, curated: Glossary, fresh: Glossary) -> tuple[Glossary, int]:
    from ..terms import merge

    before = {e.id for e in curated.entries}
    edited = _s.edited_fields(con)
    keep = {e.id: e for e in curated.entries}
    if curated.entries:
        merged = merge(curated, fresh)
    else:
        merged = Glossary(entries=[e.with_(status="new", stale=False) for e in fresh.entries],
                          src_lang=fresh.src_lang, tgt_lang=fresh.tgt_lang, title=fresh.title)
    entries = []
    for e in _unique_ids(merged.entries):
        marks = edited.get(e.id, ())
        if marks and e.id in keep:  # what a person edited survives any refresh
            e = e.with_(**{f: getattr(keep[e.id], f) for f in marks})
        entries.append(e)
    merged.entries = entries
    _s.save(con, merged, edited)
    return merged, sum(1 for e in entries if e.id not in before)


def for_export(glossary: Glossary, fmt: Format) -> Glossary:
    """The entries a file of ``fmt`` receives: rejected entries never reach a CAT-tool
    export (TBX, OmegaT, memoQ, Phrase); review tables (CSV, XLSX) keep every entry."""
    if not fmt.for_cat:
        return glossary
    return Glossary(entries=[e for e in glossary.entries if e.status != "rejected"], src_lang=glossary.src_lang,
                    tgt_lang=glossary.tgt_lang, title=glossary.title)


def backup(path: Path, backup_dir: Path | None = None) -> Path:
    """Copy ``path`` to ``<dir>/.backup/NAME-<UTC time, ms>[_n].EXT``: never overwriting a
    backup, and the names sort in the order the backups were made."""
    import shutil

    d = backup_dir or path.parent / ".backup"
    d.mkdir(parents=True, exist_ok=True)
    now = time.time()
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f"{int(now * 1000) % 1000:03d}"
    dest, k = d / f"{path.stem}-{stamp}{path.suffix}", 1
    while dest.exists():
        k += 1
        dest = d / f"{path.stem}-{stamp}_{k}{path.suffix}"
    shutil.copy2(path, dest)
    return dest


def export(store: CurationStore, glossary: Glossary, targets: list[tuple[Path, Format]]) -> list[Path]:
    """Write ``glossary`` to every target (``for_export`` filtering), crash-safe.

    Each file is first written to a temporary file beside it; the store then records the
    new bytes (keeping the old ones); an existing file whose bytes change is backed up to
    ``.backup/`` and replaced; finally the store forgets the old bytes. Returns the paths
    whose content changed.
    """
    from ..formats import write_glossary

    staged = []
    try:
        for path, fmt in targets:
            g = for_export(glossary, fmt)
            real = check_output(path)  # a regular file or nothing (a symlink: its target)
            real.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
            os.close(fd)
            staged.append((_key(store, path), real, fmt, Path(tmp), [e.id for e in g.entries]))
            write_glossary(g, tmp, fmt.name)
        datas = [t.read_bytes() for _, _, _, t, _ in staged]
        with store.transaction() as con:  # the new bytes are known before any file changes
            for (key, _, fmt, _, ids), data in zip(staged, datas):
                _record(con, key, fmt, data, ids, 0)
        changed = []
        for (_, real, _, tmp, _), data in zip(staged, datas):
            try:
                same = real.is_file() and real.read_bytes() == data
            except OSError:
                same = False
            if same:
                continue
            if real.is_file():
                backup(real)
            os.replace(tmp, real)
            changed.append(real)
        with store.transaction() as con:  # every rename done: forget the old bytes
            for (key, _, _, _, _), data in zip(staged, datas):
                con.execute("DELETE FROM exports WHERE path = ? AND sha256 != ?", (key, _sha(data)))
                con.execute("UPDATE exports SET current = 1 WHERE path = ?", (key,))
        return changed
    finally:
        for *_, tmp, _ in staged:
            if tmp.exists():
                tmp.unlink()
