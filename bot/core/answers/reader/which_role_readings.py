"""Readings of a choice among people by their role: "which of these was not a senator?"."""

from __future__ import annotations

import re

from bot.core.answers.facts import which_role
from bot.core.answers.reader.context import Context, Reading
from bot.core.search.roles import build_role_bags, canonical_words

#: "which of these was (not) a US senator: Rubio, Cardin, Yun", "which one is the envoy".
_WHICH_WAS = re.compile(
    r"^ which (?:one |person |of (?:these|those|them|the following) )*(?:of them )?"
    r"(?:is|was|were|are)( not| never| n ?t)? ((?:a|an|the) )?"
)
_SCORE = 10.0


def which_role_readings(context: Context) -> list[Reading]:
    """Each person listed checked against the role described."""
    q, scope = context.question, context.scope
    people = q.ids("person")
    match = _WHICH_WAS.match(q.norm)
    if match is None or len(people) < 2:
        return []
    first = min(m.start for m in q.mentions if m.kind == "person")
    start = len(q.norm[: match.end()].split())
    words = q.norm.split()[start:first]
    bags = scope.kb.derived("role_bags", build_role_bags)
    if not words or not set(canonical_words(" ".join(words))) <= bags.idf.keys():
        return []  # "which person was quoted about both …": no role, every word a role word
    # "a us senator" → "a US senator": short words are abbreviations
    described = (match.group(2) or "") + " ".join(w.upper() if len(w) <= 2 else w for w in words)
    negated = match.group(1) is not None
    return [
        Reading(
            "people",
            _SCORE,
            f"which of those listed {'was not' if negated else 'was'} {described}",
            lambda: which_role.held_role(scope, people, described, negated),
        )
    ]
