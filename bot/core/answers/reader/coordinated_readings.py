"""Readings of the letters an organisation coordinated: "which letters did the ICNK coordinate?".

Coordinating is not signing: the answer names the letters whose coordinator the sources
record as that organisation, then any it only signed.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.org_letters import answer_coordinated
from bot.core.answers.reader.context import SUBJECT_FIT, Context, Reading


def coordinated_readings(context: Context) -> list[Reading]:
    """An organisation named, and the letters it coordinated asked for."""
    q, scope = context.question, context.scope
    if not context.orgs or not q.has(_WHICH_LETTERS_LED):
        return []
    org = scope.kb.organizations[context.orgs[0]]
    return [
        Reading(
            "letters",
            max(context.cue("letters"), context.cue("letters_by"), 4.0) + SUBJECT_FIT + 1.0,
            f"letters coordinated by {org.name}",
            lambda: answer_coordinated(scope, org),
            subject=org.id,
        )
    ]


#: "which letters did X coordinate", "what letters has X organised", "letters X led".
_WHICH_LETTERS_LED = re.compile(
    r"\b(?:which|what|how many|list)(?: of the)? (?:\w+ )?letters?\b.*\b(?:coordinat\w*|"
    r"organi[sz]\w*|led|lead|ran|run|spearhead\w*|responsible for|in charge of)\b|"
    r"\bletters? (?:\w+ ){1,4}(?:coordinated|organi[sz]ed|led|ran)\b"
)
