"""termkit commands that make the outputs: segment, align, extract, build, index."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from .cli import AlignFormat, GlossFormat, Lang, SegFormat, app
from .cli_support import handle_errors, output_format, output_target, say, warn
from .formats import registry


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
