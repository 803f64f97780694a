"""Readings of whether someone received more than one letter: "did Kim get more than one?"."""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.reader.context import SUBJECT_FIT, Context, Reading
from bot.core.kb.sentences import and_list
from bot.core.scope import Scope

#: "did Kim Jong Un get more than one of these letters", "was Moon sent several letters?".
_SEVERAL_RECEIVED = re.compile(
    r"\b(?:get|got|gotten|receive|received|sent|addressed|written to)\b"
    r".*\b(?:more than one|several|multiple|two or more|over one)\b(?: of)?(?: \w+)? letters?\b|"
    r"\b(?:more than one|several|multiple|two or more) letters?\b.*\b(?:go|went|gone|sent|"
    r"addressed|written) to\b"
)
#: Over the person's card and a comparison of the letters' counts.
_SCORE = 11.0


def received_readings(context: Context) -> list[Reading]:
    """Whether the one person named received more than one letter, with the letters."""
    q, scope = context.question, context.scope
    people = [p for p in context.people if scope.kb.letters_to(p)] or context.people
    if len(people) != 1 or not q.has(_SEVERAL_RECEIVED):
        return []
    person_id = people[0]
    return [
        Reading(
            "letters",
            _SCORE + SUBJECT_FIT,
            f"did {scope.kb.name_of(person_id)} receive more than one letter",
            lambda: received_several(scope, person_id),
            subject=person_id,
        )
    ]


def received_several(scope: Scope, person_id: str) -> Answer:
    """Yes or no, then the letters addressed to the person."""
    kb = scope.kb
    received = kb.letters_to(person_id)
    card = letter_cards.letters(scope, recipient=person_id)
    card, marks = cite_in(card, kb, [s for x in received for s in x.sources])
    name = kb.name_of(person_id)
    years = and_list([str(x.year) for x in received])
    if len(received) > 1:
        direct = f"Yes. {len(received)} letters went to {name}: the {years} letters. {marks}"
    elif received:
        direct = f"No. One letter went to {name}: the {years} letter. {marks}"
    else:
        direct = f"No. None of the letters in the sources went to {name}."
    return with_direct(card, direct.strip())
