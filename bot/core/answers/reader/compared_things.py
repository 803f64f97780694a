"""Which two things a comparison sets side by side: letters, events, or one of each."""

from __future__ import annotations

import re

from bot.core.answers.reader.clues import clear_letter, rank_letters
from bot.core.answers.reader.context import BOTH, Context
from bot.core.answers.reader.event_clues import anchoring_event, rank_events
from bot.core.answers.reader.question import Question, read_question
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Event, Letter
from bot.core.scope import Scope
from bot.core.search.names import normalize


def things_compared(context: Context) -> list[Letter | Event]:
    """The letters and events a comparison is about, the two meant first."""
    scope, q = context.scope, context.question
    kb = scope.kb
    per_part = _things_per_part(scope, q)
    likely = [f for f in context.fits[:10] if f.score >= 3]
    strong = [f.letter for f in likely if f.clues != ["its content"]]
    weak = [f.letter for f in likely if f.clues == ["its content"]]
    # An event a letter came "before" describes the letter, and is also what it is compared to.
    events = list(dict.fromkeys([*context.events, *q.ids("event")]))
    # Letters with a clue of their own, not only nearness to the event or shared words.
    # With an event named, a recipient two letters share ("how long after the COI did the
    # 52 NGOs write to Kim") tells neither apart: the letter with a clue of its own is meant.
    shared = {
        c
        for f in likely
        for c in f.clues
        if q.ids("event") and sum(c in g.clues for g in likely) > 1
    }
    named = [
        f.letter
        for f in likely
        if any(
            c not in shared and c != "its content" and not c.startswith("around ") for c in f.clues
        )
    ]
    dated = [x for x in named if len(set(q.years)) == 1 and x.year in q.years]
    if events and len(named) > 1 and len(dated) == 1:
        # "did the 2018 letter to Kim go out before his summit with Trump?": the year says
        # which of the letters to Kim, and the summit is what it is compared with
        named = dated
    elif (
        context.cue("yes_no")
        and len(q.ids("event")) == 1
        and len(named) > 1
        and len(set(q.years)) < 2
        and not q.has(_LETTERS)
    ):
        # "the HRW letter to Kim went out after the Singapore summit, right?": the letter its
        # clues clearly point at, not every letter to Kim, is set beside the summit
        lead = clear_letter(likely)
        named = [lead] if lead in named else named
    things: list[Letter | Event] = (
        per_part
        if len(per_part) >= 2
        # "did the 2019 letter come after the Panmunjom Declaration?": the letter and the
        # event, not another letter the event stands near.
        else [named[0], kb.events[events[0]]]
        if len(named) == 1 and events and (len(events) == 1 or q.asks_of_a_letter())
        else [*strong[:2], *(kb.events[e] for e in events), *weak]
        if len(events) < 2 or q.asks_of_a_letter()
        # "how many days after Trump met Kim Yong Chol did the summit take place?"
        else [kb.events[e] for e in events]
    )
    same_day = q.has(SAME_TIME) and not q.has(BOTH)
    # With no letter clue of its own, one letter is still meant unless "letters" says more.
    unclued = not named and not q.has(BOTH) and not q.has(_LETTERS)
    one_event = len(events) == 1 and len(per_part) < 2 and not q.years
    if ((same_day and len(named) != 1) or unclued) and one_event:
        # "was the rapporteur's briefing the same day the kim letter went out", "Senate pass
        # NKHRA and the letter to Kim — which first?": of the letters to Kim, the one
        # nearest the event is meant
        event = kb.events[events[0]]
        letters = [t for t in things if isinstance(t, Letter)]
        when = event.date
        if len(letters) >= 2 and when:
            things = [min(letters, key=lambda x: _months_apart(x.date, when)), event]
    return things


def within_one_letter(q: Question) -> bool:
    """Whether one letter is named and what it is compared with is no letter or event.

    "What did the 2012 text say about the elite compared with ordinary people?"
    """
    return (
        len(set(q.years)) == 1
        and not q.ids("event")
        and q.has(_COMPARED_TO_NO_LETTER)
        and not q.has(BOTH)
    )


#: "compared with ordinary people", not "compared with the Moon letter" or "… with 2018".
_COMPARED_TO_NO_LETTER = re.compile(
    r"\bcompared (?:to|with) (?!(?:\w+ ){0,4}?(?:letters?|one|appeals?|(?:19|20)\d\d)\b)"
)
_PARTS = re.compile(r"\b(?:or|and|vs|versus|compared (?:to|with)|than|against)\b|\s[+&]\s")


def _things_per_part(scope: Scope, question: Question) -> list[Letter | Event]:
    """One letter or event per part of "the HRW letter to Kim or the ICNK letter to Moon".

    Each side of "or", "and", "vs" describes its own letter or event; reading them apart
    keeps the clues of one ("ICNK") from pointing the other at a third letter.
    """
    parts = [p for p in _PARTS.split(question.text.casefold()) if len(p.split()) >= 1]
    if len(parts) < 2:
        return []
    kb = scope.kb
    found: list[Letter | Event] = []
    for part in parts[:4]:
        sub = read_question(scope, part)
        named = [kb.events[e] for e in sub.ids("event")]
        # Within one side, a letter something names (its kind, year, recipient…) beats one
        # its words merely resemble.
        fits = [
            f
            for f in rank_letters(scope, sub, anchoring_event(scope, sub))
            if f.clues != ["its content"]
        ]
        letter = clear_letter(fits)
        strong = letter is not None
        described = rank_events(scope, sub)
        thing: Letter | Event | None = None
        if named:
            thing = named[0]
        elif strong and _A_LETTER.search(part):  # "the one sent to Kim before Singapore"
            thing = letter
        elif described:
            thing = kb.events[described[0][0]]
        elif only := _the_one_event_called(kb, part):
            thing = only  # "… and the summit": the one summit the sources hold
        elif letter is not None and (question.asks_of_a_letter() or question.years):
            thing = letter  # not "between Kim and Moon signing …": two people, no letter
        if thing is not None and all(thing.id != other.id for other in found):
            found.append(thing)
    return found


def _the_one_event_called(kb: KnowledgeBase, part: str) -> Event | None:
    """The event "the summit" or "the declaration" means when only one is so called."""
    kind = _EVENT_KIND.search(part)
    if kind is None or _A_LETTER.search(part):
        return None
    called = [e for e in kb.events.values() if kind.group(1) in normalize(e.title).split()]
    return called[0] if len(called) == 1 else None


_EVENT_KIND = re.compile(r"\bthe (summit|declaration|resolution|hearing|testimony|briefing)\b")


def _months_apart(a: str, b: str) -> int:
    """Roughly how many months lie between two ISO dates of any precision."""

    def months(date: str) -> int:
        return int(date[:4]) * 12 + (int(date[5:7]) if len(date) >= 7 else 6)

    return abs(months(a) - months(b))


#: "the same day": when two things happened, asked of one letter and one event.
SAME_TIME = re.compile(r"\bsame (?:day|date|time)\b")
#: "the letters to Kim": every letter a clue fits, not the one nearest an event.
_LETTERS = re.compile(r"\bletters\b")
#: "Is it the letter or the summit": a part that speaks of a letter.
#: A letter meant: "the letter", "the one sent to Kim", "the pre-summit one".
_A_LETTER = re.compile(r"\b(?:letters?|(?:the|that) (?:[\w-]+ ){0,2}?one|appeals?)\b")
