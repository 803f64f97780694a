"""The usage log: one row per command and one vote per answer, and statistics over them.

Writes never slow down or fail a command. `UsageLog.record` turns the event into a row
(user id hashed, text stripped of mentions: see `events`) and queues it (a bounded queue;
when it is full the row is dropped and counted); a background task batch-inserts the queue
every second or so. When the database is locked, read-only, full, down or gone, the batch
is dropped and counted, one warning is logged, and the next flush reopens the file or
reconnects to the server, so logging resumes by itself.

Where rows live is a `UsageStore` (`storage`): an SQLite file, or a PostgreSQL database
that every process on every host shares. The recording API (`UsageEvent`, `Vote`) lives
in `events`, the secret and user hash in `secret`; their public names are re-exported here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from bot.core.errors import CampaignBotError
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
from bot.core.usage.schema import stamp, utc
from bot.core.usage.secret import (
    SECRET_MIN_BYTES,
    USAGE_SECRET_ENV,
    hash_user_id,
    load_or_create_secret,
)
from bot.core.usage.stats import UsageStats
from bot.core.usage.storage import UsageStore
from bot.core.usage.storage.sqlite import SqliteUsageStore

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
    "UsageStore",
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
        store: UsageStore | Path,
        secret: bytes,
        *,
        retention_days: int = 0,
        queue_size: int = 10_000,
        batch_size: int = 500,
        flush_interval: float = 1.0,
        busy_timeout: float = 2.0,
    ) -> None:
        """Configure the log; nothing is opened until `start` or the first query.

        `store` is where rows live (a path means the SQLite file there). `retention_days`
        of 0 keeps rows forever. `batch_size` queued rows wake the writer before
        `flush_interval` seconds pass. `busy_timeout` bounds how long the writer (never a
        caller of `record`) waits for another process's lock on an SQLite file.
        """
        if retention_days < 0:
            raise ValueError("retention_days must be 0 (keep forever) or more")
        self.store: UsageStore = (
            SqliteUsageStore(store, busy_timeout) if isinstance(store, Path) else store
        )
        self._secret = secret
        self._retention_days = retention_days
        self._batch_size = batch_size
        self._flush_interval = flush_interval
        self._queue: asyncio.Queue[UsageRow | VoteRow] = asyncio.Queue(maxsize=queue_size)
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()
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
        self.store.prepare()
        async with self._lock:
            try:
                await self.store.connect()
            except self.store.errors as exc:
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
            await self.store.disconnect()

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
        return await self._delete("at", cutoff)

    async def forget(self, user_id: int) -> int:
        """Delete every command and vote of this user, queued ones included; return how many.

        Raises `UsageLogUnavailableError` if the database cannot be reached, so the user is
        not told their data is gone when it is not.
        """
        await self.flush()
        return await self._delete("user_hash", hash_user_id(self._secret, user_id))

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
                return await self.store.stats(period, guild_id, days, first_day, top, gap_limit)
            except self.store.errors as exc:
                await self.store.disconnect()
                raise UsageLogUnavailableError(
                    f"The usage log cannot be read: {_one_line(exc)}"
                ) from exc

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
            # Woken by a full buffer or by the interval running out: flush either way.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._flush_interval)
            self._wake.clear()
            await self.flush()
            if asyncio.get_running_loop().time() >= next_purge:
                next_purge += _DAY_SECONDS
                await self._purge_for_retention()

    async def _write(self, batch: list[UsageRow | VoteRow]) -> None:
        usage = [row for row in batch if isinstance(row, UsageRow)]
        votes = [row for row in batch if isinstance(row, VoteRow)]
        try:
            # Votes in arrival order, so the latest re-vote wins.
            await self.store.write(usage, votes)
        except self.store.errors as exc:
            self.dropped += len(batch)
            self._fail(exc)
            # Reopen next time: a read-only or replaced file, or a server that went away,
            # needs a fresh connection.
            await self.store.disconnect()
            return
        if self._failing:
            log.warning("Usage log is writable again; %d rows dropped so far.", self.dropped)
        self._failing = False
        self._queue_full_warned = False

    def _fail(self, exc: BaseException) -> None:
        # One warning per outage, not one per row or per flush.
        if not self._failing:
            self._failing = True
            log.warning(
                "Usage log %s is unavailable (%s); dropping rows.",
                self.store.describe(),
                _one_line(exc),
            )

    async def _purge_for_retention(self) -> None:
        if self._retention_days == 0:
            return
        try:
            removed = await self.purge(self._retention_days)
        except UsageLogUnavailableError as exc:
            log.warning("Usage log retention purge failed: %s", exc)
        else:
            log.info("Usage log retention purge removed %d rows.", removed)

    async def _delete(self, column: str, value: str) -> int:
        async with self._lock:
            try:
                return await self.store.delete(column, value)
            except self.store.errors as exc:
                await self.store.disconnect()
                raise UsageLogUnavailableError(
                    f"The usage log cannot be changed: {_one_line(exc)}"
                ) from exc


def _one_line(exc: BaseException) -> str:
    """A driver's message on one line (PostgreSQL's run over several), or the error's name."""
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
