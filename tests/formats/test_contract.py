"""Contract tests: every writer/reader pair round-trips what its format carries.

Fields carried per glossary format (everything else comes back as the TermPair default):
  tbx, tbx3, csv, xlsx, memoq: every TermPair field, exactly;
  phrase: fr, en, note (Phrase's per-term columns are undocumented; CID/TID are Phrase ids);
  omegat: fr, en, note, fr_variants, en_variants, after ``omegat.clean`` (no tab/newline,
  no outer whitespace).
Alignment formats (tmx, tsv, jsonl) carry, per bead: the joined fr/en texts, the score, the
document and which side is empty; readers rebuild one segment per bead side. links carries
the beads (ids; score with ``scores=True``).
"""
from __future__ import annotations

import dataclasses

import pytest

from toolkit import formats as F
from toolkit.formats import links, omegat
from toolkit.types import Glossary, TermPair


ALL_FIELDS = tuple(f.name for f in dataclasses.fields(TermPair))
CARRIED = {
    "tbx": ALL_FIELDS, "tbx3": ALL_FIELDS, "csv": ALL_FIELDS, "xlsx": ALL_FIELDS,
    "memoq": ALL_FIELDS,
    "phrase": ("fr", "en", "note"),
    "omegat": ("fr", "en", "note", "fr_variants", "en_variants"),
}
EXT = {"tbx": ".tbx", "tbx3": ".tbx", "csv": ".csv", "xlsx": ".xlsx", "memoq": ".memoq.csv",
       "phrase": ".phrase.xlsx", "omegat": ".utf8"}
NORMALISE = {"omegat": omegat.clean}


def expected(e: TermPair, fmt: str) -> TermPair:
    norm = NORMALISE.get(fmt, lambda s: s)
    kept = {}
    for name in CARRIED[fmt]:
        v = getattr(e, name)
        if isinstance(v, str):
            v = norm(v)
        elif isinstance(v, tuple) and v and isinstance(v[0], str):
            v = tuple(norm(x) for x in v)
        kept[name] = v
    fr, en = kept.pop("fr"), kept.pop("en")
    return TermPair(fr, en, **kept)


def project(e: TermPair, fmt: str) -> TermPair:
    return expected(e, fmt) if fmt in ("omegat", "phrase") else e


@pytest.mark.parametrize("fmt", sorted(CARRIED))
class TestGlossaryContract:
    def test_registered(self, fmt):
        assert fmt in F.GLOSSARY_WRITERS and callable(F.GLOSSARY_WRITERS[fmt])
        assert callable(F.GLOSSARY_READERS[fmt])

    def test_round_trip(self, fmt, glossary, tmp_path):
        p = tmp_path / f"g{EXT[fmt]}"
        F.write_glossary(glossary, p, fmt)
        back = F.read_glossary(p, fmt)
        assert [project(e, fmt) for e in back] == [expected(e, fmt) for e in glossary]

    def test_sniffed_by_extension(self, fmt, glossary, tmp_path):
        p = tmp_path / f"g{EXT[fmt]}"
        F.write_glossary(glossary, p, fmt)
        assert F.sniff_glossary(p) == fmt
        assert len(F.read_glossary(p)) >= len(glossary)

    def test_empty_glossary(self, fmt, tmp_path):
        p = tmp_path / f"empty{EXT[fmt]}"
        F.write_glossary(Glossary(), p, fmt)
        assert list(F.read_glossary(p, fmt)) == []

    def test_overwrite_is_atomic(self, fmt, glossary, tmp_path):
        p = tmp_path / f"g{EXT[fmt]}"
        F.write_glossary(glossary, p, fmt)
        F.write_glossary(glossary, p, fmt)
        assert [x.name for x in tmp_path.iterdir()] == [p.name]  # no temp file left


def _rows(alignments, omissions=True):
    return [(a.doc, fr, en, b.score, bool(b.fr_ids), bool(b.en_ids))
            for a in alignments for fr, en, b in a.pairs()
            if omissions or (b.fr_ids and b.en_ids)]


@pytest.mark.parametrize("fmt,opts,omissions", [
    ("tmx", {}, False), ("tmx", {"include_omissions": True}, True),
    ("tsv", {}, True), ("jsonl", {}, True),
])
class TestAlignmentContract:
    def test_round_trip(self, fmt, opts, omissions, alignments, tmp_path):
        p = tmp_path / f"a.{fmt}"
        F.write_alignments(alignments, p, fmt, **opts)
        back = F.read_alignments(p)
        assert _rows(back) == _rows(alignments, omissions)
        assert [a.doc for a in back] == [a.doc for a in alignments]
        for a in back:  # rebuilt beads index the rebuilt segments in order
            assert [i for b in a.beads for i in b.fr_ids] == list(range(len(a.fr)))
            assert [i for b in a.beads for i in b.en_ids] == list(range(len(a.en)))

    def test_min_score(self, fmt, opts, omissions, alignments, tmp_path):
        p = tmp_path / f"a.{fmt}"
        F.write_alignments(alignments, p, fmt, min_score=0.6, **opts)
        scores = [b.score for a in F.read_alignments(p) for b in a.beads if b.fr_ids and b.en_ids]
        assert scores and min(scores) >= 0.6


def test_alignment_writers_registry():
    assert set(F.ALIGNMENT_WRITERS) == {"tmx", "tsv", "jsonl", "links"}
    assert set(F.GLOSSARY_WRITERS) == {"tbx", "tbx3", "csv", "memoq", "phrase", "omegat", "xlsx"}


@pytest.mark.parametrize("scores", [False, True])
def test_links_round_trip(tmp_path, scores, alignments):
    beads = alignments[0].beads
    p = tmp_path / "a.links.txt"
    links.write(beads, p, scores=scores)
    back = links.read(p)
    assert [(b.fr_ids, b.en_ids) for b in back] == [(b.fr_ids, b.en_ids) for b in beads]
    if scores:
        assert [b.score for b in back] == [b.score for b in beads]
    assert p.read_text().splitlines()[:3] == (
        ["[0]:[0]", "[1,2]:[1]", "[3]:[]"] if not scores
        else ["[0]:[0]:0.93", "[1,2]:[1]:0.71", "[3]:[]:0"])


def test_links_several_documents(tmp_path, alignments):
    al = alignments
    p = tmp_path / "all.links.txt"
    F.write_alignments(al, p, "links")
    text = p.read_text()
    assert "# doc: contrat.docx\n[0]:[0]\n" in text
    assert len(links.read(p)) == sum(len(a.beads) for a in al)


def test_tsv_columns(alignments, tmp_path):
    p = tmp_path / "a.tsv"
    F.write_alignments(alignments, p, "tsv")
    lines = p.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "fr\ten\tscore\tfr_ids\ten_ids\tdoc\tmark"
    assert lines[2] == "Il court sur dix ans, à taux fixe.\tIt runs for ten years at a fixed rate.\t0.71\t1,2\t1\tcontrat.docx\t"
    assert lines[3] == "Article omis.\t\t0\t3\t\tcontrat.docx\t"


def test_tsv_reads_with_pandas(alignments, tmp_path):
    import pandas as pd

    p = tmp_path / "a.tsv"
    F.write_alignments(alignments, p, "tsv")
    df = pd.read_csv(p, sep="\t", keep_default_na=False, dtype=str)
    assert list(df.columns) == ["fr", "en", "score", "fr_ids", "en_ids", "doc", "mark"]
    assert df.loc[5, "fr"] == "Rapport annuel." and df.loc[6, "en"] == "Tab\tand quote \" here."


def test_jsonl_fields(alignments, tmp_path):
    import json

    p = tmp_path / "a.jsonl"
    F.write_alignments(alignments, p, "jsonl")
    first = json.loads(p.read_text(encoding="utf-8").splitlines()[1])
    assert first == {"fr": "Il court sur dix ans, à taux fixe.",
                     "en": "It runs for ten years at a fixed rate.", "score": 0.71,
                     "fr_ids": [1, 2], "en_ids": [1], "doc": "contrat.docx"}


def test_tmx_omissions_skipped_by_default(alignments, tmp_path):
    p = tmp_path / "a.tmx"
    n = F.write_alignments(alignments, p, "tmx")
    assert n == 5  # 7 beads, two of them omissions
    assert "Article omis." not in p.read_text(encoding="utf-8")


def test_tbx_sniff_v2_v3(glossary, tmp_path):
    F.write_glossary(glossary, tmp_path / "a.tbx", "tbx")
    F.write_glossary(glossary, tmp_path / "b.tbx", "tbx3")
    assert F.sniff_glossary(tmp_path / "a.tbx") == "tbx"
    assert F.sniff_glossary(tmp_path / "b.tbx") == "tbx3"
    assert list(F.read_glossary(tmp_path / "b.tbx")) == list(glossary)


def test_unknown_format_is_a_clear_error(glossary, tmp_path):
    from toolkit.errors import UnsupportedFormat

    with pytest.raises(UnsupportedFormat, match="choose one of"):
        F.write_glossary(glossary, tmp_path / "g.tbx", "docx")
    with pytest.raises(UnsupportedFormat, match="unknown glossary format"):
        F.read_glossary(_touch(tmp_path / "g.pdf"))


def _touch(p):
    p.write_text("x")
    return p
