"""Connecting to PostgreSQL, and versioned migrations like the SQLite files' `user_version`.

Every component (the usage log, the moderators' store) keeps its schema version in one
row of `schema_versions`; `MIGRATIONS[n]` upgrades version n to n + 1. Migrating runs in
one transaction under an advisory lock, so processes starting together on several hosts
upgrade the schema once and never see half of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import psycopg

from bot.core.errors import CampaignBotError
from bot.core.storage.urls import redact_url, url_problem

__all__ = [
    "CONNECT_TIMEOUT",
    "DB_ERRORS",
    "DatabaseUnavailableError",
    "SchemaTooNewError",
    "connect",
    "connect_async",
    "migrate",
    "migrate_async",
    "redact_url",
    "url_problem",
]

#: Seconds to wait for the server to answer a new connection: a down database must fail
#: a write in seconds, not hang a moderator's command for the TCP timeout.
CONNECT_TIMEOUT: Final = 5
#: Milliseconds one statement may run before the server cancels it (a stuck lock, a
#: hung server): the same bound as the file store's writers' lock.
STATEMENT_TIMEOUT_MS: Final = 15_000
#: What a broken connection or a down server raises.
DB_ERRORS: Final = (psycopg.Error, OSError)
#: Key of the advisory lock that serialises migrations (any constant; "campaign").
_MIGRATION_LOCK: Final = 0x63616D706169676E

_VERSIONS_TABLE: Final = """
    CREATE TABLE IF NOT EXISTS schema_versions (
        component TEXT PRIMARY KEY,   -- 'usage', 'moderation'
        version   INTEGER NOT NULL
    )
"""
_READ_VERSION: Final = "SELECT version FROM schema_versions WHERE component = %s"
_WRITE_VERSION: Final = """
    INSERT INTO schema_versions (component, version) VALUES (%s, %s)
    ON CONFLICT (component) DO UPDATE SET version = excluded.version
"""

Migrations = Sequence[Sequence[str]]


class DatabaseUnavailableError(CampaignBotError):
    """The shared database cannot be reached; nothing was written."""


class SchemaTooNewError(CampaignBotError):
    """The database was migrated by a newer version of the bot; this one leaves it alone."""


def _options() -> str:
    # UTC, so the stored text of a moment and the server's reading of it agree.
    return f"-c TimeZone=UTC -c statement_timeout={STATEMENT_TIMEOUT_MS}"


def connect(url: str, *, autocommit: bool = True) -> psycopg.Connection:
    """A blocking connection (the moderators' store runs on a worker thread)."""
    return psycopg.connect(
        url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT, options=_options()
    )


async def connect_async(url: str) -> psycopg.AsyncConnection:
    """An asyncio connection (the usage log's writer runs on the event loop)."""
    return await psycopg.AsyncConnection.connect(
        url, autocommit=True, connect_timeout=CONNECT_TIMEOUT, options=_options()
    )


def migrate(db: psycopg.Connection, component: str, migrations: Migrations) -> int:
    """Bring `component`'s tables to `len(migrations)`, keeping every row; return the version.

    Raises `SchemaTooNewError` when a newer bot already migrated further.
    """
    target = len(migrations)
    with db.transaction():
        db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        db.execute(_VERSIONS_TABLE)
        row = db.execute(_READ_VERSION, (component,)).fetchone()
        version = int(row[0]) if row else 0
        _check_version(component, version, target)
        for step in migrations[version:]:
            for sql in step:
                db.execute(sql)  # our own constant SQL
        if version != target:
            db.execute(_WRITE_VERSION, (component, target))
    return target


async def migrate_async(db: psycopg.AsyncConnection, component: str, migrations: Migrations) -> int:
    """`migrate` on an asyncio connection."""
    target = len(migrations)
    async with db.transaction():
        await db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        await db.execute(_VERSIONS_TABLE)
        cursor = await db.execute(_READ_VERSION, (component,))
        row = await cursor.fetchone()
        version = int(row[0]) if row else 0
        _check_version(component, version, target)
        for step in migrations[version:]:
            for sql in step:
                await db.execute(sql)  # our own constant SQL
        if version != target:
            await db.execute(_WRITE_VERSION, (component, target))
    return target


def _check_version(component: str, version: int, target: int) -> None:
    if version > target:
        raise SchemaTooNewError(
            f"the {component} tables are at schema version {version}, "
            f"newer than this bot's {target}; upgrade the bot"
        )
