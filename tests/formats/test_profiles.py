"""The exact shape of each CAT-tool/spreadsheet profile (FORMATS.md §4-5)."""
from __future__ import annotations

import openpyxl

from toolkit import formats as F
from toolkit.formats import csv_, memoq, phrase


def test_xlsx_review_sheet(glossary, tmp_path):
    p = tmp_path / "g.xlsx"
    F.write_glossary(glossary, p, "xlsx")
    ws = openpyxl.load_workbook(p).active
    assert ws.title == "Glossary"
    assert [c.value for c in ws[1]] == list(csv_.COLUMNS)
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    status_col = openpyxl.utils.get_column_letter(csv_.COLUMNS.index("status") + 1)
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"new,approved,rejected"'
    assert f"{status_col}2" in str(dv.sqref)
    assert ws["C2"].value == 0.87 and ws["D2"].value == 12  # score, frequency are numbers


def test_csv_profile(glossary, tmp_path):
    p = tmp_path / "g.csv"
    F.write_glossary(glossary, p, "csv")
    raw = p.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbffr,en,score,frequency,kind,status,example_fr,example_en,"
                          b"documents,note,id,fr_variants,en_variants,pos,stale\r\n")
    assert "prêt,loan,0.87,12,term,approved,Le prêt est remboursable.".encode() in raw
    assert b"contrat.docx | annexe 2.pdf" in raw


def test_csv_reader_accepts_semicolons_and_aliases(tmp_path):
    p = tmp_path / "user.csv"
    p.write_text("English;French;Status;Comment\nloan;prêt;approved;ok\n", encoding="utf-8")
    (e,) = F.read_glossary(p).entries
    assert (e.fr, e.en, e.status, e.note) == ("prêt", "loan", "approved", "ok")
    q = tmp_path / "noheader.csv"
    q.write_text("prêt,loan,0.5\n", encoding="utf-8")
    assert [(x.fr, x.en, x.score) for x in F.read_glossary(q)] == [("prêt", "loan", 0.5)]


def test_memoq_profile(glossary, tmp_path):
    p = tmp_path / "g.memoq.csv"
    F.write_glossary(glossary, p, "memoq")
    lines = p.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(";")
    assert header[:10] == ["Entry_ID", "Entry_Subject", "Entry_Domain", "Entry_ClientID",
                           "Entry_ProjectID", "Entry_Created", "Entry_Creator",
                           "Entry_LastModified", "Entry_Modifier", "Entry_Note"]
    assert header[10:16] == ["French_Def", "French", "Term_Example", "English_Def", "English",
                             "Term_Example"]
    assert header == list(memoq.HEADER)
    assert lines[1].startswith("1;;;;;;;;;")


def test_phrase_profile(glossary, tmp_path):
    p = tmp_path / "g.phrase.xlsx"
    F.write_glossary(glossary, p, "phrase")
    ws = openpyxl.load_workbook(p).active
    assert [c.value for c in ws[1]] == [*phrase.COLUMNS, "fr", "en"]
    assert [c.value for c in ws[2]][5:] == ["validé par le client\nvoir art. 3", None, "prêt", "loan"]


def test_phrase_reads_an_export_with_more_columns(tmp_path):
    from openpyxl import Workbook

    p = tmp_path / "export.xlsx"
    wb = Workbook()
    wb.active.append(["CID", "concept_note", "TID", "en", "en_note", "fr_FR", "fr_note"])
    wb.active.append([123, "n", 9, "loan", "x", "prêt", "y"])
    wb.save(p)
    (e,) = F.read_glossary(p, "phrase").entries
    assert (e.fr, e.en, e.note, e.id) == ("prêt", "loan", "n", "phrase:123")


def test_omegat_profile(glossary, tmp_path):
    p = tmp_path / "g.utf8"
    F.write_glossary(glossary, p, "omegat")
    lines = p.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "# -*- coding: utf-8 -*-"
    assert lines[1] == "prêt\tloan\tvalidé par le client voir art. 3"
    assert lines[2] == "emprunt\tloan\tvariant"
    assert all(line.count("\t") <= 2 for line in lines)
    meta = tmp_path / "m.utf8"
    F.write_glossary(glossary, meta, "omegat", meta=True)
    assert meta.read_text(encoding="utf-8").split("\n")[1].endswith("\tapproved — score 0.87 — validé par le client voir art. 3")
