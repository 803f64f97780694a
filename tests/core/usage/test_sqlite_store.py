"""The usage log's SQLite file: its migration, WAL, and the faults only a file has."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.usage.log import UsageLog, Vote
from bot.core.usage.schema import SCHEMA_VERSION
from tests.core.usage.backends import SqliteBackend
from tests.core.usage.backends import count as count_rows
from tests.core.usage.test_log import GUILD, NOW, SECRET, event


def make_log(path: Path, *, busy_timeout: float = 0.05) -> UsageLog:
    """Return a log on the file whose writer only flushes when told."""
    return UsageLog(path, SECRET, flush_interval=3600, busy_timeout=busy_timeout)


def count(path: Path, table: str = "usage") -> int:
    """Count a table's rows with a plain sqlite3 connection."""
    return count_rows(SqliteBackend(path), table)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Return a database path inside its own directory, so faults can remove the directory."""
    return tmp_path / "data" / "usage.sqlite3"


# -- Schema -------------------------------------------------------------------------------

V1_SCHEMA = """
CREATE TABLE usage (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL,
    guild_id     INTEGER,
    user_hash    TEXT    NOT NULL,
    command      TEXT    NOT NULL,
    params       TEXT    NOT NULL DEFAULT '{}',
    question     TEXT,
    result_count INTEGER NOT NULL DEFAULT 0,
    latency_ms   INTEGER NOT NULL,
    outcome      TEXT    NOT NULL
        CHECK (outcome IN ('answered', 'nothing_found', 'refused', 'error'))
);
CREATE INDEX usage_at ON usage (at);
PRAGMA user_version = 1;
"""


async def test_version_1_file_is_upgraded_keeping_every_row(db_path: Path) -> None:
    """Opening a version-1 file adds channel kinds and votes and keeps every old row."""
    db_path.parent.mkdir()
    old_rows = [
        (n, f"2025-03-0{n % 9 + 1} 10:00:00.000000", GUILD if n % 2 else None, f"hash{n}",
         "ask", f'{{"n":{n}}}', f"question {n % 3}", n, 10 * n,
         ("answered", "nothing_found", "refused", "error")[n % 4])
        for n in range(1, 41)
    ]  # fmt: skip
    with sqlite3.connect(db_path) as db:
        db.executescript(V1_SCHEMA)
        db.executemany("INSERT INTO usage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", old_rows)
    db.close()

    async with make_log(db_path) as log:
        log.record_vote(Vote("a1", 1, False, "new question", GUILD, NOW))
        log.record(event(when=NOW))
        await log.flush()

    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        kept = db.execute(
            "SELECT id, at, guild_id, user_hash, command, params, question, result_count,"
            " latency_ms, outcome FROM usage WHERE id <= 40 ORDER BY id"
        ).fetchall()
        kinds = {row[0] for row in db.execute("SELECT channel_kind FROM usage WHERE id <= 40")}
    db.close()
    assert kept == old_rows
    assert kinds == {"unknown"}
    assert count(db_path) == 41
    assert count(db_path, "votes") == 1


async def test_file_from_a_newer_version_is_left_alone(db_path: Path) -> None:
    """A file with a newer schema is not touched; rows for it are dropped."""
    db_path.parent.mkdir()
    with sqlite3.connect(db_path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    async with make_log(db_path) as log:
        log.record(event())
        await log.flush()
        assert log.dropped == 1
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT name FROM sqlite_master").fetchall() == []
    db.close()


async def test_database_uses_wal(db_path: Path) -> None:
    """The database is in write-ahead-log mode."""
    async with make_log(db_path) as log:
        log.record(event())
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


# -- Faults -------------------------------------------------------------------------------

Undo = Callable[[], None]


def lock_database(path: Path) -> Undo:
    """Hold the write lock from another connection, as a stuck process would."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")

    def undo() -> None:
        other.execute("ROLLBACK")
        other.close()

    return undo


def replace_with_directory(path: Path) -> Undo:
    """Move the file aside and put a directory in its place, then put it back."""
    aside = path.parent.parent / "aside.sqlite3"
    path.rename(aside)
    path.mkdir()

    def undo() -> None:
        path.rmdir()
        aside.rename(path)

    return undo


def remove_directory(path: Path) -> Undo:
    """Remove the database's directory, as an unmounted volume would, then recreate it."""
    shutil.rmtree(path.parent)
    return lambda: path.parent.mkdir()


# Each fault with whether the rows written before it survive.
FAULTS = [
    pytest.param(lock_database, True, id="locked"),
    pytest.param(replace_with_directory, True, id="replaced-by-directory"),
    pytest.param(remove_directory, False, id="directory-removed"),
]


@pytest.mark.parametrize(("fault", "kept"), FAULTS)
async def test_fault_drops_rows_without_failing_then_logging_resumes(
    db_path: Path, fault: Callable[[Path], Undo], kept: bool
) -> None:
    """While the database is broken rows are dropped and counted; afterwards they are written."""
    async with make_log(db_path) as log:
        log.record(event())
        await log.flush()
        undo = fault(db_path)

        started = time.perf_counter()
        for _ in range(50):
            log.record(event())
        assert time.perf_counter() - started < 0.5
        await log.flush()
        assert log.dropped == 50

        undo()
        for _ in range(3):
            log.record(event())
        await log.flush()
        assert log.dropped == 50
    assert count(db_path) == (1 if kept else 0) + 3


async def test_record_returns_at_once_while_the_writer_waits_on_a_lock(db_path: Path) -> None:
    """`record` does not wait for a writer stuck behind another process's lock."""
    async with make_log(db_path, busy_timeout=0.5) as log:
        log.record(event())
        await log.flush()
        undo = lock_database(db_path)
        log.record(event())  # the batch the writer is stuck on, dropped after the wait
        flushing = asyncio.create_task(log.flush())
        await asyncio.sleep(0.1)

        started = time.perf_counter()
        for _ in range(100):
            log.record(event())
        assert time.perf_counter() - started < 0.1
        assert not flushing.done()

        await flushing
        undo()
        await log.flush()
    assert log.dropped == 1
    assert count(db_path) == 101


def delete_database(path: Path, *, also_wal: bool) -> None:
    """Delete the database file, and its write-ahead log and shared memory if asked."""
    path.unlink()
    if also_wal:
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


@pytest.mark.parametrize("also_wal", [True, False], ids=["with-wal", "main-file-only"])
async def test_deleted_database_is_recreated(db_path: Path, also_wal: bool) -> None:
    """A database deleted mid-run is recreated with its schema and logging resumes."""
    async with make_log(db_path) as log:
        log.record(event())
        await log.flush()
        delete_database(db_path, also_wal=also_wal)

        log.record(event(question="after"))
        await log.flush()
        stats = await log.stats(GUILD, 1)
    assert log.dropped == 0
    assert [q.question for q in stats.top_questions] == ["after"]
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    assert count(db_path) == 1


def set_writable(path: Path, writable: bool) -> None:
    """Make the database file and its directory writable or read-only."""
    path.chmod(0o644 if writable else 0o444)
    path.parent.chmod(0o755 if writable else 0o555)


def modes_bind(path: Path) -> bool:
    """Tell whether file modes stop this process writing (they do not for root)."""
    try:
        with path.open("r+b"):
            return False
    except PermissionError:
        return True


async def test_read_only_database_drops_rows_until_writable(db_path: Path) -> None:
    """A log started on a read-only file drops rows, then writes once it is writable."""
    async with make_log(db_path) as log:
        log.record(event())
    set_writable(db_path, False)
    try:
        if not modes_bind(db_path):
            pytest.skip("file modes do not bind here (root); the lock and path faults cover it")
        async with make_log(db_path) as log:
            log.record(event())
            await log.flush()
            assert log.dropped == 1
            set_writable(db_path, True)
            log.record(event())
            await log.flush()
            assert log.dropped == 1
    finally:
        set_writable(db_path, True)
    assert count(db_path) == 2


# -- Privacy ----------------------------------------------------------------------------


async def test_raw_user_id_is_never_written(db_path: Path) -> None:
    """No form of the raw user id appears in the database or its write-ahead log."""
    user_id = 987654321987654321
    forms = [
        str(user_id).encode(),
        user_id.to_bytes(8, "little"),
        user_id.to_bytes(8, "big"),
    ]
    files = [db_path, db_path.with_name(db_path.name + "-wal")]
    async with make_log(db_path) as log:
        for outcome in ("answered", "nothing_found", "refused", "error"):
            log.record(event(outcome, user_id=user_id))
        log.record_vote(Vote("a1", user_id, False, "q", GUILD))
        await log.flush()
        assert count(db_path) == 4
        written = b"".join(path.read_bytes() for path in files if path.exists())
        assert all(form not in written for form in forms)
    written = b"".join(path.read_bytes() for path in files if path.exists())
    assert all(form not in written for form in forms)
