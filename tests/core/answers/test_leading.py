"""A leading question is read as the claim it puts."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.leading import as_a_claim


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Isn't it the case that the 2012 open letter demanded Pyongyang let in the ICRC?",
            "is it true that the 2012 open letter demanded Pyongyang let in the ICRC?",
        ),
        (
            "Is it not true that Joseph Yun testified on 5 June 2018?",
            "is it true that Joseph Yun testified on 5 June 2018?",
        ),
        (
            "You'd agree the letter signed by 52 organisations went to Kim Jong Un?",
            "is it true that the letter signed by 52 organisations went to Kim Jong Un?",
        ),
        (
            "Let the record show Conectas is the sole Brazilian organisation. "
            "That is correct, isn't it?",
            "is it true that Conectas is the sole Brazilian organisation?",
        ),
        (
            "You would agree that the ICNK letter to Moon had 76 co-signers. "
            "Of those 76, whom does the record name?",
            "is it true that the ICNK letter to Moon had 76 co-signers? "
            "Of those 76, whom does the record name?",
        ),
        (
            "Isn't it the case that the U.S. Senate passed it? And when?",
            "is it true that the U.S. Senate passed it? And when?",
        ),
    ],
)
def test_the_lead_in_puts_a_claim(text: str, claim: str) -> None:
    """What follows the lead-in is checked; a question after it is kept."""
    assert as_a_claim(text) == claim


@pytest.mark.parametrize(
    "text",
    [
        "who signed the 2018 letter?",
        "isn't it odd that nobody replied?",
        "Is it true that HRW coordinated the 2018 letter?",
        "Let the record show",
    ],
)
def test_other_messages_are_left_alone(text: str) -> None:
    """Only a lead-in that puts a claim is rewritten, and only with a claim after it."""
    assert as_a_claim(text) == text


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Somebody in December 2019 argued that rights must not be sacrificed for peace. "
            "You'd agree that was Benedict Rogers?",
            "was it Benedict Rogers who in December 2019 argued that rights must not be "
            "sacrificed for peace?",
        ),
        (
            "Who appears in the coverage of both letters? I put it to you that it's Benedict "
            "Rogers.",
            "was it Benedict Rogers who appears in the coverage of both letters?",
        ),
        (
            "You would agree it was Marco Rubio who urged the House to pass the act?",
            "was it Marco Rubio who urged the House to pass the act?",
        ),
    ],
)
def test_a_name_put_after_is_asked_as_who_did_it(text: str, claim: str) -> None:
    """The unnamed one of the first sentence is asked to be the one named after it."""
    assert as_a_claim(text) == claim


def test_a_request_for_the_record_is_a_request() -> None:
    """ "Let the record list …" asks for a list, and claims nothing."""
    text = "Let the record list every country that appears on the 2012 list."
    assert as_a_claim(text) == "list every country that appears on the 2012 list."
