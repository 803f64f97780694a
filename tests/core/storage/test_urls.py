"""Database URLs: which are refused, and how a URL is shown without its password."""

from __future__ import annotations

import pytest

from bot.core.storage.urls import redact_url, url_problem


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://bot@db.internal:5432/campaign_bot",
        "postgres://localhost/campaign_bot",
        "postgresql://bot:pw@[::1]:5433/campaign_bot?sslmode=require",
        "postgresql:///campaign_bot?host=/run/postgresql",
    ],
)
def test_usable_urls_pass(url: str) -> None:
    """URLs libpq accepts, with a database named, have no problem."""
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("mysql://db/campaign_bot", "must start with postgresql://"),
        ("db.internal:5432", "must start with postgresql://"),
        ("postgresql://db.internal:5432", "must name a database"),
        ("postgresql://db.internal:5432/", "must name a database"),
        ("postgresql://db:99999/campaign_bot", "is not a URL"),
        ("postgresql://db/campaign bot", "must not contain spaces"),
    ],
)
def test_unusable_urls_say_why(url: str, problem: str) -> None:
    """A URL that cannot work is refused with the reason."""
    assert problem in (url_problem(url) or "")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://bot:s3cret@db:5432/cb", "postgresql://bot:***@db:5432/cb"),
        ("postgresql://bot@db/cb", "postgresql://bot@db/cb"),
        (
            "postgresql://db/cb?sslmode=require&password=s3cret",
            "postgresql://db/cb?sslmode=require&password=***",
        ),
        ("postgresql://:s3cret@db/cb", "postgresql://:***@db/cb"),
        ("postgresql://bot:s3cret@[::1]:5433/cb", "postgresql://bot:***@[::1]:5433/cb"),
    ],
)
def test_passwords_never_shown(url: str, shown: str) -> None:
    """The password, in the user part or the query, is replaced by ***."""
    assert redact_url(url) == shown
