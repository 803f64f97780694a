"""The usage log's storage: table layout, migrations, and how times are written.

`MIGRATIONS[n]` upgrades a file at `PRAGMA user_version` n to n + 1, so an older database
is upgraded in place and keeps every row.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Final

import aiosqlite

# What a broken database raises: aiosqlite reports a connection it lost as ValueError.
DB_ERRORS: Final = (sqlite3.Error, OSError, ValueError)
# Fixed-width, so timestamps compare correctly as strings, and readable in the sqlite3 shell.
TIME_FORMAT: Final = "%Y-%m-%d %H:%M:%S.%f"


def utc(moment: datetime | None) -> datetime:
    """`moment` in UTC (now when None; a naive time is taken as UTC)."""
    if moment is None:
        return datetime.now(UTC)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def stamp(moment: datetime | None) -> str:
    """The stored text of a moment."""
    return utc(moment).strftime(TIME_FORMAT)


def parse_stamp(text: str) -> datetime:
    """The moment a stored text stands for."""
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)


#: MIGRATIONS[n] upgrades a file at `PRAGMA user_version` n to n + 1. Append; never edit a
#: shipped step, since files in the field were built by it.
MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    # 0 → 1: the first release logged commands only.
    (
        """
        CREATE TABLE usage (
            id           INTEGER PRIMARY KEY,
            at           TEXT    NOT NULL,  -- UTC, 'YYYY-MM-DD HH:MM:SS.ffffff'
            guild_id     INTEGER,           -- NULL outside a guild
            user_hash    TEXT    NOT NULL,  -- hex HMAC-SHA256 of the user id
            command      TEXT    NOT NULL,
            params       TEXT    NOT NULL DEFAULT '{}',  -- JSON, other options
            question     TEXT,              -- normalised free text, for grouping
            result_count INTEGER NOT NULL DEFAULT 0,
            latency_ms   INTEGER NOT NULL,
            outcome      TEXT    NOT NULL
                CHECK (outcome IN ('answered', 'nothing_found', 'refused', 'error'))
        )
        """,
        "CREATE INDEX usage_at ON usage (at)",
    ),
    # 1 → 2: where a command ran, and feedback votes.
    (
        "ALTER TABLE usage ADD COLUMN channel_kind TEXT NOT NULL DEFAULT 'unknown'",
        "CREATE INDEX usage_guild_at ON usage (guild_id, at)",
        # forget() looks rows up by user.
        "CREATE INDEX usage_user_hash ON usage (user_hash)",
        """
        CREATE TABLE votes (
            answer_id TEXT    NOT NULL,  -- chosen by the front end, one per answer shown
            user_hash TEXT    NOT NULL,
            helpful   INTEGER NOT NULL CHECK (helpful IN (0, 1)),
            question  TEXT,              -- normalised, so not-helpful ones join the gaps
            guild_id  INTEGER,
            at        TEXT    NOT NULL,  -- of the latest vote
            PRIMARY KEY (answer_id, user_hash)
        )
        """,
        "CREATE INDEX votes_at ON votes (at)",
        "CREATE INDEX votes_user_hash ON votes (user_hash)",
    ),
    # 2 → 3: the outcome 'invalid' (a user's mistake, told apart from refusals and
    # failures). SQLite cannot change a CHECK constraint, so the table is rebuilt with the
    # same columns in the same order (channel_kind last, as step 2 left it), ids kept.
    (
        """
        CREATE TABLE usage_v3 (
            id           INTEGER PRIMARY KEY,
            at           TEXT    NOT NULL,
            guild_id     INTEGER,
            user_hash    TEXT    NOT NULL,
            command      TEXT    NOT NULL,
            params       TEXT    NOT NULL DEFAULT '{}',
            question     TEXT,
            result_count INTEGER NOT NULL DEFAULT 0,
            latency_ms   INTEGER NOT NULL,
            outcome      TEXT    NOT NULL CHECK (outcome IN
                ('answered', 'nothing_found', 'refused', 'invalid', 'error')),
            channel_kind TEXT    NOT NULL DEFAULT 'unknown'
        )
        """,
        """
        INSERT INTO usage_v3 (id, at, guild_id, user_hash, command, params, question,
                              result_count, latency_ms, outcome, channel_kind)
        SELECT id, at, guild_id, user_hash, command, params, question, result_count,
               latency_ms, outcome, channel_kind FROM usage
        """,
        "DROP TABLE usage",
        "ALTER TABLE usage_v3 RENAME TO usage",
        "CREATE INDEX usage_at ON usage (at)",
        "CREATE INDEX usage_guild_at ON usage (guild_id, at)",
        "CREATE INDEX usage_user_hash ON usage (user_hash)",
    ),
)
SCHEMA_VERSION: Final = len(MIGRATIONS)

INSERT_USAGE: Final = """
    INSERT INTO usage (at, guild_id, channel_kind, user_hash, command, params, question,
                       result_count, latency_ms, outcome)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
# Re-voting replaces the vote: the key is (answer, user).
UPSERT_VOTE: Final = """
    INSERT INTO votes (answer_id, user_hash, helpful, question, guild_id, at)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (answer_id, user_hash) DO UPDATE SET
        helpful = excluded.helpful, question = excluded.question,
        guild_id = excluded.guild_id, at = excluded.at
"""


async def user_version(db: aiosqlite.Connection) -> int:
    """The file's schema version."""
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def migrate(db: aiosqlite.Connection) -> None:
    """Upgrade the file to `SCHEMA_VERSION` in one transaction, keeping every row."""
    if await user_version(db) == SCHEMA_VERSION:
        return
    await db.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have migrated meanwhile.
        version = await user_version(db)
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                f"schema version {version} is newer than this bot's {SCHEMA_VERSION}"
            )
        for step in MIGRATIONS[version:]:
            for sql in step:
                await db.execute(sql)
        # PRAGMA takes no parameters; SCHEMA_VERSION is our own integer.
        await db.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
        await db.execute("COMMIT")
    except BaseException:
        await rollback(db)
        raise


async def rollback(db: aiosqlite.Connection) -> None:
    """Roll back if a transaction is open; never raises."""
    # A failed BEGIN leaves nothing to roll back; any other failure here is already moot.
    try:
        await db.execute("ROLLBACK")
    except DB_ERRORS:
        pass
