"""termkit command line: thin commands over the library.

Data goes to stdout, messages and progress to stderr. Library errors (TermkitError) are
caught in one place: ``Error: …`` on one line, exit code 2, no traceback unless --debug.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import os
import sys
import tempfile
import warnings
from enum import Enum
from pathlib import Path
from typing import Iterable, Iterator, List, Optional

import typer

from . import __version__
from .errors import InputError, TermkitError
from .workflow import (align_files, alignments_from, check_files, check_input, extract_into,
                       index_folder)

app = typer.Typer(
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    help="termkit: segment, align and extract terminology from French-English institutional texts.",
)

_state = {"debug": False}


class Lang(str, Enum):
    fr = "fr"
    en = "en"


class LangAuto(str, Enum):
    fr = "fr"
    en = "en"
    auto = "auto"


class SegFormat(str, Enum):
    lines = "lines"
    jsonl = "jsonl"
    tsv = "tsv"


class AlignFormat(str, Enum):
    tmx = "tmx"
    tsv = "tsv"
    jsonl = "jsonl"
    links = "links"


class GlossFormat(str, Enum):
    tbx = "tbx"
    tbx3 = "tbx3"
    csv = "csv"
    memoq = "memoq"
    phrase = "phrase"
    omegat = "omegat"
    xlsx = "xlsx"


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


# ---------------------------------------------------------------- plumbing

def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def _warn(msg: str) -> None:
    _err(f"Warning: {msg}")


def handle_errors(func):
    """Turn library errors into one line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with warnings.catch_warnings():
                # library warnings (decoding fall-backs, alignment doubts) -> one line on stderr
                warnings.simplefilter("always")
                warnings.showwarning = lambda msg, *a, **k: _warn(str(msg))
                return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except TermkitError as e:
            if _state["debug"]:
                raise
            _err(f"Error: {e}")
            raise typer.Exit(2)
        except KeyboardInterrupt:
            _err("Interrupted; outputs written so far are complete, re-run to finish.")
            raise typer.Exit(130)
        except OSError as e:
            if _state["debug"]:
                raise
            where = f"{e.filename}: " if getattr(e, "filename", None) else ""
            _err(f"Error: {where}{e.strerror or e}")
            raise typer.Exit(2)
        except Exception as e:  # a bug: still no traceback for the user unless --debug
            if _state["debug"]:
                raise
            _err(f"Error: unexpected {type(e).__name__}: {e} (re-run with --debug for the traceback)")
            raise typer.Exit(2)

    return wrapper


def _write_output(output: Optional[Path], text_chunks: Iterable[str]) -> None:
    """Stream chunks to stdout, or atomically to ``output``."""
    from .fileio import write_atomic

    if output is None:
        for chunk in text_chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    with write_atomic(output) as fh:
        for chunk in text_chunks:
            fh.write(chunk)


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

def _detect(path: Path, sample: str, lang: Optional[Lang], verbose: bool) -> str:
    if lang is not None:
        return lang.value
    from .readers import detect_language

    code, conf = detect_language(sample)
    if code is None:
        raise InputError(f"{path}: cannot tell the language; pass --lang fr or --lang en")
    if verbose:
        _err(f"{path}: language {code} (confidence {conf:.2f})")
    return code


def _iter_file_segments(path: Path, lang: Optional[Lang], encoding: Optional[str], verbose: bool,
                        report=None):
    from .readers import iter_text
    from .segment import iter_segments

    chunks = iter_text(path, encoding=encoding, on_removed=report.add if report is not None else None)
    first = next(chunks, "")
    if not first.strip():
        return "", iter(())
    code = _detect(path, first[:20000], lang, verbose)

    def all_chunks() -> Iterator[str]:
        yield first
        yield from chunks

    return code, iter_segments(all_chunks(), code, report=report)


@app.command()
@handle_errors
def segment(
    files: List[Path] = typer.Argument(..., help="Documents: .txt .md .html .htm .pdf .docx"),
    lang: Optional[Lang] = typer.Option(None, "--lang", "-l", help="Language; detected when omitted."),
    fmt: SegFormat = typer.Option(SegFormat.lines, "--format", "-f", help="lines, jsonl or tsv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force the text encoding (e.g. cp1252)."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="Report the detected language and what was removed."),
) -> None:
    """Split documents into sentences, headings, list items and footnotes.

    Example: termkit segment corpus/fr/un-ares-77-241.txt --format jsonl
    """
    for f in files:
        check_input(f)

    def rows() -> Iterator[str]:
        if fmt is SegFormat.tsv:
            yield "doc\tindex\tkind\ttext\n"
        from .segment import SegmentReport

        for f in files:
            report = SegmentReport()
            _code, segs = _iter_file_segments(f, lang, encoding, verbose, report)
            for i, s in enumerate(segs):
                text = s.text.replace("\t", " ").replace("\n", " ")
                if fmt is SegFormat.lines:
                    yield text + "\n"
                elif fmt is SegFormat.tsv:
                    yield f"{f.stem}\t{i}\t{s.kind}\t{text}\n"
                else:
                    yield json.dumps({"doc": f.stem, "index": i, "text": s.text, "kind": s.kind,
                                      "para": s.para, "start": s.start, "end": s.end},
                                     ensure_ascii=False) + "\n"
            if verbose:
                _err(f"{f}: removed {report.summary()}")

    _write_output(output, rows())


# ---------------------------------------------------------------- align

def _write_alignments_to(alignments, output: Optional[Path], fmt: str) -> None:
    from .formats import write_alignments

    if output is not None:
        write_alignments(alignments, output, fmt)
        return
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / f"out.{fmt}"
        write_alignments(alignments, p, fmt)
        sys.stdout.write(p.read_text(encoding="utf-8"))


@app.command("align")
@handle_errors
def align_cmd(
    fr_file: Path = typer.Argument(..., help="French document."),
    en_file: Path = typer.Argument(..., help="English document."),
    presegmented: bool = typer.Option(False, "--presegmented", help="Inputs have one segment per line."),
    fmt: AlignFormat = typer.Option(AlignFormat.tsv, "--format", "-f", help="tmx, tsv, jsonl or links."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    model: Optional[str] = typer.Option(None, "--model", "-m",
                                        help="sentence-transformers model name or path (e.g. LaBSE)."),
    dictionary: Optional[Path] = typer.Option(None, "--dictionary", "-d",
                                              help="Bilingual dictionary, TSV fr<TAB>en."),
) -> None:
    """Align a French document with its English version, with a confidence per bead.

    Example: termkit align corpus/fr/un-ares-77-241.txt corpus/en/un-ares-77-241.txt --format tmx -o un.tmx
    """
    al = align_files(fr_file, en_file, presegmented=presegmented, model=model, dictionary=dictionary,
                     on_warning=_warn)
    _write_alignments_to([al], output, fmt.value)


# ---------------------------------------------------------------- extract

@app.command("extract")
@handle_errors
def extract_cmd(
    inputs: List[Path] = typer.Argument(..., help="Aligned files (TSV/JSONL/TMX) or a corpus folder."),
    output: Path = typer.Option(Path("glossaries/glossary.tbx"), "--output", "-o",
                                help="Glossary to write (merged into when it exists)."),
    fmt: Optional[GlossFormat] = typer.Option(None, "--format", "-f",
                                              help="tbx, tbx3, csv, memoq, phrase, omegat, xlsx (default: from -o)."),
    min_freq: int = typer.Option(2, "--min-freq", min=1, help="Minimum corpus frequency of a term."),
    top: Optional[int] = typer.Option(None, "--top", min=1, help="Keep only the N best entries."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g",
                                            help="Existing glossary whose decisions are kept (any format)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Model for aligning a corpus folder."),
) -> None:
    """Extract French-English term pairs into a glossary; curated decisions are kept.

    Example: termkit extract aligned/un-ares-77-241.tsv -o glossaries/un.csv
    """
    alignments = alignments_from(inputs, model=model, on_warning=_warn)
    g = extract_into(alignments, output, fmt=fmt.value if fmt else None, min_freq=min_freq, top=top,
                     base=glossary)
    _err(f"{output}: {len(g)} entries ({sum(e.status != 'new' for e in g)} curated)")


# ---------------------------------------------------------------- build

def _summary_table(report):
    from rich.table import Table

    t = Table(title="termkit build", title_justify="left")
    for col in ("document", "FR seg", "EN seg", "beads", "to review", "cache"):
        t.add_column(col, justify="left" if col in ("document", "cache") else "right")
    for d in report.docs:
        t.add_row(d.doc, str(d.fr_segments), str(d.en_segments), str(d.beads), str(d.low_confidence),
                  "cached" if d.cached else "")
    t.add_row("total", str(sum(d.fr_segments for d in report.docs)),
              str(sum(d.en_segments for d in report.docs)), str(sum(d.beads for d in report.docs)),
              str(sum(d.low_confidence for d in report.docs)), "", style="bold")
    return t


@app.command()
@handle_errors
def build(
    corpus: Path = typer.Argument(Path("corpus"), help="Folder with fr/ and en/ paired by file name."),
    out: Path = typer.Option(Path("."), "--out", help="Output folder (aligned/, glossaries/, termkit.db)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Documents processed in parallel."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="sentence-transformers model for alignment."),
    dictionary: Optional[Path] = typer.Option(None, "--dictionary", "-d", help="Bilingual dictionary TSV."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", help="TSV of fr_path<TAB>en_path for other layouts."),
    min_freq: int = typer.Option(2, "--min-freq", min=1, help="Minimum corpus frequency of a term."),
    force: bool = typer.Option(False, "--force", help="Redo every document, ignoring the cache."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """The main job: segment, align, extract and index a whole corpus.

    Writes aligned/<doc>.tmx and .tsv, aligned/corpus.tmx, aligned/segments/<lang>/<doc>.txt,
    glossaries/glossary.tbx (TBX v2), glossary.tbx3.tbx (TBX v3), glossary.csv,
    glossary.utf8 (OmegaT) and the lookup index termkit.db.

    Example: termkit build corpus --out . --jobs 2
    """
    from rich.console import Console

    from .pipeline import build as run_build, report_dict

    if dictionary is not None:
        check_input(dictionary)
    console = Console(stderr=True)
    kwargs = dict(jobs=jobs, model=model, dictionary=dictionary, pairs_file=pairs, force=force,
                  min_freq=min_freq, on_warning=_warn)
    if quiet:
        report = run_build(corpus, out, **kwargs)
    elif not console.is_terminal:
        report = run_build(corpus, out, progress=lambda m, d, t: _err(f"[{d}/{t}] {m}"), **kwargs)
    else:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console, transient=True) as bar:
            task = bar.add_task("building", total=None)
            report = run_build(corpus, out, progress=lambda m, d, t: bar.update(
                task, description=m, completed=d, total=t), **kwargs)
    if as_json:
        typer.echo(json.dumps(report_dict(report), ensure_ascii=False, indent=1))
        return
    from rich.console import Console as C

    stdout = C()
    stdout.print(_summary_table(report))
    stdout.print(f"terms: {report.terms} ({report.new_terms} new)   skipped: {len(report.skipped)}   "
                 f"time: {report.seconds:.1f}s   outputs: {Path(out) / 'aligned'}, {Path(out) / 'glossaries'}, "
                 f"{Path(out) / 'termkit.db'}")


# ---------------------------------------------------------------- index

@app.command()
@handle_errors
def index(
    out: Path = typer.Option(Path("."), "--out", help="Folder holding aligned/ and glossaries/."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="Glossary (default glossaries/glossary.tbx)."),
) -> None:
    """Rebuild the lookup index (termkit.db) from aligned/*.tsv and a glossary.

    Example: termkit index --out .
    """
    n_entries, n_pairs = index_folder(out, glossary)
    _err(f"{out / 'termkit.db'}: {n_entries} glossary entries, {n_pairs} aligned pairs")


# ---------------------------------------------------------------- lookup

def _default_db() -> Path:
    return Path(os.environ.get("TERMKIT_DB", "termkit.db"))


@app.command()
@handle_errors
def lookup(
    query: str = typer.Argument(..., help="A term or words, French or English; typos and missing accents are fine."),
    lang: LangAuto = typer.Option(LangAuto.auto, "--from", help="Query language: fr, en or auto."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="Maximum glossary hits and concordance lines."),
    as_json: bool = typer.Option(False, "--json", help="JSON output for scripts."),
    no_context: bool = typer.Option(False, "--no-context", help="Glossary hits only, no concordance."),
    db: Path = typer.Option(None, "--db", help="Index built by `termkit build` (default ./termkit.db or $TERMKIT_DB)."),
) -> None:
    """Look a term up in the glossary (both directions, fuzzy) with bilingual examples.

    Example: termkit lookup "detection et repression"
    """
    from .lookup import Lookup
    from .lookup.render import render

    if not query.strip():
        raise InputError("empty query; give a term to look up")
    db = db or _default_db()
    result = Lookup(db).lookup(query, lang=lang.value, limit=limit, context=not no_context)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return
    from rich.console import Console

    render(result, Console())


# ---------------------------------------------------------------- check

@app.command()
@handle_errors
def check(
    fr_file: Path = typer.Argument(..., help="French source."),
    en_file: Path = typer.Argument(..., help="English translation."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g",
                                            help="Glossary (default glossaries/glossary.tbx); approved entries are checked."),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="table, json or csv."),
    presegmented: bool = typer.Option(False, "--presegmented", help="Inputs have one segment per line."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="sentence-transformers model for alignment."),
) -> None:
    """Terminology QA: approved terms not rendered as in the glossary, numbers and symbols that differ.

    Exit code 1 when issues are found, 0 when clean.

    Example: termkit check corpus/fr/un-ares-77-241.txt corpus/en/un-ares-77-241.txt
    """
    issues = check_files(fr_file, en_file, glossary or Path("glossaries/glossary.tbx"),
                         presegmented=presegmented, model=model, on_warning=_warn)
    rows = [{"kind": i.kind, "fr_ids": ",".join(map(str, i.fr_ids)), "en_ids": ",".join(map(str, i.en_ids)),
             "expected": i.expected, "found": i.found, "message": i.message, "fr": i.fr, "en": i.en}
            for i in issues]
    if fmt is CheckFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt is CheckFormat.csv:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["kind", "fr_ids", "en_ids", "expected",
                                                                      "found", "message", "fr", "en"])
        w.writeheader()
        w.writerows(rows)
        sys.stdout.write(buf.getvalue())
    else:
        from rich.console import Console
        from rich.table import Table

        if not rows:
            Console().print("No issues found.")
        else:
            t = Table(title=f"{len(rows)} issue(s)", title_justify="left", show_lines=True)
            for c in ("kind", "FR", "EN", "message"):
                t.add_column(c)
            for r, i in zip(rows, issues):
                t.add_row(i.kind, f"[{r['fr_ids']}] {i.fr}", f"[{r['en_ids']}] {i.en}", i.message)
            Console().print(t)
    if issues:
        raise typer.Exit(1)


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


def main() -> None:
    app()
