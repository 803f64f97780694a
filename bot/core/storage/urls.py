"""Database URLs: checked before anything connects, and shown without their password.

Apart from the driver, so reading the settings does not import it.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import SplitResult, urlsplit, urlunsplit

#: Schemes a `database_url` may use (libpq accepts both).
SCHEMES: Final = ("postgresql", "postgres")


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a database URL, or None when it looks usable."""
    if any(char.isspace() for char in url) or "\0" in url:
        return "must not contain spaces or control characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        return f"is not a URL ({exc})"
    if parts.scheme not in SCHEMES:
        return "must start with postgresql://"
    if not parts.path.strip("/"):
        return "must name a database, as in postgresql://host/campaign_bot"
    return None


def redact_url(url: str) -> str:
    """The URL with its password replaced, for logs, errors and printed settings."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "postgresql://(unreadable URL)"
    if parts.password is None:
        return urlunsplit(parts._replace(query=_redacted_query(parts)))
    user = parts.username or ""
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    netloc = f"{user}:***@{host}" + (f":{port}" if port else "")
    return urlunsplit(SplitResult(parts.scheme, netloc, parts.path, _redacted_query(parts), ""))


def _redacted_query(parts: SplitResult) -> str:
    # libpq also takes the password as ?password=…; never show it.
    pairs = [pair for pair in parts.query.split("&") if pair]
    return "&".join(
        "password=***" if pair.lower().startswith("password=") else pair for pair in pairs
    )
