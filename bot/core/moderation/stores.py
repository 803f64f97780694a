"""Where moderators' entries and their change log live: one interface, two implementations.

`EntryStore` is what the engine and `Moderation` need; `community.CommunityStore` (files
and an SQLite change log, one host) and `postgres.PostgresCommunityStore` (one database
shared by every host, when `database_url` is set) implement it. `entry_store` picks one.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from bot.core.kb.corpus import ParsedFiles
from bot.core.kb.models import EntityKind
from bot.core.moderation.changes import Change, ChangeSet, PlannedChange


class ChangeHistory(Protocol):
    """The change log as its readers and writers use it (see `changelog.ChangeLog`)."""

    def begin(
        self,
        batch: str,
        guild_id: int,
        actor_id: int,
        actor_name: str,
        planned: list[PlannedChange],
        title: str | None = None,
    ) -> list[int]:
        """Journal a batch as pending, one change titled `title`; return its rows' ids."""
        ...

    def finish(self, batch: str, status: str = "applied") -> None:
        """Mark a batch applied or rolled back."""
        ...

    def pending(self) -> list[Change]:
        """Changes left pending, oldest first."""
        ...

    def history(self, guild_id: int, limit: int = 50, offset: int = 0) -> list[Change]:
        """A server's applied rows (one per entry changed), newest first."""
        ...

    def changes(self, guild_id: int, limit: int = 50, offset: int = 0) -> list[ChangeSet]:
        """A server's applied changes (one per moderator action), newest first."""
        ...

    def change(self, guild_id: int, number: int) -> ChangeSet | None:
        """Every row of one of a server's changes."""
        ...

    def latest_id(self, guild_id: int) -> int:
        """A server's newest finished change id."""
        ...

    def get(self, guild_id: int, change_id: int) -> Change | None:
        """One of a server's rows."""
        ...

    def close(self) -> None:
        """Release what the log holds."""
        ...


class EntryStore(Protocol):
    """Moderators' entries of every server, their change log, and the writers' lock."""

    lock_timeout: float

    @property
    def changelog(self) -> ChangeHistory:
        """The change log."""
        ...

    def guilds(self) -> list[int]:
        """Servers that have entries."""
        ...

    def entry_path(self, guild_id: int, kind: EntityKind, entry_id: str) -> Path:
        """Where an entry is (its display path under the store)."""
        ...

    def read_entry(self, guild_id: int, kind: EntityKind, entry_id: str) -> str | None:
        """An entry's YAML text, or None."""
        ...

    def parse_guild(self, guild_id: int) -> ParsedFiles:
        """Every entry of a server, parsed (problems collected, not raised)."""
        ...

    def latest_change(self, guild_id: int) -> int:
        """A server's freshness mark: its newest finished change id."""
        ...

    def locked(self) -> AbstractContextManager[None]:
        """One writer at a time, across threads, processes and hosts."""
        ...

    def apply(
        self,
        guild_id: int,
        actor_id: int,
        actor_name: str,
        planned: list[PlannedChange],
        title: str | None = None,
    ) -> str:
        """Apply a validated batch, one change titled `title`, whole or not at all; its batch id."""
        ...

    def recover(self) -> int:
        """Roll back what a dead writer left pending; return how many changes."""
        ...

    def close(self) -> None:
        """Close what the store holds."""
        ...


def entry_store(
    community_dir: Path | None,
    database_url: str | None,
    lock_timeout: float = 10.0,
    *,
    listen: bool = True,
) -> EntryStore | None:
    """PostgreSQL when a database URL is set, else the files under `community_dir` (if any)."""
    if database_url:
        from bot.core.moderation.postgres import PostgresCommunityStore

        return PostgresCommunityStore(database_url, lock_timeout, listen=listen)
    if community_dir is None:
        return None
    from bot.core.moderation.community import CommunityStore

    return CommunityStore(community_dir, lock_timeout)
