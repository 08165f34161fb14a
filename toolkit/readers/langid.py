"""fr/en language detection: :mod:`toolkit.words.language` (the one detector), re-exported
here where the readers' users expect it."""
from __future__ import annotations

from ..words.language import MAX_CHARS, detect_language

__all__ = ["detect_language", "MAX_CHARS"]
