"""The reading of a yes-or-no question a sentence of the record answers in as many words.

"Is North Korea even a party to any human rights treaties, or is that a myth?", "North
Korea is a party to human rights treaties? says who?": no letter, person or event is asked
about, but one sentence of the sources states it. That sentence, cited, is the answer; a
question that names someone or something the readers know is left to their readings.
"""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer
from bot.core.answers.cards import search as search_card
from bot.core.answers.facts import topic_match
from bot.core.answers.facts.stated import asked_clause, stated, stated_answer
from bot.core.answers.reader.context import Context, Reading, only_guessed
from bot.core.search.stems import concepts

#: Above a letter guessed from the question's words, below any reading of what it names.
_STATED = 7.0
#: Words the question must share with the sentence: fewer are no statement of it.
_FEWEST_SHARED = 4
#: A question over several things, which one sentence does not answer.
_OVER_SEVERAL = re.compile(r"\b(?:all|same|both|each|every|either|neither|only|which|who|what)\b")


def stated_readings(context: Context) -> list[Reading]:
    """ "Yes, the sources say so: …" when a sentence of the record holds the question."""
    scope, q = context.scope, context.question
    named = context.people or context.orgs or context.events or q.ids("letter") or q.years
    guessed = context.letter is None or only_guessed(context)
    # a yes or no about a fact, not a comparison ("were all three coordinated by the same
    # group?"), which a sentence sharing its words does not settle
    if named or not guessed or _OVER_SEVERAL.search(asked_clause(q.text).casefold()):
        return []
    said = stated(scope.kb, q.text)
    if said is None or len(concepts(said[0]) & concepts(q.norm)) < _FEWEST_SHARED:
        return []

    def answer() -> Answer:
        card = topic_match.led_by_statements(scope.kb, search_card.search(scope, q.text), q.text)
        return stated_answer(scope.kb, q.text, said, card)

    return [Reading("yes_no", _STATED, f"what the sources state on {q.text[:80]}", answer)]
