"""The curation store: one SQLite file holding a glossary and every human decision on it.

Tables: ``entries`` (the curated glossary: one TermPair per row, in order, with a ``version``
bumped on every change and the list of fields a person ``edited``), ``log`` (every decision:
when, which entry, from where, old and new values), ``exports`` (the bytes termkit wrote to
each export file, so that an edit made in that file can be told apart from termkit's own
content) and ``meta``. Every write is one SQLite transaction (``BEGIN IMMEDIATE``): a killed
process leaves the previous state or the new one, and writers from several processes or
threads (a build, a web handler) are serialised without losing a decision.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from dataclasses import asdict, fields
from pathlib import Path
from typing import Iterator

from ..errors import InputError, TermkitError
from ..fileio import display
from ..types import STATUSES, Glossary, TermPair

__all__ = ["CurationStore", "CurationError", "UnknownEntry", "Conflict", "EDITABLE", "user_id"]

EDITABLE = ("fr", "en", "status", "note", "fr_variants", "en_variants", "pos", "kind")
_FIELDS = {f.name for f in fields(TermPair)}
_TUPLES = ("fr_variants", "en_variants", "docs")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries(id TEXT PRIMARY KEY, ord INTEGER NOT NULL, version INTEGER NOT NULL,
    edited TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS log(n INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, entry TEXT NOT NULL,
    origin TEXT NOT NULL, change TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exports(path TEXT NOT NULL, sha256 TEXT NOT NULL, fmt TEXT NOT NULL,
    ids TEXT NOT NULL, content BLOB NOT NULL, current INTEGER NOT NULL, PRIMARY KEY(path, sha256));
"""


class CurationError(TermkitError):
    """The store cannot be read or written (corrupt file, disk full…)."""


class UnknownEntry(CurationError, KeyError):
    """No entry with that id (a web handler answers 404)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class Conflict(CurationError):
    """The entry changed since the caller read it (``if_version``); re-read and retry (409)."""


def user_id(fr: str, en: str) -> str:
    """The id given to an entry a person added (no id of its own)."""
    return "u-" + hashlib.sha1(f"{fr}\t{en}".encode("utf-8", "surrogatepass")).hexdigest()[:12]


def to_json(e: TermPair) -> str:
    return json.dumps(asdict(e), ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> TermPair:
    d = {k: v for k, v in json.loads(text).items() if k in _FIELDS}
    for k in _TUPLES:
        d[k] = tuple(d.get(k) or ())
    return TermPair(**d)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _check_change(field: str, value) -> object:
    if field not in EDITABLE:
        raise InputError(f"{field!r} cannot be edited; editable fields: {', '.join(EDITABLE)}")
    if field == "status" and value not in STATUSES:
        raise InputError(f"status {value!r} is not one of {', '.join(STATUSES)}")
    if field in _TUPLES:
        if isinstance(value, str):
            raise InputError(f"{field} is a list of strings, not a string")
        value = tuple(str(v) for v in value)
    elif not isinstance(value, str):
        raise InputError(f"{field} must be a string")
    return value


class CurationStore:
    """A curated glossary in ``path`` (created on first write).

    Read: :meth:`glossary`, :meth:`entry`, :meth:`history`. Decide on one entry (web
    handler, notebook): :meth:`approve`, :meth:`reject`, :meth:`note`, :meth:`edit`, or
    :meth:`decide` for several fields at once with an optional ``if_version`` check.
    Build-time steps (``toolkit.curation`` functions) use :meth:`transaction`.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)

    # ------------------------------------------------------------ plumbing

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=FULL")
            con.executescript(_SCHEMA)
            return con
        except (sqlite3.Error, OSError) as e:
            raise CurationError(f"{display(self.path)}: cannot open the curation store ({e}); if the file is "
                                "damaged, move it away: the next build rebuilds it from the glossary files") from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: ``BEGIN IMMEDIATE`` … ``COMMIT`` (rolled back on any error)."""
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        except sqlite3.Error as e:
            raise CurationError(f"{display(self.path)}: curation store error ({e}); check free disk space") from None
        finally:
            con.close()

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        con = self._connect()
        try:
            yield con
        except sqlite3.Error as e:
            raise CurationError(f"{display(self.path)}: cannot read the curation store ({e})") from None
        finally:
            con.close()

    # ------------------------------------------------------------ reading

    def exists(self) -> bool:
        return self.path.is_file()

    def is_empty(self) -> bool:
        if not self.exists():
            return True
        with self._read() as con:
            return con.execute("SELECT count(*) FROM entries").fetchone()[0] == 0

    def glossary(self) -> Glossary:
        """The curated glossary, every entry (rejected ones included), in order."""
        if not self.exists():
            return Glossary(entries=[])
        with self._read() as con:
            return load(con)

    def entry(self, entry_id: str) -> TermPair:
        with self._read() as con:
            row = con.execute("SELECT data FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise UnknownEntry(f"no glossary entry with id {entry_id!r}")
        return from_json(row[0])

    def version(self, entry_id: str) -> int:
        with self._read() as con:
            row = con.execute("SELECT version FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise UnknownEntry(f"no glossary entry with id {entry_id!r}")
        return row[0]

    def snapshot(self) -> Path:
        """A consistent copy of the store in ``.termkit/backups/`` (SQLite backup API), made
        before a batch of decisions from a notebook or a script; returns its path."""
        dest_dir = self.path.parent / "backups"
        dest_dir.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        dest, k = dest_dir / f"{self.path.stem}-{stamp}.db", 1
        while dest.exists():
            k += 1
            dest = dest_dir / f"{self.path.stem}-{stamp}-{k}.db"
        with self._read() as con:
            target = sqlite3.connect(dest)
            try:
                con.backup(target)
            finally:
                target.close()
        return dest

    def versions(self) -> dict[str, int]:
        """Every entry's version (a page lists many entries, each edited ``if_version``)."""
        if not self.exists():
            return {}
        with self._read() as con:
            return dict(con.execute("SELECT id, version FROM entries").fetchall())

    def history(self, entry_id: str | None = None, limit: int = 200) -> list[dict]:
        """Decisions, newest first: ``{"at", "entry", "origin", "change": {field: [old, new]}}``."""
        if not self.exists():
            return []
        sql = "SELECT at, entry, origin, change FROM log"
        args: tuple = ()
        if entry_id is not None:
            sql, args = sql + " WHERE entry = ?", (entry_id,)
        with self._read() as con:
            rows = con.execute(sql + " ORDER BY n DESC LIMIT ?", (*args, limit)).fetchall()
        return [{"at": a, "entry": e, "origin": o, "change": json.loads(c)} for a, e, o, c in rows]

    # ------------------------------------------------------------ deciding

    def decide(self, entry_id: str, *, origin: str = "api", if_version: int | None = None,
               **changes) -> TermPair:
        """Set one entry's curated fields (``status``, ``note``, ``fr``, ``en``, variants,
        ``pos``, ``kind``) in one transaction and log them; returns the updated entry.

        ``if_version``: the version the caller saw; a different current version raises
        :class:`Conflict` (two tabs editing the same entry), nothing is written.
        """
        clean = {k: _check_change(k, v) for k, v in changes.items()}
        with self.transaction() as con:
            row = con.execute("SELECT data, version FROM entries WHERE id = ?", (entry_id,)).fetchone()
            if row is None:
                raise UnknownEntry(f"no glossary entry with id {entry_id!r}")
            if if_version is not None and row[1] != if_version:
                raise Conflict(f"entry {entry_id!r} changed since version {if_version} (now {row[1]}); reload it")
            return update(con, entry_id, clean, origin)

    def approve(self, entry_id: str, **kw) -> TermPair:
        return self.decide(entry_id, status="approved", **kw)

    def reject(self, entry_id: str, **kw) -> TermPair:
        return self.decide(entry_id, status="rejected", **kw)

    def note(self, entry_id: str, text: str, **kw) -> TermPair:
        return self.decide(entry_id, note=text, **kw)

    def edit(self, entry_id: str, **changes) -> TermPair:
        return self.decide(entry_id, **changes)


# ---------------------------------------------------------------- row helpers (inside a transaction)

def load(con: sqlite3.Connection) -> Glossary:
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    entries = [from_json(d) for (d,) in con.execute("SELECT data FROM entries ORDER BY ord")]
    return Glossary(entries=entries, src_lang=meta.get("src_lang", "fr"), tgt_lang=meta.get("tgt_lang", "en"),
                    title=meta.get("title", "termkit glossary"))


def edited_fields(con: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    return {i: tuple(json.loads(e)) for i, e in con.execute("SELECT id, edited FROM entries") if e != "[]"}


def update(con: sqlite3.Connection, entry_id: str, changes: dict, origin: str) -> TermPair:
    """Apply ``changes`` to one existing entry, bump its version, mark the fields edited, log."""
    data, version, edited = con.execute("SELECT data, version, edited FROM entries WHERE id = ?",
                                        (entry_id,)).fetchone()
    old = from_json(data)
    diff = {k: v for k, v in changes.items() if getattr(old, k) != v}
    if not diff:
        return old
    new = old.with_(**diff)
    marks = sorted(set(json.loads(edited)) | set(diff))
    con.execute("UPDATE entries SET data = ?, version = ?, edited = ? WHERE id = ?",
                (to_json(new), version + 1, json.dumps(marks), entry_id))
    log(con, entry_id, origin, {k: [_plain(getattr(old, k)), _plain(v)] for k, v in diff.items()})
    return new


def add(con: sqlite3.Connection, entry: TermPair, origin: str, edited: tuple[str, ...] = ()) -> None:
    ord_ = con.execute("SELECT coalesce(max(ord), -1) + 1 FROM entries").fetchone()[0]
    con.execute("INSERT INTO entries VALUES (?, ?, 1, ?, ?)", (entry.id, ord_, json.dumps(sorted(edited)), to_json(entry)))
    log(con, entry.id, origin, {"added": [None, entry.fr + " = " + entry.en]})


def save(con: sqlite3.Connection, glossary: Glossary, edited: dict[str, tuple[str, ...]] | None = None) -> None:
    """Replace every entry (a build's merge); versions of unchanged entries are kept."""
    versions = {i: (v, d) for i, v, d in con.execute("SELECT id, version, data FROM entries")}
    edited = edited if edited is not None else edited_fields(con)
    con.execute("DELETE FROM entries")
    rows = []
    for k, e in enumerate(glossary.entries):
        data = to_json(e)
        v, old = versions.get(e.id, (0, None))
        rows.append((e.id, k, v if old == data else v + 1, json.dumps(sorted(edited.get(e.id, ()))), data))
    con.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?)", rows)
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [("src_lang", glossary.src_lang), ("tgt_lang", glossary.tgt_lang), ("title", glossary.title)])


def log(con: sqlite3.Connection, entry_id: str, origin: str, change: dict) -> None:
    con.execute("INSERT INTO log(at, entry, origin, change) VALUES (?, ?, ?, ?)",
                (_now(), entry_id, origin, json.dumps(change, ensure_ascii=False)))


def _plain(v):
    return list(v) if isinstance(v, tuple) else v
