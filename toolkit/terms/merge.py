"""Merge a fresh extraction into a curated glossary without losing curation.

Rules (issue text):
- an entry the user marked ``approved`` or ``rejected`` is kept as it is: its forms
  (fr/en), note and status survive; it gets fresh statistics (score, freq, docs,
  examples) when it is found again;
- a ``new`` entry found again is refreshed with the new scores and examples (its note
  is kept);
- an old entry not found again is kept and flagged ``stale=True`` (never deleted);
- a new candidate not in the old glossary comes in as ``new``.
Entries are matched by stable ``id`` first, then by the normalised French form.
"""
from __future__ import annotations

from ..types import Glossary, TermPair

__all__ = ["merge", "fr_key"]


def fr_key(term: str) -> str:
    """Normalised French form for matching: folded lemmas, articles dropped."""
    from ..text import tokenize
    from .tagger import lemma

    toks = [lemma(t, "fr") for t in tokenize(term)]
    return " ".join(t for t in toks if t not in ("le", "un", "une"))


def _refresh(old: TermPair, new: TermPair) -> TermPair:
    """Statistics from ``new``; curation (forms, note, status) from ``old`` when curated."""
    stats = dict(score=new.score, freq=new.freq, docs=new.docs, stale=False)
    if old.status in ("approved", "rejected"):
        return old.with_(**stats)
    return new.with_(id=old.id or new.id, note=old.note or new.note, status="new")


def merge(old: Glossary, new: Glossary) -> Glossary:
    """``old`` entries in their order (refreshed, or flagged stale), then new candidates."""
    by_id = {e.id: k for k, e in enumerate(new.entries) if e.id}
    by_fr: dict[str, int] = {}
    for k, e in enumerate(new.entries):
        by_fr.setdefault(fr_key(e.fr), k)
    used: set[int] = set()
    out: list[TermPair] = []
    for o in old.entries:
        k = by_id.get(o.id) if o.id else None
        if k is None or k in used:
            k = by_fr.get(fr_key(o.fr))
            if k is not None and k in used:
                k = None
        if k is None:
            out.append(o.with_(stale=True))
            continue
        used.add(k)
        out.append(_refresh(o, new.entries[k]))
    for k, e in enumerate(new.entries):
        if k not in used:
            out.append(e.with_(status="new", stale=False))
    return Glossary(entries=out, src_lang=old.src_lang or new.src_lang,
                    tgt_lang=old.tgt_lang or new.tgt_lang, title=old.title or new.title)
