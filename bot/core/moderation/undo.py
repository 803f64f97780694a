"""Reversing one change whole, or saying why not: the inverse batch of a `ChangeSet`.

A change is undone as it was made, in one batch: every entry it touched goes back to what
it was before, or nothing is written. It is refused, naming the entries, when any of them
changed after it (a later change would be silently lost) or when an entry it would remove
is now used by another (that one would be left pointing at nothing).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from bot.core.errors import ValidationError
from bot.core.moderation.changes import Change, ChangeSet, PlannedChange
from bot.core.moderation.stores import EntryStore

#: Entries a refusal names; the rest are counted.
NAMED_MAX: Final = 10


def change_to_undo(store: EntryStore, guild_id: int, number: int) -> ChangeSet:
    """Change #`number` of the server, whole, if it can still be undone."""
    change = store.changelog.change(guild_id, number)
    if change is None or change.main.status != "applied":
        row = store.changelog.get(guild_id, number)
        whole = row.change_id if row is not None and row.status == "applied" else None
        if whole is not None and whole != number:
            raise ValidationError(
                [
                    f"#{number} is one entry of change #{whole}, which is undone whole: "
                    f"undo #{whole}."
                ]
            )
        raise ValidationError([f"This server has no change #{number}."])
    if change.undone_by is not None:
        raise ValidationError([f"Change #{number} was already undone by #{change.undone_by}."])
    return change


def plan_undo(store: EntryStore, guild_id: int, change: ChangeSet) -> list[PlannedChange]:
    """The batch that puts back every entry `change` touched; refused if any moved on since.

    One inverse row per row, newest first, each linked to the row it reverses (so the
    history marks the whole change undone).
    """
    first: dict[tuple[str, str], Change] = {}
    last: dict[tuple[str, str], Change] = {}
    for row in change.rows:
        first.setdefault((row.kind, row.entry_id), row)
        last[row.kind, row.entry_id] = row
    moved = [
        row
        for (kind, entry_id), row in last.items()
        if store.read_entry(guild_id, kind, entry_id) != row.after  # type: ignore[arg-type]
    ]
    if moved:
        raise ValidationError(
            [
                f"Change #{change.id} was not undone: {_named(moved)} changed after it. "
                "Undo the later changes first (see the history); nothing was changed."
            ]
        )
    # Entries of the change itself are put back too: only links from outside it count.
    touched = {row.entry_id for row in change.rows}
    using = users_of(store, guild_id)
    outside = {
        row.entry_id: using.get(row.entry_id, set()) - touched
        for row in first.values()
        if row.before is None
    }
    blocked = [row for row in first.values() if outside.get(row.entry_id)]
    if blocked:
        users = sorted({user for row in blocked for user in outside[row.entry_id]})
        more = f" and {len(users) - NAMED_MAX} more" if len(users) > NAMED_MAX else ""
        raise ValidationError(
            [
                f"Change #{change.id} was not undone: it would remove {_named(blocked)}, now "
                f"used by {', '.join(users[:NAMED_MAX])}{more}. Remove or edit those first; "
                "nothing was changed."
            ]
        )
    return [
        PlannedChange(
            "undo",
            row.entry_id,
            row.kind,
            f"undo #{row.id}: {row.summary}",
            row.after,
            row.before,
            undoes=row.id,
        )
        for row in reversed(change.rows)
    ]


def users_of(store: EntryStore, guild_id: int) -> dict[str, set[str]]:
    """For each entry id, the server's other entries (by id) that refer to it."""
    using: dict[str, set[str]] = {}
    for ref in store.parse_guild(guild_id).references:
        user = ref.path.rsplit("/", 1)[-1].removesuffix(".yaml")
        if user != ref.target:
            using.setdefault(ref.target, set()).add(user)
    return using


def _named(rows: Iterable[Change]) -> str:
    """“Label” (id) of each row's entry, the first NAMED_MAX of them, the rest counted."""
    rows = list(rows)
    named = ", ".join(
        f"{row.kind} “{row.summary[:80]}” ({row.entry_id})" for row in rows[:NAMED_MAX]
    )
    more = len(rows) - NAMED_MAX
    return named + (f" and {more} more" if more > 0 else "")
