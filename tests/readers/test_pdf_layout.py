"""PDF page furniture from geometry (toolkit/readers/pdf_layout.py), on PDFs drawn here:
running headers and page numbers whatever their wording, footnotes by type size and rule,
markers lifted in every form, other superscripts kept."""
from __future__ import annotations

import pytest

from toolkit.readers import read_text

BODY = "Times-Roman"


def draw(path, pages):
    """Each page: a list of (x, y, text, size, rise) pieces; ("rule", y) draws a footnote rule."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for pieces in pages:
        for p in pieces:
            if p[0] == "rule":
                c.line(72, p[1], 200, p[1])
                continue
            x, y, text, size, rise = p
            c.setFont(BODY, size)
            c.drawString(x, y + rise, text)
        c.showPage()
    c.save()
    return path


def body(y, text, x=72):
    return (x, y, text, 11, 0)


def sup(x, y, text, size=7, rise=4):
    return (x, y, text, size, rise)


def row(y, *parts, size=11, x=72):
    """Pieces set one after the other: a str in the line's type, ("sup", "1") raised and smaller."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out = []
    for part in parts:
        text, psize, rise = (part, size, 0) if isinstance(part, str) else (part[1], 0.65 * size, 0.35 * size)
        out.append((x, y, text, psize, rise))
        x += stringWidth(text, BODY, psize)
    return out


def note(y, text, x=80, size=8):
    return (x, y, text, size, 0)


SENTENCES = ["The Commission met twice.", "It adopted 12 opinions.", "Two were urgent.",
             "The next session is in 2025."]


def test_running_header_and_page_numbers_whatever_their_wording(tmp_path):
    pages = [[(72, 800, "Rapport annuel de la Commission de Venise", 9, 0), body(760, s),
              (300, 40, f"– {n} –", 9, 0)] for n, s in enumerate(SENTENCES, 1)]
    assert read_text(draw(tmp_path / "h.pdf", pages)) == "\n\n".join(SENTENCES)


def test_lines_that_differ_by_a_number_other_than_the_page_are_content(tmp_path):
    tables = [3, 8, 12, 20]
    pages = [[body(760, f"Table {n}: arrests in {2000 + n}."), body(740, s)] for n, s in zip(tables, SENTENCES)]
    text = read_text(draw(tmp_path / "t.pdf", pages))
    assert all(f"Table {n}: arrests in {2000 + n}." in text for n in tables)


def test_a_line_on_one_page_only_is_content(tmp_path):
    pages = [[(72, 800, "Résumé exécutif", 9, 0), body(760, "Premier texte.")],
             [body(760, "Deuxième texte.")], [body(760, "Troisième texte.")]]
    assert read_text(draw(tmp_path / "c.pdf", pages)).startswith("Résumé exécutif")


def test_footnote_under_a_rule_markers_lifted_in_every_form(tmp_path):
    page = [*row(760, "Le Groupe d’États (GRECO)", ("sup", "1"), " a fait rapport"),
            *row(740, "au Comité des Ministres", ("sup", "(2)"), ", qui l’a adopté."),
            ("rule", 120),
            *row(102, ("sup", "1"), " Créé en 1999.", size=8),
            *row(89, ("sup", "(2)"), " Délégués des Ministres.", size=8)]
    text = read_text(draw(tmp_path / "f.pdf", [page]))
    assert text == ("Le Groupe d’États (GRECO) a fait rapport\nau Comité des Ministres, qui l’a adopté."
                    "\n\n__________\n\n1 Créé en 1999.\n\n__________\n\n2 Délégués des Ministres.")


def test_small_numbered_lines_at_the_bottom_are_footnotes_without_a_rule(tmp_path):
    page = [*row(760, "Une phrase du corps", ("sup", "3")), body(740, "continue ici."),
            note(100, "3 Voir le rapport.", x=72)]
    assert read_text(draw(tmp_path / "n.pdf", [page])).endswith("__________\n\n3 Voir le rapport.")


def test_small_text_at_the_bottom_without_rule_or_marker_stays(tmp_path):
    page = [body(760, "Le tableau ci-dessous résume les chiffres."),
            note(110, "1 Albanie 23", x=72), note(100, "2 Algérie 41", x=72), note(90, "Source : ONUDC.", x=72)]
    assert read_text(draw(tmp_path / "s.pdf", [page])).endswith("1 Albanie 23\n2 Algérie 41\nSource : ONUDC.")


@pytest.mark.parametrize("pieces, expected", [
    (row(760, "le 1", ("sup", "er"), " janvier 2024."), "le 1er janvier 2024."),
    (row(760, "une surface de 20 m", ("sup", "2"), " au sol."), "une surface de 20 m2 au sol."),
])
def test_superscripts_that_are_no_markers_stay(tmp_path, pieces, expected):
    assert read_text(draw(tmp_path / "e.pdf", [pieces])) == expected


def test_a_footnote_running_onto_the_next_page_is_joined(tmp_path):
    p1 = [*row(760, "Premier paragraphe du rapport", ("sup", "1")), body(740, "se termine ici."),
          ("rule", 120), *row(102, ("sup", "1"), " Une note longue qui commence sur la page un", size=8)]
    p2 = [body(760, "Le second paragraphe suit."), ("rule", 120), note(102, "et se termine sur la page deux.")]
    text = read_text(draw(tmp_path / "j.pdf", [p1, p2]))
    assert text.endswith("__________\n\n1 Une note longue qui commence sur la page un\n"
                         "et se termine sur la page deux.")
    assert "page deux" not in text.split("__________")[0]
