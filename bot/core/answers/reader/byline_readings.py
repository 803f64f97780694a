"""Readings for who wrote a source: "did Roseanne Gerin write the RFA article?"."""

from __future__ import annotations

import re

from bot.core.answers.facts import bylines
from bot.core.answers.reader.context import Context, Reading
from bot.core.answers.reader.shapes import AUTHORSHIP, SOURCE_WORDS

#: Above a profile of the person named ("about Roseanne Gerin").
_SCORE = 9.0
#: "Who wrote the RFA piece", "the RFA reporter that wrote up …", "author of the ICC article".
_WHO_WROTE = re.compile(
    r"\b(?:who|which (?:reporter|journalist|writer|person))\b(?: \w+){0,6}? (?:wrote|writes|"
    r"authored|reported)\b(?: \w+){0,5}? (?:article|piece|story|report|post|write ?up|"
    r"coverage)\b|\b(?:author|writer|byline) (?:of|on|for) (?:the |that |this )?\w+(?: \w+)? "
    r"(?:s )?(?:article|piece|story|report|post|coverage)\b|"
    r"\b(?:reporter|journalist|writer) (?:that|who) (?:wrote|covered|reported)\b"
)

#: "wrote to Moon": the person is whom a letter went to, not its author.
_WRITE_TO = re.compile(r"\b(?:write|wrote|written|writes) to\b")


def byline_readings(context: Context) -> list[Reading]:
    """Whether the person named wrote a source (of the organisation named, if any)."""
    q, scope = context.question, context.scope
    words = set(q.norm.split())
    outlet = next(iter(q.ids("organization")), None)
    if _WHO_WROTE.search(q.norm) and not q.subjects("person") and outlet is not None:
        # "who wrote the ICC article about the Moon letter?": its byline, if it prints one
        letter_id = context.letter.id if context.letter is not None else None
        return [
            Reading(
                "sender",
                _SCORE + 0.5,  # above the letter's organiser, which "wrote" also cues
                f"who wrote {scope.kb.name_of(outlet)}'s sources",
                lambda: bylines.written_by(scope, outlet, letter_id),
                subject=outlet,
            )
        ]
    if not (
        context.cue("yes_no")
        and context.people
        and AUTHORSHIP & words
        # "did any campaign write to a South Korean president": "write" names no source
        and (SOURCE_WORDS - AUTHORSHIP) & words
        and not q.has(_WRITE_TO)
    ):
        return []
    person_id, org_id = context.people[0], outlet
    return [
        Reading(
            "yes_no",
            _SCORE,
            f"did {scope.kb.name_of(person_id)} write a source"
            + (f" of {scope.kb.name_of(org_id)}" if org_id else ""),
            lambda: bylines.wrote(scope, person_id, org_id),
        )
    ]
