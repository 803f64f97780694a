"""Whether an organisation wrote to a leader: a yes or no from the letters it signed or ran."""

from __future__ import annotations

import pytest

from bot.core.answers.ask import ask
from bot.core.scope import Scope


@pytest.mark.parametrize(
    ("question", "opens", "says"),
    [
        # ICNK coordinated the 2012 letter to Kim and the 2019 letter to Moon.
        (
            "did ICNK send letters to both Kim and Moon?",
            "Yes.",
            ["coordinated the 2012 letter to Kim Jong Un", "the 2019 letter to Moon Jae-in"],
        ),
        ("did the ICNK write to both Koreas' leaders?", "Yes.", ["Moon Jae-in", "Kim Jong Un"]),
        # Not named on the 2019 letter, whose sources name only some of its signers.
        (
            "did HRW write to Moon?",
            "No.",
            ["do not name Human Rights Watch on the 2019 letter", "of its 76 signers", "2018"],
        ),
        (
            "has Amnesty ever written to Moon Jae-in?",
            "No.",
            ["Amnesty International signed or coordinated the 2012 letter, to Kim Jong Un"],
        ),
        # Someone no letter went to.
        ("did HRW write to Trump?", "No.", ["no letter to Donald Trump"]),
    ],
)
def test_an_organisation_writing_to_someone_is_answered_from_its_letters(
    scope: Scope, question: str, opens: str, says: list[str]
) -> None:
    answer = ask(scope, question)
    assert answer.direct.startswith(opens), answer.direct
    for words in says:
        assert words in answer.direct


@pytest.mark.parametrize(
    ("question", "reading"),
    [
        # A letter the group signed, described by whom it was sent to: whether it signed it.
        (
            "I'd love to know whether Amnesty International put its name to the letter sent "
            "to Kim just before the Singapore summit.",
            "did Amnesty International sign",
        ),
        # A group named inside the letter's description writes nothing.
        (
            "Was the letter criticising Seoul's withdrawal from co-sponsoring the UN resolution "
            "addressed to Kim Jong Un or to the South Korean president?",
            "recipient",
        ),
        # A letter named: whether the group organised it.
        ("did HRW write the 2018 letter to Kim?", "organised by Human Rights Watch"),
    ],
)
def test_a_group_that_is_not_the_writer_gets_another_reading(
    scope: Scope, question: str, reading: str
) -> None:
    assert reading in ask(scope, question).interpretation
