"""Readings that ask for events in date order: all, a month's or a year's, or someone's.

"list all the events you know about in date order", "everything that happened in June 2018
pls", "which of the events in your timeline involved Moon Jae-in?".
"""

from __future__ import annotations

import re

from bot.core.answers.facts.timeline import timeline
from bot.core.answers.reader.context import Context, Reading
from bot.core.kb.dates import date_in, human_date


def timeline_readings(context: Context) -> list[Reading]:
    """The timeline, narrowed to the month or year and the person or body the question names."""
    cue = context.cue("timeline")
    if not cue:
        return []
    q, scope = context.question, context.scope
    # "the events linked to the 52-org letter": the letter's own events, not its year's.
    letter = context.letter if q.asks_of_a_letter() else None
    month = date_in(q.text)
    year = str(q.years[0]) if len(q.years) == 1 and letter is None else None
    period = month[:7] if month else year
    who = next(iter([*context.people, *context.orgs, *context.places]), None)
    events_only = q.has(_EVENTS) and not q.has(_EVERYTHING)
    label = "events" if events_only else "events and letters"
    label += f" in {human_date(period)}" if period else ""
    label += f" with {scope.kb.name_of(who)}" if who else ""
    label += f" tied to {letter.title}" if letter else ""
    return [
        Reading(
            "timeline",
            cue + 3.0,
            f"{label}, in date order",
            lambda: timeline(scope, period, who, events_only, letter),
        )
    ]


_EVENTS = re.compile(r"\bevents?\b")
_EVERYTHING = re.compile(r"\b(?:everything|anything|letters?)\b")
