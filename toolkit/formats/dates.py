"""Dates written into file headers (TMX ``creationdate``) without breaking reproducible builds.

The date is ``SOURCE_DATE_EPOCH`` when it is set (reproducible-builds.org). Otherwise, when
the file being replaced has the same content apart from its date, its date is kept, so
rebuilding unchanged inputs gives byte-identical files (and ``git status`` stays clean).
Only a file whose content changed gets the current time.
"""
from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path
from typing import Callable

__all__ = ["source_date", "now", "stable_bytes", "FORMAT"]

FORMAT = "%Y%m%dT%H%M%SZ"  # TMX 1.4b: YYYYMMDDThhmmssZ (UTC)
_MAX_OLD = 512 << 20  # a previous file larger than this is not compared


def source_date() -> str | None:
    """``SOURCE_DATE_EPOCH`` as a TMX date, or None when unset or not a number."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return time.strftime(FORMAT, time.gmtime(int(epoch))) if epoch.isdigit() else None


def now() -> str:
    return time.strftime(FORMAT, time.gmtime())


def _previous(target) -> bytes | None:
    if hasattr(target, "write"):
        return None
    try:
        st = os.stat(target)
        if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_OLD:
            return None
        return Path(target).read_bytes()
    except OSError:
        return None


def stable_bytes(target, render: Callable[[str], bytes], pattern: bytes) -> bytes:
    """The bytes to write at ``target``: ``render(date)`` with the date chosen as above.

    ``pattern`` is a regular expression whose first group is the date in the old file
    (e.g. ``rb'creationdate="(\\d{8}T\\d{6}Z)"'``).
    """
    fixed = source_date()
    if fixed:
        return render(fixed)
    old = _previous(target)
    if old:
        m = re.search(pattern, old[:4096])
        if m:
            again = render(m.group(1).decode("ascii"))
            if again == old:
                return again
    return render(now())
