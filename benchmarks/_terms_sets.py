"""The two development sets of benchmarks/terms.py and tests/terms, read as ``termkit build``
reads a corpus: each document pair segmented and aligned by the pipeline (cached), then
``extract`` over all documents of the set with build's default ``min_freq``.

- ``gold``: the documents of ../shared/corpus that have a reference glossary in
  ../shared/gold (``<stem>.glossary.tsv``); reference pairs: the union of those glossaries.
- ``canlaw``: ../shared/data/canlaw-dev (ten Canadian Acts); reference pairs: gold/terms.tsv.
- ``bundled``: ../shared/corpus (every document; no reference glossary), for the flagship
  pair and timing.
"""
from __future__ import annotations

import csv
import inspect
import os
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.types import Alignment

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("TERMKIT_BENCH_CACHE", ROOT / ".termkit" / "bench"))
FLAGSHIP = ("services de détection et de répression", "law enforcement agencies")


@dataclass
class DevSet:
    name: str
    corpus: Path
    stems: list[str]
    ref: list[tuple[str, str, str]] = field(default_factory=list)  # fr, en, document


def build_min_freq() -> int:
    """``min_freq`` of ``pipeline.build``: the default every user gets."""
    from toolkit.pipeline import build

    return inspect.signature(build).parameters["min_freq"].default


def dev_sets(shared: Path) -> list[DevSet]:
    """The development sets present under ``shared`` (none when it is absent)."""
    out = []
    gold = shared / "gold"
    if gold.is_dir() and (shared / "corpus" / "fr").is_dir():
        stems = sorted(p.name[: -len(".glossary.tsv")] for p in gold.glob("*.glossary.tsv"))
        stems = [s for s in stems if _doc(shared / "corpus", "fr", s) and _doc(shared / "corpus", "en", s)]
        ref = []
        for s in stems:
            with open(gold / f"{s}.glossary.tsv", encoding="utf-8", newline="") as fh:
                ref += [(r["fr_term"], r["en_term"], s) for r in csv.DictReader(fh, delimiter="\t")]
        out.append(DevSet("gold", shared / "corpus", stems, ref))
    canlaw = shared / "data" / "canlaw-dev"
    if (canlaw / "gold" / "terms.tsv").is_file():
        stems = sorted(p.stem for p in (canlaw / "corpus" / "fr").glob("*.txt"))
        with open(canlaw / "gold" / "terms.tsv", encoding="utf-8", newline="") as fh:
            ref = [(r["fr"], r["en"], r["act"]) for r in csv.DictReader(fh, delimiter="\t")]
        out.append(DevSet("canlaw", canlaw / "corpus", stems, ref))
    return out


def bundled(shared: Path) -> DevSet | None:
    corpus = shared / "corpus"
    if not (corpus / "fr").is_dir():
        return None
    stems = sorted(p.stem for p in (corpus / "fr").iterdir() if _doc(corpus, "en", p.stem))
    return DevSet("bundled", corpus, stems)


def _doc(corpus: Path, lang: str, stem: str) -> Path | None:
    hits = sorted((corpus / lang).glob(f"{stem}.*"))
    return hits[0] if hits else None


def alignments(ds: DevSet, jobs: int = 2) -> list[Alignment]:
    """Segment and align every document of the set through the pipeline (cached under CACHE)."""
    from concurrent.futures import ProcessPoolExecutor

    from toolkit.pipeline import DocPair, process_pair

    out = CACHE / ds.name
    pairs = [DocPair(s, _doc(ds.corpus, "fr", s), _doc(ds.corpus, "en", s)) for s in ds.stems]
    if jobs > 1 and len(pairs) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return [al for al, _rep in pool.map(process_pair, pairs, [out] * len(pairs))]
    return [process_pair(p, out)[0] for p in pairs]


def french_text(al: Alignment) -> str:
    return "\n".join(s.text for s in al.fr)
