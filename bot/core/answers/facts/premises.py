"""A wrong detail in how a question names its letter, said before the answer.

"Who signed the 2018 letter to President Moon?": the 2018 letter went to Kim Jong Un, and
the letter to Moon is the 2019 one. The answer follows the year, but first says that the
two details do not fit the same letter, so a reader who meant the other one knows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.answer import Answer
from bot.core.kb.corpus import KnowledgeBase
from bot.core.search.names import Mention

#: Words right before a person that make the person whom a letter went to.
_TO = re.compile(r"(?:letter|letters|one|sent|addressed|written|went|go|directed) to(?: the)?$")
#: Titles that may stand between "to" and the name ("the letter to President Moon").
_TITLES = frozenset({"president", "chairman", "leader", "mr", "mister", "the"})


def wrong_recipient(
    kb: KnowledgeBase, tokens: list[str], mentions: list[Mention], letter_id: str
) -> str | None:
    """The note when the question says the letter went to someone it did not go to."""
    letter = kb.letters.get(letter_id)
    if letter is None:
        return None
    for mention in mentions:
        if mention.kind != "person" or mention.entity_id == letter.recipient:
            continue
        before = tokens[: mention.start]
        while before and before[-1] in _TITLES:
            before = before[:-1]
        others = kb.letters_to(mention.entity_id)
        after = tokens[mention.end : mention.end + 2]
        # "the letter to Moon", or "the 2018 Moon letter" (a recipient's name as the letter's)
        if others and (
            _TO.search(" ".join(before[-3:])) or after[:1] == ["letter"] or after == ["s", "letter"]
        ):
            person = kb.name_of(mention.entity_id)
            years = " and ".join(str(x.year) for x in others)
            theirs = (
                f"the letter to {person} is the {years} one"
                if len(others) == 1
                else f"the letters to {person} are the {years} ones"
            )
            return (
                f"Note: the {letter.year} {letter.kind} went to {kb.name_of(letter.recipient)}, "
                f"not {person}; {theirs}."
            )
    return None


def with_note(answer: Answer, note: str) -> Answer:
    """The answer opening with the note (its direct answer, if any, follows in the line)."""
    if not answer.direct:
        return replace(answer, lead=(note, *answer.lead))
    direct = f"{note} {answer.direct}"
    first = answer.lead[0] if answer.lead else None
    rest = answer.lead[1:] if first == answer.direct else answer.lead
    return replace(answer, direct=direct, lead=(direct, *rest))
