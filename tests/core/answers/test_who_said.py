"""Words → speaker: the right mouth, or a plain "no quote matches"."""

from __future__ import annotations

import pytest

from bot.core.answers.ask import ask
from bot.core.answers.facts.who_said import who_said
from bot.core.scope import Scope


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("who said north korea is the world's biggest open prison?", "Brad Adams"),
        ("Who said “I don't think that there is a dilemma here”?", "Tomas Ojea Quintana"),
        ("who warned it would be a mistake to overload the agenda", "Joseph Yun"),
        (
            "who said human rights shouldn't be sacrificed for peace on the peninsula",
            "Benedict Rogers",
        ),
        (
            "who called it America's moral responsibility to hold the regime accountable",
            "Marco Rubio",
        ),
    ],
)
def test_words_find_their_speaker(scope: Scope, question: str, speaker: str) -> None:
    """The direct answer names the speaker of the matching quote."""
    answer = ask(scope, question)
    assert answer.kind == "who_said", answer.interpretation
    assert answer.direct is not None and answer.direct.startswith(speaker), answer.direct


def test_a_name_inside_the_words_is_not_the_speaker(scope: Scope) -> None:
    """Words said about Kim, by Brad Adams, are never put in Kim's mouth."""
    answer = ask(scope, "who said Kim presides over the most repressive system in the world")
    assert answer.direct is not None and answer.direct.startswith("Brad Adams")


def test_a_paraphrase_is_marked_as_such(scope: Scope) -> None:
    """A match on a paraphrase says the source paraphrased."""
    answer = ask(scope, "who said trump did not bring up human rights with kim yong chol")
    assert answer.direct is not None and "paraphrased" in answer.direct


def test_unknown_words_name_nobody(scope: Scope) -> None:
    """Words no quote holds get "no quote matches", not the nearest speaker."""
    answer = who_said(scope, "who said the moon is made of green cheese")
    assert not answer.found
    assert "No quote" in answer.lead[0]
