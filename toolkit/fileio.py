"""Safe file reading and writing.

- Inputs are regular files only (``check_input``): a FIFO, a device or a directory is refused
  in one line instead of blocking or reading forever; ``max_bytes`` bounds what is read.
- Every output goes through ``atomic_path``/``write_atomic``: a temporary file in the same
  folder, then ``os.replace``, so a crash never leaves a truncated file. Only a regular file
  (or nothing) is ever replaced: a device, a FIFO or a directory at the output path is
  refused. An output whose new bytes equal the old ones is left untouched (same mtime, no
  rename), which keeps rebuilds reproducible and cheap.
- ``check_output`` refuses an output that is the same file as one of the inputs.
- ``folder_lock`` is the build lock: opened with ``O_NOFOLLOW``, a symlinked or hard-linked
  lock file is refused, never truncated.
- ``display`` renders a path for a message even when its name is not valid UTF-8.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import filecmp
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Iterable, Iterator

from .errors import BuildLocked, InputError, OutputError

__all__ = ["write_atomic", "atomic_path", "write_text_atomic", "safe_join", "check_input",
           "check_output", "open_output", "folder_lock", "display", "clean_name", "read_bytes",
           "LOCK_NAME", "remove_stale_temp_files"]

LOCK_NAME = ".termkit.lock"
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def display(path: str | os.PathLike) -> str:
    """``path`` as printable text: bytes that are not UTF-8 become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def clean_name(name: str) -> str:
    """A file name as valid Unicode: undecodable bytes are read as cp1252 (Windows archives)."""
    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _kind(mode: int) -> str:
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def check_input(path: str | os.PathLike, what: str = "file", max_bytes: int | None = None) -> Path:
    """``path`` if it is an existing regular file (within ``max_bytes``), else an InputError
    that says what is wrong and what to do."""
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(f"{display(p)}: no such {what}; check the path") from None
    except PermissionError:
        raise InputError(f"{display(p)}: permission denied; check the file's permissions") from None
    except OSError as e:
        raise InputError(f"{display(p)}: cannot be read ({e.strerror}); check the path") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{display(p)}: is a directory; pass a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{display(p)}: is {_kind(st.st_mode)}, not a regular file; save the data to a file first")
    if max_bytes is not None and st.st_size > max_bytes:
        raise InputError(f"{display(p)}: {st.st_size / 1e6:.0f} MB is too large for a {what} "
                         f"(limit {max_bytes / 1e6:.0f} MB); split it or trim it")
    return p


def read_bytes(path: str | os.PathLike, what: str = "file", max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` (checked again while reading)."""
    p = check_input(path, what, max_bytes)
    try:
        with open(p, "rb") as fh:
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"{display(p)}: cannot be read ({e.strerror}); check the file") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(f"{display(p)}: grew beyond the {max_bytes / 1e6:.0f} MB limit for a {what} while being read")
    return data


def _target(path: str | os.PathLike) -> Path:
    """The file an output replaces: the path itself, or what its symlink points to; an
    existing non-regular file is refused."""
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as e:
        raise OutputError(f"{display(target)}: cannot write ({e.strerror}); choose another output path") from None
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{display(target)}: is {_kind(st.st_mode)}; termkit only replaces regular files, "
                          "choose another output path")
    return target


def check_output(output: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Refuse, before any work, an output that is not a regular file or that is one of ``inputs``."""
    target = _target(output)
    try:
        out_st = os.stat(target)
    except OSError:
        return target
    for i in inputs:
        try:
            in_st = os.stat(i)
        except OSError:
            continue
        if (in_st.st_dev, in_st.st_ino) == (out_st.st_dev, out_st.st_ino):
            raise OutputError(f"{display(output)}: is the same file as the input {display(i)}; "
                              "writing it would destroy the input, choose another -o")
    return target


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return os.path.getsize(a) == os.path.getsize(b) and filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path`` (unless the
    bytes are unchanged). For writers (lxml, openpyxl, sqlite) that want a file name."""
    target = _target(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as e:
        raise OutputError(f"{display(target)}: cannot write ({e.strerror}); check the folder exists and is writable") from e
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if _same_bytes(tmp_path, target):
            tmp_path.unlink()
            return
        os.chmod(tmp_path, 0o644)
        _target(target)  # still a regular file (or nothing) at rename time
        os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise


@contextlib.contextmanager
def write_atomic(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO]:
    """Open a temporary file for writing; it replaces ``path`` only if the block succeeds."""
    if "b" in mode:
        encoding = None
    with atomic_path(path) as tmp:
        with open(tmp, mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())


@contextlib.contextmanager
def open_output(target, *, binary: bool = False, encoding: str = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """A writable stream for ``target``: an open stream as it is (stdout), or a path written
    atomically. Binary output to a text stream goes to its ``buffer``."""
    if hasattr(target, "write"):
        yield getattr(target, "buffer", target) if binary else target
        return
    with write_atomic(target, "wb" if binary else "w", encoding=encoding, newline=newline) as fh:
        yield fh


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    with write_atomic(path) as fh:
        fh.write(text)


def safe_join(root: str | os.PathLike, *parts: str) -> Path:
    """Join ``parts`` under ``root`` and refuse any result that escapes it (``..``, absolute)."""
    base = Path(root).resolve()
    candidate = base.joinpath(*parts).resolve()
    if candidate != base and base not in candidate.parents:
        raise OutputError(f"{display('/'.join(parts))}: path escapes the output folder {display(base)}; rename the input file")
    return candidate


@contextlib.contextmanager
def folder_lock(folder: str | os.PathLike, create: bool = True) -> Iterator[None]:
    """An exclusive lock on an output folder (``FOLDER/.termkit.lock``), so two builds (or a
    build and an ``index``/``extract``) never interleave writes.

    The lock file is opened with ``O_NOFOLLOW``: a symbolic link there is refused (never
    followed and truncated), and so is a file with other hard links. ``create=False`` takes
    the lock only when the folder exists (``extract`` into a plain folder).
    """
    folder = Path(folder)
    if not folder.is_dir():
        if not create:
            yield
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise OutputError(f"{display(folder)}: cannot create the output folder ({e.strerror})") from None
    lock = folder / LOCK_NAME
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK, 0o644)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise OutputError(f"{display(lock)}: the lock file is a symbolic link; termkit does not follow it, "
                              "remove it and run again") from None
        raise OutputError(f"{display(lock)}: cannot open the lock file ({e.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_nlink > 1:
            raise OutputError(f"{display(lock)}: the lock file is {_kind(st.st_mode) if not stat.S_ISREG(st.st_mode) else 'a hard link to another file'}; "
                              "remove it and run again")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(f"{display(folder)}: another termkit build is running on this folder ({display(lock)}); "
                              "wait for it to finish or use another --out") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)


def remove_stale_temp_files(folders: Iterable[Path]) -> None:
    """Temporary files of a killed writer (``.NAME.*.tmp``); call only while holding the lock."""
    for d in folders:
        if d.is_dir():
            for p in d.glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    p.unlink()
