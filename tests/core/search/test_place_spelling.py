"""Misspelled countries and nationalities are respelled; English words near them are not."""

from __future__ import annotations

import pytest

from bot.core.search.place_spelling import respelled_places


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("any canadain orgs", "any canadian orgs"),
        ("groups from Bangledesh", "groups from Bangladesh"),
        ("brazillian groups", "brazilian groups"),
        ("the phillipines", "the philippines"),
        ("indonesain signers", "indonesian signers"),
    ],
)
def test_a_misspelled_place_is_respelled(typed: str, meant: str) -> None:
    assert respelled_places(typed, frozenset()) == meant


@pytest.mark.parametrize(
    "text",
    [
        "hungry people",  # one letter short of Hungary, and a word
        "their surname",  # Suriname
        "a germane point",  # Germany
        "polished turkeys",  # Polish, Turkey: a word's own ending
        "Japan and Canada",  # already right
        "Thiland",  # a short word one letter off: left alone rather than guessed
    ],
)
def test_words_that_are_not_misspelled_places_stay(text: str) -> None:
    assert respelled_places(text, frozenset()) == text


def test_a_name_word_is_never_respelled() -> None:
    """A word some name in the knowledge base uses is that name's, not a typo."""
    assert respelled_places("canadain", frozenset({"canadain"})) == "canadain"
