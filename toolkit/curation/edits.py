"""What a person changed in an export file, found by a three-way comparison.

``base`` is the glossary as termkit wrote that file (read back from the bytes the store
kept), ``theirs`` the file as it is now, ``current`` the store. Only the fields that differ
between base and theirs are edits, so a stale or partial export never undoes a decision
made elsewhere, and a format that does not carry a field (OmegaT and Phrase carry no status)
never changes it. Lines added to the file are new entries. Deleted lines are not taken as
decisions (a reject is a status). Without a base (a file termkit has no record of) only
decisions the store lacks are taken: a status other than ``new`` over ``new``, a note over
no note, and added entries.
"""
from __future__ import annotations

from ..formats.registry import Format
from ..types import Glossary, TermPair
from .store import user_id

__all__ = ["find_edits"]

Edits = dict[str, dict[str, object]]


def _key(e: TermPair) -> tuple[str, str]:
    return (e.fr.strip().casefold(), e.en.strip().casefold())


def _pair(base: list[tuple[str, TermPair]], theirs: list[TermPair], by_id: bool
          ) -> tuple[list[tuple[str, TermPair, TermPair]], list[TermPair]]:
    """(id, base entry, their entry) for every entry of theirs found in base (by id when the
    format carries ids, then by both forms, then by the French, then by the English form
    alone: an edited term); and their entries found nowhere."""
    keys = [lambda e: e.id or None] if by_id else []
    keys += [_key, lambda e: e.fr.strip().casefold() or None, lambda e: e.en.strip().casefold() or None]
    free = dict(enumerate(base))
    pairs: list[tuple[str, TermPair, TermPair]] = []
    pending = list(theirs)
    for key in keys:
        index: dict = {}
        for k, (_, b) in free.items():
            kb = key(b)
            if kb:
                index.setdefault(kb, []).append(k)
        left = []
        for t in pending:
            slots = index.get(key(t)) or []
            hit = next((k for k in slots if k in free), None)
            if hit is None:
                left.append(t)
                continue
            eid, b = free.pop(hit)
            pairs.append((eid, b, t))
        pending = left
    return pairs, pending


def find_edits(theirs: Glossary, fmt: Format, current: dict[str, TermPair],
               base: Glossary | None = None, base_ids: list[str] | None = None
               ) -> tuple[Edits, list[TermPair], list[str]]:
    """``({entry id: {field: new value}}, [added entries], ids)`` for ``theirs`` read as
    ``fmt``; ``ids`` gives the store id of each entry of theirs ("" when unknown)."""
    carried = fmt.curated
    edits: Edits = {}
    added: list[TermPair] = []
    ids_of: dict[int, str] = {}
    if base is not None:
        ids = base_ids if base_ids is not None and len(base_ids) == len(base.entries) else [e.id for e in base.entries]
        pairs, rest = _pair(list(zip(ids, base.entries)), theirs.entries, by_id=fmt.status)
        for eid, b, t in pairs:
            ids_of[id(t)] = eid
            diff = {f: getattr(t, f) for f in carried if getattr(t, f) != getattr(b, f)}
            if diff and eid in current:
                edits.setdefault(eid, {}).update(diff)
    else:
        pairs, rest = _pair([(e.id, e) for e in current.values()], theirs.entries, by_id=fmt.status)
        for eid, cur, t in pairs:
            ids_of[id(t)] = eid
            diff: dict[str, object] = {}
            if "status" in carried and t.status != "new" and cur.status == "new":
                diff["status"] = t.status
            if "note" in carried and t.note and not cur.note:
                diff["note"] = t.note
            if diff:
                edits.setdefault(eid, {}).update(diff)
    known = {_key(e) for e in current.values()}
    for t in rest:
        if fmt.status and t.id in current:  # an entry termkit left out (rejected) put back by hand
            ids_of[id(t)] = t.id
            diff = {f: getattr(t, f) for f in carried if getattr(t, f) != getattr(current[t.id], f)}
            if diff:
                edits.setdefault(t.id, {}).update(diff)
            continue
        if not (t.fr.strip() or t.en.strip()) or _key(t) in known:
            continue
        known.add(_key(t))
        eid = t.id if fmt.status and t.id and t.id not in current else user_id(t.fr, t.en)
        ids_of[id(t)] = eid
        added.append(TermPair(fr=t.fr, en=t.en, id=eid, status=t.status if "status" in carried else "new",
                              note=t.note, fr_variants=t.fr_variants, en_variants=t.en_variants,
                              pos=t.pos if "pos" in carried else "", kind=t.kind if "kind" in carried else "term"))
    return edits, added, [ids_of.get(id(t), "") for t in theirs.entries]
