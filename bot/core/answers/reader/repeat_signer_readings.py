"""Readings of questions about the organisations on more than one letter.

"Which groups signed more than one letter?", "is any organisation named on all three
letters?": a list over every letter, not a question about one of them.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.org_letters import answer_repeat_signers
from bot.core.answers.reader.context import Context, Reading
from bot.core.answers.reader.signing_claims import SEVERAL_LETTERS, every_letter

#: What the question asks for: organisations, not one of them.
_WHICH_GROUPS = re.compile(
    r"\b(?:which|what|any|list|name|who|anyone|anybody|organi[sz]ations?|groups?|orgs?|ngos?|"
    r"signatories|signers)\b"
)


def repeat_signer_readings(context: Context) -> list[Reading]:
    """ "Which groups signed more than one letter?": the organisations on several letters."""
    q, scope = context.question, context.scope
    asks = max(context.cue("signed"), context.cue("letters_by"), context.cue("signatories"))
    if not asks or context.orgs or context.people or not q.has(SEVERAL_LETTERS):
        return []
    if not q.has(_WHICH_GROUPS):
        return []
    every = every_letter(q)
    return [
        Reading(
            "signatories",
            asks + 4.0,
            "organisations named on " + ("every letter" if every else "more than one letter"),
            lambda: answer_repeat_signers(scope, every),
        )
    ]
