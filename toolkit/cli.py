"""termkit command line: parse options, call the library (``toolkit.pipeline``), render.

The app, its choices and the entry point are here; the commands are in ``cli_corpus.py``
(segment, align, extract, build, index: making the outputs) and ``cli_use.py`` (lookup,
check, serve, doctor: using them), the plumbing in ``cli_support.py``, the terminal
rendering in ``cli_render.py``. Nothing heavy is imported before a command runs.

Data goes to stdout, messages and progress to stderr. Every failure — a library error, a
file system error, a usage error — is one line ``Error: …`` on stderr with exit code 2 (no
traceback unless --debug); output piped into ``head`` ends quietly. Format choices come from
``toolkit.formats.registry``.
"""
from __future__ import annotations

import sys
from typing import Optional

import typer

from . import __version__
from .cli_support import STATE as _state, Group, choices, run_app
from .formats import registry

# plain click help (``Group``): rendering help with rich costs more than the rest of --help
app = typer.Typer(pretty_exceptions_enable=False, add_completion=False, no_args_is_help=True,
                  rich_markup_mode=None, cls=Group,
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


# the commands register themselves on ``app``
from . import cli_corpus, cli_use  # noqa: E402,F401


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: usage errors are one ``Error:`` line too (exit 2), not a box."""
    sys.exit(run_app(app, argv))
