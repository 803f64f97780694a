"""Which quotations are claims to check, and how they are read."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.claim_checks import checked_claim


@pytest.mark.parametrize(
    ("message", "claim"),
    [
        (
            '"62 groups signed the 2018 letter" — accurate?',
            "62 groups signed the 2018 letter, right?",
        ),
        (
            "Draft: 'The joint letter was sent on 6 July 2018.' Check the date.",
            "The joint letter was sent on 6 July 2018, right?",
        ),
        # What the draft says around the quotation belongs to the claim.
        (
            "Draft: 'a population of 25.4 million living in fear', citing the 2012 letter. Check.",
            "a population of 25.4 million living in fear, citing the 2012 letter, right?",
        ),
        # A topic the claim opens with would read as asking for the whole list.
        (
            "Checking: 'Among its demands, the 2018 letter asked for family reunions.' Correct?",
            "the 2018 letter asked for family reunions, right?",
        ),
    ],
)
def test_a_quoted_claim_with_a_check_is_the_claim(message: str, claim: str) -> None:
    assert checked_claim(message) == claim


@pytest.mark.parametrize(
    "message",
    [
        "who said 'it would be a mistake to overload the agenda'?",  # words someone said
        "'biggest open prison' — right?",  # too short to be a claim
        "Draft: 'CSW joined the 2018 letter.' Where is CSW based?",  # asks something else
        "Rubio called it 'the world's worst human rights abuser' — right?",  # chat before it
        "is HRW based in New York, correct?",  # nothing quoted
        # who said it, checked: an attribution, not a claim
        "'world's biggest open prison for everyone' — that was the florida senator right?",
    ],
)
def test_other_quotations_are_not_claims_to_check(message: str) -> None:
    assert checked_claim(message) is None
