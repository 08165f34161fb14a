"""The one build path: per-document processing and the corpus steps.

    find_pairs(corpus, pairs_file) -> (list[DocPair], messages)     pairs.py
    align_pair(pair, presegmented=, model=, dictionary=) -> Alignment document.py
    process_pair(pair, out, ...) -> (Alignment, DocReport)            document.py (cache, outputs)
    build(corpus, out, ...) -> BuildReport                            corpus.py (termkit build)
    build_glossaries / extract_into / export_glossaries               glossary.py (curation store)
    align_files / alignments_from / index_folder / check_files        tasks.py (other commands)

The CLI and the notebook call these; no other module segments and aligns a pair.
"""
from __future__ import annotations

from ..fileio import folder_lock as build_lock
from ..formats.registry import build_glossary_files
from .corpus import BuildReport, build, report_dict
from .document import (LOW_CONFIDENCE, DocReport, align_pair, check_settings, load_segments, process_pair,
                       read_presegmented, segment_file, stream_segments)
from .glossary import build_glossaries, curated_glossary, export_glossaries, extract_into
from .glossary import output_format as glossary_output_format
from .pairs import DocPair, find_pairs
from .tasks import align_files, alignments_from, check_files, index_folder

__all__ = ["DocPair", "DocReport", "BuildReport", "find_pairs", "align_pair", "process_pair", "build",
           "build_lock", "segment_file", "stream_segments", "glossary_output_format", "read_presegmented", "load_segments", "check_settings",
           "align_files", "alignments_from", "extract_into", "index_folder", "check_files",
           "build_glossaries", "export_glossaries", "curated_glossary", "report_dict",
           "LOW_CONFIDENCE", "GLOSSARY_FILES"]

GLOSSARY_FILES = build_glossary_files()  # format name -> file name under glossaries/
