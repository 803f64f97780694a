"""A message that describes a letter, then asks of it (`reader.described_letter`)."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.described_letter import asked_of_described_letter
from bot.core.scope import Scope


@pytest.mark.parametrize(
    ("message", "letter"),
    [
        ("the letter that mentioned 24.5 million people - what else was in it", "2012 letter"),
        ("for the letter with 76 co-signers, who was ICC's contact?", "2019 letter to Moon"),
        ("The letter where Phil Robertson was the Tokyo press contact — when was that?", "2012"),
    ],
)
def test_the_description_names_the_letter_the_question_is_asked_of(
    scope: Scope, message: str, letter: str
) -> None:
    found = asked_of_described_letter(scope, message)
    assert found is not None
    description, asked = found
    assert description in message
    assert asked.endswith("?") and letter in asked


@pytest.mark.parametrize(
    "message",
    [
        # The question asks of the description's own words, or names a letter itself.
        "the letter where the heir apparent got told to look to his legacy, who said that",
        "the letter CSW joined - what did the 2019 letter demand?",
        # No description, or one that fits no letter clearly.
        "the letter - who signed it?",
        "who signed the 2018 letter?",
        "the letter about something nobody wrote - who signed it?",
    ],
)
def test_no_question_is_taken_apart_without_a_clear_description(scope: Scope, message: str) -> None:
    assert asked_of_described_letter(scope, message) is None
