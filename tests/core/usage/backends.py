"""The two usage stores as the tests see them: a way to build one, count rows, break it.

`backend` (in conftest) is parametrised over both, so every behaviour that is not about
one storage's own faults is tested on an SQLite file and on a real PostgreSQL database.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any, Protocol

import psycopg

from bot.core.usage.storage import UsageStore
from bot.core.usage.storage.postgres import PostgresUsageStore
from bot.core.usage.storage.sqlite import SqliteUsageStore
from tests.postgres import set_reachable

Undo = Callable[[], None]


class Backend(Protocol):
    """One kind of usage storage, with what the tests need to look inside and break it."""

    name: str

    def store(self, busy_timeout: float = 0.05) -> UsageStore:
        """A new store over the same database."""
        ...

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """Rows of a query run with a plain connection of the database's own driver."""
        ...

    def outage(self) -> Undo:
        """Make the database unreachable, as an operator's mistake or a crash would."""
        ...


def count(backend: Backend, table: str = "usage") -> int:
    """Rows in a table."""
    return int(backend.rows(f"SELECT COUNT(*) FROM {table}")[0][0])  # noqa: S608


class SqliteBackend:
    """An SQLite file in a folder of its own, so an outage can remove the folder."""

    name = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path

    def store(self, busy_timeout: float = 0.05) -> UsageStore:  # noqa: D102
        return SqliteUsageStore(self.path, busy_timeout)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:  # noqa: D102
        with closing(sqlite3.connect(self.path)) as db:
            return [tuple(row) for row in db.execute(sql).fetchall()]

    def outage(self) -> Undo:
        """Remove the database's folder, as an unmounted volume would; undo recreates it."""
        shutil.rmtree(self.path.parent)
        return lambda: self.path.parent.mkdir()


class PostgresBackend:
    """A database of its own on the test server."""

    name = "postgres"

    def __init__(self, url: str) -> None:
        self.url = url

    def store(self, busy_timeout: float = 0.05) -> UsageStore:  # noqa: D102
        return PostgresUsageStore(self.url)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:  # noqa: D102
        with psycopg.connect(self.url) as db:
            return [tuple(row) for row in db.execute(sql).fetchall()]  # type: ignore[call-overload]

    def outage(self) -> Undo:
        """Refuse connections to the database and cut the open ones; undo lets them in."""
        set_reachable(self.url, False)
        return lambda: set_reachable(self.url, True)
