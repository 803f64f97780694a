"""Readings of an event named or described: what happened, when, who took part or was quoted."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.cards import quotes as quote_cards
from bot.core.answers.facts import lists, uncovered
from bot.core.answers.facts.openers import answer_event
from bot.core.answers.reader.context import SUBJECT_FIT, Context, Reading
from bot.core.answers.reader.event_clues import meeting_of
from bot.core.answers.reader.phrases import WHAT_WAS_SAID
from bot.core.kb.dates import human_date

#: At most this many words with no cue are keywords.
_KEYWORDS = 4
#: "Who's the UN guy who briefed reporters": who took part, asked from the front.
_WHO_START = re.compile(r"^ (?:who|who s|whos)\b")
#: "quotes on the NKHRA", "what was said about the summit": words about the event asked for.
_QUOTES_ASKED = re.compile(
    r"\bquot\w*|\b(?:said|say|says|statements?|remarks?|comments?|words) (?:about|on|regarding|"
    r"concerning|re)\b"
)


#: A cue this strong asks for a profile ("a profile of the ICNK"), of whoever is named.
_PROFILE_ASKED = 7.0


def event_readings(context: Context) -> list[Reading]:
    """An event named or described: what happened, when, and who took part."""
    scope, q = context.scope, context.question
    meeting = (
        meeting_of(scope, context.people[0], q)
        if context.cue("met_whom") and context.people
        else None
    )
    if not context.events and meeting is None:
        return []
    event_id = meeting or context.events[0]
    event = scope.kb.events[event_id]
    extra = []
    # "the singapore summit: trump and kim, or trump and moon?": which of them took part
    offered = q.ids("person")
    choice = (
        len(offered) >= 2
        and " or " in q.norm
        and not context.cue("yes_no")  # "true or false: …"
        and event_id in q.ids("event")
        and bool(set(offered) & set(event.participants))
    )
    if event.participants and (
        context.cue("met_whom")
        or choice
        or (context.cue("profile") and not context.people and q.has(_WHO_START))
    ):
        # "Who's the UN guy who briefed reporters in Geneva", "which leaders did Kim meet"
        extra.append(
            Reading(
                "event",
                max(context.cue("met_whom"), context.cue("profile"), 6.0 if choice else 0.0) + 3.0,
                f"who took part in {event.title}",
                lambda: answer_event(scope, event_id, who=True),
            )
        )
    title = scope.kb.name_of(event_id)
    named_letter = bool(q.ids("letter")) or any(
        "named" in f.clues or str(f.letter.year) in f.clues for f in context.fits
    )
    # "kim 2018 meetings": keywords only, those named all taking part: the event is asked
    keywords = (
        not context.cues
        and len(q.norm.split()) <= _KEYWORDS
        and set(q.ids("person")) <= set(event.participants)
    )
    # "what was Joseph Yun's job — US special envoy?": an event only described, by words
    # of someone else's role, is no subject beside a person who took no part in it
    beside_someone = event_id not in q.ids("event") and bool(
        (context.people and not set(context.people) & set(event.participants))
        # "a profile of the ICNK for the briefing": a group named, an event only described
        or (
            context.orgs
            and context.cue("profile") >= _PROFILE_ASKED
            and not set(context.orgs) & set(event.organizations)
        )
    )
    base = (
        SUBJECT_FIT
        - (1.0 if named_letter else 0.0)
        - (1.0 if beside_someone else 0.0)
        + (0.5 if event_id in q.ids("event") else 0.0)
        + (2.0 if keywords else 0.0)
        # "what has been said about peace on the peninsula?": what was said, of which an
        # event the words describe is only a part
        - (2.0 if q.has(WHAT_WAS_SAID) and event_id not in q.ids("event") else 0.0)
    )
    dated = event.date or ""
    # "… how does the 2018 letter relate to it?": a letter's year is no other event's
    letter_years = {scope.kb.letters[x].year for x in q.ids("letter") if x in scope.kb.letters}
    other_years = [
        y for y in q.years if dated and str(y) != dated[:4] and int(y) not in letter_years
    ]
    if event_id in q.ids("event") and other_years and q.has(_ANOTHER):
        # "the second Trump–Kim summit in Hanoi in 2019": not the one the sources record
        when = human_date(dated)
        extra.append(
            Reading(
                "not_covered",
                max(context.cue("event"), context.cue("yes_no")) + SUBJECT_FIT + 2.0,
                f"another {title} in {other_years[0]} (not in the sources)",
                lambda: uncovered.not_covered(
                    scope,
                    f"another of these in {other_years[0]}: the one they record is the "
                    f"{title}, on {when}",
                    None,
                ),
            )
        )
    readings = [
        Reading(
            "event",
            context.cue("event") + base + 0.5,
            f"what happened: {title}",
            lambda: answer_event(scope, event_id, asked=q.norm),
        ),
        Reading(
            "event",
            context.cue("date") + base,
            f"when: {title}",
            lambda: answer_event(scope, event_id),
        ),
        Reading(
            "event",
            context.cue("profile") + base,
            f"about {title}",
            lambda: answer_event(scope, event_id),
        ),
        Reading("event", base + 0.5, f"about {title}", lambda: answer_event(scope, event_id)),
        Reading(
            "quoted_about",
            # "what was said about the COI?" asks what, not who: the quotes or the topic
            context.cue("quoted_about") + base + 0.5 - (3.0 if q.has(WHAT_WAS_SAID) else 0.0)
            if context.cue("quoted_about")
            else 0.0,
            f"who was quoted → {title}",
            lambda: lists.quoted_about(scope, event_id),
        ),
        Reading(
            "quotes",
            # "quotes on the NKHRA"; with a speaker named, the speaker's reading answers
            context.cue("quotes") + base + 1.0
            if context.cue("quotes") and not context.people and q.has(_QUOTES_ASKED)
            else 0.0,
            f"quotes about → {title}",
            lambda: quote_cards.quotes(scope, about=event_id),
        ),
        *extra,
    ]
    return [replace(r, subject=event_id) for r in readings]


#: "the second summit", "another one in 2019", "the follow-up summit": not the one recorded.
_ANOTHER = re.compile(r"\b(?:second|another|next|later|follow ?up|third|new)\b")
