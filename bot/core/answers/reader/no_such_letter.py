"""A letter to someone none of the letters went to: "the letter to Xi about refugees".

The knowledge base holds no such letter; the answer says so first and lists the letters
it has, rather than reading the rest of the question into one of them.
"""

from __future__ import annotations

import re

from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.reader.context import Context, Reading

#: "a letter to", "the letters sent to", "a letter to the Chinese President Xi": what comes
#: next (past a nationality) is who a letter was for.
_LETTER_TO = re.compile(
    r"\bletters? (?:\w+ ){0,2}?(?:to|(?:addressed|sent|written) to|for)(?: the)?"
    r"(?: \w+(?:ese|an))?$"
)
#: Above any reading of a letter the rest of the question describes.
_NO_SUCH_LETTER = 11.0


def no_such_letter_readings(context: Context) -> list[Reading]:
    """A letter said to go to someone who received none of the letters."""
    nobody = _letter_to_nobody(context)
    if nobody is None:
        return []
    scope = context.scope
    return [
        Reading(
            "not_covered",
            _NO_SUCH_LETTER,
            f"a letter to {scope.kb.name_of(nobody)} (not in the knowledge base)",
            lambda: letter_cards.letters(scope, recipient=nobody),
        )
    ]


def _letter_to_nobody(context: Context) -> str | None:
    """A person the question says a letter went to, who received none of the letters."""
    q, kb = context.question, context.scope.kb
    tokens = q.norm.split()
    recipients = {x.recipient for x in kb.letters.values()}
    if q.ids("letter") or (context.letter and q.years) or recipients & set(q.ids("person")):
        return None  # "was the 2018 (HRW) letter sent to Trump or to Kim?" asks of one
    for mention in q.mentions:
        if mention.kind != "person" or mention.entity_id in recipients:
            continue
        before = " ".join(tokens[max(mention.start - 5, 0) : mention.start])
        if _LETTER_TO.search(before):
            return mention.entity_id
    return None
