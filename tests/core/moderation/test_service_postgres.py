"""Moderators' changes with the entries in PostgreSQL: test_service.py's tests, run again.

The backend-neutral tests of test_service.py are imported and collected here with an engine
whose entries live in a fresh database, so the same behaviours are checked on both stores.
Those that look at entry files directly are replaced by database twins below, and two
engines with their own index folders stand for two hosts sharing the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.answers import kinds as answers
from bot.core.engine import Engine
from bot.core.errors import ValidationError
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.service import Moderation
from bot.core.storage.postgres import DatabaseUnavailableError
from tests.core.moderation.test_service import (  # noqa: F401 - collected again here
    GUILD,
    MOD,
    OTHER,
    QUOTE,
    quote_ids,
    test_added_quote_is_searchable_at_once_in_its_server_only,
    test_added_quote_is_seen_only_in_its_server,
    test_bundled_corpus_is_read_only,
    test_concurrent_adds_all_land,
    test_duplicate_quote_is_refused,
    test_edit_remove_undo_round_trip,
    test_entry_in_use_cannot_be_removed,
    test_export_all_includes_bundled_and_reimports_as_unchanged,
    test_export_reimports_to_the_same_entries,
    test_import_from_another_server_moves_ids_into_this_one,
    test_other_servers_cannot_touch_or_learn_entries,
    test_signatory_and_demand_extend_a_bundled_letter_in_one_server,
    test_undo_is_refused_twice_and_after_a_later_change,
)
from tests.postgres import set_reachable


def host(tmp_path: Path, name: str, url: str) -> Engine:
    """A started engine with its own index folder (a host) and the shared database."""
    started = Engine(bundled_data_dir(), tmp_path / name / "index", database_url=url)
    started.start()
    return started


@pytest.fixture
def engine(tmp_path: Path, postgres_url: str) -> Iterator[Engine]:
    """An engine whose moderators' entries live in a fresh database."""
    started = host(tmp_path, "a", postgres_url)
    yield started
    started.close()


@pytest.fixture
def moderation(engine: Engine) -> Moderation:
    """Moderation over the engine."""
    return Moderation(engine)


def test_a_refused_entry_writes_nothing(engine: Engine, moderation: Moderation) -> None:
    """A change that does not validate leaves no row and no change in the database."""
    with pytest.raises(ValidationError):
        moderation.add(GUILD, MOD, "quote", {**QUOTE, "person": "", "date": "someday"})
    assert engine.community is not None
    assert engine.community.parse_guild(GUILD).records == []
    assert moderation.history(GUILD) == []


def test_entries_survive_a_restart(
    tmp_path: Path, engine: Engine, moderation: Moderation, postgres_url: str
) -> None:
    """A new engine on another host loads the server's entries from the database."""
    (entry_id,) = moderation.add(GUILD, MOD, "quote", QUOTE).entry_ids
    engine.close()
    again = host(tmp_path, "b", postgres_url)
    assert entry_id in quote_ids(again, GUILD)
    again.close()


def test_another_hosts_change_is_answered_and_undone_here(
    tmp_path: Path, engine: Engine, moderation: Moderation, postgres_url: str
) -> None:
    """An entry added on host B is answered on host A; A's undo removes it on B too."""
    other = host(tmp_path, "b", postgres_url)
    added = Moderation(other).add(GUILD, MOD, "quote", QUOTE)
    (entry_id,) = added.entry_ids
    engine.refresh_if_changed(GUILD, force=True)
    assert entry_id in quote_ids(engine, GUILD)
    assert entry_id not in quote_ids(engine, OTHER)

    # The change's number is the last one the reply names (its source, when new, comes first).
    moderation.undo(GUILD, MOD, added.change_ids[-1])
    other.refresh_if_changed(GUILD, force=True)
    assert entry_id not in quote_ids(other, GUILD)
    assert other.community is not None
    undone = {
        row.entry_id for row in other.community.changelog.history(GUILD) if row.action == "undo"
    }
    assert entry_id in undone
    other.close()


def test_database_down_answers_go_on_and_changes_fail_in_one_line(
    engine: Engine, moderation: Moderation, postgres_url: str
) -> None:
    """Down: bundled and loaded entries are answered, a change fails clearly; up: it works."""
    (entry_id,) = moderation.add(GUILD, MOD, "quote", QUOTE).entry_ids
    set_reachable(postgres_url, False)
    try:
        engine.refresh_if_changed(GUILD, force=True)
        assert entry_id in quote_ids(engine, GUILD)
        assert engine.call(answers.search, GUILD, "Kim Jong Un").found
        with pytest.raises(DatabaseUnavailableError) as caught:
            moderation.add(GUILD, MOD, "quote", {**QUOTE, "text": "Another statement."})
        assert "\n" not in str(caught.value)
    finally:
        set_reachable(postgres_url, True)
    moderation.add(GUILD, MOD, "quote", {**QUOTE, "text": "Another statement."})
    assert [c.kind for c in moderation.history(GUILD)].count("quote") == 2
