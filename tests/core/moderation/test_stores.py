"""Both entry stores (files, PostgreSQL) behave alike: the same tests run on each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.moderation.changelog import PlannedChange
from bot.core.moderation.stores import EntryStore
from tests.core.moderation.stores import GUILD, OTHER_GUILD, add, make_store, organization


@pytest.fixture(params=["files", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EntryStore]:
    """An empty store of each kind."""
    opened = make_store(request.param, tmp_path, request)
    yield opened
    opened.close()


def test_an_applied_entry_is_read_back_as_written(store: EntryStore) -> None:
    """What a batch writes is the entry's text, parsed under its display path."""
    add(store, GUILD, 1)
    entry_id, text = organization(GUILD, 1)
    assert store.read_entry(GUILD, "organization", entry_id) == text
    parsed = store.parse_guild(GUILD)
    assert [r.entity.id for r in parsed.records] == [entry_id]
    assert parsed.records[0].location.path == f"{GUILD}/organizations/{entry_id}.yaml"
    assert parsed.problems == []
    assert store.guilds() == [GUILD]


def test_servers_never_see_each_other(store: EntryStore) -> None:
    """Entries and history of one server are invisible to another."""
    add(store, GUILD, 1)
    add(store, OTHER_GUILD, 2)
    assert [r.entity.id for r in store.parse_guild(OTHER_GUILD).records] == [
        organization(OTHER_GUILD, 2)[0]
    ]
    mine = store.changelog.history(GUILD)
    assert [c.guild_id for c in mine] == [GUILD]
    assert store.changelog.get(OTHER_GUILD, mine[0].id) is None


def test_history_lists_applied_changes_newest_first(store: EntryStore) -> None:
    """Each change is logged with who, what, before and after; newest first."""
    add(store, GUILD, 1)
    add(store, GUILD, 1, name="Renamed")
    first, second = reversed(store.changelog.history(GUILD))
    assert (first.action, second.action) == ("add", "edit")
    assert first.before is None and second.before == first.after
    assert (second.actor_id, second.actor_name, second.status) == (7, "mod", "applied")
    assert store.latest_change(GUILD) == second.id > first.id


def test_a_removal_deletes_the_entry(store: EntryStore) -> None:
    """A change whose after is None removes the entry."""
    add(store, GUILD, 1)
    entry_id, text = organization(GUILD, 1)
    with store.locked():
        store.apply(
            GUILD, 7, "mod", [PlannedChange("remove", entry_id, "organization", "gone", text, None)]
        )
    assert store.read_entry(GUILD, "organization", entry_id) is None
    assert store.parse_guild(GUILD).records == []


def test_an_undo_links_both_changes(store: EntryStore) -> None:
    """An undo change records which change it undoes, and that one who undid it."""
    add(store, GUILD, 1)
    (added,) = store.changelog.history(GUILD)
    with store.locked():
        store.apply(
            GUILD,
            7,
            "mod",
            [
                PlannedChange(
                    "undo",
                    added.entry_id,
                    "organization",
                    "undo",
                    added.after,
                    None,
                    undoes=added.id,
                )
            ],
        )
    undo, original = store.changelog.history(GUILD)
    assert (undo.undoes, original.undone_by) == (added.id, undo.id)


def test_a_broken_entry_is_a_problem_not_a_crash(store: EntryStore) -> None:
    """Unparsable YAML in an entry is reported under its path; the others still load."""
    add(store, GUILD, 1)
    with store.locked():
        store.apply(
            GUILD,
            7,
            "mod",
            [
                PlannedChange(
                    "add", f"g{GUILD}-bad", "organization", "bad", None, "organizations: [\n"
                )
            ],
        )
    parsed = store.parse_guild(GUILD)
    assert [r.entity.id for r in parsed.records] == [organization(GUILD, 1)[0]]
    assert [p.path for p in parsed.problems] == [f"{GUILD}/organizations/g{GUILD}-bad.yaml"]


def test_apply_needs_the_lock(store: EntryStore) -> None:
    """A batch applied without the writers' lock is refused before anything is written."""
    entry_id, text = organization(GUILD, 1)
    with pytest.raises(RuntimeError):
        store.apply(
            GUILD, 7, "mod", [PlannedChange("add", entry_id, "organization", "x", None, text)]
        )
    assert store.read_entry(GUILD, "organization", entry_id) is None


def test_nothing_is_left_pending(store: EntryStore) -> None:
    """After applied batches the journal holds nothing pending and recovery has no work."""
    for n in range(3):
        add(store, GUILD, n)
    assert store.changelog.pending() == []
    assert store.recover() == 0
