"""Whether two names are one: "is csw the same as christian solidarity worldwide lol"."""

from __future__ import annotations

import re

from bot.core.answers.facts.same_name import same_name
from bot.core.answers.reader.context import Context, Reading

#: Words that ask whether one name is another's short form or another name for it.
_SAME = re.compile(
    r"\b(?:(?:the )?same (?:\w+ )?as|short for|stands? for|abbreviation (?:of|for)|"
    r"acronym (?:of|for)|another name for|(?:also )?known as|aka|a k a)\b"
)
#: Words that may stand beside the asking words between the two names.
_FILLER = re.compile(r"\b(?:is|it|that|this|just|really|actually|basically|the|a|an|s)\b")
#: Above the profile of either name: the question asks whether they are one.
_SCORE = 10.0


def same_name_readings(context: Context) -> list[Reading]:
    """Two names, and a question whether they are the same organisation or person."""
    q = context.question
    if not q.has(_SAME):
        return []
    named = [m for m in q.mentions if m.kind in ("organization", "person") and m.surface]
    if len(named) != 2:
        return []
    between = " ".join(q.norm.split()[named[0].end : named[1].start])
    if _FILLER.sub("", _SAME.sub("", between)).strip():
        return []  # "CSW's list of demands same as HRW's?" compares more than the names
    first = (named[0].entity_id, named[0].surface)
    second = (named[1].entity_id, named[1].surface)
    return [
        Reading(
            "yes_no",
            _SCORE,
            f"are “{first[1]}” and “{second[1]}” one name",
            lambda: same_name(context.scope, first, second),
        )
    ]
