"""English put word for word from Italian or Portuguese, read as plain English."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.literal import literal_english


@pytest.mark.parametrize(
    ("literal", "plain"),
    [
        (
            "The International Christian Concern was between the signatories of the letter?",
            "The International Christian Concern was among the signatories of the letter?",
        ),
        (
            "Freedom House figures between the signatories of the letter?",
            "Freedom House is among the signatories of the letter?",
        ),
        (
            "President Moon has firmed the letter, or he was only the destinatary of it?",
            "President Moon has signed the letter, or he was only the recipient of it?",
        ),
        (
            "Is true that the declaration was signed in the month of May of 2018?",
            "is it true that the declaration was signed in May 2018?",
        ),
        ("Of who is the frase 'a mistake'?", "Who said 'a mistake'?"),
        ("how many have not a country indicated?", "how many have no country indicated?"),
        ("What the documents say of the treaties?", "What the documents say about the treaties?"),
        ("The FIDH what is?", "What is The FIDH?"),
        ("The letter of 2014, when it was sended?", "The letter of 2014, when was it sent?"),
    ],
)
def test_a_word_for_word_construction_is_put_in_english(literal: str, plain: str) -> None:
    assert literal_english(literal) == plain


@pytest.mark.parametrize(
    "english",
    [
        "back in 2012 when he was taking over from his father, who signed?",
        "is that the same figure in both letters?",
        "the law firm figures in the story",
        "which signers are from countries between Europe and Asia?",
    ],
)
def test_plain_english_is_left_alone(english: str) -> None:
    assert literal_english(english) == english
