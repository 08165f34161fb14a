"""Hostile input, formula injection and parse errors."""
from __future__ import annotations

import hashlib
import time

import pytest

from toolkit import formats as F
from toolkit.errors import ParseError
from toolkit.formats import _cells, _xml
from toolkit.types import Glossary, TermPair

PASSWD_MARK = "root:"

XXE_TBX = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body><termEntry id="a"><langSet xml:lang="fr"><tig><term>&xxe;</term></tig></langSet>
<langSet xml:lang="en"><tig><term>x</term></tig></langSet></termEntry></body></text></martif>
"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>&lol9;</seg></tuv>
<tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>
"""
PARAM_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<tmx version="1.4"><header/><body/></tmx>
"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/tmx14.dtd">
<tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>Bonjour</seg></tuv>
<tuv xml:lang="en"><seg>Hello</seg></tuv></tu></body></tmx>
"""


def _sha(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize("name,text", [("xxe.tbx", XXE_TBX), ("laughs.tmx", LAUGHS),
                                       ("param.tmx", PARAM_ENTITY)])
def test_entity_attacks_are_rejected(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    before = _sha(p)
    t0 = time.monotonic()
    with pytest.raises(ParseError) as err:
        _xml.parse(p)
    assert time.monotonic() - t0 < 2
    assert name in str(err.value) and PASSWD_MARK not in str(err.value)
    reader = F.read_glossary if name.endswith(".tbx") else F.read_alignments
    with pytest.raises(ParseError):
        reader(p)
    assert _sha(p) == before


def test_external_dtd_is_not_fetched(tmp_path):
    p = tmp_path / "ext.tmx"
    p.write_text(EXTERNAL_DTD, encoding="utf-8")
    t0 = time.monotonic()
    a = F.read_alignments(p)
    assert time.monotonic() - t0 < 2
    assert [(fr, en) for x in a for fr, en, _ in x.pairs()] == [("Bonjour", "Hello")]


def test_undefined_entity_is_a_parse_error(tmp_path):
    p = tmp_path / "u.tmx"
    p.write_text('<tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>&nbsp;</seg></tuv></tu></body></tmx>')
    with pytest.raises(ParseError, match=r"u\.tmx: line 1"):
        F.read_alignments(p)


def test_openpyxl_uses_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize("value", ["=1+1", "+1 (212)", "-based", "@SUM(A1)", "\tx", "\rx",
                                   "'=x", "''-y", "l'eau", "'", "''", "=", "normal", ""])
def test_neutralise_round_trip(value):
    n = _cells.neutralise(value)
    assert _cells.unneutralise(n) == value
    if value[:1] in "=+-@\t\r" and value:
        assert n == "'" + value


def test_unneutralise_only_undoes_our_prefix():
    assert _cells.unneutralise("'hello") == "'hello"  # a real apostrophe stays
    assert _cells.unneutralise("'=x") == "=x"


DANGER = Glossary(entries=[TermPair("=cmd|' /C calc'!A0", "+1 (212) 555", note="@SUM(1)",
                                    example_fr="-based", id="d1")])


@pytest.mark.parametrize("fmt,ext", [("csv", ".csv"), ("memoq", ".memoq.csv"), ("omegat", ".utf8")])
def test_text_exports_neutralise_formulas(tmp_path, fmt, ext):
    p = tmp_path / f"d{ext}"
    F.write_glossary(DANGER, p, fmt)
    raw = p.read_text(encoding="utf-8-sig")
    for bad in ("=cmd", "+1 (212)", "@SUM"):
        assert f"'{bad}" in raw
        for sep in (",", ";", "\t", "\n", '"'):
            assert f"{sep}{bad}" not in raw
        assert not raw.startswith(bad)
    back = F.read_glossary(p, fmt).entries[0]
    assert (back.fr, back.en) == (DANGER.entries[0].fr, DANGER.entries[0].en)


@pytest.mark.parametrize("fmt", ["xlsx", "phrase"])
def test_xlsx_exports_neutralise_formulas(tmp_path, fmt):
    import openpyxl

    p = tmp_path / f"d.{fmt}.xlsx"
    F.write_glossary(DANGER, p, fmt)
    wb = openpyxl.load_workbook(p)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str) and c.value[:1] in "=+-@":
                    assert c.quotePrefix, (c.coordinate, c.value)  # Excel's leading '
                    seen.add(c.value)
    assert {"=cmd|' /C calc'!A0", "+1 (212) 555", "@SUM(1)"} <= seen
    raw = _unzip_text(p)
    assert "<f>" not in raw and "<f " not in raw
    back = F.read_glossary(p, fmt).entries[0]
    assert (back.fr, back.en) == (DANGER.entries[0].fr, DANGER.entries[0].en)


def _unzip_text(p) -> str:
    import zipfile

    with zipfile.ZipFile(p) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


@pytest.mark.parametrize("fmt", ["tbx", "tbx3"])
def test_xml_exports_keep_terms_untouched(tmp_path, fmt):
    p = tmp_path / "d.tbx"
    F.write_glossary(DANGER, p, fmt)
    raw = p.read_text(encoding="utf-8")
    assert "<term>=cmd|' /C calc'!A0</term>" in raw and "<term>+1 (212) 555</term>" in raw


MALFORMED = {
    "glossary.csv": 'fr,en,score\nprêt,loan,0.5\nseul\n',
    "bad_score.csv": 'fr,en,score\nprêt,loan,abc\n',
    "bad_quote.csv": 'fr,en\n"prêt"x,loan\n',
    "g.tbx": '<martif type="TBX-Basic"><text><body><termEntry id="a">\n<langSet xml:lang="fr"><tig><term>x</tig>',
    "a.tmx": '<tmx version="1.4"><header/>\n<body><tu><tuv xml:lang="fr"></tuv></tu></body></tmx>',
    "a.tsv": 'fr\ten\tscore\nun\tone\tnot-a-number\n',
    "a.jsonl": '{"fr": "un", "en": "one"}\n{broken\n',
    "g.utf8": '# -*- coding: utf-8 -*-\nprêt\tloan\nseul\n',
    "wrong_root.tbx": '<?xml version="1.0"?><tmx version="1.4"/>',
}
EXPECT = {
    "glossary.csv": r"glossary\.csv: line 3: expected 2\+ columns",
    "bad_score.csv": r"bad_score\.csv: line 2: score 'abc'",
    "bad_quote.csv": r"bad_quote\.csv: line 2",
    "g.tbx": r"g\.tbx: line \d+: not well-formed",
    "a.tmx": r"a\.tmx: line 2: <tuv> has no <seg>",
    "a.tsv": r"a\.tsv: line 2: score",
    "a.jsonl": r"a\.jsonl: line 2: invalid JSON",
    "g.utf8": r"g\.utf8: line 3: expected 2\+",
    "wrong_root.tbx": r"wrong_root\.tbx: root element <tmx>",
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_parse_error_names_file_and_line_and_leaves_file(tmp_path, name):
    p = tmp_path / name
    p.write_text(MALFORMED[name], encoding="utf-8")
    before = _sha(p)
    reader = F.read_alignments if name.endswith((".tmx", ".tsv", ".jsonl")) else F.read_glossary
    with pytest.raises(ParseError, match=EXPECT[name]):
        reader(p)
    assert _sha(p) == before


def test_not_utf8_is_a_parse_error(tmp_path):
    p = tmp_path / "latin1.csv"
    p.write_bytes("fr,en\nprêt,loan\n".encode("latin-1"))
    with pytest.raises(ParseError, match="latin1.csv: not UTF-8"):
        F.read_glossary(p)


def test_failed_write_keeps_previous_file(tmp_path, glossary):
    p = tmp_path / "g.tbx"
    F.write_glossary(glossary, p, "tbx")
    before = _sha(p)

    class Boom(Glossary):
        def __iter__(self):
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        F.write_glossary(Boom(entries=[]), tmp_path / "g.csv", "csv")
    assert not (tmp_path / "g.csv").exists()
    assert _sha(p) == before and [x.name for x in tmp_path.iterdir()] == ["g.tbx"]


def test_control_characters_dropped_in_xml(tmp_path):
    g = Glossary(entries=[TermPair("a\x0bb\x00", "c\x1fd", id="x")])
    p = tmp_path / "c.tbx"
    F.write_glossary(g, p, "tbx")
    assert [(e.fr, e.en) for e in F.read_glossary(p)] == [("ab", "cd")]


@pytest.mark.parametrize("fmt,ext", [("csv", ".csv"), ("memoq", ".memoq.csv"), ("omegat", ".utf8")])
def test_neutralisation_can_be_turned_off(tmp_path, fmt, ext):
    p = tmp_path / f"d{ext}"
    F.write_glossary(DANGER, p, fmt, neutralise_formulas=False)
    raw = p.read_text(encoding="utf-8-sig")
    assert "'=cmd" not in raw and "=cmd|' /C calc'!A0" in raw
    assert F.read_glossary(p, fmt).entries[0].en == "+1 (212) 555"


def _hostile_xlsx(tmp_path, payload_xml: str):
    """A workbook written by openpyxl whose first sheet XML is replaced by ``payload_xml``."""
    import zipfile

    from openpyxl import Workbook

    src = tmp_path / "ok.xlsx"
    wb = Workbook()
    wb.active.append(["fr", "en"])
    wb.active.append(["prêt", "loan"])
    wb.save(src)
    bad = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = payload_xml.encode("utf-8")
            zout.writestr(item, data)
    return bad


XLSX_XXE = """<?xml version="1.0"?>
<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>fr</t></is></c><c r="B1" t="inlineStr"><is><t>en</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>
</sheetData></worksheet>"""


@pytest.mark.parametrize("fmt", ["xlsx", "phrase"])
def test_hostile_xlsx_is_refused(tmp_path, fmt):
    """openpyxl + defusedxml refuse the entity (EntitiesForbidden) → ParseError."""
    p = _hostile_xlsx(tmp_path, XLSX_XXE)
    before = _sha(p)
    with pytest.raises(ParseError, match="evil.xlsx") as err:
        F.read_glossary(p, fmt)
    assert PASSWD_MARK not in str(err.value)
    cause, names = err.value.__cause__, []
    while cause is not None:
        names.append(type(cause).__name__)
        cause = cause.__cause__ or cause.__context__
    assert "EntitiesForbidden" in names
    assert _sha(p) == before
