"""Datasets for benchmarks/alignment.py: gold documents, their harder variants, the
TransRead literary gold, canlaw-dev provision units and synthetic UNPC documents. All deterministic (seeded)."""
from __future__ import annotations

import os
import random
from pathlib import Path

from toolkit.align.score import read_align

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TERMKIT_SHARED", REPO.parent / "shared"))

Doc = tuple[str, list[str], list[str], list]  # name, fr lines, en lines, gold beads


def _lines(p: Path) -> list[str]:
    return [l.strip() for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]


def presegmented(folder: Path) -> list[Doc]:
    """Every ``<stem>.align`` with ``<stem>.fr.txt``/``<stem>.en.txt`` in ``folder``."""
    out = []
    for a in sorted(folder.glob("*.align")):
        stem = a.with_suffix("")
        fr, en = Path(f"{stem}.fr.txt"), Path(f"{stem}.en.txt")
        if fr.exists() and en.exists():
            out.append((stem.name, _lines(fr), _lines(en), read_align(a)))
    return out


def gold_docs() -> list[Doc]:
    d = SHARED / "gold"
    return presegmented(d) if d.is_dir() else []


def literary_docs() -> list[Doc]:
    d = SHARED / "data" / "transread" / "converted"
    return presegmented(d) if d.is_dir() else []


def canlaw_docs() -> list[Doc]:
    """canlaw-dev provision units (long legislative units, 1-1 gold), one document per Act."""
    d = SHARED / "data" / "canlaw-dev" / "gold"
    out = []
    for fr in sorted(d.glob("*.fr.units")) if d.is_dir() else ():
        en = fr.with_name(fr.name.replace(".fr.units", ".en.units"))
        if en.exists():
            f, e = _lines(fr), _lines(en)
            if len(f) == len(e):
                out.append((fr.name[: -len(".fr.units")], f, e, [((k,), (k,)) for k in range(len(f))]))
    return out


def hard_variant(doc: Doc, seed: int = 0, drop: float = 0.1, fuse: float = 0.1) -> Doc:
    """Drop one side of ~``drop`` of the beads (omissions) and join the English sentences of
    ~``fuse`` of the neighbouring 1-1 bead pairs into one sentence; gold beads follow."""
    name, fr, en, beads = doc
    rng = random.Random(f"{name}:{seed}")
    new_fr, new_en, new_beads = [], [], []
    k = 0
    beads = list(beads)
    while k < len(beads):
        f, e = beads[k]
        r = rng.random()
        if f and e and r < drop:  # omission: keep one side only
            if rng.random() < 0.5:
                ids = tuple(range(len(new_fr), len(new_fr) + len(f)))
                new_fr += [fr[i] for i in f]
                new_beads.append((ids, ()))
            else:
                ids = tuple(range(len(new_en), len(new_en) + len(e)))
                new_en += [en[j] for j in e]
                new_beads.append(((), ids))
            k += 1
            continue
        if (r < drop + fuse and k + 1 < len(beads) and len(f) == 1 and len(e) == 1
                and len(beads[k + 1][0]) == 1 and len(beads[k + 1][1]) == 1):
            f2, e2 = beads[k + 1]
            fids = (len(new_fr), len(new_fr) + 1)
            new_fr += [fr[f[0]], fr[f2[0]]]
            new_beads.append((fids, (len(new_en),)))
            new_en.append(en[e[0]] + " " + en[e2[0]])
            k += 2
            continue
        fids = tuple(range(len(new_fr), len(new_fr) + len(f)))
        eids = tuple(range(len(new_en), len(new_en) + len(e)))
        new_fr += [fr[i] for i in f]
        new_en += [en[j] for j in e]
        new_beads.append((fids, eids))
        k += 1
    return (name + "+hard", new_fr, new_en, new_beads)


def unpc_pairs() -> list[tuple[str, str]]:
    d = SHARED / "data" / "unpc"
    out = []
    for part in ("testset", "devset"):
        fr = (d / f"UNv1.0.{part}.fr").read_text(encoding="utf-8").splitlines()
        en = (d / f"UNv1.0.{part}.en").read_text(encoding="utf-8").splitlines()
        out += [(a.strip(), b.strip()) for a, b in zip(fr, en) if a.strip() and b.strip()]
    return out


def unpc_doc(n: int, delete: float = 0.05, fuse: float = 0.0, seed: int = 0,
             pairs: list[tuple[str, str]] | None = None) -> Doc:
    """``n`` consecutive UNPC pairs (wrapping around with a shift past 8,000), ~``delete`` of
    the sentences deleted on one side, ~``fuse`` of neighbouring pairs fused into one EN sentence."""
    pairs = pairs if pairs is not None else unpc_pairs()
    rng = random.Random(f"unpc:{n}:{seed}")
    start = rng.randrange(len(pairs))
    seq = [pairs[(start + k + (k // len(pairs)) * 7) % len(pairs)] for k in range(n)]
    doc = ("unpc", [f for f, _ in seq], [e for _, e in seq], [((k,), (k,)) for k in range(n)])
    if delete or fuse:
        doc = hard_variant(doc, seed=seed, drop=delete, fuse=fuse)
    return (f"unpc-{n}", doc[1], doc[2], doc[3])


# ---------------------------------------------------------------- pollution (issue 15)

POLLUTIONS = ("header", "page", "footnote", "number", "truncate")


def _insert(text: str, piece: str, rng: random.Random) -> str:
    words = text.split()
    k = rng.randrange(1, len(words)) if len(words) > 1 else len(words)
    return " ".join(words[:k] + [piece] + words[k:])


def polluted_variant(doc: Doc, seed: int = 0, rate: float = 0.08) -> tuple[Doc, set[int]]:
    """Damage one side of ~``rate`` of the aligned beads the way PDF extraction and careless
    translation do, and return the variant with the indices (into its gold beads) of the
    damaged beads. Kinds, in turn: a running header cut into the text (the document's name and
    a page ``3/17``, or its first line in capitals), a page number alone, a footnote glued to
    the end (``12`` and a sentence of the same language from elsewhere in the document), one
    number changed, the text cut to its first 40 % (an incomplete pair)."""
    name, fr, en, beads = doc
    rng = random.Random(f"pollute:{name}:{seed}")
    fr, en = list(fr), list(en)
    title = {"fr": fr[0] if fr else "", "en": en[0] if en else ""}
    damaged: set[int] = set()
    kinds = list(POLLUTIONS)
    for k, (f, e) in enumerate(beads):
        if not (f and e) or rng.random() >= rate:
            continue
        lang = rng.choice(("fr", "en"))
        side = fr if lang == "fr" else en
        idx = rng.choice(f if lang == "fr" else e)
        text = side[idx]
        kind = kinds[len(damaged) % len(kinds)]
        if kind == "header":
            header = (f"{name.upper()} {rng.randint(2, 40)}/{rng.randint(41, 80)}" if rng.random() < 0.5
                      else " ".join(title[lang].upper().split()[:6]))
            new = _insert(text, header, rng)
        elif kind == "page":
            new = _insert(text, str(rng.randint(2, 300)), rng)
        elif kind == "footnote":
            donor = side[rng.randrange(len(side))]
            new = f"{text} {rng.randint(1, 40)} {donor}"
        elif kind == "number":
            digits = [m for m in range(len(text)) if text[m].isdigit()]
            if not digits:
                continue
            m = rng.choice(digits)
            new = text[:m] + str((int(text[m]) + rng.randint(1, 8)) % 10) + text[m + 1:]
        else:  # truncate
            words = text.split()
            if len(words) < 8:
                continue
            new = " ".join(words[: max(3, int(len(words) * 0.4))])
        side[idx] = new
        damaged.add(k)
    return (name + "+polluted", fr, en, list(beads)), damaged
