"""``termkit doctor``: what is installed, so users can help themselves."""
from __future__ import annotations

import importlib
import importlib.metadata as md
import os
import shutil
import sqlite3
import sys
from pathlib import Path

__all__ = ["checks"]

# (label, distribution, import name, needed for)
_REQUIRED = (
    ("PDF reader", "pdfminer.six", "pdfminer", ".pdf inputs"),
    ("HTML/XML parser", "lxml", "lxml", ".html and .docx inputs, TMX/TBX"),
    ("XLSX", "openpyxl", "openpyxl", "XLSX glossaries"),
    ("fuzzy matching", "rapidfuzz", "rapidfuzz", "alignment, lookup"),
    ("lemmatiser", "simplemma", "simplemma", "terms, lookup"),
    ("word frequencies", "wordfreq", "wordfreq", "termhood, hyphenation"),
)


def _version(dist: str) -> str | None:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return None


def _fts5() -> bool:
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        con.close()


def _local_models() -> list[str]:
    """sentence-transformers / Hugging Face models already on disk (no download)."""
    from .align.model_files import hub_cache

    roots = [hub_cache(),
             Path(os.environ.get("SENTENCE_TRANSFORMERS_HOME", Path.home() / ".cache" / "torch" / "sentence_transformers"))]
    found = []
    for r in roots:
        if r.is_dir():
            found += [p.name.removeprefix("models--").replace("--", "/") for p in r.iterdir()
                      if p.is_dir() and not p.name.startswith(".")]
    return sorted(found)


def checks() -> list[tuple[str, bool, str]]:
    """Rows of (component, available, detail). Names starting with 'optional' may be absent."""
    from . import __version__

    rows = [("termkit", True, __version__), ("python", sys.version_info >= (3, 10), sys.version.split()[0])]
    for label, dist, mod, why in _REQUIRED:
        v = _version(dist)
        rows.append((label, v is not None, f"{dist} {v}" if v else f"{dist} missing ({why}): pip install {dist}"))
    rows.append(("SQLite FTS5", _fts5(), f"sqlite {sqlite3.sqlite_version}"))
    st = _version("sentence-transformers")
    rows.append(("optional: neural aligner", st is not None,
                 f"sentence-transformers {st}" if st else "pip install 'termkit[model]' (torch==2.13.0 first on CPU)"))
    tv = _version("torch")
    if tv:
        try:
            torch = importlib.import_module("torch")
            gpu = torch.cuda.is_available()
            detail = f"torch {tv}, " + (f"GPU: {torch.cuda.get_device_name(0)}" if gpu else "CPU only")
        except Exception as e:  # a broken torch install should not break doctor
            gpu, detail = False, f"torch {tv} fails to import: {e}"
        rows.append(("optional: GPU", gpu, detail))
    models = _local_models()
    rows.append(("optional: local models", bool(models),
                 ", ".join(models[:8]) if models else "none found; pass --model /path/to/LaBSE"))
    omegat = shutil.which("omegat")
    rows.append(("optional: OmegaT", omegat is not None, omegat or "not installed (apt-get install omegat)"))
    return rows
