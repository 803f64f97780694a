"""Checks on one value a moderator typed or imported: its text, its source, its link.

Each check returns the reason the value is refused (a sentence fragment the form puts
after the field's label), or None. Nothing here guesses or repairs: a value that cannot
be stored as typed is refused with a message saying why.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import unicodedata
from typing import Any, Final
from urllib.parse import urlsplit

from bot.core.kb.dates import date_problem
from bot.core.search.names import normalize

#: Largest server id accepted. Discord ids are positive 64-bit snowflakes, and SQLite
#: stores integers as signed 64-bit: 2**63 - 1 is the most both can hold (snowflakes
#: reach it around 2084).
SNOWFLAKE_MAX: Final = 2**63 - 1

#: Control characters a text may hold: tab and line breaks (long fields keep paragraphs).
_ALLOWED_CONTROLS: Final = frozenset("\t\n\r")
#: Letters that render as blank space, the usual way to make a name look empty on Discord.
_BLANK_LETTERS: Final = frozenset("\u115f\u1160\u3164\uffa0\u2800")
#: Categories of characters a reader can see: letters, digits, punctuation, symbols.
_VISIBLE_CATEGORIES: Final = ("L", "N", "P", "S")
#: What makes a source field a link rather than "Publisher, date, title".
_URL = re.compile(r"^https?://", re.IGNORECASE)


def _visible(char: str) -> bool:
    return unicodedata.category(char).startswith(_VISIBLE_CATEGORIES) and (
        char not in _BLANK_LETTERS
    )


def _edge_blank(char: str) -> bool:
    """Whether a character may be trimmed from either end: space, format or blank letter."""
    return char.isspace() or char in _BLANK_LETTERS or unicodedata.category(char) == "Cf"


def trim(text: str) -> str:
    """`text` without leading and trailing whitespace and invisible characters (U+200B…)."""
    start, end = 0, len(text)
    while start < end and _edge_blank(text[start]):
        start += 1
    while end > start and _edge_blank(text[end - 1]):
        end -= 1
    return text[start:end]


def text_problem(text: str, multiline: bool) -> str | None:
    """Why `text` cannot be stored: control characters, line breaks, nothing visible."""
    controls = sorted({c for c in text if unicodedata.category(c) == "Cc"} - _ALLOWED_CONTROLS)
    if controls:
        shown = ", ".join(f"U+{ord(c):04X}" for c in controls[:3])
        return f"contains control characters ({shown}); remove them."
    if any(unicodedata.category(c) == "Cs" for c in text):
        return "contains broken characters (unpaired surrogates); retype it."
    if not multiline and any(c in "\n\r\u2028\u2029\x85" for c in text):
        return "must be one line."
    if not any(_visible(c) for c in text):
        return "has no visible characters (only spaces or invisible characters)."
    return None


def url_problem(url: str) -> str | None:
    """Why `url` is not a well-formed public http(s) link, or None."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises for a port outside 0-65535 or not a number
    except ValueError as exc:
        return f"is not a well-formed link ({exc})."
    if parts.scheme.casefold() not in ("http", "https"):
        return "must start with http:// or https://."
    if parts.username is not None or parts.password is not None:
        return "must not contain a user name or password."
    host = parts.hostname
    if not host:
        return "has no host name."
    if port == 0:
        return "has port 0, which no web server listens on."
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None:
        return None if address.is_global else "points at a private or local address."
    try:
        host.encode("idna")  # empty labels ("a..org") or labels over 63 characters fail
    except UnicodeError:
        return f"has a malformed host name “{host}”."
    if "." not in host.strip("."):
        return f"has the host “{host}”, which is not a public web address."
    return None


def parse_source(text: str, prefix: str, problems: list[str]) -> dict[str, Any] | None:
    """A source entry from "https://…" or "Publisher, date[, title]"."""
    text = text.strip()
    if _URL.match(text):
        problem = url_problem(text)
        if problem is not None:
            problems.append(f"Source: “{text[:100]}” {problem}")
            return None
        host = urlsplit(text).hostname or "web page"
        raw: dict[str, Any] = {"publisher": host.removeprefix("www."), "title": text, "url": text}
    else:
        parts = [trim(p) for p in text.split(",")]
        if len(parts) < 2 or not parts[0]:
            problems.append(
                "Source: give an http(s) URL, or “Publisher, date, title” "
                "(for example “Human Rights Watch, 2018-06-07, Joint letter”)."
            )
            return None
        publisher, date = parts[0], parts[1]
        reason = date_problem(date)
        if reason is not None:
            problems.append(f"Source date “{date}” {reason}")
            return None
        title = ", ".join(p for p in parts[2:] if p) or f"{publisher} ({date})"
        raw = {"publisher": publisher, "title": title, "date": date}
    digest = hashlib.sha256(normalize(text).encode()).hexdigest()[:10]
    return {"id": f"{prefix}src-{digest}", **raw}
