"""Web page furniture dropped by structure (ids, classes, roles, ARIA labels), the page's main
content kept, every drop reported; no text lost to libxml2's depth limit."""
from __future__ import annotations

import pytest

from toolkit.readers.html import html_to_text

ARTICLE = "<h1>Titre</h1><p>Le texte de l’article est ici.</p>"


def read(page: str, removed: list | None = None) -> str:
    on_removed = (lambda kind, text: removed.append((kind, text))) if removed is not None else None
    return html_to_text(f"<html><body>{page}</body></html>".encode(), "p.html", on_removed=on_removed)


@pytest.mark.parametrize("furniture", [
    '<div id="cookie-notice"><p>Nous utilisons des témoins.</p></div>',
    '<div class="cc-window cookieConsent"><p>Nous utilisons des témoins.</p></div>',
    '<div class="x" role="dialog"><p>Nous utilisons des témoins.</p></div>',
    '<section aria-label="Cookie consent"><p>Nous utilisons des témoins.</p></section>',
    '<div aria-modal="true"><p>Nous utilisons des témoins.</p></div>',
    '<div class="share-buttons"><a>Facebook</a> <a>LinkedIn</a></div>',
    '<ol class="breadcrumb"><li>Accueil</li><li>Nos travaux</li></ol>',
    '<section class="related-content"><h2>À lire aussi</h2><p>Un autre article.</p></section>',
    '<div class="site-header"><a>ONUDC</a> <a>Presse</a></div>',
    '<div id="footer-menu"><a>Contact</a></div>',
    '<div role="navigation"><a>Accueil</a></div>',
    '<p><a class="read-more" href="#">En savoir plus</a></p>',
])
def test_furniture_is_dropped_and_reported(furniture):
    removed = []
    assert read(furniture + ARTICLE, removed) == "Titre\n\nLe texte de l’article est ici."
    assert [k for k, _ in removed] == ["boilerplate"] and removed[0][1]


@pytest.mark.parametrize("page", [
    '<div class="page-header"><h1>Titre</h1></div><p>Le texte de l’article est ici.</p>',  # holds the h1
    '<article><div class="widget-box"><h1>Titre</h1></div><p>Le texte de l’article est ici.</p></article>',
    '<div class="social-policy"><h1>Titre</h1><p>Le texte de l’article est ici.</p></div>',  # not "share"
])
def test_content_with_furniture_like_names_is_kept(page):
    assert read(page) == "Titre\n\nLe texte de l’article est ici."


def test_only_the_main_content_when_it_holds_most_of_the_text():
    page = (f"<div class='promo'>Suivez-nous sur les réseaux</div><main>{ARTICLE}"
            "<p>Deuxième paragraphe de l’article, assez long pour compter.</p></main>"
            "<div>Mentions légales</div>")
    removed = []
    assert read(page, removed) == ("Titre\n\nLe texte de l’article est ici.\n\n"
                                   "Deuxième paragraphe de l’article, assez long pour compter.")
    assert [t for _, t in removed] == ["Suivez-nous sur les réseaux", "Mentions légales"]


def test_a_small_main_does_not_hide_the_page():
    page = "<main><p>Court.</p></main><div><p>Le long texte principal de la page se trouve ici, hors de main.</p></div>"
    assert read(page) == "Court.\n\nLe long texte principal de la page se trouve ici, hors de main."


@pytest.mark.parametrize("depth", [300, 3000])
def test_deeply_nested_elements_lose_no_text(depth):
    page = "<div>" * depth + "Texte profond." + "</div>" * depth + "<p>Après.</p>"
    assert read(page) == "Texte profond.\n\nAprès."


def test_unclosed_spans_lose_no_sentence():
    page = "<p>" + "".join(f"<span>Phrase {i}. " for i in range(600)) + "</p><p>Fin.</p>"
    text = read(page)
    assert text.count("Phrase") == 600 and text.endswith("Phrase 599.\n\nFin.")


def test_deep_page_still_drops_furniture():
    removed = []
    page = ('<div id="cookie-banner">Nous utilisons des témoins.</div><ul><li>un</li><li>deux</li></ul>'
            + "<span>" * 400 + "Texte.")
    assert read(page, removed) == "• un\n• deux\n\nTexte."
    assert removed == [("boilerplate", "Nous utilisons des témoins.")]
