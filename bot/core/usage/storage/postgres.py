"""The usage log in PostgreSQL: one database shared by every bot process and the CLI.

The same rows as the SQLite file, with moments as `timestamptz`; statistics over them
therefore cover every shard on every host. Migrations are versioned like the file's
(`MIGRATIONS[n]` takes version n to n + 1, see `bot.core.storage.postgres`). A broken
connection is dropped, and the next write opens a new one: the log reconnects by itself.

Deleted rows stay on disk until PostgreSQL vacuums the table (autovacuum does so within
minutes on a busy table); docs/deploying.md says how to force it after a `forget`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import date
from typing import Any, Final

import psycopg

from bot.core.storage.postgres import (
    DB_ERRORS,
    SchemaTooNewError,
    connect_async,
    migrate_async,
    redact_url,
)
from bot.core.usage.events import UsageRow, VoteRow
from bot.core.usage.stats import StatsQueries, UsageStats, query_stats

log = logging.getLogger(__name__)

COMPONENT: Final = "usage"
#: Seconds one write, delete or statistics call may take before the connection is given
#: up as hung (a server that stopped answering without closing the socket).
OPERATION_TIMEOUT: Final = 20.0

#: MIGRATIONS[n] upgrades the tables from version n to n + 1. Append; never edit a
#: shipped step, since databases in the field were built by it.
MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    # 0 → 1: the SQLite file's version 2 (commands with channel kinds, and votes).
    (
        """
        CREATE TABLE usage (
            id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at           TIMESTAMPTZ NOT NULL,
            guild_id     BIGINT,            -- NULL outside a guild
            channel_kind TEXT    NOT NULL DEFAULT 'unknown',
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
        "CREATE INDEX usage_guild_at ON usage (guild_id, at)",
        "CREATE INDEX usage_user_hash ON usage (user_hash)",
        """
        CREATE TABLE votes (
            answer_id TEXT     NOT NULL,  -- chosen by the front end, one per answer shown
            user_hash TEXT     NOT NULL,
            helpful   SMALLINT NOT NULL CHECK (helpful IN (0, 1)),
            question  TEXT,               -- normalised, so not-helpful ones join the gaps
            guild_id  BIGINT,
            at        TIMESTAMPTZ NOT NULL,  -- of the latest vote
            PRIMARY KEY (answer_id, user_hash)
        )
        """,
        "CREATE INDEX votes_at ON votes (at)",
        "CREATE INDEX votes_user_hash ON votes (user_hash)",
    ),
    # 1 → 2: the outcome 'invalid' (a user's mistake, told apart from refusals and
    # failures). PostgreSQL named the column's CHECK constraint usage_outcome_check.
    (
        "ALTER TABLE usage DROP CONSTRAINT usage_outcome_check",
        """
        ALTER TABLE usage ADD CONSTRAINT usage_outcome_check CHECK (outcome IN
            ('answered', 'nothing_found', 'refused', 'invalid', 'error'))
        """,
    ),
)
SCHEMA_VERSION: Final = len(MIGRATIONS)

_INSERT_USAGE: Final = """
    INSERT INTO usage (at, guild_id, channel_kind, user_hash, command, params, question,
                       result_count, latency_ms, outcome)
    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
"""
# Re-voting replaces the vote: the key is (answer, user).
_UPSERT_VOTE: Final = """
    INSERT INTO votes (answer_id, user_hash, helpful, question, guild_id, at)
    VALUES (%s, %s, %s, %s, %s, %s)
    ON CONFLICT (answer_id, user_hash) DO UPDATE SET
        helpful = excluded.helpful, question = excluded.question,
        guild_id = excluded.guild_id, at = excluded.at
"""
_DELETES: Final = {
    "at": ("DELETE FROM usage WHERE at < %s", "DELETE FROM votes WHERE at < %s"),
    "user_hash": (
        "DELETE FROM usage WHERE user_hash = %s",
        "DELETE FROM votes WHERE user_hash = %s",
    ),
}

# The period's moments arrive as UTC stamps; the session's TimeZone is UTC, so they read as
# UTC and days and moments come back as the same text SQLite returns. Text is ordered
# byte-wise (COLLATE "C"), as SQLite orders it, whatever the database's locale.
_PERIOD: Final = (
    "at >= %(start)s::timestamptz AND at < %(end)s::timestamptz "
    "AND (%(guild)s::bigint IS NULL OR guild_id = %(guild)s::bigint)"
)


def _in_period(sql: str) -> str:
    """`sql` with each PERIOD replaced by the period's condition (our own constant text)."""
    return sql.replace("PERIOD", _PERIOD)


POSTGRES_STATS: Final = StatsQueries(
    per_day=_in_period(
        "SELECT to_char(at, 'YYYY-MM-DD'), outcome, COUNT(*) FROM usage WHERE PERIOD GROUP BY 1, 2"
    ),
    per_command=_in_period("""
        SELECT command, COUNT(*) FROM usage WHERE PERIOD
        GROUP BY command ORDER BY 2 DESC, command COLLATE "C"
    """),
    outcomes=_in_period("SELECT outcome, COUNT(*) FROM usage WHERE PERIOD GROUP BY outcome"),
    votes=_in_period("SELECT helpful, COUNT(*) FROM votes WHERE PERIOD GROUP BY helpful"),
    top_questions=_in_period("""
        SELECT question, COUNT(*) FROM usage WHERE PERIOD AND question IS NOT NULL
        GROUP BY question ORDER BY 2 DESC, question COLLATE "C" LIMIT %(limit)s
    """),
    gaps=_in_period("""
        SELECT question, SUM(found), SUM(unhelpful),
               to_char(MAX(at), 'YYYY-MM-DD HH24:MI:SS.US') FROM (
            SELECT question, 1 AS found, 0 AS unhelpful, at FROM usage
            WHERE PERIOD AND outcome = 'nothing_found' AND question IS NOT NULL
            UNION ALL
            SELECT question, 0, 1, at FROM votes
            WHERE PERIOD AND helpful = 0 AND question IS NOT NULL
        ) AS misses
        GROUP BY question
        ORDER BY SUM(found) + SUM(unhelpful) DESC, MAX(at) DESC, question COLLATE "C"
        LIMIT %(limit)s
    """),
    latency_at=_in_period("""
        SELECT latency_ms FROM usage WHERE PERIOD
        ORDER BY latency_ms LIMIT 1 OFFSET %(offset)s
    """),
)


class PostgresUsageStore:
    """The usage log's rows in a shared PostgreSQL database."""

    # A schema from a newer bot is a fault like any other: rows are dropped, never written
    # into tables this version does not understand.
    errors: tuple[type[BaseException], ...] = (*DB_ERRORS, TimeoutError, SchemaTooNewError)

    def __init__(self, url: str) -> None:
        self._url = url
        self._db: psycopg.AsyncConnection | None = None

    def describe(self) -> str:  # noqa: D102 - see UsageStore
        return redact_url(self._url)

    def prepare(self) -> None:
        """Nothing to prepare: the database exists or the operator creates it."""

    async def connect(self) -> None:  # noqa: D102 - see UsageStore
        await self._connection()

    async def write(self, usage: list[UsageRow], votes: list[VoteRow]) -> None:  # noqa: D102
        async with asyncio.timeout(OPERATION_TIMEOUT):
            db = await self._connection()
            async with db.transaction(), db.cursor() as cursor:
                if usage:
                    await cursor.executemany(_INSERT_USAGE, usage)
                if votes:  # in arrival order, so the latest re-vote wins
                    await cursor.executemany(_UPSERT_VOTE, votes)

    async def delete(self, column: str, value: str) -> int:  # noqa: D102 - see UsageStore
        removed = 0
        async with asyncio.timeout(OPERATION_TIMEOUT):
            db = await self._connection()
            async with db.transaction():
                for sql in _DELETES[column]:
                    cursor = await db.execute(sql, (value,))
                    removed += max(cursor.rowcount, 0)
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
        async with asyncio.timeout(OPERATION_TIMEOUT):
            db = await self._connection()

            async def fetch(sql: str, parameters: Any) -> list[tuple[Any, ...]]:
                cursor = await db.execute(sql, parameters)
                return [tuple(row) for row in await cursor.fetchall()]

            # One snapshot for every query, as SQLite's single reader gives.
            async with db.transaction():
                await db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                return await query_stats(
                    fetch, POSTGRES_STATS, period, guild_id, days, first_day, top, gap_limit
                )

    async def disconnect(self) -> None:  # noqa: D102 - see UsageStore
        db, self._db = self._db, None
        if db is not None:
            with contextlib.suppress(*DB_ERRORS):
                await db.close()

    async def _connection(self) -> psycopg.AsyncConnection:
        if self._db is not None and self._db.broken:
            await self.disconnect()
        if self._db is None:
            db = await connect_async(self._url)
            try:
                await migrate_async(db, COMPONENT, MIGRATIONS)
            except BaseException:
                with contextlib.suppress(*DB_ERRORS):
                    await db.close()
                raise
            self._db = db
        return self._db
