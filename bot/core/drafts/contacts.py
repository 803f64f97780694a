"""Contacts never enter a draft: e-mail addresses and telephone numbers are cut from the text.

They are cut from the article text itself, before any extraction, so no quote, note or
excerpt can carry one. `find_contacts` is the same test run over a finished draft.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(
    r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    # Cloudflare's e-mail obfuscation leaves this placeholder in scraped pages.
    r"|\[email\s*protected\]",
    re.IGNORECASE,
)
# A telephone number: an international "+" form, a "(area)" form, or national digit groups
# joined by dashes or spaces (03-5282-5162, 090 2301 4372). ISO dates (2018-06-07), years
# in a row and counts with thousands commas do not match: dates have 4-2-2 groups and
# neither commas nor dots are separators here.
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}"
    r"|\(\d{2,5}\)\s?\d{2,4}[\s-]\d{3,5}"
    r"|0\d{1,4}[-\s]\d{2,5}[-\s]\d{3,5}"
    r"|\d{3}-\d{3}-\d{4}"
    r")(?:\s*\((?:mobile|cell|office|fax|tel)\))?(?!\w)",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(r"(?:\s*(?:[;:,]|\bor\b|\band\b)|\s+\.)+\s*$|\(\s*\)")
_LABEL = re.compile(r"\b(?:tel|phone|mobile|cell|fax|e-?mail)\s*[:.]?\s*$", re.IGNORECASE)


def _is_phone(match: re.Match[str]) -> bool:
    return sum(c.isdigit() for c in match.group()) >= 7


def strip_contacts(text: str) -> tuple[str, int]:
    """The text without e-mail addresses and telephone numbers, and how many were cut.

    Only the lines that held a contact are tidied (a dangling "; or" or "Tel:" goes too).
    """
    lines = []
    removed = 0
    for line in text.split("\n"):
        cut, emails = _EMAIL.subn("", line)
        cut, phones = _PHONE.subn(lambda m: "" if _is_phone(m) else m.group(), cut)
        if emails or phones:
            removed += emails + phones
            for _ in range(3):
                cut = _LABEL.sub("", _LEFTOVER.sub("", cut.rstrip()))
            cut = re.sub(r"[ \t]{2,}", " ", cut).rstrip()
        lines.append(cut)
    return "\n".join(lines), removed


def find_contacts(text: str) -> list[str]:
    """E-mail addresses and telephone numbers in `text` (a draft must have none)."""
    found = [m.group() for m in _EMAIL.finditer(text)]
    found += [m.group() for m in _PHONE.finditer(text) if _is_phone(m)]
    return found
