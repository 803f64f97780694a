"""Readings for who wrote a source: "did Roseanne Gerin write the RFA article?"."""

from __future__ import annotations

from bot.core.answers.facts import bylines
from bot.core.answers.reader.context import Context, Reading
from bot.core.answers.reader.shapes import AUTHORSHIP, SOURCE_WORDS

#: Above a profile of the person named ("about Roseanne Gerin").
_SCORE = 9.0


def byline_readings(context: Context) -> list[Reading]:
    """Whether the person named wrote a source (of the organisation named, if any)."""
    q, scope = context.question, context.scope
    words = set(q.norm.split())
    if not (
        context.cue("yes_no") and context.people and AUTHORSHIP & words and SOURCE_WORDS & words
    ):
        return []
    person_id = context.people[0]
    org_id = next(iter(q.ids("organization")), None)
    return [
        Reading(
            "yes_no",
            _SCORE,
            f"did {scope.kb.name_of(person_id)} write a source"
            + (f" of {scope.kb.name_of(org_id)}" if org_id else ""),
            lambda: bylines.wrote(scope, person_id, org_id),
        )
    ]
