"""simplemma's lemma dictionaries and wordfreq's frequency lists, one word at a time.

Loading simplemma's French dictionary takes about 0.15 s, wordfreq's French list 0.17 s
(plus 0.15 s to import wordfreq): most of a one-shot command's time when it needs a few
dozen words. Both are therefore also kept in a per-user SQLite cache, read a word at a
time; the answers are those of the libraries themselves — the lemma comes from simplemma's
own strategies (``simplemma.Lemmatizer``) over the cached dictionary, the frequency from
wordfreq's formula on its own list (``tests/words/test_resources.py`` compares them).

A word of simplemma's dictionary is answered by one indexed read, without even importing
simplemma; another word goes through simplemma's strategies once, and its answer is kept in
the cache for the next process (table ``learned``).

The cache is ``$TERMKIT_CACHE``, else ``$XDG_CACHE_HOME/termkit``, else ``~/.cache/termkit``
(``TERMKIT_CACHE=off``: no cache). Its file is named after the installed data files, so
upgrading simplemma or wordfreq builds a new one; it is built once (a few seconds) by the
first process that needs it, or by ``termkit build``/``index``, written to a temporary file
and renamed. A process that asks for many words (an extraction) switches to the in-memory
libraries after ``BATCH`` of them, where loading the whole table pays off.
"""
from __future__ import annotations

import math
import os
import sqlite3
import threading
import unicodedata
from pathlib import Path

__all__ = ["lemmatize", "is_known", "zipf", "cache_dir", "store_path", "ensure_store", "BATCH", "LANGS"]

LANGS = ("fr", "en")
BATCH = 3000  # words asked of the cache before the in-memory library is loaded instead
_SCHEMA = "2"
_lock = threading.RLock()
_state: dict = {"con": None, "tried": False, "asked": {}, "lemmatizer": None, "lookup": None}


# ---------------------------------------------------------------- where

def cache_dir() -> Path | None:
    """The per-user cache folder (None when ``TERMKIT_CACHE=off``)."""
    v = os.environ.get("TERMKIT_CACHE", "").strip()
    if v.lower() in ("off", "0", "none", "no"):
        return None
    if v:
        return Path(v)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "termkit"


def _package_dir(name: str) -> Path | None:
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)  # locates the package without importing it
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _data_files() -> list[Path]:
    files = []
    sm, wf = _package_dir("simplemma"), _package_dir("wordfreq")
    for lang in LANGS:
        if sm:
            files.append(sm / "strategies" / "dictionaries" / "data" / f"{lang}.plzma")
        if wf:
            files += [wf / "data" / f"{size}_{lang}.msgpack.gz" for size in ("large", "small")]
    return files


def store_path() -> Path | None:
    """The cache file for the installed simplemma and wordfreq data (None: no cache)."""
    d = cache_dir()
    if d is None:
        return None
    import hashlib

    h = hashlib.blake2b(_SCHEMA.encode(), digest_size=8)
    for f in _data_files():
        try:
            st = f.stat()
            h.update(f"{f}\t{st.st_size}\t{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{f}\tmissing\n".encode())
    return d / f"words-{h.hexdigest()}.sqlite"


# ---------------------------------------------------------------- build

def _wordfreq_zipf(freq: float) -> float:
    """wordfreq's ``zipf_frequency`` of a one-token word of frequency ``freq`` (its rounding)."""
    if freq <= 0:
        return 0.0
    f = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(f, 10) + 9, 2)


def _build(path: Path) -> None:
    import wordfreq
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                          "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                          "CREATE TABLE lemma(lang TEXT, form TEXT, lemma TEXT, PRIMARY KEY(lang, form)) WITHOUT ROWID;"
                          "CREATE TABLE zipf(lang TEXT, word TEXT, z REAL, PRIMARY KEY(lang, word)) WITHOUT ROWID;"
                          "CREATE TABLE learned(lang TEXT, word TEXT, lemma TEXT, PRIMARY KEY(lang, word)) "
                          "WITHOUT ROWID;")
        for lang in LANGS:
            d = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
            con.executemany("INSERT INTO lemma VALUES (?,?,?)", ((lang, k, d.get(k)) for k in d))
            freqs = wordfreq.get_frequency_dict(lang, wordlist="best")
            con.executemany("INSERT OR IGNORE INTO zipf VALUES (?,?,?)",
                            ((lang, w, _wordfreq_zipf(f)) for w, f in freqs.items() if w.isalpha()))
        con.execute("INSERT INTO meta VALUES ('schema', ?)", (_SCHEMA,))
        con.commit()
        con.execute("PRAGMA journal_mode=WAL")  # lookups add learned words while others read
        con.close()
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def ensure_store() -> Path | None:
    """The cache file, built now if missing; None when there is no usable cache."""
    path = store_path()
    if path is None:
        return None
    if not path.is_file():
        try:
            _build(path)
        except Exception:  # read-only home, full disk, odd library data: the libraries answer in memory
            return None
    return path


def _con() -> sqlite3.Connection | None:
    with _lock:
        if not _state["tried"]:
            _state["tried"] = True
            path = ensure_store()
            if path is not None:
                try:
                    con = sqlite3.connect(path, timeout=0.5, check_same_thread=False, isolation_level=None)
                    ok = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (_SCHEMA,)
                    _state["con"] = con if ok else None
                except sqlite3.Error:
                    _state["con"] = None
        return _state["con"]


def _from_store(kind: str, lang: str) -> sqlite3.Connection | None:
    """The cache connection while this process has asked fewer than ``BATCH`` words of a kind."""
    n = _state["asked"].get((kind, lang), 0)
    if n >= BATCH:
        return None
    _state["asked"][(kind, lang)] = n + 1
    return _con()


# ---------------------------------------------------------------- simplemma

class _Dictionary:
    """simplemma's dictionary interface (a read-only mapping) over the cache."""

    def __init__(self, con: sqlite3.Connection, lang: str):
        self.con, self.lang = con, lang

    def get(self, key: str, default=None):
        with _lock:
            row = self.con.execute("SELECT lemma FROM lemma WHERE lang = ? AND form = ?", (self.lang, key)).fetchone()
        return row[0] if row else default

    def __getitem__(self, key: str) -> str:
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None


class _Factory:
    """A simplemma ``DictionaryFactory`` reading the cache."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self._dicts: dict[str, _Dictionary] = {}

    def get_dictionary(self, lang: str) -> _Dictionary:
        if lang not in LANGS:
            from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

            return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        if lang not in self._dicts:
            self._dicts[lang] = _Dictionary(self.con, lang)
        return self._dicts[lang]


def _store_lemmatizer():
    if _state["lemmatizer"] is None:
        from simplemma import Lemmatizer
        from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

        factory = _Factory(_state["con"])
        _state["lemmatizer"] = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
        _state["lookup"] = DictionaryLookupStrategy(factory)
    return _state["lemmatizer"]


def _no_apostrophe(word: str) -> bool:
    return "'" not in word and "\u2019" not in word and "\u02bc" not in word


def lemmatize(word: str, lang: str) -> str:
    """``simplemma.lemmatize(word, lang)``, from the cache while few words were asked."""
    con = _from_store("lemma", lang) if lang in LANGS and isinstance(word, str) and word else None
    if con is None:
        import simplemma

        return simplemma.lemmatize(word, lang=lang)
    w = unicodedata.normalize("NFC", word)
    with _lock:
        if not w.isnumeric() and _no_apostrophe(w):
            # simplemma's first answer for a dictionary word is its dictionary entry
            row = con.execute("SELECT lemma FROM lemma WHERE lang = ? AND form = ?", (lang, w)).fetchone()
            if row:
                return row[0]
        row = con.execute("SELECT lemma FROM learned WHERE lang = ? AND word = ?", (lang, w)).fetchone()
    if row:
        return row[0]
    out = _store_lemmatizer().lemmatize(w, lang)
    with _lock:
        try:
            con.execute("INSERT OR IGNORE INTO learned VALUES (?,?,?)", (lang, w, out))
        except sqlite3.Error:  # a read-only or busy cache: the next process computes it again
            pass
    return out


def is_known(word: str, lang: str) -> bool:
    """``simplemma.is_known(word, lang)``, from the cache while few words were asked."""
    if lang in LANGS and word and _from_store("lemma", lang) is not None:
        from simplemma.utils import normalize_token

        _store_lemmatizer()
        return _state["lookup"].get_lemma(normalize_token(word), lang) is not None
    import simplemma

    return simplemma.is_known(word, lang=lang)


# ---------------------------------------------------------------- wordfreq

def _one_token(word: str) -> bool:
    """A word wordfreq reads as itself, one token: letters only, already in its normal form."""
    return word.isalpha() and word == unicodedata.normalize("NFC", word).casefold()


def zipf(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)``, from the cache while few words were asked."""
    if lang in LANGS and _one_token(word):
        con = _from_store("zipf", lang)
        if con is not None:
            with _lock:
                row = con.execute("SELECT z FROM zipf WHERE lang = ? AND word = ?", (lang, word)).fetchone()
            return row[0] if row else 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)
