"""One error hierarchy: every library error is a TermkitError with a message that names
the file and the next step. The CLI catches TermkitError in one place and exits 2."""
from __future__ import annotations

__all__ = [
    "TermkitError",
    "InputError",
    "UnsupportedFormat",
    "UnsupportedLanguage",
    "ParseError",
    "OutputError",
    "BuildLocked",
    "MissingData",
    "StageError",
]


class TermkitError(Exception):
    """Base class; ``str(err)`` is a one-line message fit for a user."""


class InputError(TermkitError):
    """An input file is missing, unreadable, empty where content is required, or binary."""


class UnsupportedFormat(InputError):
    """The file extension or format is not one termkit reads."""


class UnsupportedLanguage(TermkitError):
    """No rules for the requested language."""


class ParseError(InputError):
    """A structured file (TMX, TBX, CSV, XLSX…) could not be parsed; names line/element."""


class OutputError(TermkitError):
    """An output could not be written (permissions, path outside --out, …)."""


class BuildLocked(TermkitError):
    """Another build holds the lock on the output folder."""


class MissingData(TermkitError, FileNotFoundError):
    """A data table that ships with termkit is missing or unreadable (a broken install).
    Also a FileNotFoundError, so a caller that treats one table as optional can say so."""


class StageError(TermkitError):
    """A pipeline stage failed on an input for a reason that is not the input's fault (a bug);
    the message names the stage and the document, ``--debug`` shows the cause."""
