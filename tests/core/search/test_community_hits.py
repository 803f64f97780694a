"""A server's own signatories and demands are found by search, labelled, and kept to it.

Regression: search crashed with a KeyError on the hit label in any server that had its own
signatories or demands, since the label table knew only the bundled kinds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.answers import kinds as answers
from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.service import Actor, Moderation

GUILD, OTHER = 1, 2
MOD = Actor(42, "mod")
SOURCE = "https://example.org/golf"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """An engine with its own index and community folder."""
    started = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    started.start()
    yield started
    started.close()


def _hit_titles(engine: Engine, guild: int, query: str) -> dict[str, str]:
    answer = engine.call(answers.search, guild, query)
    return {i.entity_id: i.title for s in answer.sections for i in s.items if i.entity_id}


def test_own_demand_is_found_and_labelled_in_its_server_only(engine: Engine) -> None:
    """A demand "… golf" added to server 1 answers "golf" there, and server 2 sees nothing."""
    result = Moderation(engine).add(
        GUILD,
        MOD,
        "demand",
        {"letter": "2018", "text": "Close the prison golf course.", "source": SOURCE},
    )
    (demand_id,) = result.entry_ids
    titles = _hit_titles(engine, GUILD, "golf")
    assert titles[demand_id].startswith("Demand:")
    assert demand_id not in _hit_titles(engine, OTHER, "golf")
    assert not engine.call(answers.search, OTHER, "golf").found


def test_own_signatory_is_found_and_labelled_in_its_server_only(engine: Engine) -> None:
    """A signatory added to server 1 shows as "Signatory: …" there, and not in server 2."""
    result = Moderation(engine).add(
        GUILD,
        MOD,
        "signatory",
        {
            "letter": "2018",
            "organization": "Amnesty",
            "note": "listed as Amnesty Golfclub",
            "source": SOURCE,
        },
    )
    (signatory_id,) = result.entry_ids
    answer = engine.call(answers.search, GUILD, "Amnesty", limit=50)
    titles = {i.entity_id: i.title for s in answer.sections for i in s.items}
    assert titles[signatory_id].startswith("Signatory:")
    assert answer.sources
    assert signatory_id not in _hit_titles(engine, OTHER, "Amnesty")
