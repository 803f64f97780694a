"""The words a user remembers, read through their misspellings and their own asides."""

from __future__ import annotations

import pytest

from bot.core.answers.facts.remembered_words import remembered_words, respelled


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # "saying" is the asking verb whole, not "say" and a stray "ing"
        (
            "who is saying human right should not be sacrifice for peace?",
            "human right should not be sacrifice for peace",
        ),
        # the user's own story after the words is no part of them
        (
            "Someone said he could not turn a blind eye to it. I wrote it down but forgot "
            "the name. Who was that?",
            "he could not turn a blind eye to it",
        ),
        (
            "I recall a statement arguing that it was a moral duty; who made that argument?",
            "it was a moral duty",
        ),
        (
            "Which actor asserted that a dialogue would not undermine the talks?",
            "a dialogue would not undermine the talks",
        ),
    ],
)
def test_the_remembered_words_are_found(question: str, words: str) -> None:
    assert remembered_words(question, None) == words


def test_a_misspelt_word_is_read_as_the_quotes_spell_it() -> None:
    vocabulary = frozenset({"remembered", "leader", "freedom"})
    assert respelled("be rememberd as the leadr", vocabulary) == "be remembered as the leader"
    # short words, and words no quote comes near, are left alone
    assert respelled("the ledr of the campaign", vocabulary) == "the ledr of the campaign"
