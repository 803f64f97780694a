"""Readings of a quiz-style choice about a letter: "how many demands, five or six?".

The two options close the message, set off from the question ("— 'seminal' or
'flawed'?", ": 200k people or 2 million?", "was it 52 or 76"). Choices between people,
groups or letters have readings of their own, and so do two counts of signers
(`count_choice`).
"""

from __future__ import annotations

import re

from bot.core.answers.facts.choices import answer_choice, choice_label, chosen, option_value
from bot.core.answers.reader.context import COUNTABLE, OF_DEMANDS, Context, Reading, letter_fit
from bot.core.search.names import normalize

#: Above the letter's demands and topic readings: an option the letter bears out answers.
_CHOICE_SCORE = 12.0


def choice_readings(context: Context) -> list[Reading]:
    """The option of two the question's letter bears out."""
    scope, q, letter = context.scope, context.question, context.letter
    if letter is None or context.people:
        return []
    options = offered_options(q.text)
    if options is None or any(m.surface and m.surface in " ".join(options) for m in q.mentions):
        return []  # "HRW or Amnesty", "the 2018 letter or the 2019 one": not options of it
    numbers = [option_value(o) for o in options]
    counts_demands = None not in numbers and q.has(OF_DEMANDS)
    if None not in numbers and q.has(COUNTABLE) and not counts_demands:
        return []  # "52 or 76 groups?": a count of signers
    if (None in numbers) != (numbers[0] is None and numbers[1] is None):
        return []  # "2012 or a summit": not two answers of one kind
    if context.cue("date") and None in numbers:
        return []  # "when was it written — November or December 2019?": its date answers
    choice = chosen(letter, options, counts_demands)
    if choice is None:
        return []
    other = options[1] if choice.option == options[0] else options[0]
    return [
        Reading(
            "topic",
            _CHOICE_SCORE + letter_fit(context),
            choice_label(choice, other, letter),
            lambda: answer_choice(scope, letter, choice, other),
            subject=letter.id,
        )
    ]


def offered_options(text: str) -> tuple[str, str] | None:
    """The two options a message ends with, normalised, else None.

    The first option starts after a break ("—", ":", ",") or "was it"; without one, "did
    it mention food or hunger" asks yes or no of both.
    """
    match = _OPTIONS_AT_END.search(text.strip())
    if match is None:
        return None
    first, second = normalize(match.group(1)), normalize(match.group(2))
    if not first or not second or _NOT_AN_OPTION & {first.split()[0], second.split()[0]}:
        return None
    return first, second


#: A break or "was it", then up to three words, "or", and up to three words to the end.
_OPTIONS_AT_END = re.compile(
    r"(?:[—–:,?]|\s-|\b(?:was it|is it|were there|was that|is that))\s*"
    r"((?:[^\s—–:,?]+\s+){0,2}[^\s—–:,?]+)\s+or\s+((?:[^\s?]+\s+){0,2}[^\s?]+?)\s*[?.!]*$",
    re.IGNORECASE,
)
#: Words that open no option: "or not", "or something", "not korea or japan".
_NOT_AN_OPTION = frozenset("not no something anything what which who any both".split())
