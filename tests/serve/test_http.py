"""The web app over HTTP: pages render, edits are saved and exported, and every bad request
gets a clear 4xx page (never a traceback); loopback names only."""
from __future__ import annotations

import http.client
import re
from urllib.parse import urlencode, urlsplit

import pytest

from toolkit.curation import CurationStore, store_path
from toolkit.review import ReviewStore, review_path


def call(server, method: str, path: str, form: dict | None = None, headers: dict | None = None,
         body: bytes | None = None):
    u = urlsplit(server.url)
    con = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    h = {"Host": u.netloc, **(headers or {})}
    if form is not None:
        body = urlencode(form).encode()
        h.setdefault("Content-Type", "application/x-www-form-urlencoded")
    con.request(method, path, body=body, headers=h)
    r = con.getresponse()
    text = r.read().decode("utf-8", "replace")
    con.close()
    return r.status, text, dict(r.getheaders())


def token(server) -> str:
    return server.app.ctx.token


def message(html: str) -> str:
    m = re.search(r'class="flash error" role="alert">([^<]*)<', html)
    return m.group(1) if m else ""


def test_pages_render(server):
    for path in ("/", "/align/rapport-pollue", "/align/un-ares-77-241?order=doc", "/glossary",
                 "/glossary?status=new&sort=freq&min=0.5", "/lookup?q=police", "/lookup"):
        status, html, _ = call(server, "GET", path)
        assert status == 200, (path, html[:300])
        assert "Traceback" not in html


def test_polluted_document_comes_first_with_its_low_beads(server):
    _, html, _ = call(server, "GET", "/")
    docs = re.findall(r'<td><a href="/align/([^"]+)">', html)
    assert docs[0] == "rapport-pollue"
    _, page, _ = call(server, "GET", "/align/rapport-pollue")
    scores = [float(s) for s in re.findall(r'title="confidence">([0-9.]+)<', page)]
    assert scores == sorted(scores) and scores[0] < 0.5  # lowest confidence first
    assert "Page 3 of 12" in page


def test_an_edit_is_saved_and_written_to_the_tsv_and_tmx(server):
    store = ReviewStore(review_path(server.out))
    r = store.get("rapport-pollue")
    k = next(k for k, b in enumerate(r.alignment.beads) if b.fr_ids and b.en_ids)
    status, _, headers = call(server, "POST", "/align/rapport-pollue/edit",
                              {"token": token(server), "version": r.version, "bead": k, "op": "mark", "mark": "wrong"})
    assert status == 303 and headers["location"].endswith(f"#b{k}")
    assert store.get("rapport-pollue").alignment.beads[k].mark == "wrong"
    fr = r.alignment.fr[r.alignment.beads[k].fr_ids[0]].text
    tsv = (server.out / "aligned" / "rapport-pollue.tsv").read_text(encoding="utf-8")
    assert any(line.startswith(fr) and line.endswith("\twrong") for line in tsv.splitlines())
    assert fr not in (server.out / "aligned" / "rapport-pollue.tmx").read_text(encoding="utf-8")


@pytest.mark.parametrize("method, path, form, status, says", [
    ("GET", "/align/no-such-doc", None, 404, "no document 'no-such-doc'"),
    ("GET", "/glossary/t-000000000000", None, 404, "no glossary entry"),
    ("GET", "/nowhere", None, 404, "no page at /nowhere"),
    ("GET", "/align/rapport-pollue/edit", None, 405, "GET is not allowed"),
    ("GET", "/align/rapport-pollue?order=random", None, 400, "order='random'"),
    ("GET", "/glossary?status=maybe", None, 400, "status='maybe'"),
    ("GET", "/glossary?min=high", None, 400, "min='high'"),
    ("GET", "/lookup?from=de&q=x", None, 400, "from='de'"),
    ("GET", "/lookup?q=" + "x" * 600, None, 400, "at most 500"),
    ("POST", "/align/rapport-pollue/edit", {"version": "1", "op": "merge", "bead": "0"}, 403, "reload the page"),
    ("POST", "/align/rapport-pollue/edit", {"TOKEN": 1, "version": "x", "op": "merge", "bead": "0"}, 400,
     "version: expected a whole number"),
    ("POST", "/align/rapport-pollue/edit", {"TOKEN": 1, "op": "explode", "version": "V"}, 400, "op='explode'"),
    ("POST", "/align/rapport-pollue/edit", {"TOKEN": 1, "op": "merge", "bead": "999", "version": "V"}, 400,
     "bead 999 does not exist"),
    ("POST", "/align/rapport-pollue/edit", {"TOKEN": 1, "op": "split", "bead": "0", "fr_at": "0", "en_at": "0",
                                            "version": "V"}, 400, "at least one segment"),
    ("POST", "/align/rapport-pollue/edit", {"TOKEN": 1, "op": "relink", "bead": "0", "fr_lo": "5", "fr_hi": "2",
                                            "en_lo": "0", "en_hi": "0", "version": "V"}, 400, "out of range"),
    ("POST", "/align/rapport-pollue/edit", {"TOKEN": 1, "op": "mark", "bead": "0", "mark": "maybe",
                                            "version": "V"}, 400, "mark 'maybe'"),
    ("POST", "/align/rapport-pollue/edit", {"TOKEN": 1, "op": "mark", "bead": "0", "mark": "ok",
                                            "version": "0"}, 409, "changed since you loaded it"),
    ("POST", "/glossary/ENTRY/decide", {"TOKEN": 1, "version": "0", "action": "approve"}, 409,
     "changed since version 0"),
    ("POST", "/glossary/ENTRY/decide", {"TOKEN": 1, "version": "EV", "action": "destroy"}, 400, "action='destroy'"),
    ("POST", "/glossary/ENTRY/decide", {"TOKEN": 1, "version": "EV", "action": "save", "en": " "}, 400,
     "cannot be empty"),
    ("POST", "/glossary/ENTRY/decide", {"TOKEN": 1, "version": "EV", "action": "save", "status": "great"}, 400,
     "status 'great'"),
])
def test_bad_requests_get_a_clear_4xx(server, method, path, form, status, says):
    entry = CurationStore(store_path(server.out, folder=True)).glossary().entries[-1]
    path = path.replace("ENTRY", entry.id)
    if form is not None:
        form = dict(form)
        if form.pop("TOKEN", None):
            form["token"] = token(server)
        if form.get("version") == "V":
            form["version"] = str(ReviewStore(review_path(server.out)).get("rapport-pollue").version)
        if form.get("version") == "EV":
            form["version"] = str(CurationStore(store_path(server.out, folder=True)).version(entry.id))
    got, html, _ = call(server, method, path, form)
    assert got == status, html[:500]
    assert says in message(html).replace("&#39;", "'"), message(html)
    assert "Traceback" not in html and 'File "' not in html


def test_malformed_bodies(server):
    path = "/align/rapport-pollue/edit"
    got, html, _ = call(server, "POST", path, body=b'{"op": "merge"}', headers={"Content-Type": "application/json"})
    assert got == 415 and "x-www-form-urlencoded" in message(html)
    got, html, _ = call(server, "POST", path, body=b"a=" + b"x" * 300_000,
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert got == 413
    got, html, _ = call(server, "POST", path, body=b"token=\xff\xfe",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert got == 400 and "not UTF-8" in message(html)


def test_only_loopback_host_names_are_served(server):
    got, text, _ = call(server, "GET", "/", headers={"Host": "evil.example:80"})
    assert got == 421
    got, _, _ = call(server, "GET", "/", headers={"Host": "localhost"})
    assert got == 200


def test_glossary_decision_then_write_files(server):
    store = CurationStore(store_path(server.out, folder=True))
    e = next(x for x in store.glossary().entries if x.status == "new")
    got, _, _ = call(server, "POST", f"/glossary/{e.id}/decide",
                     {"token": token(server), "version": store.version(e.id), "action": "approve", "note": "checked"})
    assert got == 303
    assert store.entry(e.id).status == "approved" and store.entry(e.id).note == "checked"
    tbx = server.out / "glossaries" / "glossary.tbx"
    assert "checked" not in tbx.read_text(encoding="utf-8")  # files follow on "Write files"
    got, _, headers = call(server, "POST", "/export", {"token": token(server), "next": "/glossary"})
    assert got == 303 and headers["location"].startswith("/glossary?msg=")
    assert "checked" in tbx.read_text(encoding="utf-8")
    assert list((server.out / "glossaries" / ".backup").glob("glossary-*.tbx"))


def test_cli_refuses_a_remote_host_without_the_flag(tmp_path):
    from typer.testing import CliRunner

    from toolkit.cli import app

    r = CliRunner().invoke(app, ["serve", str(tmp_path), "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "--allow-remote" in r.output
    r = CliRunner().invoke(app, ["serve", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "folder not found" in r.output
