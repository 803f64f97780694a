"""Readings that ask for events in date order: all, a month's or a year's, or someone's.

"list all the events you know about in date order", "everything that happened in June 2018
pls", "which of the events in your timeline involved Moon Jae-in?".
"""

from __future__ import annotations

import re

from bot.core.answers.facts.nearby_events import nearest_event
from bot.core.answers.facts.timeline import timeline
from bot.core.answers.reader.context import Context, Reading, letter_fit
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
    if letter is not None and month and letter.date.startswith(month[:7]):
        month = None  # "the events linked to the June 2018 letter": the month names it
    year = str(q.years[0]) if len(q.years) == 1 and letter is None else None
    period = month[:7] if month else year
    who = next(iter([*context.people, *context.orgs, *context.places]), None)
    events_only = q.has(_EVENTS) and not q.has(_EVERYTHING)
    # "order the three letters, earliest first": the letters alone
    letters_only = q.has(_LETTERS) and not q.has(_EVENTS) and letter is None
    label = "events" if events_only else "letters" if letters_only else "events and letters"
    label += f" in {human_date(period)}" if period else ""
    label += f" with {scope.kb.name_of(who)}" if who else ""
    label += f" tied to {letter.title}" if letter else ""
    return [
        Reading(
            "timeline",
            cue + 3.0,
            f"{label}, in date order",
            lambda: timeline(scope, period, who, events_only, letter, letters_only),
        )
    ]


_EVENTS = re.compile(r"\bevents?\b")
_EVERYTHING = re.compile(r"\b(?:everything|anything|letters?)\b")
_LETTERS = re.compile(r"\bletters\b")


#: Above the letter's own card: the question asks what happened around it.
_AROUND_SCORE = 6.0


def nearby_event_readings(context: Context) -> list[Reading]:
    """The nearest event after (or before) the letter the question names."""
    scope, q, letter = context.scope, context.question, context.letter
    asked = _AROUND.search(q.norm)
    if asked is None or letter is None or not q.asks_of_a_letter():
        return []
    after = asked.group("way") in _AFTER_WORDS
    kind = asked.group("kind") if asked.group("kind") in _KINDS else None
    return [
        Reading(
            "event",
            _AROUND_SCORE + letter_fit(context),
            f"the event {'after' if after else 'before'} {letter.title}",
            lambda: nearest_event(scope, letter, after, kind),
            subject=letter.id,
        )
    ]


_KINDS = frozenset(
    "event meeting summit vote hearing declaration resolution talks testimony briefing".split()
)
_AFTER_WORDS = frozenset({"after", "following"})
#: "what meeting was coming up … after the letter", "which summit came right after it".
_AROUND = re.compile(
    r"\b(?:what|which) (?P<kind>events?|meeting|summit|vote|hearing|declaration|resolution|talks|"
    r"testimony|briefing|happened|was happening|came|was coming up|took place)\b"
    r"(?: \w+){0,7}? (?P<way>after|following|before|ahead of|preceding|prior to) "
    r"(?:\w+ ){0,4}?(?:letter|it|one)\b"
)
