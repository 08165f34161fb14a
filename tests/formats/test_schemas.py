"""Our XML validates against the published schemas, vendored under tests/schemas (copies of
shared/data/schemas, with their notices; never skipped): TMX 1.4b DTD, TBX-Basic v2 DTD and
RELAX NG, TBX v3 core RELAX NG; plus the TBX-Basic v3 DCA Schematron rules that lxml cannot
run (XSLT2) re-expressed in Python."""
from __future__ import annotations

import pytest
from lxml import etree

from toolkit import formats as F
from toolkit.formats.tbx3 import NS

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _validate(validator, path):
    ok = validator.validate(etree.parse(str(path)))
    assert ok, validator.error_log.filter_from_errors()[:3]


def test_tmx_valid_against_dtd(schemas_dir, alignments, tmp_path):
    dtd = etree.DTD(str(schemas_dir / "tmx-1.4b/tmx14.dtd"))
    for opts in ({}, {"include_omissions": True}):
        p = tmp_path / "a.tmx"
        F.write_alignments(alignments, p, "tmx", **opts)
        _validate(dtd, p)


def test_tmx_header_has_the_seven_attributes(alignments, tmp_path):
    from toolkit import __version__

    p = tmp_path / "a.tmx"
    F.write_alignments(alignments, p, "tmx", creationdate="20260101T000000Z")
    h = etree.parse(str(p)).getroot().find("header")
    assert {k: h.get(k) for k in ("creationtool", "creationtoolversion", "segtype", "o-tmf",
                                  "adminlang", "srclang", "datatype", "creationdate")} == {
        "creationtool": "termkit", "creationtoolversion": __version__, "segtype": "sentence",
        "o-tmf": "termkit", "adminlang": "en", "srclang": "fr", "datatype": "plaintext",
        "creationdate": "20260101T000000Z"}
    tu = etree.parse(str(p)).getroot().find("body/tu[2]")
    assert tu.get("tuid") == "2"
    kids = [c.tag for c in tu]
    assert kids == ["prop", "prop", "prop", "tuv", "tuv"]  # DTD: props before tuv
    assert [c.get("type") for c in tu.findall("prop")] == ["x-score", "x-document", "x-bead"]
    assert tu.find("prop[@type='x-bead']").text == "[1,2]:[1]"
    assert all(t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tu.findall("tuv"))


def test_tbx_v2_valid_against_dtd_and_rng(schemas_dir, glossary, tmp_path):
    p = tmp_path / "g.tbx"
    F.write_glossary(glossary, p, "tbx")
    _validate(etree.DTD(str(schemas_dir / "tbx-v2-2008/TBX-Basic/TBXBasiccoreStructV02.dtd")), p)
    _validate(etree.RelaxNG(etree.parse(str(schemas_dir / "tbx-v2-2008/TBX-Basic/TBXBasicRNGV02.rng"))), p)


def test_tbx_v2_structure(glossary, tmp_path):
    p = tmp_path / "g.tbx"
    F.write_glossary(glossary, p, "tbx")
    root = etree.parse(str(p)).getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert root.find("martifHeader/encodingDesc/p[@type='XCSURI']").text == "TBXBasicXCSV02.xcs"
    e = root.find("text/body/termEntry")
    assert e.get("id") == "t-pret-loan"
    langs = [ls.get("{http://www.w3.org/XML/1998/namespace}lang") for ls in e.findall("langSet")]
    assert langs == ["fr", "en"]
    tig = e.find("langSet/tig")
    assert [c.tag for c in tig] == ["term", "termNote", "termNote", "descripGrp"]
    assert tig.find("termNote[@type='administrativeStatus']").text == "preferredTerm-admn-sts"
    assert tig.find("descripGrp/descrip[@type='context']").text == "Le prêt est remboursable."
    assert [a.text for a in tig.findall("descripGrp/admin[@type='source']")] == ["contrat.docx", "annexe 2.pdf"]
    variant = e.findall("langSet")[0].findall("tig")[1]
    assert variant.find("term").text == "emprunt"
    assert variant.find("termNote").text == "admittedTerm-admn-sts"
    rejected = root.findall("text/body/termEntry")[2]
    assert rejected.find("langSet/tig/termNote[@type='administrativeStatus']").text == "deprecatedTerm-admn-sts"


def test_tbx_v3_valid_against_core_rng(schemas_dir, glossary, tmp_path):
    p = tmp_path / "g.tbx"
    F.write_glossary(glossary, p, "tbx3")
    _validate(etree.RelaxNG(etree.parse(str(schemas_dir / "tbx-v3-core/TBXcoreStructV03.rng"))), p)


def test_tbx_v3_header_and_pis(glossary, tmp_path):
    p = tmp_path / "g.tbx"
    F.write_glossary(glossary, p, "tbx3")
    tree = etree.parse(str(p))
    root = tree.getroot()
    assert root.tag == f"{{{NS}}}tbx"
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    pis = [n for n in root.itersiblings(preceding=True) if isinstance(n, etree._ProcessingInstruction)]
    hrefs = sorted(pi.get("href") for pi in pis)
    assert hrefs[0].endswith("TBX-Basic_DCA.sch") and hrefs[1].endswith("TBXcoreStructV03.rng")


# --- TBX-Basic DCA Schematron rules (TBX-Basic_DCA.sch), re-expressed for lxml -----------
POS = {"adjective", "noun", "other", "verb", "adverb"}
ADMN = {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
        "supersededTerm-admn-sts"}
DESCRIP_LEVELS = {"definition": {"conceptEntry", "langSec"}, "context": {"termSec"},
                  "subjectField": {"conceptEntry"}}


def sch_errors(root) -> list[str]:
    q = lambda n: f"{{{NS}}}{n}"  # noqa: E731
    errs = []
    if root.tag != q("tbx"):
        errs.append(f"root not in namespace {NS}")
    for el in root.iter(q("termNote")):
        holder = el.getparent()
        if holder.tag == q("termNoteGrp"):
            holder = holder.getparent()
        if holder.tag != q("termSec"):
            errs.append(f"termNote in {etree.QName(holder).localname}")
        t = el.get("type")
        if t == "partOfSpeech" and el.text not in POS:
            errs.append(f"partOfSpeech {el.text}")
        if t == "administrativeStatus" and el.text not in ADMN:
            errs.append(f"administrativeStatus {el.text}")
    for el in root.iter(q("descrip")):
        holder = el.getparent()
        if holder.tag == q("descripGrp"):
            holder = holder.getparent()
        level = etree.QName(holder).localname
        allowed = DESCRIP_LEVELS.get(el.get("type"))
        if allowed is None or level not in allowed:
            errs.append(f"descrip {el.get('type')} in {level}")
    for el in root.iter(q("admin")):
        if el.get("type") not in {"customerSubset", "projectSubset", "source"}:
            errs.append(f"admin {el.get('type')}")
    return errs


def test_tbx_v3_schematron_rules(glossary, tmp_path):
    p = tmp_path / "g.tbx"
    F.write_glossary(glossary, p, "tbx3")
    assert sch_errors(etree.parse(str(p)).getroot()) == []
    # properNoun (from PROPN) is not a v3 partOfSpeech: not written, kept in a termkit note.
    assert b"properNoun" not in p.read_bytes()


def test_schematron_checker_on_reference_files(schemas_dir):
    good = etree.parse(str(schemas_dir / "tbx-v3-basic-dialect/DCA/Example_Astronomy_DCA_VALID.tbx")).getroot()
    assert sch_errors(good) == []
    bad = etree.fromstring(etree.tostring(good).replace(
        b'type="partOfSpeech">noun<', b'type="partOfSpeech">properNoun<', 1))
    assert sch_errors(bad)


def test_reads_shared_samples(schemas_dir):
    g2 = F.read_glossary(schemas_dir / "samples/tiny_tbx_v2_basic.tbx")
    assert [(e.fr, e.en, e.pos, e.status) for e in g2] == [
        ("coopération policière", "police cooperation", "noun", "approved")]  # en is preferred
    g3 = F.read_glossary(schemas_dir / "samples/tiny_tbx_v3_basic.tbx")
    assert g3.entries and g3.entries[0].en
    a = F.read_alignments(schemas_dir / "samples/tiny_tmx14.tmx")
    assert [(fr, en) for x in a for fr, en, _ in x.pairs()] == [
        ("Le prêt est remboursable.", "The loan is repayable.")]
    astro = F.read_glossary(schemas_dir / "tbx-v3-basic-dialect/DCA/Example_Astronomy_DCA_VALID.tbx")
    assert len(astro) >= 1


def test_vendored_schemas_are_the_shared_ones(schemas_dir, shared_dir):
    """The copies under tests/schemas are byte-identical to shared/data/schemas (when present)."""
    shared = shared_dir / "data" / "schemas"
    if not shared.is_dir():
        pytest.skip("shared/data/schemas not present")
    files = [p for p in schemas_dir.rglob("*") if p.is_file() and p.name != "NOTICE.md"]
    assert len(files) >= 9
    for p in files:
        assert p.read_bytes() == (shared / p.relative_to(schemas_dir)).read_bytes(), p
