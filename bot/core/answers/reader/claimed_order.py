"""The order a comparison claims: which of two things came first, and how far apart.

"Was the 2012 letter sent 6 years before the 2018 one?", "the summit on 12 June, with the
letter sent five days earlier — correct?": what is claimed decides which thing is first.
"""

from __future__ import annotations

import re

from bot.core.answers.reader.compared_things import SAME_TIME
from bot.core.answers.reader.question import Question
from bot.core.kb.models import Event, Letter
from bot.core.search.numbers import NUMBER_WORD, number_value

Thing = Letter | Event


def claimed_order(
    q: Question, a: Thing, b: Thing, yes_no: bool
) -> tuple[Thing, Thing, str | None, tuple[int, str] | None]:
    """(first, second, what is asked of their order, the span claimed between them).

    What is asked is "before", "after", "same" (day) or "timed" (to each other), or None
    when the question asks which came first rather than whether.
    """
    asked = None
    if yes_no or q.has(SAME_TIME):
        after, before = q.has(_AFTER), q.has(_BEFORE)
        if q.has(SAME_TIME):
            asked = "same"
        elif q.has(_TIMED_TO):
            asked = "timed"
        elif after != before:  # "before or after?" asks which, not whether
            asked = "after" if after else "before"
            # "was the 2012 letter sent 6 years before the 2018 one?": the claim's order
            at_a, at_b = _said_at(q, a), _said_at(q, b)
            if at_a is not None and at_b is not None and at_b < at_a:
                a, b = b, a
            # "the summit on 12 June, with the letter sent five days earlier": the thing
            # named last before "earlier" is the one claimed earlier
            relative = _EARLIER_LATER.search(q.norm)
            if relative and _named_last(q, b, a, relative.start()):
                a, b = b, a
    claimed = _CLAIMED_SPAN.search(q.norm) if asked in ("before", "after") else None
    count = number_value(claimed.group(1)) if claimed else None
    span = (count, claimed.group(2)) if claimed and count is not None else None
    return a, b, asked, span


def _said_at(q: Question, thing: Thing) -> int | None:
    """Where the question names a letter (by its year) or an event, if it does."""
    tokens = q.norm.split()
    if isinstance(thing, Letter) and str(thing.year) in tokens:
        return tokens.index(str(thing.year))
    named = next((m.start for m in q.mentions if m.entity_id == thing.id), None)
    if named is None and isinstance(thing, Letter) and "letter" in tokens:
        return tokens.index("letter")  # "the 52-group letter": described, not dated
    return named


def _named_last(q: Question, thing: Thing, other: Thing, before: int) -> bool:
    """Whether `thing` is named after `other`, both before character `before` of the text."""

    def last(t: Thing) -> int:
        words = [str(t.year), "letter", "one"] if isinstance(t, Letter) else []
        at = [q.norm.rfind(f" {w} ", 0, before) for w in words]
        at += [len(" ".join(q.norm.split()[: m.start])) for m in q.mentions if m.entity_id == t.id]
        return max(at, default=-1)

    return last(thing) > last(other) >= 0


#: "… sent five days earlier", not "earlier than the summit": the span ends the claim.
_EARLIER_LATER = re.compile(r"\b(?:earlier|later)\b(?! than)")
#: "… with the letter sent five days earlier": a span from the other thing, which the date
#: before it belongs to.
SPAN_FROM_IT = re.compile(
    rf"\b(?:\d+|a|an|one|{NUMBER_WORD}) (?:days?|weeks?|months?) {_EARLIER_LATER.pattern}"
)
#: How far apart a claim puts two things: "10 days before", "two weeks after".
_CLAIMED_SPAN = re.compile(
    rf"\b(\d+|{NUMBER_WORD}) (day|week|month|year)s? (?:before|after|earlier|later|ahead)\b"
)
#: "was the 2018 letter timed to the summit?": whether the sources tie one to the other.
_TIMED_TO = re.compile(
    r"\b(?:timed (?:to|for|around|with)|in the run up to|"
    r"(?:link|linked|tied|connected|connection|related) (?:between|to|with))\b"
)
_AFTER = re.compile(r"\b(?:after|later|postdate[sd]?)\b")
_BEFORE = re.compile(r"\b(?:before|earlier|ahead of|prior to|precede[sd]?|predate[sd]?)\b")
