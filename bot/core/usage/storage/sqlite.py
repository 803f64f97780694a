"""The usage log in an SQLite file: the embedded default, one file per host.

The file is opened in WAL mode with `secure_delete`, its schema migrated by `PRAGMA
user_version` (see `bot.core.usage.schema`). A file deleted or replaced under a running
log is noticed by its inode and reopened, so logging resumes by itself.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import date
from pathlib import Path
from typing import Any

import aiosqlite

from bot.core.usage.events import UsageRow, VoteRow
from bot.core.usage.schema import DB_ERRORS, INSERT_USAGE, UPSERT_VOTE, migrate, rollback
from bot.core.usage.stats import SQLITE_STATS, UsageStats, query_stats

log = logging.getLogger(__name__)

_DELETES = {
    "at": ("DELETE FROM usage WHERE at < ?", "DELETE FROM votes WHERE at < ?"),
    "user_hash": ("DELETE FROM usage WHERE user_hash = ?", "DELETE FROM votes WHERE user_hash = ?"),
}


class SqliteUsageStore:
    """The usage log's rows in one SQLite file."""

    errors: tuple[type[BaseException], ...] = DB_ERRORS

    def __init__(self, path: Path, busy_timeout: float = 2.0) -> None:
        """`busy_timeout` bounds how long a write waits for another process's lock."""
        self.path = path
        self._busy_timeout = busy_timeout
        self._db: aiosqlite.Connection | None = None
        # (st_dev, st_ino) of the file we opened, to notice it was deleted or replaced.
        self._file_id: tuple[int, int] | None = None

    def describe(self) -> str:  # noqa: D102 - see UsageStore
        return str(self.path)

    def prepare(self) -> None:  # noqa: D102 - see UsageStore
        # If this fails, opening fails later, is logged, and is retried by the writer.
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)

    async def connect(self) -> None:  # noqa: D102 - see UsageStore
        await self._connection()

    async def write(self, usage: list[UsageRow], votes: list[VoteRow]) -> None:  # noqa: D102
        db = await self._connection()
        await db.execute("BEGIN IMMEDIATE")
        try:
            if usage:
                await db.executemany(INSERT_USAGE, usage)
            if votes:
                await db.executemany(UPSERT_VOTE, votes)
            await db.execute("COMMIT")
        except Exception:
            await rollback(db)
            raise

    async def delete(self, column: str, value: str) -> int:  # noqa: D102 - see UsageStore
        db = await self._connection()
        await db.execute("BEGIN IMMEDIATE")
        removed = 0
        try:
            for sql in _DELETES[column]:
                cursor = await db.execute(sql, (value,))
                removed += cursor.rowcount
            await db.execute("COMMIT")
        except Exception:
            await rollback(db)
            raise
        return removed

    async def stats(
        self,
        period: dict[str, Any],
        guild_id: int | None,
        days: int,
        first_day: date,
        top: int,
        gap_limit: int,
    ) -> UsageStats:
        """The statistics of a period (see `query_stats`)."""
        db = await self._connection()

        async def fetch(sql: str, parameters: Any) -> list[tuple[Any, ...]]:
            return [tuple(row) for row in await db.execute_fetchall(sql, parameters)]

        return await query_stats(
            fetch, SQLITE_STATS, period, guild_id, days, first_day, top, gap_limit
        )

    async def disconnect(self) -> None:  # noqa: D102 - see UsageStore
        db, self._db, self._file_id = self._db, None, None
        if db is not None:
            try:
                await db.close()
            except DB_ERRORS as exc:  # a broken file may fail that too; nothing is left
                log.debug("Closing the usage log failed: %s", exc)

    async def _connection(self) -> aiosqlite.Connection:
        current = _file_id(self.path)
        if self._db is not None and (current is None or current != self._file_id):
            # Deleted or replaced under us: writes would go to an unlinked inode. Closing
            # first also removes the old -wal, which must not be replayed into a new file.
            log.warning("Usage log %s was deleted or replaced; reopening it.", self.path)
            await self.disconnect()
        if self._db is None:
            self._db = await _open(self.path, self._busy_timeout)
            self._file_id = _file_id(self.path)
        return self._db


def _file_id(path: Path) -> tuple[int, int] | None:
    """(st_dev, st_ino) of the file at `path`, or None: tells a replaced file from ours."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def _check_openable(path: Path) -> None:
    """Raise for the common faults before SQLite sees them: clearer, and no thread to reap."""
    if not path.parent.is_dir():
        raise FileNotFoundError(f"the directory {path.parent} does not exist")
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a directory")


async def _open(path: Path, busy_timeout: float) -> aiosqlite.Connection:
    """Open the database in WAL mode, creating or upgrading its schema."""
    _check_openable(path)
    # isolation_level=None: we issue BEGIN and COMMIT ourselves.
    db = await aiosqlite.connect(path, timeout=busy_timeout, isolation_level=None)
    try:
        # WAL lets the statistics read while the writer writes; NORMAL is durable enough
        # for a usage log and far cheaper than FULL.
        await db.execute("PRAGMA journal_mode = WAL")
        await db.execute("PRAGMA synchronous = NORMAL")
        # Deleted rows are overwritten with zeros, so what `forget` removes (a user's
        # questions) is gone from the file, not left in free space for anyone to read.
        await db.execute("PRAGMA secure_delete = ON")
        await migrate(db)
    except BaseException:
        with contextlib.suppress(*DB_ERRORS):
            await db.close()
        raise
    return db
