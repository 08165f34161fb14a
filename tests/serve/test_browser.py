"""End to end in a real browser: headless Chromium (Debian package) driven by Playwright.

A translator reviews a document's alignment with the keyboard, curates the glossary, uses
the lookup box; two tabs editing the same thing get a conflict page and lose nothing.
Screenshots of every page go to $TERMKIT_SCREENSHOTS (default: the test's tmp folder).
Skipped where Chromium or Playwright is absent (never downloads a browser).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from toolkit.curation import CurationStore, store_path
from toolkit.review import ReviewStore, review_path

CHROMIUM = os.environ.get("TERMKIT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ.get("TERMKIT_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 860})
    p = ctx.new_page()
    p.set_default_timeout(15000)
    yield p
    ctx.close()


def beads(server, doc="rapport-pollue"):
    return ReviewStore(review_path(server.out)).get(doc).alignment.beads


def test_review_a_document_with_the_keyboard(server, page, shots):
    page.goto(server.url + "/")
    page.screenshot(path=str(shots / "01-documents.png"), full_page=True)
    page.click("text=rapport-pollue")
    first = page.locator("section.bead").first
    assert "Page 3 of 12" in first.inner_text()  # the page residue: lowest confidence, first
    assert "to review" in first.inner_text()
    page.screenshot(path=str(shots / "02-review-lowest-first.png"))

    page.keyboard.press("w")  # the focused (first) bead is wrong
    page.wait_for_selector(".flash")
    assert "marked wrong" in page.inner_text(".flash")
    residue = next(b for b in beads(server) if b.en_ids and not b.fr_ids)
    assert residue.mark == "wrong"
    tsv = (server.out / "aligned" / "rapport-pollue.tsv").read_text(encoding="utf-8")
    assert any(line.startswith("\tPage 3 of 12") and line.endswith("\twrong") for line in tsv.splitlines())

    page.goto(server.url + "/align/rapport-pollue?order=doc")
    page.keyboard.press("j")  # bead 1
    page.keyboard.press("m")  # merged with bead 2
    page.wait_for_selector(".flash")
    b = beads(server)
    assert (b[1].fr_ids, b[1].en_ids, b[1].mark) == ((1, 2), (1, 2), "edited")
    page.keyboard.press("u")  # undo
    page.wait_for_selector("text=last edit undone")
    assert (beads(server)[1].fr_ids, beads(server)[1].en_ids) == ((1,), (1,))

    page.locator("#b2").focus()
    page.keyboard.press("]")  # bead 2 takes the next English segment (the residue)
    page.wait_for_selector(".flash")
    assert (beads(server)[2].fr_ids, beads(server)[2].en_ids) == ((2,), (2, 3))
    page.locator("#b2").focus()
    page.keyboard.press("s")  # split it back after its first French and first English segment
    page.wait_for_selector(".flash")
    b = beads(server)
    assert [(x.fr_ids, x.en_ids) for x in b[2:4]] == [((2,), (2,)), ((), (3,))]
    page.keyboard.press("?")
    assert page.is_visible("#help")
    page.screenshot(path=str(shots / "03-review-after-edits.png"))


def test_two_tabs_never_overwrite_each_other(server, browser, shots):
    ctx = browser.new_context(viewport={"width": 1280, "height": 700})
    a, b = ctx.new_page(), ctx.new_page()
    for p in (a, b):
        p.goto(server.url + "/align/un-ares-77-241?order=doc")
    a.locator("#b1 button.ok").click()
    a.wait_for_selector(".flash")
    b.locator("#b1 button.wrong").click()  # b's page is stale
    assert "changed since you loaded it" in b.inner_text(".flash.error")
    b.screenshot(path=str(shots / "04-conflict.png"))
    assert beads(server, "un-ares-77-241")[1].mark == "ok"

    store = CurationStore(store_path(server.out, folder=True))
    e = next(x for x in store.glossary().entries if x.status == "new")
    for p in (a, b):
        p.goto(f"{server.url}/glossary/{e.id}")
    a.click("button[value=approve]")
    a.wait_for_selector(".flash")
    b.fill("textarea[name=note]", "too generic")
    b.click("button[value=reject]")
    assert "reload it" in b.inner_text(".flash.error")
    assert store.entry(e.id).status == "approved" and store.entry(e.id).note == ""
    ctx.close()


def test_curate_the_glossary(server, page, shots):
    store = CurationStore(store_path(server.out, folder=True))
    page.goto(server.url + "/glossary?status=new")
    first_id = page.locator("tr.row a").first.get_attribute("href").split("/glossary/")[1].split("?")[0]
    page.keyboard.press("a")  # approve the focused row
    page.wait_for_selector(".flash")
    assert store.entry(first_id).status == "approved"
    page.select_option("select[name=doc]", "osce-policing-activities")
    page.fill("form.filters input[name=q]", "police")
    page.click("form.filters button")
    rows = page.locator("tr.row")
    assert rows.count() > 0
    assert all("police" in rows.nth(i).inner_text().lower() for i in range(rows.count()))
    page.screenshot(path=str(shots / "05-glossary.png"))

    top = max((e for e in store.glossary().entries if e.status == "new"), key=lambda e: e.freq)
    page.goto(f"{server.url}/glossary/{top.id}")
    examples = page.locator(".example")
    assert examples.count() >= min(top.freq, 2)
    assert page.locator(".example mark").count() >= examples.count()  # the term marked
    page.fill("textarea[name=note]", "seen in UNTERM")
    page.fill("textarea[name=en_variants]", (top.en + "s\n") if not top.en.endswith("s") else top.en[:-1])
    page.click("button[value=save]")
    page.wait_for_selector(".flash")
    e = store.entry(top.id)
    assert e.note == "seen in UNTERM" and e.en_variants and e.status == "new"
    page.screenshot(path=str(shots / "06-entry.png"), full_page=True)


def test_lookup_box(server, page, shots):
    page.goto(server.url + "/")
    page.keyboard.press("/")
    page.keyboard.type("detection et repression")
    page.keyboard.press("Enter")
    page.wait_for_selector("h2:has-text('Examples')")
    marks = page.locator(".example mark")
    assert "détection et de répression" in marks.all_inner_texts()  # not the exact phrase: words in order
    assert "no example of the exact phrase" in page.inner_text("main")
    page.screenshot(path=str(shots / "07-lookup.png"))
