"""The moderators' change log: who changed what, when, with the before and after.

It doubles as a write-ahead journal. A change is recorded as *pending* before any file is
touched and marked *applied* once every file is in place. One moderator action (an add
that also creates its source, an import of hundreds of entries, an applied draft) is one
batch and one *change*: one row per entry, every row carrying the change's number (the id
of its first row) and its one-line title, so the history lists it once and undo reverses
it whole. `CommunityStore.recover` rolls back whatever a dead writer left pending (only
while holding the writers' lock, so never a live writer's batch), so a batch is applied
whole or not at all.

Plain `sqlite3`: every call runs on the engine's worker thread, never on the event loop.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

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

__all__ = ["SCHEMA_VERSION", "Change", "ChangeLog", "ChangeSet", "PlannedChange"]
from typing import Final

#: MIGRATIONS[n] upgrades a file at `PRAGMA user_version` n to n + 1. Append; never edit a
#: shipped step, since files in the field were built by it.
MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    # 0 → 1: one row per entry changed; the rows of one batch share its batch id.
    (
        """
        CREATE TABLE IF NOT EXISTS changes (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            batch       TEXT    NOT NULL,
            guild_id    INTEGER NOT NULL,
            at          TEXT    NOT NULL,
            actor_id    INTEGER NOT NULL,
            actor_name  TEXT    NOT NULL,
            action      TEXT    NOT NULL,   -- add, edit, remove, import, undo
            entry_id    TEXT    NOT NULL,
            kind        TEXT    NOT NULL,
            summary     TEXT    NOT NULL,
            before      TEXT,               -- the entry's YAML before, NULL when it did not exist
            after       TEXT,               -- the entry's YAML after, NULL when removed
            status      TEXT    NOT NULL,   -- pending, applied, rolled_back
            undoes      INTEGER REFERENCES changes(id),
            undone_by   INTEGER REFERENCES changes(id)
        )
        """,
        "CREATE INDEX IF NOT EXISTS changes_guild ON changes (guild_id, id)",
        "CREATE INDEX IF NOT EXISTS changes_status ON changes (status)",
    ),
    # 1 → 2: one action, one change. Rows logged before this step become changes of their
    # own (number = their id, no title), so each still lists and undoes as it did.
    (
        # The change a row belongs to: the id of the first row of its batch.
        "ALTER TABLE changes ADD COLUMN change_id INTEGER",
        # The change's line in the history ("Imported 490 entries"), on each of its rows.
        "ALTER TABLE changes ADD COLUMN title TEXT",
        "UPDATE changes SET change_id = id",
        "CREATE INDEX changes_change ON changes (guild_id, change_id)",
        # Finishing a batch finds its rows by batch id.
        "CREATE INDEX changes_batch ON changes (batch)",
    ),
)
SCHEMA_VERSION: Final = len(MIGRATIONS)


class ChangeLog:
    """The change log and journal, one SQLite file shared by every server's entries."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # a logged change must survive a crash
        self._db.execute("PRAGMA busy_timeout=5000")
        if self._version() < SCHEMA_VERSION:
            with self._transaction():
                # Read again under the write lock: another process may have just migrated.
                version = self._version()
                for step in MIGRATIONS[version:]:
                    for statement in step:
                        self._db.execute(statement)
                if version < SCHEMA_VERSION:
                    self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

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
        with self._transaction():
            for change in planned:
                cursor = self._db.execute(
                    statement(INSERT_PENDING, "changes"),
                    pending_row(
                        batch,
                        guild_id,
                        at,
                        (actor_id, actor_name),
                        change,
                        ids[0] if ids else None,
                        title,
                    ),
                )
                ids.append(int(cursor.lastrowid or 0))
            if ids:  # the first row is the change: its number is its own id
                self._db.execute("UPDATE changes SET change_id = id WHERE id = ?", (ids[0],))
        return ids

    def finish(self, batch: str, status: str = "applied") -> None:
        """Mark every change of a batch applied (or rolled back), and link undone changes."""
        with self._transaction():
            self._db.execute("UPDATE changes SET status = ? WHERE batch = ?", (status, batch))
            if status == "applied":
                self._db.execute(
                    "UPDATE changes SET undone_by = (SELECT u.id FROM changes u "
                    "WHERE u.batch = ? AND u.undoes = changes.id) "
                    "WHERE id IN (SELECT undoes FROM changes WHERE batch = ? "
                    "AND undoes IS NOT NULL)",
                    (batch, batch),
                )

    def pending(self) -> list[Change]:
        """Changes a crash left pending, oldest first."""
        rows = self._db.execute("SELECT * FROM changes WHERE status = 'pending' ORDER BY id")
        return [_change(row) for row in rows]

    def history(self, guild_id: int, limit: int = 50, offset: int = 0) -> list[Change]:
        """A server's applied rows (one per entry changed), newest first."""
        rows = self._db.execute(
            "SELECT * FROM changes WHERE guild_id = ? AND status = 'applied' "
            "ORDER BY id DESC LIMIT ? OFFSET ?",
            (guild_id, limit, offset),
        )
        return [_change(row) for row in rows]

    def changes(self, guild_id: int, limit: int = 50, offset: int = 0) -> list[ChangeSet]:
        """A server's applied changes (one per moderator action), newest first."""
        rows = self._db.execute(
            statement(CHANGES_PAGE, "changes"),
            {"guild": guild_id, "limit": limit, "offset": offset, "shown": SHOWN_ROWS},
        )
        return change_sets(tuple(row) for row in rows)

    def change(self, guild_id: int, number: int) -> ChangeSet | None:
        """Every row of one of a server's changes; None for another server's or none."""
        rows = self._db.execute(
            statement(ONE_CHANGE, "changes"), {"guild": guild_id, "number": number}
        )
        found = change_sets(tuple(row) for row in rows)
        return found[0] if found else None

    def latest_id(self, guild_id: int) -> int:
        """The newest *finished* change of a server (0 when none): the freshness mark.

        Pending changes do not count, so the mark moves when a batch is applied or rolled
        back, not when it starts: a process that saw the mark move reloads once the files
        are whole, never while they are half-written. Writers are serialised by the
        store's lock, so finished ids only ever grow.
        """
        row = self._db.execute(
            "SELECT MAX(id) FROM changes WHERE guild_id = ? AND status != 'pending'", (guild_id,)
        ).fetchone()
        return int(row[0] or 0)

    def read_mark(self, guild_id: int) -> tuple[int, int]:
        """(newest change id in any state, pending changes) of a server, read at once.

        A reader of the entry files takes this before and after reading: when no change was
        pending and the mark did not move, no writer touched the files meanwhile (a batch
        is journalled, with new ids, before its first file is written).
        """
        row = self._db.execute(
            "SELECT MAX(id), COUNT(*) FILTER (WHERE status = 'pending') "
            "FROM changes WHERE guild_id = ?",
            (guild_id,),
        ).fetchone()
        return int(row[0] or 0), int(row[1] or 0)

    def get(self, guild_id: int, change_id: int) -> Change | None:
        """One of a server's rows; None for another server's (as if it did not exist)."""
        row = self._db.execute(
            "SELECT * FROM changes WHERE id = ? AND guild_id = ?", (change_id, guild_id)
        ).fetchone()
        return _change(row) if row else None

    def close(self) -> None:
        """Close the database."""
        self._db.close()


def _change(row: sqlite3.Row) -> Change:
    return Change(**{key: row[key] for key in row.keys()})
