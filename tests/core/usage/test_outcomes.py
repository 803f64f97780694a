"""Outcomes told apart: answered, nothing found, refused, invalid input, failed.

Invalid input is a user's mistake, not the bot's failure; storage, statistics and the
report keep it apart, and older databases gain the outcome in place.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from bot.core.storage.postgres import migrate
from bot.core.usage.events import OUTCOMES, Outcome
from bot.core.usage.log import UsageLog
from bot.core.usage.report import stats_answer
from bot.core.usage.schema import MIGRATIONS, SCHEMA_VERSION
from bot.core.usage.storage import postgres as usage_postgres
from bot.core.usage.storage.postgres import PostgresUsageStore
from tests.core.usage.backends import Backend, SqliteBackend
from tests.core.usage.test_log import GUILD, NOW, SECRET, at, event, make_log

#: How many commands of each outcome the period holds (all different, so none is mistaken).
MIX: dict[Outcome, int] = {
    "answered": 5,
    "nothing_found": 4,
    "refused": 3,
    "invalid": 2,
    "error": 1,
}


def test_invalid_is_an_outcome_of_its_own() -> None:
    """The five outcomes, the user's mistake among them."""
    assert set(OUTCOMES) == {"answered", "nothing_found", "refused", "invalid", "error"}


async def test_statistics_count_each_outcome_apart(backend: Backend) -> None:
    """Refusals and mistakes are not failures: each outcome has its own count."""
    async with make_log(backend) as log:
        for outcome, times in MIX.items():
            for n in range(times):
                log.record(event(outcome, question=f"{outcome} {n}", when=at(9, n)))
        await log.flush()
        stats = await log.stats(GUILD, days=7, now=NOW)
    counted = (stats.answered, stats.nothing_found, stats.refused, stats.invalid, stats.errors)
    assert counted == (5, 4, 3, 2, 1)
    assert stats.as_dict()["invalid"] == 2 and stats.as_dict()["answered"] == 5


async def test_report_names_every_outcome(backend: Backend) -> None:
    """/stats and `campaign-bot stats` say how many were answered, refused, invalid, failed."""
    async with make_log(backend) as log:
        for outcome, times in MIX.items():
            for n in range(times):
                log.record(event(outcome, when=at(9, n)))
        await log.flush()
        stats = await log.stats(GUILD, days=7, now=NOW)
    lead = "\n".join(stats_answer(stats, "Test server").lead)
    assert "Answered: 5. Nothing found: 4. Refused: 3. Invalid input: 2. Failed: 1." in lead


def _v2_file(path: Path) -> None:
    """A usage file as version 2 of the schema left it, with a row of each old outcome."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as db:
        for step in MIGRATIONS[:2]:
            for sql in step:
                db.execute(sql)
        db.execute("PRAGMA user_version = 2")
        db.executemany(
            "INSERT INTO usage (at, guild_id, user_hash, command, params, question, "
            "result_count, latency_ms, outcome, channel_kind) "
            "VALUES ('2025-03-09 10:00:00.000000', ?, 'h', 'ask', '{}', ?, 0, 5, ?, 'guild')",
            [
                (GUILD, f"q{n}", outcome)
                for n, outcome in enumerate(("answered", "nothing_found", "refused", "error"))
            ],
        )
        db.commit()


async def test_version_2_file_gains_invalid_keeping_rows_and_ids(tmp_path: Path) -> None:
    """Opening a version-2 file rebuilds the table under the new check, every row kept."""
    path = tmp_path / "data" / "usage.sqlite3"
    _v2_file(path)
    with closing(sqlite3.connect(path)) as db:
        before = db.execute("SELECT * FROM usage ORDER BY id").fetchall()
    async with make_log(SqliteBackend(path)) as log:
        log.record(event("invalid", when=at(9, 11)))
        await log.flush()
        assert log.dropped == 0
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        after = db.execute("SELECT * FROM usage ORDER BY id").fetchall()
        indexes = {
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'usage'"
            )
        }
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                "INSERT INTO usage (at, user_hash, command, latency_ms, outcome) "
                "VALUES ('x', 'h', 'ask', 1, 'bogus')"
            )
    assert after[:4] == before
    assert after[4][9] == "invalid" and after[4][0] == 5
    assert {"usage_at", "usage_guild_at", "usage_user_hash"} <= indexes


async def test_postgres_version_1_gains_invalid_keeping_rows(postgres_url: str) -> None:
    """A database at usage schema 1 is upgraded in place and then takes 'invalid'."""
    with psycopg.connect(postgres_url, autocommit=True) as db:
        migrate(db, usage_postgres.COMPONENT, usage_postgres.MIGRATIONS[:1])
        db.execute(
            "INSERT INTO usage (at, user_hash, command, latency_ms, outcome) "
            "VALUES (now(), 'h', 'ask', 5, 'refused')"
        )
    async with UsageLog(PostgresUsageStore(postgres_url), SECRET, flush_interval=3600) as log:
        log.record(event("invalid", when=at(9, 11)))
        await log.flush()
        assert log.dropped == 0
    with psycopg.connect(postgres_url) as db:
        rows = db.execute("SELECT outcome FROM usage ORDER BY id").fetchall()
        version = db.execute(
            "SELECT version FROM schema_versions WHERE component = %s", (usage_postgres.COMPONENT,)
        ).fetchone()
    assert [row[0] for row in rows] == ["refused", "invalid"]
    assert version == (usage_postgres.SCHEMA_VERSION,)
