"""Claims about events checked against their record: on the date given, and no further.

"Did the Senate pass the act on April 26?": who acted, and on which day, is checked too.

"Was the Panmunjom Declaration signed in May?", "did Seoul go back to co-sponsoring the
resolution?", "did the act become law?": a claim that an event was undone or came to pass is
answered "the sources do not report that" where its record stops short of it.
"""

from __future__ import annotations

import heapq
import re

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import people as people_cards
from bot.core.answers.facts.topic_match import SUBJECT
from bot.core.answers.polarity import NEGATION
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import event_date_in, human_date, month_and_day
from bot.core.kb.models import Event, Organization
from bot.core.kb.sentences import first_sentences
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.stems import concepts


def event_claim(scope: Scope, event: Event, claim: str) -> Answer:
    """Whether a claim about an event is true: recorded, and on the date the claim gives."""
    kb = scope.kb
    card = people_cards.event(scope, event.id)
    card, marks = cite_in(card, kb, event.sources)
    asked = event_date_in(claim)
    if wrong_day(claim, event) or (
        asked and event.date and not (event.date.startswith(asked) or asked.startswith(event.date))
    ):
        direct = f"No. {event.title} is dated {human_date(event.date)}. {marks}"
    elif asked and event.date and len(asked) > len(event.date) and not BY_THEN.search(claim):
        # "was the resolution adopted on 3 March 2018?" of an event dated only "2018"
        why = f" {event.date_note}" if event.date_note else ""
        direct = (
            f"The sources don't say: they date {event.title} only to "
            f"{human_date(event.date)}.{why} {marks}"
        )
        return with_direct(card, direct, f"is it true: {event.title}", (), "not_covered")
    elif beyond_the_record(claim, event):
        # "Did Seoul resume co-sponsoring…?", "did the experts manage to prosecute anyone?"
        direct = (
            f"The sources do not report that. What they record: {event.title} "
            f"({human_date(event.date)}): {first_sentences(event.summary)} {marks}"
        )
        return with_direct(card, direct, f"is it true: {event.title}", (), "not_covered")
    elif (denied := _denied(claim, event)) is not None:
        # "did Trump raise human rights with Kim Yong Chol?": the meeting is recorded, and
        # so is his saying he had not
        direct = (
            f"No. The sources record {event.title} ({human_date(event.date)}), but: "
            f"{denied} {marks}"
        )
    elif (elsewhere := _record_of_claim(kb, claim, event)) is not event:
        # "is North Korea party to human rights treaties?" read as a claim about an event
        # whose record says nothing of treaties: the event whose record does, or no Yes
        if elsewhere is not None:
            return event_claim(scope, elsewhere, claim)
        direct = (
            f"The sources do not say so. What they record: {event.title} "
            f"({human_date(event.date)}): {first_sentences(event.summary)} {marks}"
        )
        return with_direct(card, direct, f"is it true: {event.title}", (), "not_covered")
    else:
        direct = (
            f"Yes. The sources record it: {event.title} ({human_date(event.date)}): "
            f"{first_sentences(event.summary)} {marks}"
        )
    return with_direct(card, direct, f"is it true: {event.title}", (), "yes_no")


def _record_of_claim(kb: KnowledgeBase, claim: str, event: Event) -> Event | None:
    """The event whose record holds the claim's own words: `event` itself if it holds any.

    Words no event's record uses ("really", a typo) and the campaign's subject decide
    nothing; when no record holds the rest, or two hold as much, None.
    """
    records = kb.derived("event_record_concepts", _record_concepts)
    asked = (concepts(claim) - SUBJECT - _FILLER) & frozenset().union(*records.values())
    if not asked or asked & records[event.id]:
        return event
    held = heapq.nlargest(2, ((len(asked & words), e) for e, words in records.items()))
    (most, best), runner_up = held[0], held[1][0] if len(held) > 1 else 0
    # two records that hold as much are a guess between them: no Yes for either
    return kb.events[best] if most > runner_up else None


#: Words of how a claim is put, not of what it claims ("part of", "really").
_FILLER = frozenset(concepts("part really actually ever true correct right"))


def _record_concepts(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each event's words, as concepts: its title, summary and who took part."""
    records: dict[str, frozenset[str]] = {}
    for event in kb.events.values():
        names = [kb.name_of(i) for i in (*event.participants, *event.organizations)]
        records[event.id] = frozenset(concepts(" ".join([event.title, event.summary, *names])))
    return records


def _denied(claim: str, event: Event) -> str | None:
    """The clause of the event's summary that says the opposite of the claim, if one does.

    A clause shares at least two of the claim's words beyond the event's title, and one of
    the two is negated and not the other.
    """
    wanted = concepts(claim) - concepts(event.title)
    negated = NEGATION.search(normalize(claim)) is not None
    for clause in _CLAUSE.split(event.summary):
        if len(wanted & concepts(clause)) >= 2 and (
            (NEGATION.search(normalize(clause)) is not None) != negated
        ):
            said = clause.strip().rstrip(".")
            return said[:1].upper() + said[1:] + "."
    return None


_CLAUSE = re.compile(r"(?<=[;.])\s+")


def wrong_day(claim: str, event: Event) -> bool:
    """Whether a claim dates an event to another day of the year ("on April 26", no year)."""
    if event_date_in(claim) or not event.date or len(event.date) < len("2018-04-25"):
        return False
    day = month_and_day(normalize(claim))
    return day is not None and event.date[5:10] != day


#: "By June 2018, had the Council …": a date the claim counts up to, not the event's own.
BY_THEN = re.compile(
    r"\b(?:by|before|until|as of|prior to|up to)\s+(?:the\s+)?(?:\d{1,2}\s+)?[A-Za-z]+\s+\d{4}",
    re.I,
)
#: Claims that something was undone or came to pass, beyond what an event's record says.
_BEYOND_THE_RECORD = (
    re.compile(r"\b(?:resum\w+|restart\w*|revers\w+|rejoin\w*|went back|go back|again|undo\w*)\b"),
    re.compile(r"\b(?:manag\w+ to|succeed\w*|success\w*|achiev\w+|result\w*|work(?:ed)? out)\b"),
    # "was the act signed into law in the end?": a later step the record stops short of
    re.compile(
        r"\b(?:into law|(?:become|became|becomes|becoming) (?:a )?law|enacted|in the end|"
        r"eventually|finally|ultimately|later on|afterwards)\b"
    ),
)

_HOPED_FOR = re.compile(r"\bto (?:become|be) (?:\w+ )?law\b")


def beyond_the_record(claim: str, event: Event) -> bool:
    """Whether a claim says the event was undone or achieved, which its record does not."""
    asked, held = normalize(claim), normalize(f"{event.title} {event.summary}")
    # "urged the House to pass it and send it to the president to become law": a hope the
    # record reports, not a step it records
    held = _HOPED_FOR.sub(" ", held)
    return any(p.search(f" {asked} ") and not p.search(f" {held} ") for p in _BEYOND_THE_RECORD)


def acted(scope: Scope, actor: Organization, event: Event, claim: str = "") -> Answer:
    """Whether an organisation did what an event records ("did the House pass the act").

    A day the `claim` gives ("on April 26") must be the event's.
    """
    kb = scope.kb
    card = people_cards.event(scope, event.id)
    card, marks = cite_in(card, kb, event.sources)
    named = any(normalize(n) in normalize(event.title) for n in actor.names)
    if named and wrong_day(claim, event):
        direct = f"No. {event.title} is dated {human_date(event.date)}. {marks}"
    elif named:
        direct = f"Yes. {event.title} ({human_date(event.date)}). {marks}"
    else:
        direct = (
            f"The sources do not report that. What they record is: {event.title} "
            f"({human_date(event.date)}). {marks}"
        )
    return with_direct(card, direct, f"did {actor.name} do this: {event.title}", (), "yes_no")
