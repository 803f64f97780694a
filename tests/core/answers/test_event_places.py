"""Events named by where they happened: the proper nouns of their titles."""

from __future__ import annotations

from bot.core.answers.reader.event_clues import event_place_words
from bot.core.kb.corpus import KnowledgeBase


def test_an_events_place_names_it(bundled_kb: KnowledgeBase) -> None:
    """Panmunjom, Singapore and Geneva each name one event; common words and names do not."""
    places = event_place_words(bundled_kb)
    assert "panmunjom" in places["panmunjom-declaration-2018"]
    assert "singapor" in places["singapore-summit-2018"]
    assert "geneva" in places["quintana-geneva-briefing-2018"]
    every = {w for words in places.values() for w in words}
    # "Declaration" is written in lower case elsewhere; "Kim" and "Trump" name people
    assert not {"declar", "kim", "trump", "summit", "senat"} & every
