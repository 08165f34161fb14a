"""HTML, PDF and DOCX extraction on files generated in tmp_path."""
from __future__ import annotations

import pytest

from toolkit.errors import InputError
from toolkit.readers import SUPPORTED_EXTENSIONS, read_text

PARA1 = ("Le Conseil permanent, conscient de la Déclaration d’Astana,",
         "reconnaît le rôle moteur de l’Organisation et son œuvre.")
PARA2 = "Décide d’adopter le cadre stratégique."


@pytest.fixture
def two_para_pdf(tmp_path, make_pdf):
    """Paragraph 1 wrapped on two lines (pitch 14), a 28 pt gap, paragraph 2."""
    return make_pdf(tmp_path / "doc.pdf", [[(800, PARA1[0]), (786, PARA1[1]), (758, PARA2)]])

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Titre</title>
<style>p { color: red }</style><script>var s = "<p>caché</p>";</script></head>
<body><header>En-tête du site</header><nav><a href="/">Accueil</a> | <a href="/fr">FR</a></nav>
<main><h1>Activités de&nbsp;police</h1>
<p>L’OSCE <b>aide</b> les États<sup>1</sup> participants
   à renforcer <a href="#x">la police</a>.<br>Deuxième ligne.</p>
<ul><li>formation ;</li><li><p>réforme ;</p></li><li>lutte contre la <i>criminalité</i>.</li></ul>
<ol start="3"><li>trois</li><li>quatre</li></ol>
<table><tr><th>Cellule 1</th><td>Cellule 2</td></tr></table>
<!-- commentaire --><noscript>Activez JavaScript</noscript><template><p>modèle</p></template>
<p hidden>invisible</p>
</main><aside>Voir aussi</aside><footer>© OSCE</footer></body></html>"""

PAGE_TEXT = (
    "Activités de\u00a0police\n\n"
    "L’OSCE aide les États1 participants à renforcer la police.\nDeuxième ligne.\n\n"
    "• formation ;\n• réforme ;\n• lutte contre la criminalité.\n\n"
    "3. trois\n4. quatre\n\n"
    "Cellule 1\n\nCellule 2"
)


def test_supported_extensions():
    assert SUPPORTED_EXTENSIONS == (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


def test_html_structure(write):
    assert read_text(write("page.html", PAGE)) == PAGE_TEXT


def test_html_declared_latin1_is_read_as_cp1252(write):
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>l’été</p></body></html>'
    assert read_text(write("page.HTM", page.encode("cp1252"))) == "l’été"


def test_html_without_declaration_uses_the_text_sniffer(write):
    assert read_text(write("p.htm", "<p>Coopération</p>".encode("utf-16"))) == "Coopération"


def test_html_br_br_makes_a_paragraph_break(write):
    assert read_text(write("p.html", "<div>un<br><br>deux<br>trois</div>")) == "un\n\ndeux\ntrois"


def test_html_does_not_fetch_external_entities(write, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    page = f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><p>a&x;b</p></body></html>'
    assert "SECRET" not in read_text(write("p.html", page))


def test_html_empty(write):
    assert read_text(write("p.html", "  \n")) == ""


def test_pdf_lines_and_paragraphs(two_para_pdf):
    assert read_text(two_para_pdf) == f"{PARA1[0]}\n{PARA1[1]}\n\n{PARA2}"


def test_pdf_wrapped_paragraphs_from_reportlab_platypus(tmp_path):
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.lib.styles import getSampleStyleSheet

    style = getSampleStyleSheet()["Normal"]
    long = " ".join(["La coopération policière internationale progresse."] * 6)
    path = tmp_path / "wrapped.PDF"
    SimpleDocTemplate(str(path)).build([Paragraph(long, style), Spacer(1, 12), Paragraph(PARA2, style)])
    blocks = read_text(path).split("\n\n")
    assert len(blocks) == 2
    assert blocks[0].count("\n") >= 1  # the long paragraph wrapped
    assert " ".join(blocks[0].split()) == long
    assert blocks[1] == PARA2


def test_pdf_page_of_one_line_paragraphs(tmp_path, make_pdf):
    """Paragraph gaps outnumber line steps: the pitch is the smallest step, not the commonest."""
    lines = [(800, "12. L’OSCE fournit une assistance"), (786, "au travers notamment :"),
             (758, "– du renforcement des institutions ;"), (730, "– de la formation de la police ;"),
             (702, "– de l’analyse des enseignements tirés.")]
    assert read_text(make_pdf(tmp_path / "p.pdf", [lines])) == (
        "12. L’OSCE fournit une assistance\nau travers notamment :\n\n"
        "– du renforcement des institutions ;\n\n– de la formation de la police ;\n\n"
        "– de l’analyse des enseignements tirés."
    )


def test_pdf_page_break_inside_a_sentence_is_a_line_break(tmp_path, make_pdf):
    p = make_pdf(tmp_path / "p.pdf", [[(800, "Fin de page sans point")], [(800, "suite."), (772, "Nouveau.")]])
    assert read_text(p) == "Fin de page sans point\nsuite.\n\nNouveau."


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.rect(72, 600, 300, 150, fill=1)
    c.line(72, 580, 372, 580)
    c.save()
    with pytest.raises(InputError, match=r"scan\.pdf: no text layer \(scanned PDF\?\); OCR it first or pass a \.txt"):
        read_text(tmp_path / "scan.pdf")


def _encrypt(src, dst, user, owner):
    import pypdf

    w = pypdf.PdfWriter(clone_from=str(src))
    w.encrypt(user_password=user, owner_password=owner, algorithm="RC4-128")
    with open(dst, "wb") as fh:
        w.write(fh)
    return dst


def test_pdf_with_user_password(two_para_pdf, tmp_path):
    p = _encrypt(two_para_pdf, tmp_path / "locked.pdf", "secret", "owner")
    with pytest.raises(InputError, match=r"locked\.pdf: password-protected PDF; remove the password"):
        read_text(p)


def test_pdf_with_owner_password_only_is_read(two_para_pdf, tmp_path):
    p = _encrypt(two_para_pdf, tmp_path / "restricted.pdf", "", "owner")
    assert read_text(p) == read_text(two_para_pdf)


def test_pdf_encrypted_with_aes_is_read(two_para_pdf, tmp_path):
    import pypdf

    w = pypdf.PdfWriter(clone_from=str(two_para_pdf))
    w.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    p = tmp_path / "aes.pdf"
    with open(p, "wb") as fh:
        w.write(fh)
    assert read_text(p) == read_text(two_para_pdf)


def test_pdf_without_pages(tmp_path):
    import pypdf

    p = tmp_path / "empty.pdf"
    with open(p, "wb") as fh:
        pypdf.PdfWriter().write(fh)
    with pytest.raises(InputError, match=r"empty\.pdf: PDF without pages"):
        read_text(p)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_corrupt_pdf(two_para_pdf, tmp_path, damage, capfd):
    data = two_para_pdf.read_bytes()
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF garbage" if damage == "garbage" else data[: len(data) // 3]
    p = tmp_path / "bad.pdf"
    p.write_bytes(data)
    with pytest.raises(InputError, match=r"bad\.pdf: not a readable PDF \(.+\); re-export it or pass a \.txt"):
        read_text(p)
    assert capfd.readouterr().err == ""  # pdfminer's repair log stays quiet


def test_docx_paragraphs_lists_tables(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("Activités de police", 1)
    p = d.add_paragraph("L’OSCE aide les ")
    p.add_run("États").bold = True
    p.add_run(" participants.")
    d.add_paragraph("formation ;", style="List Bullet")
    d.add_paragraph("réforme.", style="List Bullet")
    d.add_paragraph("premier", style="List Number")
    d.add_paragraph("second", style="List Number")
    d.add_paragraph("")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Cellule 1", "Cellule 2"
    p = d.add_paragraph("Ligne 1")
    p.add_run().add_break()
    p.add_run("Ligne 2")
    d.save(tmp_path / "doc.docx")
    assert read_text(tmp_path / "doc.docx") == (
        "Activités de police\n\nL’OSCE aide les États participants.\n\n"
        "• formation ;\n\n• réforme.\n\n1. premier\n\n2. second\n\n"
        "Cellule 1\n\nCellule 2\n\nLigne 1\nLigne 2"
    )


@pytest.mark.parametrize("data", [b"not a zip at all", b"PK\x03\x04 truncated zip"])
def test_corrupt_docx(write, data):
    with pytest.raises(InputError, match=r"bad\.docx: .*(not a Word \.docx|damaged \.docx)"):
        read_text(write("bad.docx", data))


def test_zip_that_is_not_a_docx(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "bad.docx", "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match=r"bad\.docx: .*re-save it"):
        read_text(tmp_path / "bad.docx")
