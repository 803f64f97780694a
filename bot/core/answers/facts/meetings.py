"""Whether people met: "did Kim meet Xi?", "Trump and Kim met in Hanoi, right?".

A meeting is an event both took part in. A place the claim gives is checked against where
the sources put the event; someone the knowledge base does not hold is said to be so.
"""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import people as people_cards
from bot.core.answers.facts.event_claims import BY_THEN
from bot.core.kb.dates import date_in, human_date
from bot.core.kb.models import Person
from bot.core.scope import Scope


def met_unknown(scope: Scope, person: Person, name: str) -> Answer:
    """Did a person meet someone the knowledge base does not hold: not that the sources say.

    "Did Kim meet Putin?": no one of that name is in the sources; the meetings they do
    report for the person follow.
    """
    kb = scope.kb
    card = people_cards.person(scope, person.id)
    meetings = [e for e in kb.events.values() if person.id in e.participants]
    # Not "No": the sources' silence is not evidence that they never met.
    direct = f"The sources do not report a meeting of {person.name} with anyone called “{name}”."
    if meetings:
        card, marks = cite_in(card, kb, [s for e in meetings for s in e.sources])
        others = sorted({kb.name_of(p) for e in meetings for p in e.participants} - {person.name})
        direct += f" Those they report {person.name} meeting: {', '.join(others)}. {marks}"
    return with_direct(card, direct, f"did {person.name} meet “{name}”", (), "yes_no")


def met(scope: Scope, first: Person, second: Person, claim: str = "") -> Answer:
    """Did two people meet: an event both took part in (in the place claimed, if one is)."""
    kb = scope.kb
    shared = [
        e for e in kb.events.values() if first.id in e.participants and second.id in e.participants
    ]
    label = f"did {first.name} meet {second.name}"
    if not shared:
        card = people_cards.person(scope, first.id)
        direct = f"The sources do not report a meeting of {first.name} and {second.name}."
        return with_direct(card, direct, label, (), "yes_no")
    event = shared[0]
    card = people_cards.event(scope, event.id)
    card, marks = cite_in(card, kb, event.sources)
    where = f"{event.title} ({human_date(event.date)}). {marks}"
    claimed = _place_claimed(claim)
    asked = None if BY_THEN.search(claim) else date_in(claim)  # "before June 2018" dates no day
    if claimed and not any(claimed in f"{e.title} {e.summary}" for e in shared):
        # "Trump and Kim met in Hanoi in June 2018": they met, but not there
        direct = f"No, not in {claimed}. The sources report their meeting as {where}"
    elif (
        asked and event.date and not (event.date.startswith(asked) or asked.startswith(event.date))
    ):
        direct = f"No, not in {human_date(asked)}. The sources report their meeting as {where}"
    elif asked and event.date and len(asked) > len(event.date):
        # "did Kim meet Xi on 3 March 2018?": the sources date the meetings only to 2018
        direct = f"They met, but the sources don't say on what day: {where}"
    else:
        direct = f"Yes. {first.name} and {second.name} both took part in {where}"
    return with_direct(card, direct, label, (), "yes_no")


def _place_claimed(claim: str) -> str | None:
    """The place a claim says a meeting was in ("met in Hanoi"), if it names one."""
    found = _IN_PLACE.search(claim)
    return found.group(1) if found and found.group(1) not in _NOT_PLACES else None


_IN_PLACE = re.compile(r"\b(?:in|at) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December "
    "Spring Summer Autumn Fall Winter".split()
)
