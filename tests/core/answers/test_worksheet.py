"""A quiz or worksheet item is read as the question it asks."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.worksheet import as_a_question


@pytest.mark.parametrize(
    ("item", "question"),
    [
        (
            "Q9. Is Open North Korea described as the ICNK's secretariat? (yes/no, 1 mark)",
            "Is Open North Korea described as the ICNK's secretariat?",
        ),
        ("Q. What is the ICNK? Write out its full name. (2 marks)", "What is the ICNK?"),
        ("3) Who signed the 2018 letter? [2 pts]", "Who signed the 2018 letter?"),
        (
            "True/False: The 2019 letter went to Moon. Explain your answer.",
            "True or false: The 2019 letter went to Moon.",
        ),
        ("Yes/No: Did CSW sign the 2018 letter?", "Did CSW sign the 2018 letter?"),
        (
            "Y/N: UNSC had NK on its formal agenda",
            "True or false: UNSC had NK on its formal agenda",
        ),
        (
            "Fill in the blank: The 2018 letter was sent to ______, days before the summit.",
            "The 2018 letter was sent to whom, days before the summit?",
        ),
    ],
)
def test_numbering_marks_and_instructions_ask_nothing(item: str, question: str) -> None:
    """The item's furniture goes; a blank after "to" or "by" asks whom."""
    assert as_a_question(item) == question


def test_a_blank_that_asks_for_no_one_is_kept() -> None:
    """ "… is Human Rights Without ____" is read as it is, blank and all."""
    item = "fill in the blank: the only Belgian org is Human Rights Without ______"
    assert as_a_question(item) == item


@pytest.mark.parametrize(
    "text",
    [
        "who is Brad Adams? name his group too",
        "24.5 million or 200,000: which one is the population in fear?",
        "12. June 2018 letter, who signed?",
        "what did the letter say...",
    ],
)
def test_a_question_that_is_no_worksheet_item_is_kept(text: str) -> None:
    """A second question after the first, or a number that opens it, stays as typed."""
    assert as_a_question(text) in (text, text.removeprefix("12. "))
