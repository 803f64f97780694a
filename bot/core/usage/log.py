"""The usage log: one row per command and one vote per answer, and statistics over them.

Writes never slow down or fail a command. `UsageLog.record` turns the event into a row
(user id hashed, text stripped of mentions: see `events`) and queues it (a bounded queue;
when it is full the row is dropped and counted); a background task batch-inserts the queue
every second or so. When the database is locked, read-only, full or gone, the batch is
dropped and counted, one warning is logged, and the next flush reopens the file
(recreating it when it was deleted), so logging resumes by itself.

The recording API (`UsageEvent`, `Vote`) lives in `events`, the secret and user hash in
`secret`, opening the file in `connection`; their public names are re-exported here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import Final, Self

import aiosqlite

from bot.core.errors import CampaignBotError
from bot.core.usage.connection import close_quietly, file_id, open_database
from bot.core.usage.events import (
    CHANNEL_KINDS,
    OUTCOMES,
    ChannelKind,
    Outcome,
    UsageEvent,
    UsageRow,
    Vote,
    VoteRow,
    usage_row,
    vote_row,
)
from bot.core.usage.redact import (
    PARAM_MAX_CHARS,
    QUESTION_MAX_CHARS,
    neutralise_mentions,
    normalise_question,
)
from bot.core.usage.schema import DB_ERRORS, INSERT_USAGE, UPSERT_VOTE, rollback, stamp, utc
from bot.core.usage.secret import (
    SECRET_MIN_BYTES,
    USAGE_SECRET_ENV,
    hash_user_id,
    load_or_create_secret,
)
from bot.core.usage.stats import UsageStats, query_stats

__all__ = [
    "CHANNEL_KINDS",
    "OUTCOMES",
    "PARAM_MAX_CHARS",
    "QUESTION_MAX_CHARS",
    "SECRET_MIN_BYTES",
    "USAGE_SECRET_ENV",
    "ChannelKind",
    "Outcome",
    "UsageEvent",
    "UsageLog",
    "UsageLogUnavailableError",
    "Vote",
    "hash_user_id",
    "load_or_create_secret",
    "neutralise_mentions",
    "normalise_question",
]

log = logging.getLogger(__name__)

_DAY_SECONDS: Final = 86_400


class UsageLogUnavailableError(CampaignBotError):
    """The usage database cannot be opened or queried right now."""


class UsageLog:
    """The usage database and its background writer; an async context manager.

    `record` and `record_vote` must be called from the event loop's thread.
    """

    def __init__(
        self,
        path: Path,
        secret: bytes,
        *,
        retention_days: int = 0,
        queue_size: int = 10_000,
        batch_size: int = 500,
        flush_interval: float = 1.0,
        busy_timeout: float = 2.0,
    ) -> None:
        """Configure the log; nothing is opened until `start` or the first query.

        `retention_days` of 0 keeps rows forever. `batch_size` queued rows wake the writer
        before `flush_interval` seconds pass. `busy_timeout` bounds how long the writer
        (never a caller of `record`) waits for another process's lock.
        """
        if retention_days < 0:
            raise ValueError("retention_days must be 0 (keep forever) or more")
        self.path = path
        self._secret = secret
        self._retention_days = retention_days
        self._batch_size = batch_size
        self._flush_interval = flush_interval
        self._busy_timeout = busy_timeout
        self._queue: asyncio.Queue[UsageRow | VoteRow] = asyncio.Queue(maxsize=queue_size)
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()
        self._db: aiosqlite.Connection | None = None
        # (st_dev, st_ino) of the file we opened, to notice it was deleted or replaced.
        self._file_id: tuple[int, int] | None = None
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self._closed = False
        self._failing = False
        self._queue_full_warned = False
        #: Rows lost to a full queue or a broken database since the log was created.
        self.dropped = 0

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def start(self) -> None:
        """Open the database (best effort) and start the writer; purges if retention is set.

        A database that cannot be opened does not fail this: the writer keeps retrying.
        """
        if self._task is not None:
            return
        # If this fails, opening fails below, is logged, and is retried by the writer.
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        async with self._lock:
            try:
                await self._connection()
            except DB_ERRORS as exc:
                self._fail(exc)
        await self._purge_for_retention()
        self._task = asyncio.create_task(self._run(), name="usage-log-writer")

    async def close(self) -> None:
        """Stop the writer, write every queued row, and close the database."""
        if self._closed:
            return
        self._closing = True
        self._wake.set()
        if self._task is not None:
            await self._task
        await self.flush()
        self._closed = True
        async with self._lock:
            await self._disconnect()

    def record(self, event: UsageEvent) -> None:
        """Queue one command for writing; never blocks or raises on a database fault."""
        row = usage_row(event, self._secret)
        self._enqueue(row)

    def record_vote(self, vote: Vote) -> None:
        """Queue one feedback vote; never blocks or raises on a database fault."""
        row = vote_row(vote, self._secret)
        self._enqueue(row)

    @property
    def pending(self) -> int:
        """Rows queued and not yet written."""
        return self._queue.qsize()

    async def flush(self) -> None:
        """Write every queued row now, in one transaction; on a fault drop and count them."""
        async with self._lock:
            batch: list[UsageRow | VoteRow] = []
            while not self._queue.empty():
                batch.append(self._queue.get_nowait())
            if batch:
                await self._write(batch)

    async def purge(self, older_than_days: int, now: datetime | None = None) -> int:
        """Delete commands and votes older than `older_than_days` days; return how many."""
        if older_than_days < 1:
            raise ValueError("older_than_days must be at least 1")
        cutoff = stamp(utc(now) - timedelta(days=older_than_days))
        statements = ("DELETE FROM usage WHERE at < ?", "DELETE FROM votes WHERE at < ?")
        return await self._delete(statements, cutoff)

    async def forget(self, user_id: int) -> int:
        """Delete every command and vote of this user, queued ones included; return how many.

        Raises `UsageLogUnavailableError` if the database cannot be reached, so the user is
        not told their data is gone when it is not.
        """
        await self.flush()
        statements = (
            "DELETE FROM usage WHERE user_hash = ?",
            "DELETE FROM votes WHERE user_hash = ?",
        )
        return await self._delete(statements, hash_user_id(self._secret, user_id))

    async def stats(
        self,
        guild_id: int | None,
        days: int,
        now: datetime | None = None,
        *,
        top: int = 10,
        gap_limit: int = 25,
    ) -> UsageStats:
        """Summarise the last `days` UTC days up to `now`, for one guild or (None) for all.

        Queued rows are flushed first, so the last second's commands are counted too.
        """
        if days < 1:
            raise ValueError("days must be at least 1")
        await self.flush()
        last_day = utc(now).date()
        first_day = last_day - timedelta(days=days - 1)
        period = {
            "start": stamp(datetime.combine(first_day, time(), UTC)),
            "end": stamp(datetime.combine(last_day + timedelta(days=1), time(), UTC)),
            "guild": guild_id,
        }
        async with self._lock:
            try:
                db = await self._connection()
                return await query_stats(db, period, guild_id, days, first_day, top, gap_limit)
            except DB_ERRORS as exc:
                await self._disconnect()
                raise UsageLogUnavailableError(f"The usage log cannot be read: {exc}") from exc

    # -- Writer internals --

    def _enqueue(self, row: UsageRow | VoteRow) -> None:
        if self._closed:
            self.dropped += 1
            return
        try:
            self._queue.put_nowait(row)
        except asyncio.QueueFull:
            self.dropped += 1
            if not self._queue_full_warned:
                self._queue_full_warned = True
                log.warning("Usage log queue is full; dropping rows until the writer catches up.")
            return
        if self._queue.qsize() >= self._batch_size:
            self._wake.set()

    async def _run(self) -> None:
        next_purge = asyncio.get_running_loop().time() + _DAY_SECONDS
        while not self._closing:
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self._flush_interval)
            except TimeoutError:
                pass
            self._wake.clear()
            await self.flush()
            if asyncio.get_running_loop().time() >= next_purge:
                next_purge += _DAY_SECONDS
                await self._purge_for_retention()

    async def _write(self, batch: list[UsageRow | VoteRow]) -> None:
        usage = [row for row in batch if isinstance(row, UsageRow)]
        votes = [row for row in batch if isinstance(row, VoteRow)]
        try:
            db = await self._connection()
            await db.execute("BEGIN IMMEDIATE")
            try:
                if usage:
                    await db.executemany(INSERT_USAGE, usage)
                if votes:  # in arrival order, so the latest re-vote wins
                    await db.executemany(UPSERT_VOTE, votes)
                await db.execute("COMMIT")
            except Exception:
                await rollback(db)
                raise
        except DB_ERRORS as exc:
            self.dropped += len(batch)
            self._fail(exc)
            # Reopen next time: a read-only or replaced file needs a fresh connection.
            await self._disconnect()
            return
        if self._failing:
            log.warning("Usage log is writable again; %d rows dropped so far.", self.dropped)
        self._failing = False
        self._queue_full_warned = False

    def _fail(self, exc: BaseException) -> None:
        # One warning per outage, not one per row or per flush.
        if not self._failing:
            self._failing = True
            log.warning("Usage log %s is unavailable (%s); dropping rows.", self.path, exc)

    async def _purge_for_retention(self) -> None:
        if self._retention_days == 0:
            return
        try:
            removed = await self.purge(self._retention_days)
        except UsageLogUnavailableError as exc:
            log.warning("Usage log retention purge failed: %s", exc)
        else:
            log.info("Usage log retention purge removed %d rows.", removed)

    async def _delete(self, statements: Sequence[str], parameter: str) -> int:
        async with self._lock:
            try:
                db = await self._connection()
                await db.execute("BEGIN IMMEDIATE")
                removed = 0
                try:
                    for sql in statements:
                        cursor = await db.execute(sql, (parameter,))
                        removed += cursor.rowcount
                    await db.execute("COMMIT")
                except Exception:
                    await rollback(db)
                    raise
            except DB_ERRORS as exc:
                await self._disconnect()
                raise UsageLogUnavailableError(f"The usage log cannot be changed: {exc}") from exc
            return removed

    # -- Connection internals (call with self._lock held) --

    async def _connection(self) -> aiosqlite.Connection:
        current = file_id(self.path)
        if self._db is not None and (current is None or current != self._file_id):
            # Deleted or replaced under us: writes would go to an unlinked inode. Closing
            # first also removes the old -wal, which must not be replayed into a new file.
            log.warning("Usage log %s was deleted or replaced; reopening it.", self.path)
            await self._disconnect()
        if self._db is None:
            self._db = await open_database(self.path, self._busy_timeout)
            self._file_id = file_id(self.path)
        return self._db

    async def _disconnect(self) -> None:
        db, self._db, self._file_id = self._db, None, None
        if db is not None:
            await close_quietly(db)
