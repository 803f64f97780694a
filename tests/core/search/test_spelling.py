"""Misspelled countries and key words are respelled; English words near them are not."""

from __future__ import annotations

import pytest

from bot.core.search.spelling import respelled


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("any canadain orgs", "any canadian orgs"),
        ("groups from Bangledesh", "groups from Bangladesh"),
        ("brazillian groups", "brazilian groups"),
        ("the philipines", "the philippines"),
        ("indonesain signers", "indonesian signers"),
        ("who signd the 2018 leter", "who signed the 2018 letter"),
        ("the UN raporteur", "the UN rapporteur"),
    ],
)
def test_a_misspelled_place_is_respelled(typed: str, meant: str) -> None:
    assert respelled(typed, frozenset()) == meant


@pytest.mark.parametrize(
    "text",
    [
        "hungry people",  # one letter short of Hungary, and a word
        "their surname",  # Suriname
        "a germane point",  # Germany
        "polished turkeys",  # Polish, Turkey: a word's own ending
        "Japan and Canada",  # already right
        "Thiland",  # a short word one letter off: left alone rather than guessed
        "the signer and the quotes",  # one letter off "signed", "quoted": other words
        "signatures of statesmen",  # two slips from "signatories", "statement"
    ],
)
def test_words_that_are_not_misspelled_places_stay(text: str) -> None:
    assert respelled(text, frozenset()) == text


def test_a_name_word_is_never_respelled() -> None:
    """A word some name in the knowledge base uses is that name's, not a typo."""
    assert respelled("canadain", frozenset({"canadain"})) == "canadain"
