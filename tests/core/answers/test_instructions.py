"""Instructions written to an assistant are taken off the question."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.instructions import without_instructions


@pytest.mark.parametrize(
    ("prompt", "question"),
    [
        (
            "Act as a research assistant. Which letter did ICC co-sign? Be concise.",
            "Which letter did ICC co-sign?",
        ),
        (
            "Be concise: per ICC, why does North Korea matter so much for Christians?",
            "per ICC, why does North Korea matter so much for Christians?",
        ),
        (
            "Instruction: Y/N answer, then one line. In the 2012 release, is Kim called "
            "'General Kim'?",
            "In the 2012 release, is Kim called 'General Kim'?",
        ),
        (
            "Summarise what the sources say about prison camps. Bullet points, name the "
            "speaker for each.",
            "Summarise what the sources say about prison camps.",
        ),
        (
            "You are a fact-checker. Did CSW sign the 2018 letter? Return only the answer.",
            "Did CSW sign the 2018 letter?",
        ),
    ],
)
def test_the_role_and_the_answer_shape_ask_nothing(prompt: str, question: str) -> None:
    """What is left is the question."""
    assert without_instructions(prompt) == question


@pytest.mark.parametrize(
    "text",
    [
        "Return only the recipient's name and title: the letter with 76 co-signers.",
        "who signed the 2018 letter?",
        "Be concise.",
    ],
)
def test_a_question_inside_an_instruction_is_kept(text: str) -> None:
    """ "Return only the recipient's name: the letter …" asks for the name."""
    assert without_instructions(text) == text
