"""The usage log on both stores, an SQLite file and a PostgreSQL database.

Statistics, the writer, outages, privacy and retention; each store's own faults and
migrations are in test_sqlite_store.py and test_postgres_store.py.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import stat
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.core.errors import ConfigError
from bot.core.usage.log import (
    Outcome,
    UsageEvent,
    UsageLog,
    UsageLogUnavailableError,
    Vote,
    hash_user_id,
    load_or_create_secret,
    normalise_question,
)
from tests.core.usage.backends import Backend, count

SECRET = b"test-secret-0123456789abcdef"
GUILD, OTHER_GUILD = 111, 222
NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def at(day: int, hour: int = 12, minute: int = 0, second: int = 0, micro: int = 0) -> datetime:
    """Return a UTC moment in March 2025."""
    return datetime(2025, 3, day, hour, minute, second, micro, tzinfo=UTC)


def event(
    outcome: Outcome = "answered",
    *,
    question: str | None = "what is the letter?",
    user_id: int = 1,
    guild_id: int | None = GUILD,
    command: str = "ask",
    latency_ms: float = 10,
    when: datetime | None = None,
) -> UsageEvent:
    """Build an event with defaults that keep each test to what it varies."""
    return UsageEvent(
        command=command,
        user_id=user_id,
        outcome=outcome,
        guild_id=guild_id,
        channel_kind="guild" if guild_id is not None else "dm",
        question=question,
        latency_ms=latency_ms,
        at=when,
    )


def make_log(
    backend: Backend,
    *,
    flush_interval: float = 3600,
    busy_timeout: float = 0.05,
    queue_size: int = 10_000,
    batch_size: int = 500,
    retention_days: int = 0,
) -> UsageLog:
    """Return a log whose writer only flushes when told, with short lock waits."""
    return UsageLog(
        backend.store(busy_timeout),
        SECRET,
        flush_interval=flush_interval,
        queue_size=queue_size,
        batch_size=batch_size,
        retention_days=retention_days,
    )


# -- Statistics ---------------------------------------------------------------------------

# A week of one guild's commands, with neighbours that must not leak into its statistics.
KNOWN_EVENTS = (
    event(question="What is the Joint Letter?", latency_ms=10, when=at(4, 0)),
    event(question="  what is   the joint letter? ", latency_ms=20, when=at(4, 9)),
    event("nothing_found", question="Who signed?", latency_ms=30, when=at(6, 10)),
    event("nothing_found", question="who SIGNED?", latency_ms=40, when=at(6, 11)),
    event(question=None, command="letter", latency_ms=50, when=at(6, 12)),
    event("refused", question="Tell me a joke", latency_ms=60, when=at(8, 8)),
    event("error", question="What is the joint letter?", latency_ms=1000, when=at(10, 11, 59)),
    # The instant before the period starts.
    event(question="old question", latency_ms=5, when=at(3, 23, 59, 59, 999_999)),
    event("nothing_found", question="other guild", guild_id=OTHER_GUILD, latency_ms=70,
          when=at(5)),
    event(question="dm question", guild_id=None, latency_ms=80, when=at(7)),
)  # fmt: skip
KNOWN_VOTES = (
    Vote("a1", 1, True, "What is the joint letter?", GUILD, at(5)),
    Vote("a2", 1, False, "Why no quotes?", GUILD, at(7)),
    Vote("a2", 2, True, "Why no quotes?", GUILD, at(8)),
    Vote("a2", 2, False, "Why no quotes?", GUILD, at(9)),  # user 2 changes their mind
    Vote("a3", 3, False, "Who signed?", GUILD, at(9, 6)),
    Vote("a4", 4, False, "other vote", OTHER_GUILD, at(5, 13)),  # newer than "other guild"
)


async def known_log(backend: Backend) -> UsageLog:
    """Return a started log holding `KNOWN_EVENTS` and `KNOWN_VOTES`."""
    log = make_log(backend)
    await log.start()
    for item in KNOWN_EVENTS:
        log.record(item)
    for vote in KNOWN_VOTES:
        log.record_vote(vote)
    await log.flush()
    return log


async def test_guild_stats_match_a_known_sequence_exactly(backend: Backend) -> None:
    """A known week of commands and votes gives exactly the expected statistics."""
    log = await known_log(backend)
    stats = await log.stats(GUILD, 7, now=NOW)
    await log.close()

    assert [(d.day, d.count) for d in stats.per_day] == [
        (date(2025, 3, 4), 2),
        (date(2025, 3, 5), 0),
        (date(2025, 3, 6), 3),
        (date(2025, 3, 7), 0),
        (date(2025, 3, 8), 1),
        (date(2025, 3, 9), 0),
        (date(2025, 3, 10), 1),
    ]
    assert stats.total == 7
    assert [(q.question, q.count) for q in stats.top_questions] == [
        ("what is the joint letter?", 3),
        ("who signed?", 2),
        ("tell me a joke", 1),
    ]
    assert [(g.question, g.nothing_found, g.not_helpful, g.last_seen) for g in stats.gaps] == [
        ("who signed?", 2, 1, at(9, 6)),
        ("why no quotes?", 0, 2, at(9)),
    ]
    assert (stats.latency_p50_ms, stats.latency_p95_ms) == (40, 1000)
    assert (stats.refused, stats.errors) == (1, 1)
    assert (stats.helpful_votes, stats.not_helpful_votes) == (1, 3)
    assert stats.per_command == (("ask", 6), ("letter", 1))


async def test_operator_stats_cover_every_guild_and_dms(backend: Backend) -> None:
    """Stats for no guild count every server and DM together."""
    log = await known_log(backend)
    stats = await log.stats(None, 7, now=NOW)
    await log.close()

    assert [d.count for d in stats.per_day] == [2, 1, 3, 1, 1, 0, 1]
    assert stats.total == 9
    assert [(g.question, g.count) for g in stats.gaps] == [
        ("who signed?", 3),
        ("why no quotes?", 2),
        ("other vote", 1),
        ("other guild", 1),
    ]
    assert (stats.latency_p50_ms, stats.latency_p95_ms) == (50, 1000)
    assert (stats.helpful_votes, stats.not_helpful_votes) == (1, 4)


@pytest.mark.parametrize(
    ("latencies", "p50", "p95"),
    [
        ([5], 5, 5),
        ([100, 1, 50, 2], 2, 100),
        (list(range(1, 21)), 10, 19),
        (list(range(21, 0, -1)), 11, 20),
    ],
)
async def test_latency_percentiles_use_nearest_rank(
    backend: Backend, latencies: list[int], p50: int, p95: int
) -> None:
    """p50 and p95 are the values at rank ceil(p/100 × n) of the sorted latencies."""
    async with make_log(backend) as log:
        for ms in latencies:
            log.record(event(latency_ms=ms, when=NOW))
        await log.flush()
        stats = await log.stats(GUILD, 1, now=NOW)
    assert (stats.latency_p50_ms, stats.latency_p95_ms) == (p50, p95)


async def test_empty_period_has_zero_days_and_no_percentiles(backend: Backend) -> None:
    """A period without commands lists every day as zero and has no latency figures."""
    async with make_log(backend) as log:
        stats = await log.stats(GUILD, 3, now=NOW)
    assert [d.count for d in stats.per_day] == [0, 0, 0]
    assert (stats.latency_p50_ms, stats.latency_p95_ms) == (None, None)


async def test_top_questions_stop_at_ten(backend: Backend) -> None:
    """Only the ten most asked questions are listed."""
    async with make_log(backend) as log:
        for n in range(12):
            for _ in range(n + 1):
                log.record(event(question=f"question {n:02}", when=NOW))
        await log.flush()
        stats = await log.stats(GUILD, 1, now=NOW)
    assert [q.question for q in stats.top_questions] == [
        f"question {n:02}" for n in range(11, 1, -1)
    ]


async def test_stats_as_dict_is_json(backend: Backend) -> None:
    """`as_dict` gives plain JSON with ISO dates."""
    log = await known_log(backend)
    stats = await log.stats(GUILD, 7, now=NOW)
    await log.close()
    data = json.loads(json.dumps(stats.as_dict()))
    assert data["start"] == "2025-03-04"
    assert data["per_day"][0] == {
        "day": "2025-03-04",
        "count": 2,
        "outcomes": {"answered": 2, "nothing_found": 0, "refused": 0, "invalid": 0, "error": 0},
    }
    assert data["latency_ms"] == {"p50": 40, "p95": 1000}
    assert data["gaps"][0]["last_seen"] == "2025-03-09T06:00:00+00:00"
    assert data["per_command"] == {"ask": 6, "letter": 1}


async def test_revote_changes_the_vote(backend: Backend) -> None:
    """Voting again on an answer replaces the earlier vote."""
    async with make_log(backend) as log:
        log.record_vote(Vote("a1", 1, True, "q", GUILD, NOW))
        await log.flush()
        log.record_vote(Vote("a1", 1, False, "q", GUILD, NOW))
        await log.flush()
        stats = await log.stats(GUILD, 1, now=NOW)
    assert count(backend, "votes") == 1
    assert (stats.helpful_votes, stats.not_helpful_votes) == (0, 1)


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("  Who   SIGNED\tthe letter?\n", "who signed the letter?"),
        ("Straße", "strasse"),
        ("ＦＵＬＬ width", "full width"),
        ("   ", ""),
        ("x" * 500, "x" * 200),
    ],
)
def test_normalise_question(raw: str, normalised: str) -> None:
    """Questions are trimmed, collapsed, case-folded and capped for grouping."""
    assert normalise_question(raw) == normalised


# -- Writer -------------------------------------------------------------------------------


async def test_writer_flushes_on_its_interval(backend: Backend) -> None:
    """Queued rows reach the database within the flush interval, unprompted."""
    async with make_log(backend, flush_interval=0.05) as log:
        log.record(event())
        for _ in range(100):
            await asyncio.sleep(0.02)
            if log.pending == 0:
                break
        assert count(backend) == 1


async def test_full_batch_wakes_the_writer(backend: Backend) -> None:
    """A batch's worth of queued rows is written before the interval ends."""
    async with make_log(backend, batch_size=5) as log:
        for _ in range(5):
            log.record(event())
        for _ in range(100):
            await asyncio.sleep(0.02)
            if log.pending == 0:
                break
        assert count(backend) == 5


async def test_close_writes_pending_rows(backend: Backend) -> None:
    """Closing the log writes every row still queued."""
    log = make_log(backend)
    await log.start()
    for _ in range(3):
        log.record(event())
    await log.close()
    assert count(backend) == 3


async def test_record_after_close_is_dropped(backend: Backend) -> None:
    """Recording on a closed log counts a drop instead of raising."""
    log = make_log(backend)
    await log.start()
    await log.close()
    log.record(event())
    assert log.dropped == 1


async def test_flooding_the_queue_drops_and_counts_without_blocking(backend: Backend) -> None:
    """Records beyond the queue's capacity are dropped and counted at once."""
    async with make_log(backend, queue_size=10, batch_size=1000) as log:
        started = time.perf_counter()
        for _ in range(1000):
            log.record(event())
        elapsed = time.perf_counter() - started
        assert (log.pending, log.dropped) == (10, 990)
        assert elapsed < 0.5
    assert count(backend) == 10


# -- Outages ------------------------------------------------------------------------------


async def test_outage_drops_rows_without_failing_then_logging_resumes(backend: Backend) -> None:
    """While the database is unreachable rows are dropped and counted; afterwards written."""
    async with make_log(backend) as log:
        log.record(event())
        await log.flush()
        undo = backend.outage()
        for _ in range(50):
            log.record(event())
        await log.flush()
        assert log.dropped == 50

        undo()
        for _ in range(3):
            log.record(event())
        await log.flush()
        assert log.dropped == 50
    assert count(backend) in (3, 4)  # the first row survives unless the outage erased it


async def test_outage_logs_one_warning(backend: Backend, caplog: pytest.LogCaptureFixture) -> None:
    """However many flushes fail, an outage is logged once."""
    async with make_log(backend) as log:
        undo = backend.outage()
        with caplog.at_level(logging.WARNING, logger="bot.core.usage.log"):
            for _ in range(3):
                log.record(event())
                await log.flush()
        undo()
    unavailable = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(unavailable) == 1


async def test_stats_on_an_unreachable_database_raise(backend: Backend) -> None:
    """Statistics from an unreachable database raise the domain error."""
    async with make_log(backend) as log:
        undo = backend.outage()
        try:
            with pytest.raises(UsageLogUnavailableError):
                await log.stats(GUILD, 7)
        finally:
            undo()


async def test_forget_on_an_unreachable_database_raises(backend: Backend) -> None:
    """Forgetting fails loudly, so a user is never told rows were deleted when they were not."""
    async with make_log(backend) as log:
        log.record(event())
        await log.flush()
        undo = backend.outage()
        try:
            with pytest.raises(UsageLogUnavailableError):
                await log.forget(1)
        finally:
            undo()


# -- Privacy and retention ----------------------------------------------------------------


async def test_forget_removes_exactly_the_callers_rows(backend: Backend) -> None:
    """`forget` deletes the caller's commands and votes, queued ones too, and nobody else's."""
    async with make_log(backend) as log:
        for user in (1, 2, 1, 3):
            log.record(event(user_id=user))
        log.record_vote(Vote("a1", 1, False, "q", GUILD))
        log.record_vote(Vote("a1", 2, True, "q", GUILD))
        await log.flush()
        log.record(event(user_id=1))  # still queued

        assert await log.forget(1) == 4
        assert await log.forget(1) == 0

    remaining = backend.rows("SELECT user_hash FROM usage UNION ALL SELECT user_hash FROM votes")
    hashes = sorted(row[0] for row in remaining)
    assert hashes == sorted([hash_user_id(SECRET, 2)] * 2 + [hash_user_id(SECRET, 3)])


async def test_purge_deletes_only_old_rows(backend: Backend) -> None:
    """`purge` deletes commands and votes older than the cutoff and returns how many."""
    async with make_log(backend) as log:
        log.record(event(when=NOW - timedelta(days=31)))
        log.record(event(when=NOW - timedelta(days=29)))
        log.record_vote(Vote("a1", 1, True, "q", GUILD, NOW - timedelta(days=40)))
        log.record_vote(Vote("a2", 1, True, "q", GUILD, NOW))
        await log.flush()
        assert await log.purge(30, now=NOW) == 2
    assert (count(backend), count(backend, "votes")) == (1, 1)


async def test_retention_purges_at_start(backend: Backend) -> None:
    """A log with retention deletes expired rows when it starts."""
    now = datetime.now(UTC)
    async with make_log(backend) as log:
        log.record(event(when=now - timedelta(days=10)))
        log.record(event(when=now - timedelta(days=1)))
    async with make_log(backend, retention_days=7):
        pass
    assert count(backend) == 1


# -- Secret -------------------------------------------------------------------------------


def test_secret_file_is_created_private_and_reused(tmp_path: Path) -> None:
    """A new secret is written with mode 0600 and read back unchanged next time."""
    key_path = tmp_path / "state" / "usage.key"
    first = load_or_create_secret(None, key_path)
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    assert load_or_create_secret(None, key_path) == first
    assert len(first) >= 32
    assert [p.name for p in key_path.parent.iterdir()] == ["usage.key"]


def test_environment_secret_wins_and_writes_nothing(tmp_path: Path) -> None:
    """A secret from the environment is used as is and no key file is made."""
    key_path = tmp_path / "usage.key"
    assert load_or_create_secret("from-the-environment-1234", key_path) == (
        b"from-the-environment-1234"
    )
    assert not key_path.exists()


def test_short_secret_is_rejected(tmp_path: Path) -> None:
    """A secret too short to resist guessing is a configuration error."""
    with pytest.raises(ConfigError):
        load_or_create_secret("short", tmp_path / "usage.key")


def test_hash_depends_on_the_secret() -> None:
    """The same user hashes differently under different secrets."""
    assert hash_user_id(SECRET, 42) != hash_user_id(SECRET + b"x", 42)
    assert hash_user_id(SECRET, 42) == hash_user_id(SECRET, 42)


def test_secret_file_mode_survives_a_permissive_umask(tmp_path: Path) -> None:
    """The key file is 0600 even when the umask would allow more."""
    old = os.umask(0)
    try:
        load_or_create_secret(None, tmp_path / "usage.key")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "usage.key").stat().st_mode) == 0o600
