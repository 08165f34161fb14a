"""termkit commands that use the outputs: lookup, check, serve, doctor."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .cli import MAX_LIMIT, MAX_QUERY_CHARS, CheckFormat, LangAuto, app
from .cli_support import handle_errors, say, warn
from .errors import InputError


# ---------------------------------------------------------------- lookup

@app.command()
@handle_errors
def lookup(
    query: str = typer.Argument(..., help="A term or words, French or English; typos and missing accents are fine."),
    lang: LangAuto = typer.Option("auto", "--from", help="Query language: fr, en or auto."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, max=MAX_LIMIT, help="Maximum glossary hits and concordance lines."),
    as_json: bool = typer.Option(False, "--json", help="JSON output for scripts."),
    no_context: bool = typer.Option(False, "--no-context", help="Glossary hits only, no concordance."),
    db: Path = typer.Option(None, "--db", help="Index built by `termkit build` (default ./termkit.db or $TERMKIT_DB)."),
) -> None:
    """Look a term up in the glossary (both directions, fuzzy) with bilingual examples.

    Example: termkit lookup "detection et repression"
    """
    import sqlite3

    from .fileio import display
    from .lookup import Lookup

    if not query.strip():
        raise InputError("empty query; give a term to look up")
    if len(query) > MAX_QUERY_CHARS:
        raise InputError(f"the query has {len(query)} characters; look up a term or a phrase "
                         f"(at most {MAX_QUERY_CHARS})")
    db = db or Path(os.environ.get("TERMKIT_DB", "termkit.db"))
    try:
        result = Lookup(db).lookup(query, lang=lang.value, limit=limit, context=not no_context)
    except sqlite3.Error as e:
        raise InputError(f"{display(db)}: not a readable termkit index ({e}); "
                         "rebuild it with `termkit index` or `termkit build`") from None
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return
    from rich.console import Console

    from .lookup.render import render

    render(result, Console(highlight=False))  # explicit styles only: no regex pass over plain lines


# ---------------------------------------------------------------- check

@app.command()
@handle_errors
def check(
    fr_file: Path = typer.Argument(..., help="French source."),
    en_file: Path = typer.Argument(..., help="English translation."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g",
                                            help="Glossary (default glossaries/glossary.tbx); approved entries are checked."),
    fmt: CheckFormat = typer.Option("table", "--format", "-f", help="table, json or csv."),
    presegmented: bool = typer.Option(False, "--presegmented", help="Inputs have one segment per line."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="sentence-transformers model for alignment."),
    status: Optional[List[str]] = typer.Option(None, "--status", "-s",
                                               help="Also check entries with this status (new); approved ones always."),
    db: Optional[Path] = typer.Option(None, "--db", help="Lookup index of the build the glossary comes from "
                                      "(default: beside the glossary); its renderings are accepted."),
) -> None:
    """Translation QA: omitted or untranslated segments, approved terms not rendered as in the
    glossary (variants, spelling, plurals, acronyms and the build corpus's renderings
    accepted), numbers and symbols that differ.

    Exit code 1 when issues are found, 0 when clean or only notes (weak evidence).

    Example: termkit check corpus/fr/un-ares-77-241.txt corpus/en/un-ares-77-241.txt --status new
    """
    from .pipeline import check_files

    statuses = ("approved", *dict.fromkeys(status or ()))
    bad = [x for x in statuses if x not in ("approved", "new")]
    if bad:
        raise InputError(f"--status {bad[0]}: choose new (approved entries are always checked)")
    issues, n_terms = check_files(fr_file, en_file, glossary or Path("glossaries/glossary.tbx"),
                                  presegmented=presegmented, model=model, on_warning=warn, statuses=statuses,
                                  db=db)
    if n_terms == 0:
        say("Note: no glossary entry is approved, so no term was checked (numbers and omissions only); "
            "approve entries (termkit serve) or add --status new to check the candidates too")
    if fmt.value == "table":
        from .cli_render import issues_table

        issues_table(issues)
    else:
        from .formats import issues as issue_format

        issue_format.write(issues, sys.stdout, fmt.value)
    if any(i.severity == "issue" for i in issues):
        raise typer.Exit(1)


# ---------------------------------------------------------------- serve

@app.command()
@handle_errors
def serve(
    out: Path = typer.Argument(Path("."), help="Build folder (what `termkit build --out` wrote)."),
    port: int = typer.Option(8765, "--port", "-p", min=0, max=65535, help="Port (0: any free port)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    allow_remote: bool = typer.Option(False, "--allow-remote",
                                      help="Allow a non-loopback --host: anyone who reaches it can edit."),
) -> None:
    """Review alignments and curate the glossary in the browser (local web app).

    Edits are saved at once in the build folder (.termkit/) and kept by every later build.

    Example: termkit serve . --port 8765
    """
    from .serve import is_loopback, serve as run_server

    if not is_loopback(host) and allow_remote:
        warn(f"listening on {host}: anyone who can reach this address can change your alignments and glossary")
    run_server(out, host=host, port=port, allow_remote=allow_remote,
               on_ready=lambda url: say(f"termkit serve: {url}  (Ctrl-C to stop)"))


# ---------------------------------------------------------------- doctor

@app.command()
@handle_errors
def doctor() -> None:
    """Report installed optional parts: readers, model support, GPU, FTS5, OmegaT.

    Example: termkit doctor
    """
    from .doctor import checks

    ok_all = True
    for name, ok, detail in checks():
        ok_all &= ok or name.startswith("optional")
        typer.echo(f"{'ok ' if ok else '-- '} {name:28} {detail}")
    if not ok_all:
        raise typer.Exit(1)
