"""`db copy`: a files deployment into PostgreSQL and back, losing nothing, mixing nothing."""

from __future__ import annotations

import asyncio
import filecmp
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.core.errors import CampaignBotError
from bot.core.moderation.changelog import PlannedChange
from bot.core.moderation.community import CHANGELOG_NAME, CommunityStore
from bot.core.moderation.postgres import PostgresCommunityStore
from bot.core.storage.copy import copy_to_files, copy_to_postgres
from bot.core.usage.log import UsageEvent, UsageLog, Vote
from bot.core.usage.stats import UsageStats
from bot.core.usage.storage.postgres import PostgresUsageStore
from tests.core.moderation.stores import GUILD, OTHER_GUILD, add

SECRET = b"copy-test-secret-0123456789"
NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def files_deployment(home: Path) -> tuple[Path, Path]:
    """Entries of two servers with an edit and an undo, and a usage log with votes."""
    community, usage_db = home / "community", home / "usage.sqlite3"
    store = CommunityStore(community)
    for n in range(3):
        add(store, GUILD, n)
    add(store, OTHER_GUILD, 9)
    add(store, GUILD, 1, name="Renamed")
    edit = store.changelog.history(GUILD)[0]
    with store.locked():
        store.apply(
            GUILD,
            8,
            "other mod",
            [
                PlannedChange(
                    "undo",
                    edit.entry_id,
                    edit.kind,
                    "undo",
                    edit.after,
                    edit.before,
                    undoes=edit.id,
                )
            ],
        )
    store.close()

    async def log_usage() -> None:
        async with UsageLog(usage_db, SECRET) as log:
            for n in range(5):
                log.record(
                    UsageEvent(
                        "ask",
                        n,
                        "nothing_found" if n % 2 else "answered",
                        guild_id=GUILD,
                        question=f"question {n % 3}",
                        at=NOW,
                    )
                )
            log.record_vote(Vote("a1", 1, False, "question 1", GUILD, NOW))

    asyncio.run(log_usage())
    return community, usage_db


def stats_of(log: UsageLog) -> UsageStats:
    """The guild's statistics of the test's day, from any log."""

    async def read() -> UsageStats:
        async with log:
            return await log.stats(GUILD, 1, now=NOW)

    return asyncio.run(read())


def changes(path: Path) -> list[tuple[object, ...]]:
    """Every row of an SQLite change log."""
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT * FROM changes ORDER BY id").fetchall()


def test_files_to_postgres_and_back_lose_nothing(tmp_path: Path, postgres_url: str) -> None:
    """Entries, change ids and links, and usage survive the round trip byte for byte."""
    community, usage_db = files_deployment(tmp_path / "before")
    report = copy_to_postgres(community, usage_db, postgres_url)
    assert (report.entries, report.changes, report.usage_rows, report.votes) == (4, 6, 5, 1)

    shared = PostgresCommunityStore(postgres_url, listen=False)
    files = CommunityStore(community)
    assert shared.changelog.history(GUILD) == files.changelog.history(GUILD)
    assert sorted(r.entity.id for r in shared.parse_guild(GUILD).records) == sorted(
        r.entity.id for r in files.parse_guild(GUILD).records
    )
    before = stats_of(UsageLog(usage_db, SECRET))
    assert stats_of(UsageLog(PostgresUsageStore(postgres_url), SECRET)) == before

    # History goes on after the copied ids.
    add(shared, GUILD, 7)
    assert shared.changelog.history(GUILD)[0].id == 7
    shared.close()
    files.close()

    back = tmp_path / "after"
    report = copy_to_files(postgres_url, back / "community", back / "usage.sqlite3")
    assert (report.entries, report.changes) == (5, 7)
    assert changes(back / "community" / CHANGELOG_NAME)[:6] == changes(community / CHANGELOG_NAME)
    comparison = filecmp.dircmp(community / str(GUILD), back / "community" / str(GUILD))
    assert comparison.diff_files == [] and comparison.left_only == []
    assert stats_of(UsageLog(back / "usage.sqlite3", SECRET)) == before


def test_copy_refuses_a_database_that_holds_state(tmp_path: Path, postgres_url: str) -> None:
    """A second copy into the same database is refused and changes nothing."""
    community, usage_db = files_deployment(tmp_path)
    copy_to_postgres(community, usage_db, postgres_url)
    with pytest.raises(CampaignBotError, match="already holds state"):
        copy_to_postgres(community, usage_db, postgres_url)
    shared = PostgresCommunityStore(postgres_url, listen=False)
    assert len(shared.changelog.history(GUILD)) == 5
    shared.close()


def test_copy_back_refuses_folders_that_hold_state(tmp_path: Path, postgres_url: str) -> None:
    """Copying to files never writes over an existing deployment."""
    community, usage_db = files_deployment(tmp_path)
    with pytest.raises(CampaignBotError, match="already holds state"):
        copy_to_files(postgres_url, community, tmp_path / "new.sqlite3")
    with pytest.raises(CampaignBotError, match="already holds state"):
        copy_to_files(postgres_url, tmp_path / "empty", usage_db)
    assert not (tmp_path / "empty").exists() and not (tmp_path / "new.sqlite3").exists()
