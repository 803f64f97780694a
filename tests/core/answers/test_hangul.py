"""Korean in Hangul mixed into English is read as English."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.hangul import hangul_glossed


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("2018 편지에 서명한 단체 몇 개?", "how many 2018 letter signed groups?"),
        (
            "'world's biggest open prison' 이 말 누가 했어?",
            "who said 'world's biggest open prison'?",
        ),
        ("판문점 선언 언제 서명했어요", "when Panmunjom Declaration signed"),
        ("People In Need 체코 단체 맞죠?", "People In Need Czech Republic groups, right?"),
        ("태국 단체도 있어?", "are there any Thailand groups?"),
        ("Free NK Gulag 어떤 단체?", "what kind of group Free NK Gulag?"),
    ],
)
def test_particles_and_endings_drop_and_the_question_word_leads(korean: str, english: str) -> None:
    """Each word is read by its stem; the question word goes first, as in English."""
    assert hangul_glossed(korean) == english


def test_a_name_with_to_is_whom_it_went_to() -> None:
    """ "문재인한테" is "to Moon Jae-in"."""
    assert hangul_glossed("문재인한테 보낸 편지") == "to Moon Jae-in sent letter"


def test_english_sentences_beside_korean_are_kept() -> None:
    """Only the sentences with Hangul are glossed and reordered."""
    text = "Open North Korea was part of which letter? 역할?"
    assert hangul_glossed(text) == "Open North Korea was part of which letter? role?"


@pytest.mark.parametrize("text", ["who signed the 2018 letter?", "", "quién firmó?"])
def test_a_message_without_hangul_is_unchanged(text: str) -> None:
    """No Hangul, nothing glossed."""
    assert hangul_glossed(text) == text
