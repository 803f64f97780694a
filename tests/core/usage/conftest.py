"""The usage tests' storage: every backend-neutral test runs on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.usage.backends import Backend, PostgresBackend, SqliteBackend


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """An empty usage database: a file, or a fresh PostgreSQL database (started lazily)."""
    if request.param == "sqlite":
        return SqliteBackend(tmp_path / "data" / "usage.sqlite3")
    return PostgresBackend(request.getfixturevalue("postgres_url"))
