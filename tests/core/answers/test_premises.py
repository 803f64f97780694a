"""A question that names its letter by a recipient the letter did not go to is told so first."""

from __future__ import annotations

import pytest

from bot.core.answers.ask import ask
from bot.core.scope import Scope


@pytest.mark.parametrize(
    ("question", "note"),
    [
        (
            "Who signed the 2018 letter to President Moon?",
            "the 2018 joint letter went to Kim Jong Un, not Moon Jae-in; "
            "the letter to Moon Jae-in is the 2019 one.",
        ),
        # The recipient's name standing before "letter", as people say it.
        (
            "who signed the 2018 moon letter?",
            "the letter to Moon Jae-in is the 2019 one.",
        ),
        (
            "what did the 2019 kim jong un letter demand",
            "the 2019 joint letter went to Moon Jae-in, not Kim Jong Un; "
            "the letters to Kim Jong Un are the 2012 and 2018 ones.",
        ),
    ],
)
def test_a_recipient_that_does_not_fit_the_year_is_noted_first(
    scope: Scope, question: str, note: str
) -> None:
    answer = ask(scope, question)
    assert answer.direct.startswith("Note: ")
    assert note in answer.direct


@pytest.mark.parametrize(
    "question",
    [
        "who signed the 2019 moon letter?",
        "what did the 2018 letter to Kim Jong Un demand?",
        # A speaker's words about a letter, not a letter sent to him.
        "what did Moon say about the 2018 letter?",
    ],
)
def test_a_recipient_that_fits_gets_no_note(scope: Scope, question: str) -> None:
    assert "Note: " not in ask(scope, question).direct
