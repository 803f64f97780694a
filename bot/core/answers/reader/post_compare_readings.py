"""Readings that compare two people's posts.

"Adams vs Robertson, what's the difference in their jobs?", "did they have the same title
at HRW?", "were Rubio and Cardin from the same party?".
"""

from __future__ import annotations

import re

from bot.core.answers.facts.role_comparisons import compare_posts
from bot.core.answers.reader.context import Context, Reading

#: Words asking about a post: "title", "job", "role", "position", "party and state".
_POST = re.compile(
    r"\b(?:titles?|jobs?|roles?|posts?|positions?|ranks?|offices?|part(?:y|ies)|states?)\b"
)
#: Words that set two people side by side.
_SIDE_BY_SIDE = re.compile(
    r"\b(?:same|different|differ\w*|difference|vs|versus|compare\w*|compared|both)\b"
)
_SAME = re.compile(r"\bsame\b")
_PARTY = re.compile(r"\bpart(?:y|ies)\b")
#: Above one person's role and a claim about one of them.
_SCORE = 11.0


def post_compare_readings(context: Context) -> list[Reading]:
    """Two people named and their posts compared."""
    q, scope = context.question, context.scope
    people = q.ids("person")
    if len(people) != 2 or not (q.has(_POST) and q.has(_SIDE_BY_SIDE)):
        return []
    first, second = (scope.kb.people[p] for p in people)
    return [
        Reading(
            "people",
            _SCORE,
            f"the posts of {first.name} and {second.name}",
            lambda: compare_posts(scope, first, second, q.has(_SAME), party=q.has(_PARTY)),
        )
    ]
