"""Readings of whether a group belongs to a coalition: "Odhikar — part of the ICNK?"."""

from __future__ import annotations

import re

from bot.core.answers.facts.memberships import membership
from bot.core.answers.reader.context import SUBJECT_FIT, Context, Reading
from bot.core.answers.reader.org_descriptions import PLACE_KINDS


def membership_readings(context: Context) -> list[Reading]:
    """A group and a coalition named, and whether the one belongs to the other asked."""
    q, scope = context.question, context.scope
    kb = scope.kb
    # Named, not inferred: "is HRW a member of the ICNK" may also describe a person's role.
    named = list(dict.fromkeys([*q.ids("organization"), *context.orgs]))
    coalitions = [o for o in named if kb.organizations[o].kind == "coalition"]
    # "US-based orgs on the ICNK member list": a country filters the list, it joins nothing
    members = [
        o for o in named if o not in coalitions and kb.organizations[o].kind not in PLACE_KINDS
    ]
    if not coalitions or not members or not q.has(_BELONGS) or q.has(_ASKS_WHICH):
        return []  # "which orgs does the release name as part of the coalition" lists them
    org_id, coalition_id = members[0], coalitions[0]
    return [
        Reading(
            "org",
            max(context.cue("yes_no"), context.cue("signed"), 4.0) + SUBJECT_FIT + 3.0,
            f"is {kb.name_of(org_id)} a member of {kb.name_of(coalition_id)}",
            lambda: membership(scope, org_id, coalition_id),
            subject=org_id,
        )
    ]


#: "part of", "a member of", "in the coalition", "belong to", "one of its members", "a
#: coalition member".
_BELONGS = re.compile(
    r"\b(?:part of|members? of|member (?:group|org|organi[sz]ation)s? of|belongs? to|belonged to|"
    r"(?:was|is|were|are) (?:\w+ )?in (?:the )?(?:\w+ )?coalition|joined (?:the )?(?:\w+ )?"
    r"coalition|in (?:the )?icnk|on the list of (?:\w+ )?members|(?:coalition|icnk) members?)\b"
)
#: "Which orgs does the release name as part of the coalition?" lists them; no yes or no.
_ASKS_WHICH = re.compile(r"\b(?:which|what|how many)\b")
