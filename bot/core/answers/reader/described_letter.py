"""A message that first describes a letter, then asks something of it.

"The letter Rogers tied to a human rights crisis 'without parallel' — what were its main
asks?", "In the letter where Amnesty, HRW and FIDH teamed up, which group acted as the
secretariat?": the description says which letter; the words after it say what is asked.
Read whole, the names in the description (Rogers, Amnesty) pull the question towards
their quotes or profiles. Read apart, the description is matched to a letter on its own,
and the question is asked of that letter.
"""

from __future__ import annotations

import re

from bot.core.answers.reader.clues import clear_letter, rank_letters
from bot.core.answers.reader.context import LETTER_CARD
from bot.core.answers.reader.event_clues import anchoring_event
from bot.core.answers.reader.question import Question, read_question
from bot.core.answers.reader.readings import Reading, readings
from bot.core.scope import Scope

#: A letter described ("the letter where…", "that one with…"), a break, then a question.
_DESCRIBED = re.compile(
    r"^\s*(?:(?:so|ok|and|also)\s+)?"
    r"(?:(?:for|in|on|about|regarding|re|concerning|from|with)\s+)?"
    r"(?P<description>(?:the|that|this)\s+(?:[\w'’-]+\s+){0,2}?(?:letter|one|appeal)\s+"
    r"(?!(?:was|is|were|did|does|had|has)\b)[^?;:–—]{6,240}?)"
    r"\s*(?:[:;–—]|\s-\s|,)\s*"
    r"(?P<asked>(?:(?:and|so|but)\s+)?(?:what|which|who|whom|whose|when|where|why|how|did|"
    r"does|do|was|were|is|are|has|had|can|could|list|name|give|tell)\b.+)$",
    re.IGNORECASE,
)
#: A question that asks of the description's own words ("… look to his legacy, who said
#: that"), or names a letter of its own: it is read whole.
_ASKS_OF_THE_WORDS = re.compile(
    r"\bwho (?:said|told|wrote|made|described|called|put)\b|\b(?:19|20)\d\d\b|\bletters?\b",
    re.IGNORECASE,
)


def asked_of_described_letter(scope: Scope, text: str) -> tuple[str, str] | None:
    """The description, and the question with the letter it clearly fits named; else None.

    "The letter where Ha said Kim should look to his legacy - when was it sent?" →
    ("The letter where Ha said Kim should look to his legacy", "when was it sent? (the 2012
    letter to Kim Jong Un)").
    """
    match = _DESCRIBED.match(text)
    if match is None or _ASKS_OF_THE_WORDS.search(match.group("asked")):
        return None
    description = read_question(scope, match.group("description"))
    letter = clear_letter(rank_letters(scope, description, anchoring_event(scope, description)))
    if letter is None:
        return None
    asked = match.group("asked").rstrip(" ?")
    recipient = f" to {scope.kb.name_of(letter.recipient)}" if letter.recipient else ""
    return match.group("description"), f"{asked} (the {letter.year} letter{recipient})?"


def asked_of(
    scope: Scope, text: str, best: Reading, understood: float
) -> tuple[str, Question, list[Reading]] | None:
    """The question of a message that first describes a letter, asked of that letter.

    Only when the message read whole (`best`) is about someone named in the description
    alone ("the letter Rogers tied to 'without parallel' — what were its main asks?" is no
    question about Rogers's quotes), the description fits one letter, and the question so
    asked reads at least `understood`; else None.
    """
    # Read whole, the message was understood as about someone named in the description
    # alone, or not understood at all ("the letter that mentioned 24.5 million people -
    # what else was in it")
    # "for the letter with 76 co-signers, who was ICC's contact?": only the letter's card
    lost = best.kind in _NOT_UNDERSTOOD or best.label.startswith(LETTER_CARD)
    found = asked_of_described_letter(scope, text) if best.subject or lost else None
    if found is None or (best.subject in scope.kb.letters and not lost):
        return None
    description, asked = found
    described = read_question(scope, description)
    if described.described is not None and described.described.entity_id == best.subject:
        return None  # "the Thai one on the list — who's that": a group, not a letter
    in_description = {m.entity_id for m in described.mentions}
    parsed = read_question(scope, asked, message=text)
    if not lost and best.subject not in in_description - {m.entity_id for m in parsed.mentions}:
        return None
    ranked = readings(scope, parsed)
    if ranked[0].kind in _NOT_UNDERSTOOD or ranked[0].score < understood:
        return None
    return asked, parsed, ranked


#: Readings that understand no question.
_NOT_UNDERSTOOD = frozenset({"clarify", "search", "not_covered"})
