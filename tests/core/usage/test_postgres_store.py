"""The usage log in PostgreSQL: versioned migrations, several hosts, and what is stored."""

from __future__ import annotations

import asyncio
import logging

import psycopg
import pytest

from bot.core.usage.log import UsageLog, Vote
from bot.core.usage.storage.postgres import COMPONENT, SCHEMA_VERSION, PostgresUsageStore
from tests.core.usage.test_log import GUILD, NOW, OTHER_GUILD, SECRET, event


def make_log(url: str) -> UsageLog:
    """A log on the database whose writer only flushes when told."""
    return UsageLog(PostgresUsageStore(url), SECRET, flush_interval=3600)


def query(url: str, sql: str) -> list[tuple[object, ...]]:
    """Rows of one query on a plain connection."""
    with psycopg.connect(url) as db:
        return [tuple(row) for row in db.execute(sql).fetchall()]  # type: ignore[call-overload]


async def test_a_new_database_gets_the_schema_and_its_version(postgres_url: str) -> None:
    """The first log creates the tables and records the schema version."""
    async with make_log(postgres_url) as log:
        log.record(event())
    assert query(postgres_url, "SELECT component, version FROM schema_versions") == [
        (COMPONENT, SCHEMA_VERSION)
    ]
    assert query(postgres_url, "SELECT COUNT(*) FROM usage") == [(1,)]


async def test_processes_starting_together_migrate_once(postgres_url: str) -> None:
    """Eight logs opening a new database at once create its tables once, without a fault."""
    logs = [make_log(postgres_url) for _ in range(8)]
    await asyncio.gather(*(log.start() for log in logs))
    for log in logs:
        log.record(event())
    await asyncio.gather(*(log.close() for log in logs))
    assert [log.dropped for log in logs] == [0] * 8
    assert query(postgres_url, "SELECT COUNT(*) FROM usage") == [(8,)]
    assert query(postgres_url, "SELECT version FROM schema_versions") == [(SCHEMA_VERSION,)]


async def test_a_database_from_a_newer_bot_is_left_alone(postgres_url: str) -> None:
    """Tables of a newer schema version are not touched; rows for them are dropped."""
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("CREATE TABLE schema_versions (component TEXT PRIMARY KEY, version INTEGER)")
        db.execute("INSERT INTO schema_versions VALUES (%s, %s)", (COMPONENT, SCHEMA_VERSION + 1))
    async with make_log(postgres_url) as log:
        log.record(event())
        await log.flush()
        assert log.dropped == 1
    tables = query(postgres_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    assert tables == [("schema_versions",)]


async def test_statistics_cover_every_host(postgres_url: str) -> None:
    """Commands logged by two processes are counted together by a third."""
    async with make_log(postgres_url) as first, make_log(postgres_url) as second:
        for n in range(5):
            first.record(event(question="asked on shard 0", when=NOW))
            second.record(event(question=f"asked on shard 1 #{n % 2}", when=NOW))
        second.record(event(guild_id=OTHER_GUILD, when=NOW))
        second.record_vote(Vote("a1", 1, False, "asked on shard 0", GUILD, NOW))
    async with make_log(postgres_url) as reader:
        stats = await reader.stats(GUILD, 1, now=NOW)
    assert stats.total == 10
    assert [(q.question, q.count) for q in stats.top_questions] == [
        ("asked on shard 0", 5),
        ("asked on shard 1 #0", 3),
        ("asked on shard 1 #1", 2),
    ]
    assert stats.not_helpful_votes == 1


async def test_raw_user_id_is_never_stored(postgres_url: str) -> None:
    """No column of any row holds the raw user id."""
    user_id = 987654321987654321
    async with make_log(postgres_url) as log:
        log.record(event("nothing_found", user_id=user_id))
        log.record_vote(Vote("a1", user_id, False, "q", GUILD))
    stored = query(
        postgres_url, "SELECT u::text FROM usage u UNION ALL SELECT v::text FROM votes v"
    )
    assert len(stored) == 2
    assert all(str(user_id) not in str(row[0]) for row in stored)


async def test_warnings_never_show_the_password(caplog: pytest.LogCaptureFixture) -> None:
    """A log that cannot connect names the database without its password."""
    url = "postgresql://bot:hunter2-secret@127.0.0.1:1/campaign_bot"
    with caplog.at_level(logging.WARNING, logger="bot.core.usage.log"):
        async with make_log(url) as log:
            log.record(event())
    assert log.dropped == 1
    text = caplog.text
    assert "bot:***@127.0.0.1:1/campaign_bot" in text
    assert "hunter2" not in text
