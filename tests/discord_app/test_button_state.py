"""What answer buttons carry in their ids: the command and its options, within 100 characters."""

from __future__ import annotations

import pytest

from bot.core.answers.commands import COMMANDS, MAX_TEXT
from bot.discord_app.button_state import (
    CUSTOM_ID_LIMIT,
    PREFIX_ROOM,
    AskedCommand,
    decode_state,
    encode_state,
)

#: The longest prefix an answer button puts in front of the state.
LONGEST_PREFIX = "ans:l:9999:"


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("signatories", {"letter": "2018", "country": None}),
        ("signatories", {"letter": "2012", "country": "Japan"}),
        ("letters", {"recipient": None, "year": 2018, "signed_by": "HRW"}),
        ("compare", {"letter_a": "2012", "letter_b": "2019", "aspect": "demands"}),
        ("ask", {"question": "Who signed the 2018 letter?"}),
        ("quotes", {"person": "Brad Adams", "about": "a|b 100% sure"}),
        ("who-said", {"words": "질문 the most repressive system"}),
        ("about", {}),
    ],
)
def test_state_round_trips(name: str, values: dict[str, object]) -> None:
    """Decoding a state gives back the command and the very options it was run with."""
    assert decode_state(encode_state(name, values)) == AskedCommand(name, values)


def test_every_state_leaves_room_for_the_longest_prefix() -> None:
    """Whatever the options, prefix and state fit in Discord's 100 characters."""
    assert len(LONGEST_PREFIX) == PREFIX_ROOM
    for command in COMMANDS:
        values = {o.name: ("%|" * MAX_TEXT if o.kind is str else 2**40) for o in command.options}
        assert len(LONGEST_PREFIX + encode_state(command.name, values)) <= CUSTOM_ID_LIMIT


def test_options_too_long_leave_the_command_only() -> None:
    """A question too long for the id is not cut: the state says expired (None)."""
    state = encode_state("ask", {"question": "why " * 40})
    assert state == "ask"
    assert decode_state(state) is None


def test_separators_in_values_are_escaped() -> None:
    """A value holding the separator or the escape mark stays one value."""
    state = encode_state("signatories", {"letter": "a|b", "country": "%7C"})
    assert state == "signatories=a%7Cb|%257C"
    assert decode_state(state) == AskedCommand("signatories", {"letter": "a|b", "country": "%7C"})


@pytest.mark.parametrize(
    "state",
    [
        "nosuchcommand=x",  # a command this version does not have
        "signatories=2018",  # too few options
        "signatories=2018|x|y",  # too many
        "signatories=|Japan",  # a required option missing
        "letters=|20x8|",  # a year must be a number
        "letters=|12345678901234|",  # and a short one
        "",
    ],
)
def test_states_that_do_not_read_as_a_command(state: str) -> None:
    """Ids from another version or tampered with are expired, never an exception."""
    assert decode_state(state) is None


def test_optional_options_may_all_be_empty() -> None:
    """/letters with no filter is a command of its own, not a broken state."""
    assert decode_state("letters=||") == AskedCommand(
        "letters", {"recipient": None, "year": None, "signed_by": None}
    )


def test_over_long_values_are_cut_to_the_options_limit() -> None:
    """A crafted id cannot hand the core a longer name than the slash command allows."""
    decoded = decode_state("letter=" + "x" * 500)
    assert decoded is not None and len(str(decoded.values["letter"])) == 100


def test_asked_is_the_options_in_order() -> None:
    """The question a vote records is the options joined, as the usage log records it."""
    assert (
        AskedCommand("compare", {"letter_a": "2012", "letter_b": "2019", "aspect": None}).asked()
        == "2012 2019"
    )
