"""termkit command line: parse options, call the library (``toolkit.pipeline``), render.

Data goes to stdout, messages and progress to stderr. Every failure — a library error, a
file system error, a usage error — is one line ``Error: …`` on stderr with exit code 2 (no
traceback unless --debug); output piped into ``head`` ends quietly. Format choices come from
``toolkit.formats.registry``.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .cli_support import STATE as _state, Group, choices, handle_errors, output_format, output_target, run_app, say, warn
from .errors import InputError
from .formats import registry

app = typer.Typer(pretty_exceptions_enable=False, add_completion=False, no_args_is_help=True, rich_markup_mode=None, cls=Group,
                  help="termkit: segment, align and extract terminology from French-English institutional texts.")
MAX_QUERY_CHARS = 500
MAX_LIMIT = 1000


Lang = choices("Lang", ("fr", "en"))
LangAuto = choices("LangAuto", ("fr", "en", "auto"))
SegFormat = choices("SegFormat", registry.names("segments"))
AlignFormat = choices("AlignFormat", registry.names("alignment"))
GlossFormat = choices("GlossFormat", registry.names("glossary"))
CheckFormat = choices("CheckFormat", ["table", *registry.names("issues")])


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"termkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True,
                                 help="Show the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
) -> None:
    """termkit: French-English segmentation, alignment and terminology for translators."""
    _state["debug"] = debug


# ---------------------------------------------------------------- segment

@app.command()
@handle_errors
def segment(
    files: List[Path] = typer.Argument(..., help="Documents: .txt .md .html .htm .pdf .docx"),
    lang: Optional[Lang] = typer.Option(None, "--lang", "-l", help="Language; detected when omitted."),
    fmt: Optional[SegFormat] = typer.Option(None, "--format", "-f", help="lines, jsonl or tsv (default: from -o, else lines)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force the text encoding (e.g. cp1252)."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="Report the detected language and what was removed."),
) -> None:
    """Split documents into sentences, headings, list items and footnotes.

    Example: termkit segment corpus/fr/un-ares-77-241.txt --format jsonl
    """
    from .fileio import clean_name
    from .formats import segments
    from .pipeline import stream_segments
    from .readers import check_readable

    for f in files:
        check_readable(f)
    fmt_name = output_format(output, fmt, "segments", "lines")
    target = output_target(output, files)
    docs = ((clean_name(f.stem), stream_segments(f, lang.value if lang else None, encoding,
                                                 say if verbose else None)) for f in files)
    segments.write(docs, target, fmt_name)


# ---------------------------------------------------------------- align

@app.command("align")
@handle_errors
def align_cmd(
    fr_file: Path = typer.Argument(..., help="French document."),
    en_file: Path = typer.Argument(..., help="English document."),
    presegmented: bool = typer.Option(False, "--presegmented", help="Inputs have one segment per line (any extension)."),
    fmt: Optional[AlignFormat] = typer.Option(None, "--format", "-f", help="tsv, tmx, jsonl or links (default: from -o, else tsv)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    model: Optional[str] = typer.Option(None, "--model", "-m",
                                        help="sentence-transformers model: a local folder or a name in the local cache."),
    dictionary: Optional[Path] = typer.Option(None, "--dictionary", "-d",
                                              help="Bilingual dictionary, TSV fr<TAB>en."),
    min_score: Optional[float] = typer.Option(None, "--min-score", min=0.0, max=1.0,
                                              help="Leave beads scored below this out of a TMX (kept in TSV/JSONL, marked 'low')."),
) -> None:
    """Align a French document with its English version, with a confidence per bead.

    Example: termkit align corpus/fr/un-ares-77-241.txt corpus/en/un-ares-77-241.txt --format tmx -o un.tmx
    """
    from .formats import write_alignments
    from .pipeline import align_files

    fmt_name = output_format(output, fmt, "alignment", "tsv")
    target = output_target(output, (fr_file, en_file) + ((dictionary,) if dictionary else ()))
    from .review import mark_low

    al = align_files(fr_file, en_file, presegmented=presegmented, model=model, dictionary=dictionary,
                     on_warning=warn)
    write_alignments([mark_low(al, min_score)], target, fmt_name)


# ---------------------------------------------------------------- extract

@app.command("extract")
@handle_errors
def extract_cmd(
    inputs: List[Path] = typer.Argument(..., help="Aligned files (TSV/JSONL/TMX) or a corpus folder."),
    output: Path = typer.Option(Path("glossaries/glossary.tbx"), "--output", "-o",
                                help="Glossary to write (its curation is kept)."),
    fmt: Optional[GlossFormat] = typer.Option(None, "--format", "-f",
                                              help=f"{', '.join(registry.names('glossary'))} (default: from -o)."),
    min_freq: int = typer.Option(1, "--min-freq", min=1, help="Minimum corpus frequency of a term (a large corpus also asks more of terms that are not defined)."),
    top: Optional[int] = typer.Option(None, "--top", min=1, help="Keep only the N best entries."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g",
                                            help="Existing glossary whose decisions are kept (any format)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Model for aligning a corpus folder."),
) -> None:
    """Extract French-English term pairs into a glossary; curated decisions are kept.

    Example: termkit extract aligned/un-ares-77-241.tsv -o glossaries/un.csv
    """
    from .fileio import check_output, display
    from .pipeline import alignments_from, extract_into, glossary_output_format

    glossary_output_format(output, fmt.value if fmt else None)
    check_output(output, inputs)
    alignments = alignments_from(inputs, model=model, on_warning=warn)
    g, curated = extract_into(alignments, output, fmt=fmt.value if fmt else None, min_freq=min_freq, top=top,
                              base=glossary, inputs=tuple(inputs))
    say(f"{display(output)}: {len(g)} entries ({curated} curated)")


# ---------------------------------------------------------------- build

@app.command()
@handle_errors
def build(
    corpus: Path = typer.Argument(Path("corpus"), help="Folder with fr/ and en/ paired by file name."),
    out: Path = typer.Option(Path("."), "--out", help="Output folder (aligned/, glossaries/, termkit.db)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, max=256, help="Documents processed in parallel."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="sentence-transformers model for alignment."),
    dictionary: Optional[Path] = typer.Option(None, "--dictionary", "-d", help="Bilingual dictionary TSV."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", help="TSV of fr_path<TAB>en_path for other layouts."),
    min_freq: int = typer.Option(1, "--min-freq", min=1, help="Minimum corpus frequency of a term (a large corpus also asks more of terms that are not defined)."),
    force: bool = typer.Option(False, "--force", help="Redo every document, ignoring the cache."),
    min_score: Optional[float] = typer.Option(None, "--min-score", min=0.0, max=1.0,
                                              help="Leave beads scored below this out of the TMX files (kept in the TSV, marked 'low')."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON (with every bead to review)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """The main job: segment, align, extract and index a whole corpus.

    Writes aligned/<doc>.tmx and .tsv, aligned/corpus.tmx, aligned/segments/<lang>/<doc>.txt,
    glossaries/glossary.tbx (TBX v2), glossary.tbx3.tbx (TBX v3), glossary.csv,
    glossary.utf8 (OmegaT) and the lookup index termkit.db. Curation (statuses, edits,
    notes) is kept in .termkit/curation.db and merged back from edited glossary files.

    Example: termkit build corpus --out . --jobs 2
    """
    from .cli_render import build_progress, summary
    from .pipeline import build as run_build, report_dict

    kwargs = dict(jobs=jobs, model=model, dictionary=dictionary, pairs_file=pairs, force=force,
                  min_freq=min_freq, min_score=min_score, on_warning=warn)
    with build_progress(quiet, say) as progress:
        report = run_build(corpus, out, progress=progress, **kwargs)
    if as_json:
        typer.echo(json.dumps(report_dict(report), ensure_ascii=False, indent=1))
    else:
        summary(report, out)


# ---------------------------------------------------------------- index

@app.command()
@handle_errors
def index(
    out: Path = typer.Option(Path("."), "--out", help="Folder holding aligned/ and glossaries/."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g",
                                            help="Glossary (default: the build's curated glossary)."),
) -> None:
    """Rebuild the lookup index (termkit.db) from aligned/*.tsv and the glossary.

    Example: termkit index --out .
    """
    from .fileio import display
    from .pipeline import index_folder

    n_entries, n_pairs = index_folder(out, glossary)
    say(f"{display(out / 'termkit.db')}: {n_entries} glossary entries, {n_pairs} aligned pairs")


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

    render(result, Console())


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


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: usage errors are one ``Error:`` line too (exit 2), not a box."""
    sys.exit(run_app(app, argv))
