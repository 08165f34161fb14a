"""Build the lookup index (``termkit.db``): SQLite with FTS5, written to a temporary file
and renamed, so a killed build leaves the previous index (or none), never a broken one.

Schema (``SCHEMA_VERSION`` in ``meta``):

- ``glossary``: one row per TermPair (every field; tuples as JSON lists);
- ``gloss_keys``: one row per term or variant and language, with its folded key
  (``fold``: accents, case and elided clitics removed) and lemma key (simplemma lemma of
  each word), indexed for exact and lemma lookups;
- ``gloss_fts``: contentless FTS5 over the folded keys (columns ``fr``, ``en``; rowid =
  ``gloss_keys.rowid``): candidate generation for fuzzy lookups, re-ranked by rapidfuzz;
- ``gloss_vocab``: distinct folded words of the keys per language (typo correction);
- ``pairs`` + ``pairs_fts``: aligned sentence pairs and a contentless FTS5 index over them
  (``unicode61 remove_diacritics 2``: case- and accent-insensitive), for the concordance;
- ``docs``: document names;
- ``lemmas``: every distinct folded word of the glossary keys and of the pairs (as FTS5
  tokenizes them) with its lemma (``toolkit.words.lemma``), so that a lookup lemmatises
  only the query words the index has never seen (``Lookup`` makes it a lemma source).
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import OutputError
from ..fileio import atomic_path
from ..types import Alignment, Glossary, TermPair
from . import SCHEMA_VERSION
from .match import lemma_key, term_words

__all__ = ["build_index", "IndexStats", "SCHEMA_VERSION", "fts_text"]

_TOKENIZE = "unicode61 remove_diacritics 2"

_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE glossary(
    id INTEGER PRIMARY KEY,
    term_id TEXT, fr TEXT NOT NULL, en TEXT NOT NULL, score REAL, freq INTEGER, kind TEXT, pos TEXT,
    fr_variants TEXT, en_variants TEXT, example_fr TEXT, example_en TEXT, docs TEXT,
    status TEXT, note TEXT, stale INTEGER,
    fr_fold TEXT, en_fold TEXT, fr_lemma TEXT, en_lemma TEXT
);
CREATE TABLE gloss_keys(
    id INTEGER PRIMARY KEY, entry INTEGER NOT NULL REFERENCES glossary(id),
    lang TEXT NOT NULL, variant INTEGER NOT NULL, form TEXT NOT NULL, fold TEXT NOT NULL, lemma TEXT NOT NULL
);
CREATE VIRTUAL TABLE gloss_fts USING fts5(fr, en, content='', tokenize='{_TOKENIZE}');
CREATE TABLE gloss_vocab(lang TEXT NOT NULL, word TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(lang, word))
    WITHOUT ROWID;
CREATE TABLE pairs(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, score REAL, fr TEXT NOT NULL, en TEXT NOT NULL);
CREATE VIRTUAL TABLE pairs_fts USING fts5(fr, en, content='', tokenize='{_TOKENIZE}');
CREATE TABLE lemmas(lang TEXT NOT NULL, word TEXT NOT NULL, lemma TEXT NOT NULL, PRIMARY KEY(lang, word))
    WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX gloss_keys_fold ON gloss_keys(lang, fold);
CREATE INDEX gloss_keys_lemma ON gloss_keys(lang, lemma);
"""

# unicode61 folds case and diacritics but keeps ligatures; fold them as text.fold does.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def fts_text(text: str) -> str:
    """The text as indexed by FTS (ligatures spelled out; the tokenizer does the rest)."""
    return text.translate(_LIGATURES) if ("œ" in text or "æ" in text or "Œ" in text or "Æ" in text) else text


def _epoch() -> float | None:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else None (now)."""
    v = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(v) if v.isdigit() else None


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What ``build_index`` wrote: counts, file size in bytes, seconds taken."""

    entries: int
    keys: int
    pairs: int
    docs: int
    bytes: int
    seconds: float


def _entry_row(i: int, e: TermPair) -> tuple:
    return (i, e.id, e.fr, e.en, e.score, e.freq, e.kind, e.pos,
            json.dumps(list(e.fr_variants), ensure_ascii=False), json.dumps(list(e.en_variants), ensure_ascii=False),
            e.example_fr, e.example_en, json.dumps(list(e.docs), ensure_ascii=False), e.status, e.note, int(e.stale),
            " ".join(term_words(e.fr, "fr")), " ".join(term_words(e.en, "en")),
            lemma_key(e.fr, "fr"), lemma_key(e.en, "en"))


def _key_rows(glossary: Glossary) -> Iterator[tuple]:
    k = 0
    for i, e in enumerate(glossary.entries, 1):
        for lang, term, variants in (("fr", e.fr, e.fr_variants), ("en", e.en, e.en_variants)):
            seen = set()
            for variant, form in [(0, term)] + [(1, v) for v in variants]:
                fk = " ".join(term_words(form, lang))
                if not fk or fk in seen:
                    continue
                seen.add(fk)
                k += 1
                yield (k, i, lang, variant, form, fk, lemma_key(form, lang))


def _pair_rows(alignments: Iterable[Alignment], doc_ids: dict[str, int]) -> Iterator[tuple]:
    for al in alignments:
        d = doc_ids[al.doc]
        for fr, en, bead in al.pairs():
            if bead.mark != "wrong" and (fr.strip() or en.strip()):  # a wrong pair is no example
                yield (d, bead.score, fr, en)


def build_index(db_path: str | os.PathLike, alignments: list[Alignment], glossary: Glossary) -> IndexStats:
    """Write the lookup index for ``alignments`` and ``glossary`` to ``db_path`` (atomically)."""
    t0 = time.perf_counter()
    target = Path(db_path)
    with atomic_path(target) as tmp:
        try:
            con = sqlite3.connect(tmp)
            try:
                stats = _fill(con, alignments, glossary)
                con.commit()
            finally:
                con.close()
        except sqlite3.Error as e:
            raise OutputError(f"{target}: cannot write the lookup index ({e}); check free disk space") from e
    return IndexStats(*stats, bytes=target.stat().st_size, seconds=time.perf_counter() - t0)


def _fill(con: sqlite3.Connection, alignments: list[Alignment], glossary: Glossary) -> tuple[int, int, int, int]:
    # the file is a temporary one renamed on success: no journal needed
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
                      "PRAGMA temp_store=MEMORY;")
    con.executescript(_SCHEMA)
    con.executemany("INSERT INTO glossary VALUES (" + ",".join("?" * 20) + ")",
                    (_entry_row(i, e) for i, e in enumerate(glossary.entries, 1)))
    keys = list(_key_rows(glossary))
    con.executemany("INSERT INTO gloss_keys VALUES (?,?,?,?,?,?,?)", keys)
    con.executemany("INSERT INTO gloss_fts(rowid, fr, en) VALUES (?,?,?)",
                    ((k[0], k[5] if k[2] == "fr" else "", k[5] if k[2] == "en" else "") for k in keys))
    vocab: dict[tuple[str, str], int] = {}
    for k in keys:
        for w in k[5].split():
            vocab[(k[2], w)] = vocab.get((k[2], w), 0) + 1
    con.executemany("INSERT INTO gloss_vocab VALUES (?,?,?)", ((lg, w, n) for (lg, w), n in vocab.items()))

    doc_ids: dict[str, int] = {}
    for al in alignments:
        doc_ids.setdefault(al.doc, len(doc_ids) + 1)
    con.executemany("INSERT INTO docs VALUES (?,?)", ((i, name) for name, i in doc_ids.items()))
    n_pairs = 0
    batch: list[tuple] = []

    def flush() -> None:
        con.executemany("INSERT INTO pairs VALUES (?,?,?,?,?)", batch)
        con.executemany("INSERT INTO pairs_fts(rowid, fr, en) VALUES (?,?,?)",
                        ((r[0], fts_text(r[3]), fts_text(r[4])) for r in batch))
        batch.clear()

    for row in _pair_rows(alignments, doc_ids):
        n_pairs += 1
        batch.append((n_pairs, *row))
        if len(batch) >= 20_000:
            flush()
    flush()
    con.executescript(_INDEXES)
    con.execute("INSERT INTO gloss_fts(gloss_fts) VALUES ('optimize')")
    con.execute("INSERT INTO pairs_fts(pairs_fts) VALUES ('optimize')")
    _fill_lemmas(con)
    con.executemany("INSERT INTO meta VALUES (?,?)", [
        ("schema", SCHEMA_VERSION), ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(_epoch()))),
        ("entries", str(len(glossary))), ("pairs", str(n_pairs)), ("docs", str(len(doc_ids))),
        ("src_lang", glossary.src_lang), ("tgt_lang", glossary.tgt_lang),
    ])
    con.commit()
    con.execute("ANALYZE")
    return len(glossary), len(keys), n_pairs, len(doc_ids)


def _fill_lemmas(con: sqlite3.Connection) -> None:
    """The ``lemmas`` table: each folded word of the glossary keys and the pairs, lemmatised once."""
    from ..words import lemma
    from ..words.resources import ensure_store

    ensure_store()  # later one-shot lookups read unseen query words from the per-user cache
    con.execute("CREATE VIRTUAL TABLE temp.pairs_vocab USING fts5vocab(main, pairs_fts, col)")
    for lang in ("fr", "en"):
        seen = {w for (w,) in con.execute("SELECT word FROM gloss_vocab WHERE lang = ?", (lang,))}
        seen.update(w for (w,) in con.execute("SELECT term FROM temp.pairs_vocab WHERE col = ?", (lang,)))
        con.executemany("INSERT INTO lemmas VALUES (?,?,?)", ((lang, w, lemma(w, lang)) for w in sorted(seen)))
    con.execute("DROP TABLE temp.pairs_vocab")
