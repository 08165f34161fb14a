"""merge(): curation survives a re-run."""
from __future__ import annotations

from toolkit.terms import extract, merge
from toolkit.types import Glossary, TermPair

from .conftest import SYNTH, make_alignment


def _by_fr(g: Glossary) -> dict:
    return {e.fr: e for e in g}


def _curate(g: Glossary) -> Glossary:
    """What a user does between two runs."""
    out = []
    for e in g:
        if e.fr == "criminalité organisée":
            e = e.with_(status="approved", en="organised crime", note="UK spelling", score=0.0)
        elif e.fr == "stabilité financière":
            e = e.with_(status="rejected", note="too general")
        elif e.fr == "enquêtes financières":
            e = e.with_(fr="enquête financière", en="financial investigation", status="approved")
        elif e.fr == "ONUDC":
            e = e.with_(note="check the UN term base")  # still new
        out.append(e)
    out.append(TermPair(fr="parquet", en="prosecution service", id="user-1", status="approved",
                        note="added by hand"))
    return Glossary(entries=out)


def test_curation_survives_rerun():
    first = extract([make_alignment(SYNTH[:8])])
    curated = _curate(first)
    second = extract([make_alignment(SYNTH)])
    merged = _by_fr(merge(curated, second))
    oc = merged["criminalité organisée"]
    assert (oc.en, oc.status, oc.note, oc.stale) == ("organised crime", "approved", "UK spelling", False)
    assert oc.freq == 2 and oc.score > 0  # fresh statistics
    r = merged["stabilité financière"]
    assert (r.status, r.note) == ("rejected", "too general")
    ef = merged["enquête financière"]  # edited form kept, matched by id
    assert (ef.en, ef.status) == ("financial investigation", "approved")
    assert "enquêtes financières" not in merged
    on = merged["ONUDC"]
    assert (on.status, on.note, on.en) == ("new", "check the UN term base", "UNODC")


def test_stale_entries_are_kept_and_flagged():
    curated = _curate(extract([make_alignment(SYNTH)]))
    fewer = extract([make_alignment(SYNTH[:3])])
    merged = _by_fr(merge(curated, fewer))
    assert merged["parquet"].stale is True
    assert merged["parquet"].status == "approved"
    assert merged["criminalité organisée"].stale is True
    assert merged["criminalité organisée"].en == "organised crime"
    assert len(merged) >= len(curated)


def test_new_candidates_come_in_as_new():
    old = extract([make_alignment(SYNTH[:3])])
    new = extract([make_alignment(SYNTH)])
    merged = merge(old, new)
    old_ids = {e.id for e in old}
    added = [e for e in merged if e.id not in old_ids]
    assert added and all(e.status == "new" and not e.stale for e in added)
    assert "criminalité organisée" in {e.fr for e in added}
    # old entries first, in their order
    assert [e.id for e in merged][: len(old)] == [e.id for e in old]


def test_match_by_french_form_when_ids_are_missing():
    new = extract([make_alignment(SYNTH)])
    old = Glossary(entries=[TermPair(fr="Criminalité organisée", en="organised crime", status="rejected")])
    merged = merge(old, new)
    hits = [e for e in merged if e.fr.lower() == "criminalité organisée"]
    assert len(hits) == 1 and hits[0].status == "rejected" and not hits[0].stale


def test_merge_is_idempotent():
    g = extract([make_alignment(SYNTH)])
    once = merge(g, g)
    assert merge(once, g).entries == once.entries
    assert [e.id for e in once] == [e.id for e in g]
