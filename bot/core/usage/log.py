"""The usage log: one row per command and one vote per answer, and statistics over them.

Writes never slow down or fail a command. `UsageLog.record` hashes the user id and queues
the row (a bounded queue; when it is full the row is dropped and counted); a background
task batch-inserts the queue every second or so. When the database is locked, read-only,
full or gone, the batch is dropped and counted, one warning is logged, and the next flush
reopens the file (recreating it when it was deleted), so logging resumes by itself.

User ids are never stored: rows carry an HMAC-SHA256 of the id under a secret kept outside
the database (`load_or_create_secret`), so a leaked database alone cannot be joined back to
Discord accounts, while `forget` can still find a user's rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import Final, Literal, NamedTuple, Self

import aiosqlite

from bot.core.errors import CampaignBotError, ConfigError
from bot.core.usage.schema import (
    DB_ERRORS,
    INSERT_USAGE,
    UPSERT_VOTE,
    migrate,
    rollback,
    stamp,
    utc,
)
from bot.core.usage.stats import UsageStats, query_stats

log = logging.getLogger(__name__)

Outcome = Literal["answered", "nothing_found", "refused", "error"]
OUTCOMES: tuple[Outcome, ...] = ("answered", "nothing_found", "refused", "error")

#: Where a command ran. "private" is a group DM or a DM between users reached through a
#: user-installed app; "user-install" is a guild the bot is not a member of.
ChannelKind = Literal["guild", "dm", "private", "user-install", "cli", "unknown"]
CHANNEL_KINDS: tuple[ChannelKind, ...] = (
    "guild",
    "dm",
    "private",
    "user-install",
    "cli",
    "unknown",
)

#: Longest question kept, in characters: enough to group real questions, bounded storage.
QUESTION_MAX_CHARS: Final = 200
#: Longest other string parameter kept, in characters.
PARAM_MAX_CHARS: Final = 100
#: A shorter secret would make the user hash guessable by brute force.
SECRET_MIN_BYTES: Final = 16

_WHITESPACE = re.compile(r"\s+")
_DAY_SECONDS: Final = 86_400


#: Environment variable holding the user-hash secret (else a key file is used).
USAGE_SECRET_ENV: Final = "CAMPAIGN_BOT_USAGE_SECRET"  # noqa: S105 - a variable name


class UsageLogUnavailableError(CampaignBotError):
    """The usage database cannot be opened or queried right now."""


# -- Secret and normalisation ----------------------------------------------------------


def load_or_create_secret(env_value: str | None, key_path: Path) -> bytes:
    """Return the user-hash secret: from the environment, else the key file, else a new one.

    The secret is text (a new one is 64 hex digits), so the key file's contents can be
    moved into the environment unchanged. A new key file is written with mode 0600 and
    linked into place atomically; if another process won the race, its key is used.
    """
    if env_value is not None and env_value.strip():
        return _checked_secret(env_value.strip(), "the environment")
    try:
        return _checked_secret(key_path.read_text(encoding="utf-8").strip(), str(key_path))
    except FileNotFoundError:
        pass
    key_path.parent.mkdir(parents=True, exist_ok=True)
    text = secrets.token_bytes(32).hex()
    tmp = key_path.with_name(f".{key_path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text + "\n")
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(tmp, key_path)  # unlike rename, never replaces a key another process made
        except FileExistsError:
            return load_or_create_secret(None, key_path)
    finally:
        tmp.unlink(missing_ok=True)
    return text.encode("utf-8")


def _checked_secret(text: str, origin: str) -> bytes:
    secret = text.encode("utf-8")
    if len(secret) < SECRET_MIN_BYTES:
        raise ConfigError(f"The usage-log secret from {origin} is shorter than 16 bytes.")
    return secret


def hash_user_id(secret: bytes, user_id: int) -> str:
    """Return the keyed hash that stands for a user id in the log (hex HMAC-SHA256)."""
    return hmac.new(secret, str(user_id).encode("ascii"), hashlib.sha256).hexdigest()


def normalise_question(text: str) -> str:
    """Return a question in the form used for grouping: NFKC, trimmed, collapsed, case-folded.

    The result is capped at `QUESTION_MAX_CHARS`; an empty result means no question.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _WHITESPACE.sub(" ", folded).strip()[:QUESTION_MAX_CHARS].rstrip()


def _normalise_params(params: Mapping[str, object]) -> str:
    # Strings are trimmed and capped but keep their case: they are slugs and names.
    clean: dict[str, object] = {}
    for name, value in params.items():
        if isinstance(value, str):
            value = _WHITESPACE.sub(" ", value).strip()[:PARAM_MAX_CHARS]
        clean[name] = value
    # default=str: an odd parameter type must not fail the command being logged.
    return json.dumps(clean, sort_keys=True, separators=(",", ":"), default=str)


# -- What the front ends record --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UsageEvent:
    """One command as a front end saw it; the raw user id never leaves `record`."""

    command: str
    user_id: int
    outcome: Outcome
    guild_id: int | None = None
    channel_kind: ChannelKind = "guild"
    #: The free-text question, if the command has one; normalised before storing.
    question: str | None = None
    #: The other options, by name; JSON-encoded.
    params: Mapping[str, object] = field(default_factory=dict)
    result_count: int = 0
    latency_ms: float = 0.0
    #: When the command ran; now if omitted. A naive datetime is taken as UTC.
    at: datetime | None = None

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {self.outcome!r}")
        if self.channel_kind not in CHANNEL_KINDS:
            raise ValueError(f"unknown channel kind {self.channel_kind!r}")


@dataclass(frozen=True, slots=True)
class Vote:
    """A user's verdict on one answer; a second vote on the same answer replaces the first."""

    answer_id: str
    user_id: int
    helpful: bool
    question: str | None = None
    guild_id: int | None = None
    at: datetime | None = None


class _UsageRow(NamedTuple):
    at: str
    guild_id: int | None
    channel_kind: str
    user_hash: str
    command: str
    params: str
    question: str | None
    result_count: int
    latency_ms: int
    outcome: str


class _VoteRow(NamedTuple):
    answer_id: str
    user_hash: str
    helpful: int
    question: str | None
    guild_id: int | None
    at: str


# -- The log ---------------------------------------------------------------------------



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
        self._queue: asyncio.Queue[_UsageRow | _VoteRow] = asyncio.Queue(maxsize=queue_size)
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
        row = _UsageRow(
            at=stamp(event.at),
            guild_id=event.guild_id,
            channel_kind=event.channel_kind,
            user_hash=hash_user_id(self._secret, event.user_id),
            command=event.command,
            params=_normalise_params(event.params),
            question=normalise_question(event.question or "") or None,
            result_count=event.result_count,
            latency_ms=max(0, round(event.latency_ms)),
            outcome=event.outcome,
        )
        self._enqueue(row)

    def record_vote(self, vote: Vote) -> None:
        """Queue one feedback vote; never blocks or raises on a database fault."""
        row = _VoteRow(
            answer_id=vote.answer_id,
            user_hash=hash_user_id(self._secret, vote.user_id),
            helpful=int(vote.helpful),
            question=normalise_question(vote.question or "") or None,
            guild_id=vote.guild_id,
            at=stamp(vote.at),
        )
        self._enqueue(row)

    @property
    def pending(self) -> int:
        """Rows queued and not yet written."""
        return self._queue.qsize()

    async def flush(self) -> None:
        """Write every queued row now, in one transaction; on a fault drop and count them."""
        async with self._lock:
            batch: list[_UsageRow | _VoteRow] = []
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

    def _enqueue(self, row: _UsageRow | _VoteRow) -> None:
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

    async def _write(self, batch: list[_UsageRow | _VoteRow]) -> None:
        usage = [row for row in batch if isinstance(row, _UsageRow)]
        votes = [row for row in batch if isinstance(row, _VoteRow)]
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
        current = _file_id(self.path)
        if self._db is not None and (current is None or current != self._file_id):
            # Deleted or replaced under us: writes would go to an unlinked inode. Closing
            # first also removes the old -wal, which must not be replayed into a new file.
            log.warning("Usage log %s was deleted or replaced; reopening it.", self.path)
            await self._disconnect()
        if self._db is None:
            self._db = await _open(self.path, self._busy_timeout)
            self._file_id = _file_id(self.path)
        return self._db

    async def _disconnect(self) -> None:
        db, self._db, self._file_id = self._db, None, None
        if db is not None:
            await _close_quietly(db)


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def _check_openable(path: Path) -> None:
    """Raise for the common faults before SQLite sees them: clearer, and no thread to reap."""
    if not path.parent.is_dir():
        raise FileNotFoundError(f"the directory {path.parent} does not exist")
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a directory")


async def _open(path: Path, busy_timeout: float) -> aiosqlite.Connection:
    """Open the database in WAL mode, creating or upgrading its schema."""
    _check_openable(path)
    # isolation_level=None: we issue BEGIN and COMMIT ourselves.
    db = await aiosqlite.connect(path, timeout=busy_timeout, isolation_level=None)
    try:
        # WAL lets the statistics read while the writer writes; NORMAL is durable enough
        # for a usage log and far cheaper than FULL.
        await db.execute("PRAGMA journal_mode = WAL")
        await db.execute("PRAGMA synchronous = NORMAL")
        await migrate(db)
    except BaseException:
        await _close_quietly(db)
        raise
    return db


async def _close_quietly(db: aiosqlite.Connection) -> None:
    # Closing a connection to a broken file can fail too; there is nothing left to save.
    try:
        await db.close()
    except DB_ERRORS as exc:
        log.debug("Closing the usage log failed: %s", exc)


