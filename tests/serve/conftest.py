"""A small build (two bundled documents and one with page residue in its English) served by
uvicorn in a thread, for the HTTP and browser tests. Each test module gets its own copy of
the build, so tests do not see each other's edits."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

DOCS = ("un-ares-77-241", "osce-policing-activities")
POLLUTED_FR = """Rapport sur la coopération policière

La coopération policière internationale progresse chaque année.
Les services de détection et de répression échangent des informations sur la criminalité organisée.
Le secrétariat a tenu trois réunions en 2023.
Les États membres ont adopté un plan d'action commun.
La formation des policiers reste une priorité pour tous les pays.
Le prochain rapport sera présenté à la session suivante.
"""
POLLUTED_EN = """Report on police cooperation

International police cooperation progresses every year.
Law enforcement agencies exchange information on organized crime.

Page 3 of 12 - Confidential - Do not distribute - Printed 14/02/2024

The secretariat held three meetings in 2023.
Member States adopted a joint plan of action.
Police training remains a priority for all countries.
The next report will be presented at the following session.
"""


@pytest.fixture(scope="session")
def serve_corpus(tmp_path_factory, corpus_dir) -> Path:
    root = tmp_path_factory.mktemp("serve-corpus")
    for lang in ("fr", "en"):
        (root / lang).mkdir()
        for d in DOCS:
            shutil.copy(corpus_dir / lang / f"{d}.txt", root / lang / f"{d}.txt")
    (root / "fr" / "rapport-pollue.txt").write_text(POLLUTED_FR, encoding="utf-8")
    (root / "en" / "rapport-pollue.txt").write_text(POLLUTED_EN, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def serve_build(tmp_path_factory, serve_corpus) -> Path:
    from toolkit.pipeline import build

    out = tmp_path_factory.mktemp("serve-build")
    build(serve_corpus, out, min_freq=2)  # the glossary these tests were written against (build default was 2)
    return out


@pytest.fixture(scope="module")
def build_copy(tmp_path_factory, serve_build) -> Path:
    out = tmp_path_factory.mktemp("serve-copy") / "build"
    shutil.copytree(serve_build, out)
    return out


class Running:
    def __init__(self, out: Path):
        import uvicorn

        from toolkit.serve import create_app

        self.out = out
        self.app = create_app(out)
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(20)


@pytest.fixture(scope="module")
def server(build_copy):
    running = Running(build_copy)
    yield running
    running.stop()
