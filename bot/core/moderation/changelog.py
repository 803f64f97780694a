"""The moderators' change log: who changed what, when, with the before and after.

It doubles as a write-ahead journal. A change is recorded as *pending* before any file is
touched and marked *applied* once every file is in place; a batch (an import) shares one
batch id. `CommunityStore.recover` rolls back whatever a dead writer left pending (only
while holding the writers' lock, so never a live writer's batch), so a batch is applied
whole or not at all.

Plain `sqlite3`: every call runs on the engine's worker thread, never on the event loop.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SCHEMA_VERSION = 1
_SCHEMA = """
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
);
CREATE INDEX IF NOT EXISTS changes_guild ON changes (guild_id, id);
CREATE INDEX IF NOT EXISTS changes_status ON changes (status);
"""


@dataclass(frozen=True, slots=True)
class Change:
    """One row of the change log."""

    id: int
    batch: str
    guild_id: int
    at: str
    actor_id: int
    actor_name: str
    action: str
    entry_id: str
    kind: str
    summary: str
    before: str | None
    after: str | None
    status: str
    undoes: int | None = None
    undone_by: int | None = None


@dataclass(frozen=True, slots=True)
class PlannedChange:
    """A change about to be made: the entry and its YAML before and after."""

    action: str
    entry_id: str
    kind: str
    summary: str
    before: str | None
    after: str | None
    undoes: int | None = None


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
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            # executescript commits first, so the transaction lives inside the script.
            self._db.executescript(
                f"BEGIN IMMEDIATE;{_SCHEMA}PRAGMA user_version={SCHEMA_VERSION};COMMIT;"
            )

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
    ) -> list[int]:
        """Journal planned changes as pending, in one transaction; return their ids."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        ids = []
        with self._transaction():
            for change in planned:
                cursor = self._db.execute(
                    "INSERT INTO changes (batch, guild_id, at, actor_id, actor_name, action, "
                    "entry_id, kind, summary, before, after, status, undoes) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                    (
                        batch,
                        guild_id,
                        at,
                        actor_id,
                        actor_name[:100],
                        change.action,
                        change.entry_id,
                        change.kind,
                        change.summary[:300],
                        change.before,
                        change.after,
                        change.undoes,
                    ),
                )
                ids.append(int(cursor.lastrowid or 0))
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
        """A server's applied changes, newest first."""
        rows = self._db.execute(
            "SELECT * FROM changes WHERE guild_id = ? AND status = 'applied' "
            "ORDER BY id DESC LIMIT ? OFFSET ?",
            (guild_id, limit, offset),
        )
        return [_change(row) for row in rows]

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
        """One of a server's changes; None for another server's (as if it did not exist)."""
        row = self._db.execute(
            "SELECT * FROM changes WHERE id = ? AND guild_id = ?", (change_id, guild_id)
        ).fetchone()
        return _change(row) if row else None

    def close(self) -> None:
        """Close the database."""
        self._db.close()


def _change(row: sqlite3.Row) -> Change:
    return Change(**{key: row[key] for key in row.keys()})
