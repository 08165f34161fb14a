"""The CLI's plumbing: one error shape, quiet broken pipes, ``-f``/``-o`` agreement.

Every failure is one line ``Error: …`` on stderr with exit code 2 (a traceback only with
--debug): library errors, file system errors and usage errors alike.
"""
from __future__ import annotations

import functools
import os
import sys
import warnings
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
import typer.core

from .errors import TermkitError
from .formats import registry

__all__ = ["STATE", "Group", "choices", "say", "warn", "handle_errors", "output_format", "output_target", "run_app"]

STATE = {"debug": False}


class Group(typer.core.TyperGroup):
    """Plain click help (``rich_markup_mode=None``: rendering it with rich costs more than the
    rest of ``--help``), with each command's whole first paragraph in the list, not cut at 45
    characters."""

    def format_commands(self, ctx, formatter) -> None:
        """The "Commands" section: each command with its whole first paragraph."""
        import inspect

        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                first = (cmd.short_help or inspect.cleandoc(cmd.help or "")).split("\n\n")[0]
                rows.append((name, " ".join(first.split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def choices(name: str, values) -> type[Enum]:
    """A str Enum for a typer option (choices shown in --help and checked)."""
    return Enum(name, {v: v for v in values}, type=str)


def say(msg: str) -> None:
    """One message on stderr; a file name that is not UTF-8 is shown with U+FFFD."""
    sys.stderr.write(msg.encode("utf-8", "surrogateescape").decode("utf-8", "replace") + "\n")
    sys.stderr.flush()


def warn(msg: str) -> None:
    """A ``Warning: …`` line on stderr."""
    say(f"Warning: {msg}")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _quiet_broken_pipe() -> None:
    """stdout's reader went away (``| head``): stop without a message or a second error at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def handle_errors(func):
    """Turn every error into one line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with warnings.catch_warnings():
                # library warnings (decoding fall-backs, alignment doubts) -> one line on stderr
                warnings.simplefilter("always")
                warnings.showwarning = lambda msg, *a, **k: warn(str(msg))
                return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except BrokenPipeError:
            _quiet_broken_pipe()
            raise typer.Exit(0)
        except KeyboardInterrupt:
            say("Interrupted; outputs written so far are complete, re-run to finish.")
            raise typer.Exit(130)
        except Exception as e:
            if STATE["debug"]:
                raise
            if isinstance(e, TermkitError):
                msg = str(e)
            elif isinstance(e, OSError):
                where = f"{e.filename}: " if getattr(e, "filename", None) else ""
                msg = f"{where}{e.strerror or e}"
            else:  # a bug: still no traceback for the user unless --debug
                msg = f"unexpected {type(e).__name__}: {e} (re-run with --debug for the traceback)"
            say(f"Error: {_one_line(msg)}")
            raise typer.Exit(2)

    return wrapper


def output_format(output: Optional[Path], fmt: Optional[Enum], kind: str, default: str) -> str:
    """``-f`` and the name of ``-o`` must agree; without ``-f`` the name decides."""
    if output is None:
        return fmt.value if fmt else default
    if fmt is not None:
        return registry.check_extension(output, kind, fmt.value).name
    try:
        return registry.sniff(output, kind).name
    except TermkitError:
        return registry.check_extension(output, kind, default).name


def output_target(output: Optional[Path], inputs):
    """stdout, or ``output`` after refusing a device, a directory or one of the inputs."""
    from .fileio import check_output

    if output is None:
        return sys.stdout
    check_output(output, inputs)
    return output




def run_app(app, argv: Optional[list[str]] = None) -> int:
    """Run the typer app; usage errors become one ``Error:`` line (exit 2), not a box."""
    try:  # typer >= 0.20 carries its own copy of click
        from typer._click.exceptions import NoArgsIsHelpError, UsageError
    except ImportError:  # pragma: no cover - older typer
        from click.exceptions import NoArgsIsHelpError, UsageError

    try:
        rc = app(args=argv, prog_name="termkit", standalone_mode=False)
    except NoArgsIsHelpError as e:
        sys.stdout.write(e.ctx.get_help() + "\n" if e.ctx else "")
        rc = 0
    except UsageError as e:
        cmd = e.ctx.command_path if e.ctx else "termkit"
        say(f"Error: {_one_line(e.format_message())} (see `{cmd} --help`)")
        rc = 2
    except typer.Abort:
        say("Interrupted.")
        rc = 130
    except BrokenPipeError:
        _quiet_broken_pipe()
        rc = 0
    return rc if isinstance(rc, int) else 0
