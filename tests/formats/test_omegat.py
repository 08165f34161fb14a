"""OmegaT, a real CAT tool, uses our files (skipped when ``omegat`` is not on PATH).

Debian/Ubuntu: ``apt-get install -y omegat`` (OmegaT 3.6; ~13 s and ~94 MB of downloads on a
machine that already has a JDK). We build a minimal project — omegat.project, source/ with a
French .txt, tm/auto/ with our TMX, glossary/ with our OmegaT TSV and TBX — then:
1. ``omegat PROJECT --mode=console-translate`` (headless) must write target/ with our English:
   OmegaT auto-inserts exact matches from tm/auto, so this proves it accepts our TMX.
2. ``GlossCheck.java`` runs OmegaT's own glossary readers on our files (console mode has no
   glossary output).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from toolkit import formats as F
from toolkit.types import Alignment, Bead, Glossary, Segment, TermPair

pytestmark = pytest.mark.skipif(shutil.which("omegat") is None, reason="omegat not installed")

HERE = Path(__file__).parent
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>FR</source_lang>
    <target_lang>EN</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""
FR = ["Le prêt est remboursable.", "Le rapport annuel est publié.",
      "Les « garanties » & <réserves> s'appliquent.", "Cette phrase n'est pas dans la mémoire."]
EN = ["The loan is repayable.", "The annual report is published.",
      "The \"guarantees\" & <reservations> apply."]
GLOSSARY = Glossary(entries=[
    TermPair("prêt", "loan", id="t1", status="approved", fr_variants=("emprunt",),
             example_fr="Le prêt est remboursable.", docs=("doc.txt",), note="finance"),
    TermPair("rapport annuel", "annual report", id="t2", score=0.8, freq=4),
])


def _env():
    return {**os.environ, "JAVA_TOOL_OPTIONS": "-Djava.awt.headless=true"}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("omegat")
    proj = root / "proj"
    for d in ("source", "target", "tm/auto", "glossary", "omegat", "dictionary"):
        (proj / d).mkdir(parents=True)
    (proj / "omegat.project").write_text(PROJECT, encoding="utf-8")
    (proj / "source/doc.txt").write_text("\n\n".join(FR) + "\n", encoding="utf-8")
    al = Alignment("doc.txt", [Segment(t) for t in FR[:3]], [Segment(t) for t in EN],
                   [Bead((i,), (i,), 0.9) for i in range(3)])
    F.write_alignments([al], proj / "tm/auto/termkit.tmx", "tmx")
    F.write_glossary(GLOSSARY, proj / "glossary/termkit.utf8", "omegat")
    F.write_glossary(GLOSSARY, proj / "glossary/termkit.tbx", "tbx")
    return proj


def test_console_translate_uses_our_tmx(project):
    cfg = project.parent / "config"
    r = subprocess.run(["omegat", str(project), "--mode=console-translate", f"--config-dir={cfg}"],
                       capture_output=True, text=True, timeout=180, env=_env())
    assert r.returncode == 0, r.stderr[-2000:]
    assert "termkit.tmx" in r.stdout + r.stderr  # OmegaT read the TM
    out = (project / "target/doc.txt").read_text(encoding="utf-8")
    for en in EN:
        assert en in out
    assert FR[3] in out  # not in the TM: left in French
    assert not any(fr in out for fr in FR[:3])


def _omegat_jar() -> Path | None:
    launcher = Path(shutil.which("omegat") or "").read_text(errors="replace")
    m = re.search(r"-jar\s+(\S+\.jar)", launcher)
    jar = Path(m.group(1)) if m else Path("/usr/share/omegat/OmegaT.jar")
    return jar if jar.is_file() else None


def test_omegat_glossary_readers_read_our_files(project):
    jar = _omegat_jar()
    if jar is None or shutil.which("java") is None:
        pytest.skip("OmegaT.jar or java not found")
    files = [project / "glossary/termkit.utf8", project / "glossary/termkit.tbx"]
    r = subprocess.run(["java", "-cp", str(jar), str(HERE / "omegat/GlossCheck.java"),
                        str(project.parent / "config"), str(project), *map(str, files)],
                       capture_output=True, text=True, timeout=180, env=_env())
    assert r.returncode == 0, r.stderr[-2000:]
    rows = [line.split("\t")[1:] for line in r.stdout.splitlines() if line.startswith("ENTRY\t")]
    pairs = {(f, src, tgt) for f, src, tgt, *_ in rows}
    for f in ("termkit.utf8", "termkit.tbx"):
        assert {(f, "prêt", "loan"), (f, "emprunt", "loan"),
                (f, "rapport annuel", "annual report")} <= pairs
    comments = {(f, src): c for f, src, _tgt, c in rows}
    assert comments[("termkit.utf8", "prêt")] == "finance"
    assert "context: Le prêt est remboursable." in comments[("termkit.tbx", "prêt")]
