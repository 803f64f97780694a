"""What the change log holds: a row per entry changed, and a change per moderator action.

One action (an add that also creates its source, an import of hundreds of entries, an
applied draft) is one batch of rows and one `ChangeSet`: every row carries the change's
number (the id of the batch's first row) and its one-line title, so the history lists the
action once and undo reverses it whole. Both change logs (SQLite, PostgreSQL) read changes
with the statements here, written once (see `statement`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any, Final

#: Rows of each change the history reads: enough to name it and show what it did.
SHOWN_ROWS: Final = 5

# Each row is read with its fields (in `Change`'s order), the numbers of the changes it
# undoes and was undone by (the table links rows to rows), and its change's row count.
#: A page of a server's applied changes, newest first, with of each its first SHOWN_ROWS
#: sources and first SHOWN_ROWS other entries (an import may list all its sources first).
CHANGES_PAGE: Final = """
    WITH page AS (
        SELECT change_id FROM {table} WHERE guild_id = :guild AND status = 'applied'
        GROUP BY change_id ORDER BY change_id DESC LIMIT :limit OFFSET :offset
    ), ranked AS (
        SELECT *, COUNT(*) OVER (PARTITION BY change_id) AS size,
            ROW_NUMBER() OVER (PARTITION BY change_id, kind = 'source' ORDER BY id) AS position
        FROM {table} WHERE guild_id = :guild AND status = 'applied'
            AND change_id IN (SELECT change_id FROM page)
    )
    SELECT c.id, c.batch, c.guild_id, c.at, c.actor_id, c.actor_name, c.action, c.entry_id,
        c.kind, c.summary, c.before, c.after, c.status, c.undoes, c.undone_by, c.change_id,
        c.title, o.change_id, u.change_id, c.size
    FROM ranked c LEFT JOIN {table} o ON o.id = c.undoes LEFT JOIN {table} u ON u.id = c.undone_by
    WHERE c.position <= :shown ORDER BY c.change_id DESC, c.id
"""
#: Every row of one of a server's changes, in whatever state, oldest first.
ONE_CHANGE: Final = """
    WITH whole AS (
        SELECT *, COUNT(*) OVER () AS size FROM {table}
        WHERE guild_id = :guild AND change_id = :number
    )
    SELECT c.id, c.batch, c.guild_id, c.at, c.actor_id, c.actor_name, c.action, c.entry_id,
        c.kind, c.summary, c.before, c.after, c.status, c.undoes, c.undone_by, c.change_id,
        c.title, o.change_id, u.change_id, c.size
    FROM whole c LEFT JOIN {table} o ON o.id = c.undoes LEFT JOIN {table} u ON u.id = c.undone_by
    ORDER BY c.id
"""


@dataclass(frozen=True, slots=True)
class Change:
    """One row of the change log: one entry's before and after."""

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
    #: The change (moderator action) the row belongs to: its first row's id.
    change_id: int | None = None
    #: That change's line in the history; None on rows logged before changes had one.
    title: str | None = None


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


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """One moderator action as the history lists it and undo reverses it.

    `rows` are its entries' rows, oldest first: all of them when read to be undone, the
    first few when read for the history (`size` counts them all).
    """

    id: int
    rows: tuple[Change, ...]
    size: int
    undoes: int | None = None  # the number of the change it reversed
    undone_by: int | None = None  # the number of the change that reversed it

    @property
    def main(self) -> Change:
        """The row that names the change: its first entry that is not a source."""
        return next((row for row in self.rows if row.kind != "source"), self.rows[0])

    @property
    def title(self) -> str:
        """One line: "Imported 490 entries", "Added quote “…” (and its source)"."""
        main = self.main
        return main.title or f"{main.action} {main.kind} “{main.summary}”"

    # The main row's fields, read through (who, when, which entry), as on a row.

    @property
    def batch(self) -> str:
        """The batch id its rows share."""
        return self.main.batch

    @property
    def at(self) -> str:
        """When it was made (UTC, ISO 8601)."""
        return self.main.at

    @property
    def actor_name(self) -> str:
        """Who made it."""
        return self.main.actor_name

    @property
    def action(self) -> str:
        """What it did to its main entry: add, edit, remove or undo."""
        return self.main.action

    @property
    def kind(self) -> str:
        """Its main entry's kind."""
        return self.main.kind

    @property
    def entry_id(self) -> str:
        """Its main entry's id."""
        return self.main.entry_id

    @property
    def summary(self) -> str:
        """Its main entry's label."""
        return self.main.summary


#: One pending row of a batch, for either database (through `statement`).
INSERT_PENDING: Final = (
    "INSERT INTO {table} (batch, guild_id, at, actor_id, actor_name, action, entry_id, kind, "
    "summary, before, after, status, undoes, change_id, title) VALUES (:batch, :guild_id, :at, "
    ":actor_id, :actor_name, :action, :entry_id, :kind, :summary, :before, :after, 'pending', "
    ":undoes, :change_id, :title)"
)


def pending_row(
    batch: str,
    guild_id: int,
    at: str,
    actor: tuple[int, str],
    change: PlannedChange,
    change_id: int | None,
    title: str | None,
) -> dict[str, Any]:
    """`INSERT_PENDING`'s parameters, with the stored texts cut to their column limits."""
    return {
        "batch": batch,
        "guild_id": guild_id,
        "at": at,
        "actor_id": actor[0],
        "actor_name": actor[1][:100],
        "action": change.action,
        "entry_id": change.entry_id,
        "kind": change.kind,
        "summary": change.summary[:300],
        "before": change.before,
        "after": change.after,
        "undoes": change.undoes,
        "change_id": change_id,
        "title": title[:300] if title else None,
    }


_ROW_WIDTH: Final = len(fields(Change))


def statement(template: str, table: str, pyformat: bool = False) -> str:
    """`CHANGES_PAGE` or `ONE_CHANGE` for one database: its table, its parameter style.

    SQLite takes the named parameters as written (`:guild`); psycopg wants `%(guild)s`.
    """
    text = template.replace("{table}", table)
    return re.sub(r":(\w+)", r"%(\1)s", text) if pyformat else text


def change_sets(rows: Iterable[tuple[Any, ...]]) -> list[ChangeSet]:
    """Rows read by `CHANGES_PAGE` or `ONE_CHANGE`, grouped into their changes, in order."""
    grouped: dict[int, list[tuple[Any, ...]]] = {}
    for row in rows:
        change = Change(*row[:_ROW_WIDTH])
        grouped.setdefault(change.change_id or change.id, []).append((change, *row[_ROW_WIDTH:]))
    return [
        ChangeSet(
            number,
            tuple(member[0] for member in members),
            int(members[0][3]),
            _number(members[0][1]),
            _number(members[0][2]),
        )
        for number, members in grouped.items()
    ]


def _number(value: Any) -> int | None:
    return None if value is None else int(value)
