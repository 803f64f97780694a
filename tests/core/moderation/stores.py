"""The two entry stores for the tests, and small entries to put in them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.moderation.changelog import PlannedChange
from bot.core.moderation.community import entry_yaml
from bot.core.moderation.stores import EntryStore, entry_store

GUILD, OTHER_GUILD = 111, 222


def organization(guild_id: int, n: int, name: str | None = None) -> tuple[str, str]:
    """(id, YAML) of a small organisation entry of a server."""
    entry_id = f"g{guild_id}-org-{n}"
    raw: dict[str, object] = {
        "id": entry_id,
        "name": name or f"Organisation {n}",
        "kind": "ngo",
        "sources": ["hrw-2019-joint-letter"],
    }
    return entry_id, entry_yaml("organization", raw)


def add(store: EntryStore, guild_id: int, n: int, name: str | None = None) -> str:
    """Add (or rewrite) one organisation under the writers' lock; return its batch."""
    entry_id, text = organization(guild_id, n, name)
    with store.locked():
        before = store.read_entry(guild_id, "organization", entry_id)
        change = PlannedChange(
            "add" if before is None else "edit",
            entry_id,
            "organization",
            name or entry_id,
            before,
            text,
        )
        return store.apply(guild_id, 7, "mod", [change])


def make_store(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest, **options: object
) -> EntryStore:
    """A store of that kind over an empty folder or an empty database."""
    if kind == "files":
        store = entry_store(tmp_path / "community", None)
    else:
        store = entry_store(None, request.getfixturevalue("postgres_url"), **options)  # type: ignore[arg-type]
    assert store is not None
    return store
