"""Which letters a person comes into: "which letters is Benedict Rogers mentioned in?".

Not the letters addressed to the person ("letters to Kim"), but those whose sources name
them at all: as recipient, press contact, staff or someone quoted about the letter.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.people_lists import letters_naming
from bot.core.answers.reader.context import Context, Reading


def named_in_readings(context: Context) -> list[Reading]:
    """The letters naming the one person the question asks about."""
    q, scope = context.question, context.scope
    if len(context.people) != 1 or not q.has(_NAMED_IN):
        return []
    person_id = context.people[0]
    # "does she show up in more than one letter?": Yes or No first
    yes_if = (2 if q.has(_SEVERAL) else 1) if context.cue("yes_no") or q.has(_ASKS_YES) else None
    return [
        Reading(
            "letters",
            _NAMED_IN_CUE,
            f"letters naming {scope.kb.name_of(person_id)}",
            lambda: letters_naming(scope, person_id, yes_if),
        )
    ]


#: "which letters does she appear in", "does he show up in more than one letter".
_NAMED_IN = re.compile(
    r"\b(?:which|what|how many|more than one|both|several|other) (?:of the )?(?:\w+ )?"
    r"(?:letters?|campaigns?)\b.*\b(?:appear\w*|mention\w*|named|quoted|involved|connected|"
    r"show(?:s|ed)? up|feature\w*|linked|associated|turn\w* up|crop\w* up|come[s]? up|"
    # "which of the letters did he comment on?"
    r"comment\w*|spoke|speak\w*|talk\w*|react\w*|weigh\w* in)\b|"
    r"\b(?:appear\w*|mention\w*|named|quoted|involved|connected|show(?:s|ed)? up|feature\w*|"
    r"linked|associated|turn\w* up|crop\w* up|come[s]? up) (?:in|on|with|across|to) "
    r"(?:(?:the )?coverage of )?(?:which|what|more than one|several|both|other|how many) "
    r"(?:of the )?(?:\w+ )?(?:letters?|campaigns?)\b"
)
_SEVERAL = re.compile(r"\b(?:more than one|both|several|multiple|two|other)\b")
_ASKS_YES = re.compile(
    r"^ (?:does|do|did|is|was|has|have|are|were)\b|\b(?:does|did|is|was|has) (?:she|he)\b"
)
#: Above "letters to X" and the person's card, which these questions are not asking for.
_NAMED_IN_CUE = 9.5
