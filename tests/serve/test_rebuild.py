"""The build side of review: edits kept across re-builds, --min-score, the listed beads."""
from __future__ import annotations

import json
import shutil

from toolkit.pipeline import build
from toolkit.review import ReviewStore, review_path


def test_edits_survive_a_rebuild_and_changed_segments_are_reported(serve_corpus, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(serve_corpus, corpus)
    out = tmp_path / "out"
    build(corpus, out)
    store = ReviewStore(review_path(out))
    r = store.get("rapport-pollue")
    residue = next(k for k, b in enumerate(r.alignment.beads) if b.en_ids and not b.fr_ids)
    store.mark("rapport-pollue", residue, "wrong")
    store.merge("rapport-pollue", 0)  # title + first sentence
    before = [(b.fr_ids, b.en_ids, b.mark) for b in store.get("rapport-pollue").alignment.beads]

    warnings: list[str] = []
    build(corpus, out, on_warning=warnings.append)  # same inputs: same beads
    assert [(b.fr_ids, b.en_ids, b.mark) for b in store.get("rapport-pollue").alignment.beads] == before
    assert not warnings
    tsv = (out / "aligned" / "rapport-pollue.tsv").read_text(encoding="utf-8")
    assert "\twrong" in tsv and "\tedited" in tsv
    assert "Page 3 of 12" not in (out / "aligned" / "corpus.tmx").read_text(encoding="utf-8")

    # the translator's source changes: the first sentence is reworded, a line is added at the end
    fr = corpus / "fr" / "rapport-pollue.txt"
    text = fr.read_text(encoding="utf-8").replace("progresse chaque année", "progresse d'année en année")
    fr.write_text(text + "\nUne phrase ajoutée à la fin.\n", encoding="utf-8")
    build(corpus, out, on_warning=warnings.append)
    marks = [b.mark for b in store.get("rapport-pollue").alignment.beads]
    assert "wrong" in marks and "edited" not in marks  # the residue edit applies, the merge does not
    assert any("no longer applies" in w and "rapport-pollue" in w for w in warnings)
    assert store.get("rapport-pollue").lost[0]["mark"] == "edited"


def test_min_score_and_the_listed_beads(serve_corpus, tmp_path):
    from typer.testing import CliRunner

    from toolkit.cli import app

    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["build", str(serve_corpus), "--out", str(out), "--min-score", "0.8", "--json", "-q"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert report["review_threshold"] == 0.8 and report["min_score"] == 0.8
    low = [b for d in report["docs"] for b in d["low_beads"]]
    assert low and all(b["score"] < 0.8 for b in low)
    assert {"doc", "bead", "score", "kind", "fr", "en", "reasons"} <= set(low[0])
    assert all(b["reasons"] and all(isinstance(r, str) and r for r in b["reasons"]) for b in low)
    assert [b["score"] for b in low if b["doc"] == low[0]["doc"]] == sorted(
        b["score"] for b in low if b["doc"] == low[0]["doc"])  # lowest first
    one_one = [b for b in low if b["fr_ids"] and b["en_ids"]]
    for b in one_one:
        tmx = (out / "aligned" / f"{b['doc']}.tmx").read_text(encoding="utf-8")
        tsv = (out / "aligned" / f"{b['doc']}.tsv").read_text(encoding="utf-8")
        assert b["en"] not in tmx.replace("&quot;", '"')
        assert any(line.endswith("\tlow") and b["en"][:40] in line for line in tsv.splitlines())
    r = CliRunner().invoke(app, ["build", str(serve_corpus), "--out", str(out), "--min-score", "0.8"])
    assert "scored under 0.80 (left out of the TMX)" in " ".join(r.stdout.split())
