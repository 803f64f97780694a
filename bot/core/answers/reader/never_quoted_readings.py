"""Who the sources name but never quote.

"which people in the data were never quoted at all?", "who isn't quoted anywhere?": a list
over the data, not everyone who is quoted.
"""

from __future__ import annotations

import re

from bot.core.answers.facts import people_lists
from bot.core.answers.reader.context import Context, Reading

#: "never quoted", "not quoted", "weren't quoted", "without a quote".
_NEVER_QUOTED = re.compile(
    r"\b(?:never|not|(?:isn|aren|wasn|weren|haven|hasn) ?t) (?:\w+ )?(?:been |get |got |gets )?"
    r"quoted\b|"
    r"\bunquoted\b|\bwithout (?:a |any )?quotes?\b|\bno quotes?\b"
)
#: "which people", "who", "list": people asked for, not whether one of them was.
_WHO = re.compile(r"\b(?:who|which (?:people|persons|individuals|ones)|list|anyone|anybody)\b")


def never_quoted_readings(context: Context) -> list[Reading]:
    """Everyone never quoted, when the question names nobody in particular."""
    q = context.question
    if context.people or context.orgs or q.ids("letter") or context.events:
        return []
    if not (q.has(_NEVER_QUOTED) and q.has(_WHO)) or context.cue("yes_no"):
        return []
    return [
        Reading(
            "people",
            context.cue("quoted_about") + 6.0,
            "everyone the sources never quote",
            lambda: people_lists.never_quoted(context.scope),
        )
    ]
