"""A multiple-choice question is read as the question its stem asks."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.choices import without_choices


@pytest.mark.parametrize(
    ("item", "question"),
    [
        (
            "Who got the ICNK's 2012 open letter? A) Moon Jae-in B) Kim Jong-un C) Xi Jinping",
            "Who got the ICNK's 2012 open letter?",
        ),
        (
            "the 52-organisation letter was addressed to... A) Donald Trump B) the UN "
            "Security Council C) Kim Jong Un D) Moon Jae-in",
            "the 52-organisation letter was addressed to whom?",
        ),
        (
            "quiz q: how many organisations signed the June 2018 letter? A) 40 B) 52 C) 76",
            "how many organisations signed the June 2018 letter?",
        ),
        (
            "Odhikar - signer of the 2012 ICNK open letter or not? A) yes B) no. pick one",
            "Odhikar - signer of the 2012 ICNK open letter or not?",
        ),
    ],
)
def test_the_options_are_taken_off(item: str, question: str) -> None:
    """Options name people and letters the question is not about."""
    assert without_choices(item) == question


def test_options_that_only_say_yes_or_no_make_a_claim() -> None:
    """ "… went to Trump. A) correct B) wrong, it went to Kim" asks whether that is so."""
    item = (
        "trick q for round 3: the 2018 letter was addressed to Donald Trump. "
        "A) correct B) wrong, it went to Kim Jong Un"
    )
    assert without_choices(item) == ("True or false: the 2018 letter was addressed to Donald Trump")


def test_options_chosen_among_stay_as_words() -> None:
    """ "which of these …", "which came first": the options are what is chosen from."""
    item = (
        "Which came first? A) the ICNK open letter B) the HRW 52-org letter "
        "C) the letter to Moon Jae-in D) none of the above"
    )
    assert without_choices(item) == (
        "Which came first: the ICNK open letter, the HRW 52-org letter or the letter to "
        "Moon Jae-in?"
    )
    item = "which of these orgs signed the 2018 letter? A) Amnesty B) CSW"
    assert without_choices(item) == "which orgs signed the 2018 letter: Amnesty or CSW?"


def test_a_choice_by_what_is_not_so_keeps_its_options_as_the_ones_asked_about() -> None:
    """ "which of these did NOT sign": the one left out is named, so "of these" stays."""
    item = "Which of these orgs wasn't on the 2018 letter? a) HRW b) Amnesty c) CSW"
    assert without_choices(item) == (
        "Which of these orgs wasn't on the 2018 letter: HRW, Amnesty or CSW?"
    )


@pytest.mark.parametrize(
    "text",
    [
        "who signed the 2018 letter?",
        "tell me about the 2018 letter: a) who signed b) when was it sent",
        "Plan A) is to ask HRW",
        "what did Brad Adams say?",
    ],
)
def test_a_message_without_options_is_left_alone(text: str) -> None:
    """Sub-questions, or a lone letter in brackets, are no options."""
    assert without_choices(text) == text
