"""The review store: a person's alignment edits, kept across re-builds.

One SQLite file, ``<out>/.termkit/review.db``. Table ``docs`` holds, per document, the
machine alignment of the last build (segments and beads), the person's anchors
(``beads.Anchor``), the edits a re-build could not carry over (``lost``) and a ``version``
bumped on every change; ``log`` holds every edit with the anchors before it (undo). Every
write is one ``BEGIN IMMEDIATE`` transaction, so a web handler and a build never lose each
other's work, and ``if_version`` turns a stale page (two tabs) into a :class:`Conflict`.
"""
from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..curation.store import Conflict
from ..errors import InputError, TermkitError
from ..fileio import display
from ..types import Alignment, Bead, Segment
from . import beads as ops
from .beads import Anchor
from .relocate import relocate

__all__ = ["ReviewStore", "DocReview", "DocSummary", "Conflict", "UnknownDocument"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(doc TEXT PRIMARY KEY, version INTEGER NOT NULL, present INTEGER NOT NULL,
    fr TEXT NOT NULL, en TEXT NOT NULL, beads TEXT NOT NULL, anchors TEXT NOT NULL, lost TEXT NOT NULL,
    updated TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS log(n INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, doc TEXT NOT NULL,
    origin TEXT NOT NULL, op TEXT NOT NULL, before TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0);
"""


class UnknownDocument(InputError, KeyError):
    """No document of that name in the build (a web handler answers 404)."""

    def __str__(self) -> str:
        return str(self.args[0])


class ReviewError(TermkitError):
    """The review store cannot be read or written."""


@dataclass
class DocReview:
    """One document as the person sees it: the reviewed alignment (machine beads with the
    anchors imposed, each bead marked), and what else the page needs."""

    doc: str
    version: int
    alignment: Alignment
    machine: Alignment
    anchors: list[Anchor]
    lost: list[dict] = field(default_factory=list)
    can_undo: bool = False


@dataclass(frozen=True)
class DocSummary:
    doc: str
    beads: int
    low: int
    edits: int
    lost: int
    lowest: float


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _segs(data: str) -> list[Segment]:
    return [Segment(*s) for s in json.loads(data)]


def _segs_json(segs: list[Segment]) -> str:
    return json.dumps([[s.text, s.kind, s.para, s.start, s.end] for s in segs], ensure_ascii=False)


def _beads_json(beads: list[Bead]) -> str:
    return json.dumps([[list(b.fr_ids), list(b.en_ids), b.score] for b in beads])


def _beads(data: str) -> list[Bead]:
    return [Bead(tuple(f), tuple(e), s) for f, e, s in json.loads(data)]


def _anchors(data: str) -> list[Anchor]:
    return [Anchor.from_json(a) for a in json.loads(data)]


def _anchors_json(anchors: list[Anchor]) -> str:
    return json.dumps([a.to_json() for a in anchors])


def _describe(a: Anchor, fr: list[Segment], en: list[Segment]) -> dict:
    return {"mark": a.mark, "fr": [s.text for s in fr[a.fr[0]:a.fr[1]]], "en": [s.text for s in en[a.en[0]:a.en[1]]]}


class ReviewStore:
    """Alignment edits of a build folder (``review_path(out)``)."""

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
            raise ReviewError(f"{display(self.path)}: cannot open the review store ({e})") from None

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
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
            raise ReviewError(f"{display(self.path)}: review store error ({e}); check free disk space") from None
        finally:
            con.close()

    def exists(self) -> bool:
        return self.path.is_file()

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        if not self.exists():
            return default
        with self._tx() as con:
            row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self._tx() as con:
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # ------------------------------------------------------------ build side
    def record(self, al: Alignment, origin: str = "build") -> tuple[Alignment, list[str]]:
        """Keep ``al`` (a fresh machine alignment) as the document's base and return it
        with the person's edits re-applied, and one message per edit that no longer
        applies because its segments changed."""
        messages: list[str] = []
        with self._tx() as con:
            row = con.execute("SELECT fr, en, anchors, lost, version, beads, present FROM docs WHERE doc = ?",
                              (al.doc,)).fetchone()
            anchors: list[Anchor] = []
            lost: list[dict] = []
            version = 0
            if row is not None:
                old_fr, old_en = _segs(row[0]), _segs(row[1])
                anchors, gone = relocate(_anchors(row[2]), [s.text for s in old_fr], [s.text for s in old_en],
                                         [s.text for s in al.fr], [s.text for s in al.en])
                lost = json.loads(row[3])
                for a in gone:
                    d = _describe(a, old_fr, old_en)
                    d["at"] = _now()
                    lost.append(d)
                    messages.append(f"an alignment edit ({a.mark}) no longer applies, its segments changed: "
                                    f"FR «{_short(' '.join(d['fr']))}» / EN «{_short(' '.join(d['en']))}»")
                version = row[4]
                if gone:
                    con.execute("UPDATE log SET undone = 1 WHERE doc = ?", (al.doc,))
            data = (_segs_json(al.fr), _segs_json(al.en), _beads_json(al.beads), _anchors_json(anchors),
                    json.dumps(lost, ensure_ascii=False))
            if row is None or (row[0], row[1]) != data[:2]:
                con.execute("UPDATE log SET undone = 1 WHERE doc = ?", (al.doc,))  # old indices: no undo
            if row is None or (row[0], row[1], row[5], row[2], row[3], row[6]) != (*data[:3], data[3], data[4], 1):
                con.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)",
                            (al.doc, version + 1, *data, _now()))
        beads = ops.impose(al.beads, anchors, len(al.fr), len(al.en))
        return Alignment(al.doc, al.fr, al.en, beads), messages

    def keep_only(self, docs: list[str]) -> None:
        """Documents of the last build are listed; others keep their edits, unlisted."""
        with self._tx() as con:
            con.execute("UPDATE docs SET present = 0")
            con.executemany("UPDATE docs SET present = 1 WHERE doc = ?", [(d,) for d in docs])

    # ------------------------------------------------------------ reading
    def documents(self, threshold: float) -> list[DocSummary]:
        """Documents of the last build with their bead counts, lowest confidence first."""
        if not self.exists():
            return []
        out = []
        for doc in self.names():
            r = self.get(doc)
            bs = r.alignment.beads
            out.append(DocSummary(doc, len(bs), sum(1 for b in bs if b.score < threshold and b.mark not in ops.HUMAN_MARKS),
                                  len(r.anchors), len(r.lost), min((b.score for b in bs), default=1.0)))
        return sorted(out, key=lambda d: (-d.low, d.lowest, d.doc))

    def names(self) -> list[str]:
        if not self.exists():
            return []
        with self._tx() as con:
            return [r[0] for r in con.execute("SELECT doc FROM docs WHERE present = 1 ORDER BY doc")]

    def get(self, doc: str) -> DocReview:
        if not self.exists():
            raise UnknownDocument(f"no document {doc!r} in this build")
        with self._tx() as con:
            return self._load(con, doc)

    def _load(self, con: sqlite3.Connection, doc: str) -> DocReview:
        row = con.execute("SELECT version, fr, en, beads, anchors, lost FROM docs WHERE doc = ?", (doc,)).fetchone()
        if row is None:
            raise UnknownDocument(f"no document {doc!r} in this build")
        fr, en, machine, anchors = _segs(row[1]), _segs(row[2]), _beads(row[3]), _anchors(row[4])
        beads = ops.impose(machine, anchors, len(fr), len(en))
        undo = con.execute("SELECT 1 FROM log WHERE doc = ? AND undone = 0 LIMIT 1", (doc,)).fetchone()
        return DocReview(doc, row[0], Alignment(doc, fr, en, beads), Alignment(doc, fr, en, machine), anchors,
                         json.loads(row[5]), undo is not None)

    def history(self, doc: str, limit: int = 50) -> list[dict]:
        with self._tx() as con:
            rows = con.execute("SELECT at, origin, op, undone FROM log WHERE doc = ? ORDER BY n DESC LIMIT ?",
                               (doc, limit)).fetchall()
        return [{"at": a, "origin": o, "op": json.loads(op), "undone": bool(u)} for a, o, op, u in rows]

    # ------------------------------------------------------------ editing
    def _edit(self, doc: str, change: Callable[[DocReview, sqlite3.Connection], list[Anchor]], op: dict,
              if_version: int | None, origin: str) -> DocReview:
        with self._tx() as con:
            cur = self._load(con, doc)
            if if_version is not None and cur.version != if_version:
                raise Conflict(f"{doc}: the alignment changed since you loaded it (version {if_version}, now "
                               f"{cur.version}); reload the page to see the other change, then redo yours")
            new = ops.check_anchors(change(cur, con), len(cur.alignment.fr), len(cur.alignment.en))
            con.execute("INSERT INTO log(at, doc, origin, op, before, undone) VALUES (?, ?, ?, ?, ?, ?)",
                        (_now(), doc, origin, json.dumps(op), _anchors_json(cur.anchors), int(op["op"] == "undo")))
            con.execute("UPDATE docs SET anchors = ?, version = version + 1, updated = ? WHERE doc = ?",
                        (_anchors_json(new), _now(), doc))
            return self._load(con, doc)

    def merge(self, doc: str, bead: int, *, if_version: int | None = None, origin: str = "api") -> DocReview:
        """Bead ``bead`` and the next one become one."""
        return self._edit(doc, lambda r, _: ops.merge(r.alignment.beads, r.anchors, bead),
                          {"op": "merge", "bead": bead}, if_version, origin)

    def split(self, doc: str, bead: int, fr_at: int, en_at: int, *, if_version: int | None = None,
              origin: str = "api") -> DocReview:
        """Bead ``bead`` becomes two after its first ``fr_at`` French and ``en_at`` English segments."""
        return self._edit(doc, lambda r, _: ops.split(r.alignment.beads, r.anchors, bead, fr_at, en_at),
                          {"op": "split", "bead": bead, "fr_at": fr_at, "en_at": en_at}, if_version, origin)

    def relink(self, doc: str, bead: int, fr: tuple[int, int], en: tuple[int, int], *,
               if_version: int | None = None, origin: str = "api") -> DocReview:
        """Bead ``bead`` links French segments ``fr`` and English ``en`` ([lo, hi) ranges)."""
        return self._edit(doc, lambda r, _: ops.relink(r.alignment.beads, r.anchors, bead, fr, en,
                                                    len(r.alignment.fr), len(r.alignment.en)),
                          {"op": "relink", "bead": bead, "fr": list(fr), "en": list(en)}, if_version, origin)

    def mark(self, doc: str, bead: int, value: str, *, if_version: int | None = None,
             origin: str = "api") -> DocReview:
        """Mark bead ``bead`` ``ok`` or ``wrong``, or ``""`` to give it back to the machine."""
        return self._edit(doc, lambda r, _: ops.mark(r.alignment.beads, r.anchors, bead, value),
                          {"op": "mark", "bead": bead, "mark": value}, if_version, origin)

    def undo(self, doc: str, *, if_version: int | None = None, origin: str = "api") -> DocReview:
        """Undo the last edit of ``doc`` that is not undone yet."""
        def change(_r: DocReview, con: sqlite3.Connection) -> list[Anchor]:
            row = con.execute("SELECT n, before FROM log WHERE doc = ? AND undone = 0 ORDER BY n DESC LIMIT 1",
                              (doc,)).fetchone()
            if row is None:
                raise InputError(f"{doc}: nothing to undo")
            con.execute("UPDATE log SET undone = 1 WHERE n = ?", (row[0],))
            return _anchors(row[1])

        return self._edit(doc, change, {"op": "undo"}, if_version, origin)


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
