"""Where the usage log keeps its rows: one interface, two implementations.

`UsageStore` is what `UsageLog` needs from storage; `SqliteUsageStore` (the embedded
default, a file per host) and `PostgresUsageStore` (one database shared by every process
on every host, when `database_url` is set) implement it, and the same tests run on both.
`usage_store` picks one from the settings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Protocol

from bot.core.usage.events import UsageRow, VoteRow
from bot.core.usage.stats import UsageStats


class UsageStore(Protocol):
    """A usage database. Not thread-safe: `UsageLog` calls it under its own lock.

    Every method may raise one of `errors` when the database is unreachable or broken; the
    next call opens it afresh, so a store recovers by itself once the fault is gone.
    """

    #: What a fault raises; `UsageLog` catches exactly these.
    errors: tuple[type[BaseException], ...]

    def describe(self) -> str:
        """Where the rows live, for log lines (never a password)."""
        ...

    def prepare(self) -> None:
        """Best-effort set-up before the first connection (a file's folder)."""
        ...

    async def connect(self) -> None:
        """Open the database if it is not open (or was replaced), creating its schema."""
        ...

    async def write(self, usage: list[UsageRow], votes: list[VoteRow]) -> None:
        """Insert commands and upsert votes (in order) in one transaction."""
        ...

    async def delete(self, column: str, value: str) -> int:
        """Delete matching commands and votes in one transaction; return how many.

        `column` is 'user_hash' (rows of that hash) or 'at' (rows older than the stamp).
        """
        ...

    async def stats(
        self,
        period: dict[str, Any],
        guild_id: int | None,
        days: int,
        first_day: date,
        top: int,
        gap_limit: int,
    ) -> UsageStats:
        """The statistics of a period (see `query_stats`)."""
        ...

    async def disconnect(self) -> None:
        """Close the connection; never raises."""
        ...


def usage_store(path: Path, database_url: str | None, busy_timeout: float = 2.0) -> UsageStore:
    """PostgreSQL when a database URL is set, else the SQLite file at `path`."""
    if database_url:
        from bot.core.usage.storage.postgres import PostgresUsageStore

        return PostgresUsageStore(database_url)
    from bot.core.usage.storage.sqlite import SqliteUsageStore

    return SqliteUsageStore(path, busy_timeout)
