"""The /about card: what the bot knows in a server, questions that work, the version."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import __version__
from bot.core.answers.ask import ask
from bot.core.answers.cards.about import EXAMPLE_QUESTIONS, about
from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.service import Actor, Moderation
from bot.core.scope import Scope

GUILD, OTHER = 4321, 8765
LETTER = {
    "title": "Joint letter on Zanzibar detentions",
    "date": "2024-05-01",
    "recipient": "Moon Jae-in",
    "summary": "Asks for the release of detainees.",
    "source": "Example Wire, 2024-05-01, The letter",
}


@pytest.fixture
def community_engine(tmp_path: Path) -> Iterator[Engine]:
    """An engine with its own index and community folder."""
    started = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    started.start()
    yield started
    started.close()


def section(card_scope: Scope, heading: str) -> list[str]:
    """The titles (or texts, for untitled items) of one section of the card."""
    card = about(card_scope)
    [found] = [s for s in card.sections if s.heading == heading]
    return [item.title or item.text for item in found.items]


def test_card_counts_what_the_server_sees(scope: Scope) -> None:
    """The lead counts the letters and the rest; each letter is listed with its counts."""
    card = about(scope)
    assert card.found and card.title == f"About campaign-bot {__version__}"
    assert f"Here I know {len(scope.kb.letters)} letters" in card.lead[1]
    letters = next(s for s in card.sections if s.heading == "The letters").items
    assert len(letters) == len(scope.kb.letters)
    by_year = {scope.kb.letters[str(item.entity_id)].year: item.text for item in letters}
    assert by_year[2018].startswith(
        "To Kim Jong Un. 2 named signatories; sources report 52 organizations"
    )


def test_card_names_every_way_moderators_add_entries(scope: Scope) -> None:
    """/kb add-…, /kb import and /kb draft are all explained."""
    names = " ".join(section(scope, "For moderators"))
    for command in ("/kb add-letter", "/kb import", "/kb draft", "/kb undo"):
        assert command in names


@pytest.mark.parametrize("question", EXAMPLE_QUESTIONS)
def test_example_questions_are_answered(scope: Scope, question: str) -> None:
    """Every example the card suggests finds its answer in the curated letters."""
    assert ask(scope, question).found


def test_a_servers_own_letter_is_listed_there_only(community_engine: Engine) -> None:
    """A moderator's letter joins that server's card, counted as theirs; not another's."""
    Moderation(community_engine).add(GUILD, Actor(1, "mod"), "letter", LETTER)
    community_engine.refresh_if_changed(GUILD, force=True)
    here = community_engine.call(about, GUILD)
    there = community_engine.call(about, OTHER)
    assert any(
        "Zanzibar" in title for title in section(community_engine.scope(GUILD), "The letters")
    )
    assert "added by this server's moderators" in here.lead[1]
    assert not any(
        "Zanzibar" in title for title in section(community_engine.scope(OTHER), "The letters")
    )
    assert "added by" not in there.lead[1]
