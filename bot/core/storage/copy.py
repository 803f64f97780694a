"""Copy a deployment's shared state between files and PostgreSQL, both ways.

`campaign-bot db copy --to postgres` moves a one-host deployment (entry files, the SQLite
change log, the SQLite usage log) into an empty database; `--to files` brings a database
back into empty files. Change ids are kept, so history and undo go on where they were;
usage rows and votes are kept with their times. The copy refuses a target that already
holds anything, so it never merges two histories; on the PostgreSQL side it is one
transaction. Exports for people (YAML, CSV) stay what `kb export` writes.
"""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from bot.core.errors import CampaignBotError
from bot.core.kb.corpus import atomic_write_text
from bot.core.kb.files import read_text
from bot.core.kb.schema import PLURALS, SECTION_OF
from bot.core.moderation.changelog import ChangeLog
from bot.core.moderation.community import CHANGELOG_NAME, CommunityStore
from bot.core.moderation.postgres import schema as moderation_schema
from bot.core.storage.postgres import connect, migrate
from bot.core.usage.schema import stamp
from bot.core.usage.storage import postgres as usage_postgres
from bot.core.usage.storage.sqlite import SqliteUsageStore

#: Tables the copy fills; each must be empty beforehand.
_TABLES = ("community_entries", "community_changes", "usage", "votes")
_COUNT = {table: f"SELECT COUNT(*) FROM {table}" for table in _TABLES}  # noqa: S608 - constant names

# Every statement spelled out: the same columns on both sides, after migrating both.
_READ_CHANGES_SQLITE = (
    "SELECT id, batch, guild_id, at, actor_id, actor_name, action, entry_id, kind, "
    "summary, before, after, status, undoes, change_id, title, undone_by FROM changes "
    "WHERE status <> 'pending' ORDER BY id"
)
_READ_CHANGES_PG = (
    "SELECT id, batch, guild_id, at, actor_id, actor_name, action, entry_id, kind, "
    "summary, before, after, status, undoes, change_id, title, undone_by FROM "
    "community_changes WHERE status <> 'pending' ORDER BY id"
)
_WRITE_CHANGES_SQLITE = (
    "INSERT INTO changes (id, batch, guild_id, at, actor_id, actor_name, action, entry_id, "
    "kind, summary, before, after, status, undoes, change_id, title, undone_by) VALUES (?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# undone_by (the last column read) points forward, so it is set once every change exists.
_WRITE_CHANGES_PG = (
    "INSERT INTO community_changes (id, batch, guild_id, at, actor_id, actor_name, action, "
    "entry_id, kind, summary, before, after, status, undoes, change_id, title) VALUES (%s, "
    "%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)
_LINK_UNDONE_PG = "UPDATE community_changes SET undone_by = %s WHERE id = %s"
_READ_USAGE = (
    "SELECT at, guild_id, channel_kind, user_hash, command, params, question, "
    "result_count, latency_ms, outcome FROM usage ORDER BY id"
)
_WRITE_USAGE_SQLITE = (
    "INSERT INTO usage (at, guild_id, channel_kind, user_hash, command, params, question, "
    "result_count, latency_ms, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_WRITE_USAGE_PG = (
    "INSERT INTO usage (at, guild_id, channel_kind, user_hash, command, params, question, "
    "result_count, latency_ms, outcome) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)
_READ_VOTES = (
    "SELECT answer_id, user_hash, helpful, question, guild_id, at FROM votes ORDER BY "
    "answer_id, user_hash"
)
_WRITE_VOTES_SQLITE = (
    "INSERT INTO votes (answer_id, user_hash, helpful, question, guild_id, at) VALUES (?, "
    "?, ?, ?, ?, ?)"
)
_WRITE_VOTES_PG = (
    "INSERT INTO votes (answer_id, user_hash, helpful, question, guild_id, at) VALUES (%s, "
    "%s, %s, %s, %s, %s)"
)
_READ_ENTRIES_PG = (
    "SELECT guild_id, kind, entry_id, body FROM community_entries ORDER BY guild_id, kind, entry_id"
)
_WRITE_ENTRIES_PG = (
    "INSERT INTO community_entries (guild_id, kind, entry_id, body) VALUES (%s, %s, %s, %s)"
)
# New changes continue after the copied ids (or start at 1 when none were copied).
_CONTINUE_IDS_PG = (
    "SELECT setval(pg_get_serial_sequence('community_changes', 'id'), "
    "GREATEST(COALESCE(MAX(id), 0), 1), MAX(id) IS NOT NULL) FROM community_changes"
)


@dataclass(frozen=True, slots=True)
class CopyReport:
    """How much was copied."""

    entries: int
    changes: int
    usage_rows: int
    votes: int

    def __str__(self) -> str:
        return (
            f"{self.entries} entries, {self.changes} changes, {self.usage_rows} usage rows "
            f"and {self.votes} votes"
        )


@dataclass(frozen=True, slots=True)
class _State:
    entries: list[tuple[int, str, str, str]]  # guild, kind, id, YAML
    changes: list[tuple[Any, ...]]
    usage: list[tuple[Any, ...]]
    votes: list[tuple[Any, ...]]

    def report(self) -> CopyReport:
        return CopyReport(len(self.entries), len(self.changes), len(self.usage), len(self.votes))


def copy_to_postgres(community_dir: Path, usage_db: Path, url: str) -> CopyReport:
    """Copy entry files, change log and usage log into an empty database."""
    store = CommunityStore(community_dir)
    try:
        with store.locked():  # no writer mid-copy; a dead writer's batch is rolled back first
            state = _read_files(community_dir, usage_db)
    finally:
        store.close()
    with connect(url) as db:
        _migrate(db)
        with db.transaction():
            for table in _TABLES:  # nobody writes between the check and the copy
                db.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
            _refuse_unless_empty(db)
            _write_postgres(db, state)
    return state.report()


def copy_to_files(url: str, community_dir: Path, usage_db: Path) -> CopyReport:
    """Copy a database's entries, change log and usage log into empty files."""
    if _has_files(community_dir) or usage_db.exists():
        raise CampaignBotError(
            f"{community_dir} or {usage_db} already holds state; copy into an empty "
            "community_dir and a usage_db that does not exist yet"
        )
    with connect(url) as db:
        _migrate(db)
        with db.transaction():
            db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            state = _read_postgres(db)
    _write_files(state, community_dir, usage_db)
    return state.report()


def _migrate(db: psycopg.Connection) -> None:
    migrate(db, moderation_schema.COMPONENT, moderation_schema.MIGRATIONS)
    migrate(db, usage_postgres.COMPONENT, usage_postgres.MIGRATIONS)


def _read_files(community_dir: Path, usage_db: Path) -> _State:
    entries: list[tuple[int, str, str, str]] = []
    if community_dir.is_dir():
        for guild in sorted(p for p in community_dir.iterdir() if p.name.isdigit()):
            for section, kind in PLURALS.items():
                for path in sorted((guild / section).glob("[!.]*.yaml")):
                    entries.append((int(guild.name), kind, path.stem, read_text(path)))
    changes: list[tuple[Any, ...]] = []
    if (community_dir / CHANGELOG_NAME).exists():
        with closing(sqlite3.connect(community_dir / CHANGELOG_NAME)) as db:
            changes = db.execute(_READ_CHANGES_SQLITE).fetchall()
    usage: list[tuple[Any, ...]] = []
    votes: list[tuple[Any, ...]] = []
    if usage_db.exists():
        asyncio.run(_upgrade_usage_file(usage_db))  # an older file has fewer columns
        with closing(sqlite3.connect(usage_db)) as db:
            usage = db.execute(_READ_USAGE).fetchall()
            votes = db.execute(_READ_VOTES).fetchall()
    return _State(entries, changes, usage, votes)


async def _upgrade_usage_file(path: Path) -> None:
    store = SqliteUsageStore(path)
    await store.connect()
    await store.disconnect()


def _refuse_unless_empty(db: psycopg.Connection) -> None:
    counts = {table: _count(db, table) for table in _TABLES}
    held = ", ".join(f"{n} in {table}" for table, n in counts.items() if n)
    if held:
        raise CampaignBotError(
            f"the database already holds state ({held}); copy only into an empty database, "
            "so two histories are never mixed"
        )


def _count(db: psycopg.Connection, table: str) -> int:
    row = db.execute(_COUNT[table]).fetchone()
    return int(row[0]) if row else 0


def _write_postgres(db: psycopg.Connection, state: _State) -> None:
    with db.cursor() as cursor:
        cursor.executemany(_WRITE_ENTRIES_PG, state.entries)
        cursor.executemany(_WRITE_CHANGES_PG, [row[:-1] for row in state.changes])
        cursor.executemany(
            _LINK_UNDONE_PG, [(row[-1], row[0]) for row in state.changes if row[-1] is not None]
        )
        cursor.executemany(_WRITE_USAGE_PG, state.usage)
        cursor.executemany(_WRITE_VOTES_PG, state.votes)
    db.execute(_CONTINUE_IDS_PG)


def _read_postgres(db: psycopg.Connection) -> _State:
    entries = [(int(g), k, e, b) for g, k, e, b in db.execute(_READ_ENTRIES_PG).fetchall()]
    changes = db.execute(_READ_CHANGES_PG).fetchall()
    # Moments back to the file's fixed-width UTC text.
    usage = [(stamp(row[0]), *row[1:]) for row in db.execute(_READ_USAGE).fetchall()]
    votes = [(*row[:-1], stamp(row[-1])) for row in db.execute(_READ_VOTES).fetchall()]
    return _State(entries, changes, usage, votes)


def _write_files(state: _State, community_dir: Path, usage_db: Path) -> None:
    for guild, kind, entry_id, body in state.entries:
        section = SECTION_OF[kind]  # type: ignore[index]  # a kind the database was given
        atomic_write_text(community_dir / str(guild) / section / f"{entry_id}.yaml", body)
    community_dir.mkdir(parents=True, exist_ok=True)
    ChangeLog(community_dir / CHANGELOG_NAME).close()  # creates the file and its schema
    with closing(sqlite3.connect(community_dir / CHANGELOG_NAME)) as db, db:
        db.executemany(_WRITE_CHANGES_SQLITE, state.changes)
    usage_db.parent.mkdir(parents=True, exist_ok=True)
    asyncio.run(_upgrade_usage_file(usage_db))  # creates the file and its schema
    with closing(sqlite3.connect(usage_db)) as db, db:
        db.executemany(_WRITE_USAGE_SQLITE, state.usage)
        db.executemany(_WRITE_VOTES_SQLITE, state.votes)


def _has_files(community_dir: Path) -> bool:
    if not community_dir.is_dir():
        return False
    return (community_dir / CHANGELOG_NAME).exists() or any(
        p.is_dir() and p.name.isdigit() for p in community_dir.iterdir()
    )
