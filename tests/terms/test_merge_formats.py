"""A glossary edited between two runs, in every writable format that carries status:
extract → write → read → user edits → write → read → merge with a second extraction."""
from __future__ import annotations

import importlib

import pytest

from toolkit.terms import extract, merge
from toolkit.types import Glossary

from .conftest import SYNTH, make_alignment

FORMATS = ["tbx", "tbx3", "csv", "memoq", "phrase", "omegat", "xlsx"]


def _io(fmt: str):
    formats = pytest.importorskip("toolkit.formats")
    write, read = getattr(formats, "write_glossary", None), getattr(formats, "read_glossary", None)
    if write is None or read is None:
        pytest.skip("toolkit.formats has no write_glossary/read_glossary yet")
    mod = getattr(formats, "_GLOSSARY_MODULES", {}).get(fmt, fmt)
    try:
        importlib.import_module(f"toolkit.formats.{mod}")
    except ImportError:
        pytest.skip(f"format {fmt!r} not available yet")
    return write, read


def _roundtrip(g: Glossary, tmp_path, fmt: str, name: str) -> Glossary:
    write, read = _io(fmt)
    import toolkit.formats as formats

    ext = getattr(formats, "GLOSSARY_EXTENSIONS", {}).get(fmt, f".{fmt}")
    path = tmp_path / f"{name}{ext}"
    write(g, path, fmt)
    return read(path, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_curation_survives_a_rerun_through_the_format(fmt, tmp_path):
    first = extract([make_alignment(SYNTH[:8])])
    probe = Glossary(entries=[first.entries[0].with_(status="approved", note="probe")])
    back = _roundtrip(probe, tmp_path, fmt, "probe")
    if not back.entries or back.entries[0].status != "approved":
        pytest.skip(f"format {fmt!r} does not carry status")
    on_disk = _roundtrip(first, tmp_path, fmt, "run1")
    edited = []
    for e in on_disk:
        if e.fr == "criminalité organisée":
            e = e.with_(status="approved", en="organised crime", note="UK spelling")
        elif e.fr == "stabilité financière":
            e = e.with_(status="rejected", note="too general")
        edited.append(e)
    curated = _roundtrip(Glossary(entries=edited), tmp_path, fmt, "edited")
    merged = {e.fr: e for e in merge(curated, extract([make_alignment(SYNTH)]))}
    oc = merged["criminalité organisée"]
    assert (oc.en, oc.status, oc.stale) == ("organised crime", "approved", False)
    if back.entries[0].note == "probe":  # the format carries notes
        assert oc.note == "UK spelling"
        assert merged["stabilité financière"].note == "too general"
    assert merged["stabilité financière"].status == "rejected"
    assert all(e.status == "new" for e in merged.values() if e.fr not in ("criminalité organisée", "stabilité financière"))
    assert len({e.fr for e in merged.values()}) == len(merged)
