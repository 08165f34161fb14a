"""One build path (issue 11 §2-3): every command segments and aligns a pair through
``pipeline.align_pair``; writers print to a stream (no temporary file); a failing stage or
missing package data is a clear TermkitError, never a silent empty result."""
from __future__ import annotations

import io
import shutil

import pytest

from toolkit import pipeline
from toolkit.errors import MissingData, StageError
from toolkit.formats import registry

DOC = "un-ares-77-241"


@pytest.fixture(scope="module")
def small(tmp_path_factory, corpus_dir):
    c = tmp_path_factory.mktemp("c")
    for lang in ("fr", "en"):
        (c / lang).mkdir()
        shutil.copy(corpus_dir / lang / f"{DOC}.txt", c / lang / f"{DOC}.txt")
    return c


def _key(al):
    return [(b.fr_ids, b.en_ids, round(b.score, 9)) for b in al.beads], [s.text for s in al.fr], [s.text for s in al.en]


def test_every_command_uses_the_same_pair_processing(small, tmp_path, monkeypatch):
    calls = []
    real = pipeline.document.align_pair

    def spy(pair, **kw):
        calls.append(pair.name)
        return real(pair, **kw)

    monkeypatch.setattr(pipeline.document, "align_pair", spy)
    monkeypatch.setattr(pipeline.tasks, "align_pair", spy)
    a = pipeline.align_files(small / "fr" / f"{DOC}.txt", small / "en" / f"{DOC}.txt")  # termkit align, check
    [b] = pipeline.alignments_from([small])  # termkit extract on a folder
    c, _ = pipeline.process_pair(pipeline.find_pairs(small)[0][0], tmp_path / "out")  # termkit build
    assert calls == [DOC, DOC, DOC]
    assert _key(a) == _key(b) == _key(c)


def test_alignments_print_to_a_stream_without_a_temporary_file(small, tmp_path, monkeypatch):
    from toolkit.formats import write_alignments

    al = pipeline.align_files(small / "fr" / f"{DOC}.txt", small / "en" / f"{DOC}.txt")
    import tempfile

    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: pytest.fail("a temporary file was made"))
    monkeypatch.setattr(tempfile, "TemporaryDirectory", lambda *a, **k: pytest.fail("a temporary dir was made"))
    for fmt in registry.names("alignment"):
        buf = io.StringIO()
        write_alignments([al], buf, fmt)
        assert buf.getvalue().strip(), fmt
    monkeypatch.undo()
    p = tmp_path / "a.tmx"
    write_alignments([al], p, "tmx", creationdate="20260101T000000Z")
    buf = io.StringIO()
    write_alignments([al], buf, "tmx", creationdate="20260101T000000Z")
    assert buf.getvalue().encode("utf-8") == p.read_bytes()


def test_registry_drives_the_cli_and_the_build():
    from toolkit import cli

    for enum, kind in ((cli.AlignFormat, "alignment"), (cli.GlossFormat, "glossary"), (cli.SegFormat, "segments")):
        assert [e.value for e in enum] == registry.names(kind)
    assert pipeline.GLOSSARY_FILES == {"tbx": "glossary.tbx", "tbx3": "glossary.tbx3.tbx", "csv": "glossary.csv",
                                       "omegat": "glossary.utf8"}
    assert {f.name for f in registry.of_kind("glossary") if f.for_cat} == {"tbx", "tbx3", "memoq", "phrase", "omegat"}
    assert {f.name for f in registry.of_kind("glossary") if not f.status} == {"phrase", "omegat"}


def test_a_failing_stage_is_a_clear_error(small, tmp_path, monkeypatch):
    import toolkit.align

    def broken(*a, **k):
        raise ValueError("index out of range in the band")

    monkeypatch.setattr(toolkit.align, "align", broken)
    with pytest.raises(StageError, match=f"{DOC}: alignment failed .ValueError: index out of range"):
        pipeline.align_files(small / "fr" / f"{DOC}.txt", small / "en" / f"{DOC}.txt")
    warnings = []
    with pytest.raises(Exception, match="no document could be processed"):
        pipeline.build(small, tmp_path / "out", on_warning=warnings.append)
    assert any("alignment failed" in w and "termkit bug" in w for w in warnings)


def test_a_failing_translation_table_is_not_swallowed(small, tmp_path, monkeypatch):
    # before: terms/pairing.py caught every exception and extracted without the word-translation table
    import toolkit.words.ibm

    als = pipeline.alignments_from([small])

    def broken(*args, **kwargs):
        raise RuntimeError("lexicon table is corrupt")

    monkeypatch.setattr(toolkit.words.ibm, "train_ibm1", broken)
    with pytest.raises(StageError, match="terminology extraction failed .RuntimeError: lexicon table is corrupt"):
        pipeline.build_glossaries(tmp_path / "out", als)


def test_missing_package_data_is_a_clear_error(monkeypatch):
    from toolkit import langdata

    with pytest.raises(MissingData, match=r"data/fr/no_such_table.tsv is missing .* reinstall termkit"):
        langdata.load_lines("fr", "no_such_table.tsv")


def test_cached_documents_are_redone_when_the_code_changes(small, tmp_path, monkeypatch):
    # before: the cache key held the version number only, so an upgraded aligner reused old scores
    from toolkit.pipeline import document

    pair = pipeline.find_pairs(small)[0][0]
    out = tmp_path / "out"
    _, first = pipeline.process_pair(pair, out)
    _, again = pipeline.process_pair(pair, out)
    assert not first.cached and again.cached
    monkeypatch.setattr(document, "code_fingerprint", lambda: "another-version")
    _, after_upgrade = pipeline.process_pair(pair, out)
    assert not after_upgrade.cached
