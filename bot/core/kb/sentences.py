"""Sentences of English prose: where one ends, so that "U.S." and "Mr." do not end one."""

from __future__ import annotations

import re

#: Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen sen rep gov st jr sr inc ltd co corp no vs etc e.g i.e fla md "
    "calif mass rev lt col capt sgt jan feb mar apr jun jul aug sep sept oct nov dec approx "
    "dept univ assn intl".split()
)
_BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
#: An initialism such as "U.S." or "e.g." (a full stop after one letter ends no sentence).
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a paragraph with their offsets in it."""
    result: list[tuple[int, str]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[max(start, match.start() - 40) : match.start() + 1]
        words = before.split()
        last = words[-1].rstrip(".!?").casefold() if words else ""
        if last in ABBREVIATIONS or _INITIALS.fullmatch(last):
            continue
        result.append((start, text[start : match.end()].strip()))
        start = match.end()
    if text[start:].strip():
        result.append((start, text[start:].strip()))
    return result


def first_sentences(text: str, limit: int = 1) -> str:
    """The first `limit` sentences of a paragraph, ending in a full stop."""
    parts = [s for _, s in split_sentences(" ".join(text.split()))][:limit]
    head = " ".join(parts).strip()
    return head if head.endswith((".", "!", "?")) or not head else head + "."


def and_list(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C": items joined as a sentence lists them ("" for none)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
