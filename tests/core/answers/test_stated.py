"""A yes-or-no question no reading takes, answered by the record's own sentence, or not at all."""

from __future__ import annotations

import pytest

from bot.core.answers.ask import ask
from bot.core.answers.facts.stated import stated
from bot.core.scope import Scope


def test_a_sentence_that_states_it_answers_yes(scope: Scope) -> None:
    """The sentence saying North Korea is a party to treaties answers, cited, with Yes."""
    answer = ask(scope, "Is North Korea a party to human rights treaties?")
    assert answer.direct is not None
    assert answer.direct.startswith("Yes, the sources say so:")
    assert "party to several human rights treaties" in answer.direct
    assert "[1]" in answer.direct and answer.sources


@pytest.mark.parametrize(
    "question",
    [
        # the sentence says it is; the question asks whether it is not: no verdict
        "Is North Korea not a party to any human rights treaties?",
        # not a yes-or-no question
        "Which human rights treaties is North Korea a party to?",
        # too few of its words in any one sentence
        "Is North Korea a party to the Rome Statute of the International Criminal Court?",
        # too few words to stand for a claim
        "Is Geneva?",
        # a year the sentence does not give
        "Was North Korea a party to human rights treaties in 1990?",
    ],
)
def test_no_sentence_no_verdict(scope: Scope, question: str) -> None:
    """Without one sentence holding the question's words, as asked, there is no verdict."""
    assert stated(scope.kb, question) is None
