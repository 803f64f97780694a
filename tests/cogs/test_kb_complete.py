"""/kb autocomplete and history lines, on a real engine over the bundled data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cogs.kb.complete import CHOICE_LIMIT, MAX_CHOICES, names_like, own_entries_like
from bot.cogs.kb.history import history_line
from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.service import Actor, Moderation

GUILD, OTHER = 1001, 2002
MOD = Actor(42, "mod")
QUOTE = {
    "person": "Quintana",
    "text": "Human rights belong on every agenda.",
    "date": "2019-03-01",
    "source": "Example Wire, 2019-03-01, Interview",
}


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[Engine]:
    """An engine with its own index and community folder, which a test may change."""
    started = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    started.start()
    yield started
    started.close()


def test_letters_are_offered_with_their_year(engine: Engine) -> None:
    """A letter's choice starts with its year, so two letters to one leader differ."""
    choices = names_like(engine, None, "", ("letter",))
    assert choices and all(choice.name[:4].isdigit() for choice in choices)
    assert len(choices) <= MAX_CHOICES


def test_offered_names_fit_discord(engine: Engine) -> None:
    """Every choice's name and value fit Discord's 100 characters, whatever was typed."""
    choices = names_like(engine, None, "k" * 500, ("person", "organization"))
    choices += names_like(engine, None, "", ("organization",))
    assert choices
    assert all(len(c.name) <= CHOICE_LIMIT and len(c.value) <= CHOICE_LIMIT for c in choices)


def test_own_entries_are_offered_to_their_server_only(writable: Engine) -> None:
    """A server's quote is offered to it by a word of its label, and to no other server."""
    moderation = Moderation(writable)
    [entry_id] = moderation.add(GUILD, MOD, "quote", QUOTE).entry_ids
    [choice] = own_entries_like(moderation, GUILD, "  AGENDA ")
    assert choice.value == entry_id and choice.name.startswith("quote: ")
    assert own_entries_like(moderation, OTHER, "") == []
    assert own_entries_like(moderation, None, "") == []


def test_history_line_names_the_change_and_its_undo(writable: Engine) -> None:
    """A line shows number, moderator, action and summary, the undo, and what changed."""
    moderation = Moderation(writable)
    moderation.add(GUILD, MOD, "quote", QUOTE)  # the quote and its new source
    [added] = [c.id for c in moderation.history(GUILD) if c.kind == "quote"]
    [undone] = moderation.undo(GUILD, MOD, added).change_ids
    lines = {change.id: history_line(change) for change in moderation.history(GUILD)}
    assert lines[added].startswith(f"**#{added}** · ")
    assert "mod — Added quote “Human rights" in lines[added] and "(and its source)" in lines[added]
    assert f"~~undone~~ by #{undone}" in lines[added]
    assert f"(undoes #{added})" in lines[undone]
    assert "\n  " in lines[added]  # the fields the change set, indented under it
