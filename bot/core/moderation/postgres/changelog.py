"""The change log in PostgreSQL: `ChangeLog`'s methods and states over a shared table.

A batch is journalled as pending and marked applied inside the same transaction as its
entry rows (see `PostgresCommunityStore.apply`), so the database's own atomicity does what
the file store's recovery does: a batch is applied whole or not at all, and a crashed
writer leaves nothing pending behind.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.core.moderation.changes import (
    CHANGES_PAGE,
    INSERT_PENDING,
    ONE_CHANGE,
    SHOWN_ROWS,
    Change,
    ChangeSet,
    PlannedChange,
    change_sets,
    pending_row,
    statement,
)
from bot.core.storage.session import Session

_COLUMNS = (
    "id, batch, guild_id, at, actor_id, actor_name, action, entry_id, kind, "
    "summary, before, after, status, undoes, undone_by, change_id, title"
)
_PAGE = statement(CHANGES_PAGE, "community_changes", pyformat=True)
_ONE = statement(ONE_CHANGE, "community_changes", pyformat=True)
_INSERT = statement(INSERT_PENDING, "community_changes", pyformat=True) + " RETURNING id"


class PostgresChangeLog:
    """The moderators' change log and journal, one table shared by every host."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def begin(
        self,
        batch: str,
        guild_id: int,
        actor_id: int,
        actor_name: str,
        planned: list[PlannedChange],
        title: str | None = None,
    ) -> list[int]:
        """Journal a batch as pending, one change, in one transaction; return its rows' ids."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        ids: list[int] = []
        with self._session.use() as db, db.transaction():
            for change in planned:
                row = db.execute(
                    _INSERT,
                    pending_row(
                        batch,
                        guild_id,
                        at,
                        (actor_id, actor_name),
                        change,
                        ids[0] if ids else None,
                        title,
                    ),
                ).fetchone()
                ids.append(int(row[0]) if row else 0)
            if ids:  # the first row is the change: its number is its own id
                db.execute("UPDATE community_changes SET change_id = id WHERE id = %s", (ids[0],))
        return ids

    def finish(self, batch: str, status: str = "applied") -> None:
        """Mark every change of a batch applied (or rolled back), and link undone changes."""
        with self._session.use() as db, db.transaction():
            db.execute("UPDATE community_changes SET status = %s WHERE batch = %s", (status, batch))
            if status == "applied":
                db.execute(
                    "UPDATE community_changes c SET undone_by = u.id FROM community_changes u "
                    "WHERE u.batch = %s AND u.undoes = c.id",
                    (batch,),
                )

    def pending(self) -> list[Change]:
        """Changes left pending, oldest first (none: a batch is one transaction)."""
        return self._changes("WHERE status = 'pending' ORDER BY id", ())

    def history(self, guild_id: int, limit: int = 50, offset: int = 0) -> list[Change]:
        """A server's applied rows (one per entry changed), newest first."""
        return self._changes(
            "WHERE guild_id = %s AND status = 'applied' ORDER BY id DESC LIMIT %s OFFSET %s",
            (guild_id, limit, offset),
        )

    def changes(self, guild_id: int, limit: int = 50, offset: int = 0) -> list[ChangeSet]:
        """A server's applied changes (one per moderator action), newest first."""
        parameters = {"guild": guild_id, "limit": limit, "offset": offset, "shown": SHOWN_ROWS}
        with self._session.use() as db:
            return change_sets(db.execute(_PAGE, parameters).fetchall())

    def change(self, guild_id: int, number: int) -> ChangeSet | None:
        """Every row of one of a server's changes; None for another server's or none."""
        with self._session.use() as db:
            found = change_sets(db.execute(_ONE, {"guild": guild_id, "number": number}).fetchall())
        return found[0] if found else None

    def latest_id(self, guild_id: int) -> int:
        """The newest finished change of a server (0 when none): the freshness mark.

        Writers take turns under the advisory lock and commit before releasing it, so
        finished ids only ever grow, on every host.
        """
        with self._session.use() as db:
            row = db.execute(
                "SELECT MAX(id) FROM community_changes WHERE guild_id = %s AND status <> 'pending'",
                (guild_id,),
            ).fetchone()
        return int(row[0] or 0) if row else 0

    def latest_ids(self) -> dict[int, int]:
        """Every server's freshness mark at once (what a reconnecting listener catches up)."""
        with self._session.use() as db:
            rows = db.execute(
                "SELECT guild_id, MAX(id) FROM community_changes "
                "WHERE status <> 'pending' GROUP BY guild_id"
            ).fetchall()
        return {int(guild): int(latest) for guild, latest in rows}

    def read_mark(self, guild_id: int) -> tuple[int, int]:
        """(newest change id in any state, pending changes) of a server, read at once."""
        with self._session.use() as db:
            row = db.execute(
                "SELECT MAX(id), COUNT(*) FILTER (WHERE status = 'pending') "
                "FROM community_changes WHERE guild_id = %s",
                (guild_id,),
            ).fetchone()
        return (int(row[0] or 0), int(row[1] or 0)) if row else (0, 0)

    def get(self, guild_id: int, change_id: int) -> Change | None:
        """One of a server's changes; None for another server's (as if it did not exist)."""
        found = self._changes("WHERE id = %s AND guild_id = %s", (change_id, guild_id))
        return found[0] if found else None

    def close(self) -> None:
        """Nothing of its own to close: the store closes the session."""

    def _changes(self, where: str, parameters: tuple[Any, ...]) -> list[Change]:
        with self._session.use() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM community_changes {where}",  # noqa: S608 - our own constant clauses
                parameters,
            ).fetchall()
        return [_change(row) for row in rows]


def _change(row: tuple[Any, ...]) -> Change:
    (
        change_id,
        batch,
        guild_id,
        at,
        actor_id,
        actor_name,
        action,
        entry_id,
        kind,
        summary,
        before,
        after,
        status,
        undoes,
        undone_by,
        change_number,
        title,
    ) = row
    return Change(
        int(change_id),
        batch,
        int(guild_id),
        at,
        int(actor_id),
        actor_name,
        action,
        entry_id,
        kind,
        summary,
        before,
        after,
        status,
        None if undoes is None else int(undoes),
        None if undone_by is None else int(undone_by),
        None if change_number is None else int(change_number),
        title,
    )
