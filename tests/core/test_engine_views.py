"""A server's view in the engine: its entries laid over the bundled corpus, not a rebuild."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.answers.ask import ask
from bot.core.answers.reader import event_clues, letter_words
from bot.core.engine import Engine
from bot.core.kb.corpus import KnowledgeBase, bundled_data_dir
from bot.core.moderation.community import CommunityStore
from bot.core.moderation.service import Actor, Moderation
from bot.core.scope import Scope
from bot.core.search.names import NameIndex
from bot.core.search.roles import build_role_bags

GUILD = 5150
MOD = Actor(9, "mod")
SOURCE = "https://example.org/entries"
ENTRIES = [
    (
        "person",
        {"name": "Jane Quokka", "role": "Asia Director", "organization": "HRW", "source": SOURCE},
    ),
    (
        "organization",
        {
            "name": "Quokka Watch",
            "aliases": "QW",
            "country": "Japan",
            "type": "ngo",
            "source": SOURCE,
        },
    ),
    (
        "quote",
        {
            "person": "Jane Quokka",
            "text": "Prison camps must close.",
            "about": "the 2018 letter",
            "source": SOURCE,
        },
    ),
    ("signatory", {"letter": "2018", "organization": "Quokka Watch", "source": SOURCE}),
    ("demand", {"letter": "2018", "text": "Let monitors into the camps.", "source": SOURCE}),
    (
        "letter",
        {
            "title": "Quokka letter on prison camps",
            "date": "2024-05-01",
            "recipient": "Kim Jong Un",
            "summary": "Close the prison camps.",
            "source": SOURCE,
        },
    ),
]
QUESTIONS = [
    "Who is Jane Quokka?",
    "What did Jane Quokka say?",
    "Who signed the 2018 letter?",
    "What did the 2018 letter demand?",
    "Did Quokka Watch sign the 2018 letter?",
    "What is QW?",
    "Which letters were sent to Kim Jong Un?",
    "Who is HRW's Asia director?",
    "What is the Quokka letter on prison camps about?",
    "prison camps",
    "Who is Jane Quokka?",
]


def with_entries(folder: Path) -> Engine:
    """An engine over the bundled data with a server that has entries of every kind."""
    started = Engine(bundled_data_dir(), folder / "index", community_dir=folder / "community")
    started.start()
    moderation = Moderation(started)
    for kind, values in ENTRIES:
        moderation.add(GUILD, MOD, kind, values)
    return started


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """An engine whose server has entries of every kind."""
    started = with_entries(tmp_path)
    yield started
    started.close()


def rebuilt(engine: Engine) -> Scope:
    """The server's view as the engine built it before: everything loaded together."""
    kb = KnowledgeBase.from_records([*engine.kb.records.values(), *engine.guild_records(GUILD)])
    return Scope(kb, NameIndex(kb.entities()), engine.index, GUILD, engine.max_query_length)


def test_server_view_answers_as_a_rebuilt_view(engine: Engine) -> None:
    """Every question about the server's entries gets the answer a rebuilt view gives."""
    old = rebuilt(engine)
    for question in QUESTIONS:
        assert engine.call(ask, GUILD, question) == ask(old, question), question


def test_server_view_shares_tables_its_entries_do_not_change(engine: Engine) -> None:
    """Event rarities are the bundled view's own table; the letters' words are the view's."""
    view = engine.scope(GUILD).kb
    assert view.derived("event_word_bags", event_clues.event_bags) is engine.kb.derived(
        "event_word_bags", event_clues.event_bags
    )
    assert view.derived("letter_word_bags", letter_words.word_bags) != engine.kb.derived(
        "letter_word_bags", letter_words.word_bags
    )
    assert view.derived("role_bags", build_role_bags) == build_role_bags(rebuilt(engine).kb)


def test_entries_broken_on_disk_are_skipped_with_those_that_need_them(tmp_path: Path) -> None:
    """A person whose file names an unknown organisation is left out, and so is their quote."""
    engine = with_entries(tmp_path)
    assert isinstance(engine.community, CommunityStore)
    (person_file,) = (engine.community.root / str(GUILD) / "people").glob("*.yaml")
    text = person_file.read_text(encoding="utf-8")
    person_file.write_text(
        text.replace("human-rights-watch", "no-such-organisation"), encoding="utf-8"
    )
    engine.close()
    again = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    again.start()
    kinds = sorted(r.kind for r in again.guild_records(GUILD))
    assert kinds == ["demand", "letter", "organization", "signatory", "source"]
    again.close()
