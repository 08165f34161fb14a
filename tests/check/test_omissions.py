"""Omission QA (issue 10 §4): an empty side, untranslated or missing segments and alignment
gaps are issues, so ``termkit check`` exits 1 on a missing translation."""
from __future__ import annotations

import json
import subprocess
import sys

from toolkit.check import check
from toolkit.check.omissions import omission_issues
from toolkit.types import Alignment, Bead, Glossary, Segment

FR = [f"Le Conseil adopte la décision numéro {k} sur la coopération policière internationale." for k in range(17)]
EN = [f"The Council adopts decision number {k} on international police cooperation." for k in range(17)]


def _al(fr, en, beads):
    return Alignment("doc", [Segment(t) for t in fr], [Segment(t) for t in en], beads)


def test_complete_translation_has_no_omission():
    al = _al(FR[:3], EN[:3], [Bead((i,), (i,), 0.9) for i in range(3)])
    assert omission_issues(al) == []


def test_empty_english_side_is_one_issue():
    al = _al(FR[:3], [], [Bead((i,), (), 0.0) for i in range(3)])
    issues = check(al, Glossary())
    assert [(i.kind, i.fr_ids, i.en_ids) for i in issues] == [("empty", (0, 1, 2), ())]
    assert "English text is empty" in issues[0].message and "3 French" in issues[0].message


def test_empty_french_side():
    al = _al([], EN[:2], [Bead((), (i,), 0.0) for i in range(2)])
    assert [(i.kind, i.en_ids) for i in omission_issues(al)] == [("empty", (0, 1))]


def test_runs_of_untranslated_french_and_extra_english():
    beads = ([Bead((0,), (0,), 0.9), Bead((1,), (), 0.0), Bead((2,), (), 0.0), Bead((3,), (1,), 0.8),
              Bead((), (2,), 0.0), Bead((4,), (3,), 0.9)])
    al = _al(FR[:5], EN[:4], beads)
    got = [(i.kind, i.fr_ids, i.en_ids) for i in omission_issues(al)]
    assert got == [("omission", (1, 2), ()), ("addition", (), (2,))]
    issue = omission_issues(al)[0]
    assert issue.message == "2 French segment(s) (#1-2) have no English translation"
    assert issue.fr == FR[1] + " " + FR[2]


def test_copied_or_french_english_is_untranslated():
    fr = ["Le Conseil permanent rappelle la Décision No 914.", "Il prie le Secrétaire général de faire rapport "
          "sur la mise en œuvre de la présente décision avant la fin de l'année."]
    en = [fr[0], "Il prie le Secrétaire général de faire rapport sur la mise en œuvre de la présente décision."]
    al = _al(fr, en, [Bead((0,), (0,), 0.5), Bead((1,), (1,), 0.5)])
    assert [(i.kind, i.fr_ids) for i in omission_issues(al)] == [("untranslated", (0,)), ("untranslated", (1,))]
    # short identical segments (names, symbols) are not reported
    short = _al(["INTERPOL", "A/RES/77/241"], ["INTERPOL", "A/RES/77/241"], [Bead((0,), (0,), 1.0), Bead((1,), (1,), 1.0)])
    assert omission_issues(short) == []


def _termkit(*args):
    return subprocess.run([sys.executable, "-m", "toolkit", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def _glossary(tmp_path):
    from toolkit.formats import write_glossary

    p = tmp_path / "g.tbx"
    write_glossary(Glossary(), p, "tbx")
    return p


def test_cli_empty_translation_exits_1(tmp_path):
    # before: "No issues found.", exit 0
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text("\n\n".join(FR[:4]) + "\n", encoding="utf-8")
    en.write_text("", encoding="utf-8")
    r = _termkit("check", fr, en, "--glossary", _glossary(tmp_path), "--format", "json")
    assert r.returncode == 1, r.stderr
    assert [i["kind"] for i in json.loads(r.stdout)] == ["empty"]


def test_cli_cut_translation_reports_every_missing_segment(tmp_path):
    # before: English cut to 3 of 17 segments -> the 14 untranslated French segments unreported
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text("\n".join(FR) + "\n", encoding="utf-8")
    en.write_text("\n".join(EN[:3]) + "\n", encoding="utf-8")
    r = _termkit("check", fr, en, "--glossary", _glossary(tmp_path), "--presegmented", "--format", "json")
    assert r.returncode == 1, r.stderr
    issues = json.loads(r.stdout)
    missing = sorted(int(i) for x in issues if x["kind"] == "omission" for i in x["fr_ids"].split(","))
    assert missing == list(range(3, 17))
