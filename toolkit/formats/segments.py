"""What ``termkit segment`` writes: ``lines`` (one segment per line), ``tsv`` (header
``doc, index, kind, text``; text cells formula-neutralised as in ``tsv.py``) or ``jsonl``
(``{"doc", "index", "text", "kind", "para", "start", "end"}`` per segment).

``write(docs, target, fmt)`` streams: ``docs`` yields ``(doc name, segments)`` with lazy
segment iterators, and ``target`` is a path (written atomically) or an open text stream.
"""
from __future__ import annotations

import csv
import json
from typing import Iterable

from ..fileio import open_output
from ..types import Segment
from ._cells import neutralise

__all__ = ["write", "FORMATS"]

FORMATS = ("lines", "jsonl", "tsv")


def _one_line(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write(docs: Iterable[tuple[str, Iterable[Segment]]], target, fmt: str = "lines") -> int:
    """Write every segment of every document; returns the number of segments."""
    n = 0
    with open_output(target, newline="" if fmt == "tsv" else None) as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n") if fmt == "tsv" else None
        if w is not None:
            w.writerow(("doc", "index", "kind", "text"))
        for doc, segments in docs:
            for i, s in enumerate(segments):
                n += 1
                if fmt == "lines":
                    fh.write(_one_line(s.text) + "\n")
                elif w is not None:
                    w.writerow((neutralise(doc), i, s.kind, neutralise(_one_line(s.text))))
                else:
                    fh.write(json.dumps({"doc": doc, "index": i, "text": s.text, "kind": s.kind,
                                         "para": s.para, "start": s.start, "end": s.end},
                                        ensure_ascii=False) + "\n")
    return n
