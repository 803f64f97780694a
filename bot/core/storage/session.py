"""One blocking PostgreSQL connection shared by a process's threads, reopened after a fault.

The moderators' store runs on the engine's worker thread, the CLI on its main thread; both
go through `Session.use`, which hands out the connection under a re-entrant lock, opens it
(and migrates the schema) on first use, and turns a lost server into one clear error.
While a caller holds `pinned()` (the writers' advisory lock lives on this connection) the
connection is never silently replaced: a new one would not hold the lock.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from bot.core.storage.postgres import (
    DatabaseUnavailableError,
    Migrations,
    connect,
    migrate,
    redact_url,
)

log = logging.getLogger(__name__)

#: What means "the server is gone or unreachable", as opposed to a bug in a query.
_LOST: tuple[type[BaseException], ...] = (
    psycopg.OperationalError,
    psycopg.InterfaceError,
    OSError,
    TimeoutError,
)


class Session:
    """A lazily opened, self-healing connection to one database, for one component."""

    def __init__(self, url: str, component: str, migrations: Migrations) -> None:
        self.url = url
        self._component = component
        self._migrations = migrations
        self._db: psycopg.Connection | None = None
        self._lock = threading.RLock()
        self._pinned = 0
        self._down = False

    def describe(self) -> str:
        """The database, for messages (never the password)."""
        return redact_url(self.url)

    @contextmanager
    def use(self) -> Iterator[psycopg.Connection]:
        """The connection, for this thread alone until the block ends.

        Raises `DatabaseUnavailableError` when the server cannot be reached or the
        connection broke; the next call opens a new one (unless pinned).
        """
        with self._lock:
            try:
                yield self._connection()
            except _LOST as exc:
                self._lost(exc)
                raise DatabaseUnavailableError(
                    f"The shared database ({self.describe()}) cannot be reached right now, so "
                    "nothing was changed; try again in a moment."
                ) from exc
            else:
                if self._down:
                    self._down = False
                    log.warning("The shared database %s is reachable again.", self.describe())

    @contextmanager
    def pinned(self) -> Iterator[psycopg.Connection]:
        """`use`, and no reconnection until the block ends (session state lives on it)."""
        with self.use() as db:
            self._pinned += 1
            try:
                yield db
            finally:
                self._pinned -= 1

    def _connection(self) -> psycopg.Connection:
        if self._db is not None and (self._db.closed or self._db.broken):
            if self._pinned:
                raise psycopg.OperationalError("the connection holding the writers' lock broke")
            self._close()
        if self._db is None:
            db = connect(self.url)
            try:
                migrate(db, self._component, self._migrations)
            except BaseException:
                with contextlib.suppress(psycopg.Error):
                    db.close()
                raise
            self._db = db
        return self._db

    def _lost(self, exc: BaseException) -> None:
        # One warning per outage; the store keeps serving what it already read.
        if not self._down:
            self._down = True
            log.warning(
                "The shared database %s is unreachable: %s",
                self.describe(),
                " ".join(str(exc).split()) or type(exc).__name__,
            )
        if not self._pinned:
            self._close()

    def _close(self) -> None:
        db, self._db = self._db, None
        if db is not None:
            with contextlib.suppress(psycopg.Error, OSError):
                db.close()

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._close()
