"""A yes-or-no answer opens with its verdict, put the way the question asked for it."""

from __future__ import annotations

import pytest

from bot.core.answers.ask import ask
from bot.core.scope import Scope


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("true or false: HRW signed the 2018 letter", "Yes, that is true"),
        ("True or false: the 2019 letter was addressed to Kim Jong Un.", "No, that is false"),
        ("any brazilian groups on the 2012 letter?", "Yes."),
        ("is there any group from Japan on the 2012 letter?", "Yes."),
    ],
)
def test_the_verdict_opens_the_answer(scope: Scope, question: str, opening: str) -> None:
    """The verdict comes first, in the question's own terms."""
    answer = ask(scope, question)
    assert answer.direct is not None and answer.direct.startswith(opening), answer.direct


@pytest.mark.parametrize(
    "question",
    [
        "any idea who signed the 2018 letter?",  # asked of the reader, not whether any exist
        "anyone know when the 2019 letter was sent?",
        "anything in the 2019 letter about nuclear weapons?",  # nothing: no "Yes"
    ],
)
def test_no_yes_where_nothing_was_asked_or_found(scope: Scope, question: str) -> None:
    """ "Any idea …" asks the bot; a topic the letter lacks gets no "Yes" before saying so."""
    answer = ask(scope, question)
    opening = answer.direct or answer.lead[0]
    assert not opening.startswith("Yes"), opening
