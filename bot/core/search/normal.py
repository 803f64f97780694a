"""Text as the name table compares it: case-folded, unaccented, punctuation as spaces."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
PAREN = re.compile(r"\s*\(([^)]*)\)\s*")
POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)


def normalize(text: str) -> str:
    """Case-fold, strip accents, turn hyphens and punctuation into spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # "HRW's" is HRW and a possessive: keep the name whole. Other apostrophes join words.
    stripped = POSSESSIVE.sub(" s", stripped).replace("'", "").replace("’", "")
    return _SPACES.sub(" ", _PUNCT.sub(" ", stripped.casefold())).strip()


def words(text: str) -> list[str]:
    """The normalised words of a text."""
    return normalize(text).split()
