"""What a group thought of a letter, when no one from it is quoted: not in the sources.

"What did Amnesty think of the 2019 Moon letter?", "Amnesty's position on it?": the sources
quote no one from Amnesty, so the answer says that first rather than describe the letter.
"""

from __future__ import annotations

import re

from bot.core.answers.facts import uncovered
from bot.core.answers.reader.context import SUBJECT_FIT, Context, Reading

#: What an organisation thought or said.
_ITS_VIEW = re.compile(
    r"\b(?:think|thought|view|views|opinion|position|stance|reaction|react\w*|say|said|"
    r"comment\w*|quote|quotes|statement)\b"
)
#: Kinds of organisation that speak for themselves (an outlet or a UN body reports).
_CAMPAIGNERS = frozenset({"ngo", "coalition"})


def org_view_readings(context: Context) -> list[Reading]:
    """ "What did Amnesty think of the Moon letter?": no words of Amnesty's are recorded."""
    q, scope = context.question, context.scope
    if not context.orgs or context.people or context.cue("who_said") or not q.has(_ITS_VIEW):
        return []
    kb = scope.kb
    org = kb.organizations[context.orgs[0]]
    letter = context.letter
    if org.kind not in _CAMPAIGNERS or any(kb.quotes_by(p.id) for p in kb.people_of(org.id)):
        return []
    if letter is not None and any(s.note for s in letter.signatories if s.organization == org.id):
        return []  # "ICC said it signed out of solidarity": the letter's note records it
    what = f"any words or view of {org.name}" + (f" on the {letter.year} letter" if letter else "")
    return [
        Reading(
            "not_covered",
            context.cue("quotes") + SUBJECT_FIT + 3.5,
            f"what {org.name} said (not in the sources)",
            lambda: uncovered.not_covered(scope, what, letter),
        )
    ]
