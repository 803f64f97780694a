"""Opening the usage database: checks before SQLite sees the path, pragmas, schema.

Plain functions, called by `UsageLog` with its lock held.
"""

from __future__ import annotations

import logging
from pathlib import Path

import aiosqlite

from bot.core.usage.schema import DB_ERRORS, migrate

log = logging.getLogger(__name__)


def file_id(path: Path) -> tuple[int, int] | None:
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


async def open_database(path: Path, busy_timeout: float) -> aiosqlite.Connection:
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
        await close_quietly(db)
        raise
    return db


async def close_quietly(db: aiosqlite.Connection) -> None:
    """Close a connection; a broken file may fail that too, and nothing is left to save."""
    try:
        await db.close()
    except DB_ERRORS as exc:
        log.debug("Closing the usage log failed: %s", exc)
