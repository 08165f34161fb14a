"""Real clients read our files back: translate-toolkit's TMX and TBX (v2) stores."""
from __future__ import annotations

import pytest

from toolkit import formats as F

tmx_mod = pytest.importorskip("translate.storage.tmx")
tbx_mod = pytest.importorskip("translate.storage.tbx")


def test_translate_toolkit_reads_our_tmx(alignments, tmp_path):
    p = tmp_path / "a.tmx"
    F.write_alignments(alignments, p, "tmx")
    with open(p, "rb") as fh:
        store = tmx_mod.tmxfile(fh, "fr", "en")
    got = [(u.source, u.target) for u in store.units]
    want = [(fr, en) for a in alignments for fr, en, b in a.pairs() if b.fr_ids and b.en_ids]
    assert got == want
    assert [u.getid() for u in store.units] == [str(i) for i in range(1, len(want) + 1)]


def test_translate_toolkit_reads_our_tbx(glossary, tmp_path):
    p = tmp_path / "g.tbx"
    F.write_glossary(glossary, p, "tbx")
    with open(p, "rb") as fh:
        store = tbx_mod.tbxfile(fh, "fr", "en")
    got = [(u.source, u.target) for u in store.units]
    assert got == [(e.fr, e.en) for e in glossary]
    # The rejected entry (all terms deprecated) is obsolete for translate-toolkit.
    assert [u.isobsolete() for u in store.units] == [e.status == "rejected" for e in glossary]
    notes = store.units[0].getnotes()
    assert "validé par le client" in notes
