"""``termkit doctor``: what is installed, so users can help themselves.

Nothing heavy is imported: versions come from the installed packages' metadata, torch's
build (CPU, CUDA, ROCm) from its ``version.py`` and the GPUs from the driver's files, so
the report takes a fraction of a second instead of torch's import time.
"""
from __future__ import annotations

import ast
import importlib.metadata as md
import importlib.util
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


def _word_cache() -> tuple[bool, str]:
    """The per-user cache of lemmas and word frequencies (``toolkit.words.resources``)."""
    from .words.resources import store_path

    path = store_path()
    if path is None:
        return False, "off (TERMKIT_CACHE=off): lemmas and frequencies load whole in each process"
    if path.is_file():
        return True, f"{path} ({path.stat().st_size / 2**20:.0f} MB)"
    return False, f"not built yet: the first command that needs it writes {path}"


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


def _torch_build() -> dict[str, str | None]:
    """torch's ``version.py`` (``cuda``, ``hip``: the toolkit it was built for), read, not imported."""
    spec = importlib.util.find_spec("torch")
    out: dict[str, str | None] = {"cuda": None, "hip": None}
    if spec is None or not spec.submodule_search_locations:
        return out
    try:
        tree = ast.parse((Path(list(spec.submodule_search_locations)[0]) / "version.py").read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return out
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (node.targets[0] if isinstance(node, ast.Assign)
                                                                       else None)
        if isinstance(target, ast.Name) and target.id in out and isinstance(node.value, ast.Constant):
            out[target.id] = node.value.value
    return out


def _nvidia_gpus() -> list[str]:
    """NVIDIA GPU models the driver lists (Linux: /proc/driver/nvidia/gpus/*/information)."""
    names = []
    for info in sorted(Path("/proc/driver/nvidia/gpus").glob("*/information")):
        try:
            for line in info.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith("Model:"):
                    names.append(line.split(":", 1)[1].strip())
        except OSError:
            continue
    return names


def _gpu(torch_version: str) -> tuple[bool, str]:
    build = _torch_build()
    if build["cuda"]:
        gpus = _nvidia_gpus()
        return bool(gpus), (f"torch {torch_version} (CUDA {build['cuda']}), GPU: {', '.join(gpus)}" if gpus else
                            f"torch {torch_version} (CUDA {build['cuda']}), no NVIDIA GPU found")
    if build["hip"]:
        found = Path("/dev/kfd").exists()
        return found, f"torch {torch_version} (ROCm {build['hip']}), " + ("GPU device present" if found
                                                                          else "no ROCm GPU device found")
    return False, f"torch {torch_version}, CPU only"


def checks() -> list[tuple[str, bool, str]]:
    """Rows of (component, available, detail). Names starting with 'optional' may be absent."""
    from . import __version__

    rows = [("termkit", True, __version__), ("python", sys.version_info >= (3, 10), sys.version.split()[0])]
    for label, dist, mod, why in _REQUIRED:
        v = _version(dist)
        rows.append((label, v is not None, f"{dist} {v}" if v else f"{dist} missing ({why}): pip install {dist}"))
    rows.append(("SQLite FTS5", _fts5(), f"sqlite {sqlite3.sqlite_version}"))
    rows.append(("optional: word cache", *_word_cache()))
    st = _version("sentence-transformers")
    rows.append(("optional: neural aligner", st is not None,
                 f"sentence-transformers {st}" if st else "pip install 'termkit[model]' (torch==2.13.0 first on CPU)"))
    tv = _version("torch")
    if tv:
        rows.append(("optional: GPU", *_gpu(tv)))
    models = _local_models()
    rows.append(("optional: local models", bool(models),
                 ", ".join(models[:8]) if models else "none found; pass --model /path/to/LaBSE"))
    omegat = shutil.which("omegat")
    rows.append(("optional: OmegaT", omegat is not None, omegat or "not installed (apt-get install omegat)"))
    return rows
