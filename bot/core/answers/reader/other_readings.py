"""Readings that need no single subject: lists, who said, contacts, what is not covered."""

from __future__ import annotations

import re

from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.cards import search as search_card
from bot.core.answers.facts import event_counts, lists, people_lists, uncovered
from bot.core.answers.reader.clarify import NOT_TO
from bot.core.answers.reader.context import (
    AND_WHICH,
    SUBJECT_FIT,
    Context,
    Reading,
    only_guessed,
)
from bot.core.answers.reader.phrases import WHAT_WAS_SAID, about_phrase, names_a_topic
from bot.core.answers.reader.question import Question
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Event
from bot.core.search.places import places_in
from bot.core.search.stems import concepts

_TO_PERSON = re.compile(r"\b(?:go|went|sent|addressed|written|directed) to\b")


def general_readings(context: Context) -> list[Reading]:
    """Readings that need no subject: lists, who said, contacts, what is not covered."""
    scope, q = context.scope, context.question
    kb = scope.kb
    out = [
        Reading(
            "letters",
            context.cue("letters") - (2.0 if context.orgs and context.cue("letters_by") else 0.0),
            "all letters",
            lambda: letter_cards.letters(scope),
        ),
        Reading(
            "search", 0.5, f"search for {q.text[:60]}", lambda: search_card.search(scope, q.text)
        ),
    ]
    # "Letters to Kim", "did any of these letters go to Trump?" (none did: said so).
    recipients_named = [p for p in q.ids("person") if kb.letters_to(p) or q.has(_TO_PERSON)]
    # "Which letter was not sent to Kim Jong Un?" lists the others.
    asked_letters = context.cue("letters") or (q.has(NOT_TO) and context.cue("identify"))
    # "which went to Kim and which to someone else": every letter, with its recipient
    if asked_letters and recipients_named and not q.has(AND_WHICH):
        person_id = recipients_named[0]
        out.append(
            Reading(
                "letters",
                asked_letters + SUBJECT_FIT + 0.5,
                f"letters {'not ' if q.has(NOT_TO) else ''}to {kb.name_of(person_id)}",
                lambda: letter_cards.letters(scope, recipient=person_id, not_to=q.has(NOT_TO)),
            )
        )
    phrase = about_phrase(q)
    if context.cue("sources") and not phrase:
        out.append(
            Reading(
                "sources", context.cue("sources") + 1.0, "the sources", lambda: lists.sources(scope)
            )
        )
    anywhere = q.has(_ANYWHERE)
    unnamed = (context.letter is None or only_guessed(context)) and not (
        context.events or context.people or context.orgs
    )
    # "what has been said concerning the prison camps?": a topic, not a list of speakers
    of_a_topic = q.has(WHAT_WAS_SAID) and (phrase := about_phrase(q)) and names_a_topic(phrase)
    if context.cue("quoted_about") and (anywhere or unnamed) and not of_a_topic:
        # "give me every person who gets quoted anywhere in the sources"
        out.append(
            Reading(
                "people",
                context.cue("quoted_about") + (4.0 if anywhere else 2.0),
                "everyone quoted in the sources",
                lambda: people_lists.everyone_quoted(scope),
            )
        )
    if context.cue("contact"):
        out.append(
            Reading(
                "contact",
                context.cue("contact") + 2,
                "contact details",
                lambda: uncovered.contact_refused(scope, tuple(context.people)),
            )
        )
    # the index of letters by recipient, not a walk over every letter per question
    person_is_recipient = any(kb.letters_to(p) for p in context.people)
    subject_is_recipient = person_is_recipient or bool(context.places)
    # "did Japan react to the 2018 letter?": whoever the question names replying, else the
    # letter's recipient
    named = [*context.people, *context.places]  # not "did HRW get a reply": the sender
    countries = places_in(q.text)
    replier = kb.name_of(named[0]) if named else countries[0].title() if countries else None
    # "how did Phil Robertson react to Moon's policy?": the words quoted of him react
    letter_asked = context.letter.id if context.letter is not None else None
    reacting = _REACTED.search(q.norm)
    quoted_reaction = (
        reacting is not None
        and bool(context.people)
        and not kb.letters_to(context.people[0])
        and any(
            m.entity_id == context.people[0]
            and m.surface
            and f" {m.surface} " in q.norm
            and q.norm.index(f" {m.surface} ") < reacting.start()
            for m in q.mentions
        )
        and any(
            letter_asked is None or letter_asked in quote.about
            for quote in kb.quotes_by(context.people[0])
        )
    )
    # "did Rogers comment on the 2018 letter?": someone quoted about it commented
    commented = (
        letter_asked is not None
        and bool(context.people)
        and not kb.letters_to(context.people[0])
        and any(letter_asked in quote.about for quote in kb.quotes_by(context.people[0]))
    )
    if (
        context.cue("reply")
        and not context.cue("who_said")
        and (subject_is_recipient or context.letter is not None or countries)
        and not quoted_reaction
        and not commented
    ):
        letter = context.letter
        who = replier or (kb.name_of(letter.recipient) if letter is not None else "the recipient")
        out.append(
            Reading(
                "not_covered",
                # "did Kim reply to the letter sent him in 2018?": the reply, not the date
                context.cue("reply")
                + 3.0
                + (1.0 if subject_is_recipient else 0.0)
                + (1.0 if person_is_recipient else 0.0),
                f"a reply from {who} (not in the sources)",
                lambda: uncovered.not_covered(
                    scope, f"any reply or response from {who} to the letter", letter
                ),
            )
        )
    if context.cue("change_course") and (context.letter is not None or context.events):
        letter = context.letter
        out.append(
            Reading(
                "not_covered",
                context.cue("change_course") + 3.5,
                "what happened afterwards (not in the sources)",
                lambda: uncovered.not_covered(
                    scope, "what happened after it, or whether anyone changed course", letter
                ),
            )
        )
    ahead = [e for e in context.events if uncovered.after_its_sources(scope, kb.events[e])]
    if ahead and q.has(_OUTCOME) and not q.has(_WHY):
        # "What came of the Singapore summit?": the sources were written before it; not
        # "why does raising rights matter for the outcome?", which asks someone's reasons
        out.append(_past_the_sources(context, kb.events[ahead[0]], afterwards=False))
    named_events = list(dict.fromkeys([*q.ids("event"), *context.events]))
    if named_events and q.has(_AFTERMATH):
        # "What became of the NKHRA in the House after the Senate vote?": no source follows
        # an event past the day it reports
        out.append(_past_the_sources(context, kb.events[named_events[0]], afterwards=True))
    signing = context.cue("signatories") or context.cue("signed") or "sign" in q.norm
    if context.cue("individual") and signing and context.people:
        # "did Adams personally sign it, or just HRW?": no person is named as a signer
        person = scope.kb.people[context.people[0]]
        out.append(
            Reading(
                "not_covered",
                context.cue("individual") + 5.0,
                f"did {person.name} sign in their own name",
                lambda: uncovered.person_as_signer(scope, person, context.letter),
            )
        )
    if context.cue("individual") and signing and not context.people:
        letter = context.letter
        out.append(
            Reading(
                "not_covered",
                context.cue("individual") + 4.0,
                "individual signers",
                lambda: uncovered.individual_signers(scope, letter, bool(context.cue("yes_no"))),
            )
        )
    if (
        context.cue("unknown_event")
        and (context.cue("event") or context.cue("date"))
        and not context.events
        and not q.ids("event")  # "before the Singapore summit": known, only a point in time
    ):
        thing = _unknown_thing(q)
        out.append(
            Reading(
                "not_covered",
                6.0,
                f"{thing} (not in the sources)",
                lambda: uncovered.not_covered(scope, f"anything about {thing}", None),
            )
        )
    opinion = q.has(_MY_OPINION)
    if (q.has(_MONEY) or opinion) and not context.people and not context.orgs:
        # "How much money have the organisations spent on this campaign?": of no one named,
        # and the sources record no money, staff or funding at all
        asked = q.text.strip().rstrip("?")
        label = asked = asked[:1].lower() + asked[1:]
        if opinion:
            label = "an opinion of the bot's own"
            asked = (
                "a judgement on that: the knowledge base keeps what the sources report and "
                "the words they quote, not opinions of its own"
            )
        out.append(
            Reading(
                "not_covered",
                max(context.cue("unrecorded"), 4.0) + 1.0,
                f"{label} (not in the sources)",
                lambda: uncovered.not_covered(scope, asked, None),
            )
        )
    unknown_years = [
        y
        for y in q.years
        if not any(x.year == y for x in kb.letters.values())
        and not any((e.date or "")[:4] == str(y) for e in kb.events.values())
    ]
    if unknown_years and not context.letter and not context.events:
        year = unknown_years[0]
        out.append(
            Reading(
                "not_covered",
                5.0,
                f"{year} (not in the sources)",
                lambda: uncovered.not_covered(scope, f"any letter or event in {year}", None),
            )
        )
    return out


#: Kinds that answer about one letter, and the question to suggest for each letter.
_THING = re.compile(
    r"\b(?:the |a |an )?((?:\w+ ){0,3}(?:summit|meeting|conference|talks|"
    r"resolution|vote|hearing|visit|election|treaty|agreement|sanctions|"
    r"declaration)(?: in \d{4})?)\b"
)


def _unknown_thing(question: Question) -> str:
    """The event a question names that the knowledge base does not know ("the Hanoi summit")."""
    match = _THING.search(question.norm)
    phrase = match.group(1) if match else "it"
    phrase = re.sub(r"^(?:what happened at|at|when was|when did)\s+", "", phrase)
    return f"the {phrase}" if not phrase.startswith("the ") else phrase


def _past_the_sources(context: Context, event: Event, afterwards: bool) -> Reading:
    """The reading that says an event's outcome, or what followed it, is past its sources.

    What followed is a question about the event, understood, so it can be one of two asks
    in a message; an outcome the sources predate is a question they do not cover.
    """
    scope = context.scope
    shown = "what followed" if afterwards else "the outcome of"
    return Reading(
        "event" if afterwards else "not_covered",
        max(context.cue("event"), context.cue("change_course"), 4.0) + 4.5,
        f"{shown} {event.title} (not in the sources)",
        lambda: uncovered.outcome_not_reported(scope, event, afterwards),
    )


#: What followed an event, beyond what its sources report: "did the House pass it too?",
#: "did Trump sign it into law?", "what became of it after the vote?".
_AFTERMATH = re.compile(
    r"\b(?:what became of|what happened (?:next|after|afterwards|later|to it|to the bill)|"
    r"(?<!blue )house (?:of representatives )?(?:vote|voted|votes|pass|passed|passes|outcome)|"
    r"(?:in|by|through) the house\b(?! of)|signed? (?:it |the bill |the act )?into law|"
    r"(?:became|become|becomes) law|(?:trump|the president) sign(?:ed|s)? (?:it|the bill|the act)|"
    r"veto\w*)"
)
_WHY = re.compile(r"\bwhy\b|\bhow come\b")
#: Money, which the sources never report: what was spent, raised or paid.
_MONEY = re.compile(
    r"\b(?:money|funds?|funding|funded|budgets?|spen[dt]|spending|costs?|donors?|donations?|"
    r"salar\w*|financ\w*|fundrais\w*)\b"
)
#: The bot's own opinion asked for: "in your opinion", "do you think they were a good idea".
_MY_OPINION = re.compile(
    r"\b(?:in your (?:own )?(?:honest |personal )?(?:opinion|view)|your (?:own )?(?:honest |"
    r"personal )?(?:opinion|view|take|assessment)|do you (?:personally |really |honestly )?"
    r"(?:think|believe|feel|reckon) (?:\w+ ){0,6}?(?:(?:a )?good idea|(?:a )?bad idea|worth\w*|"
    r"effective|successful|did any good|made a difference|helped))\b"
)
#: Words asking what an event achieved or decided.
_OUTCOME = re.compile(
    r"\b(?:outcome|results?|resulted|agree\w*|achiev\w*|came out of|come out of|came of|"
    r"turn out|turned out|pan out|panned out|"
    r"sign(?:ed)? (?:anything|something)|"
    # "what did Trump and Kim sign at the end of the summit?", "at the close of it"
    r"(?:sign|signed|decide|decided|announce|announced) (?:\w+ ){0,3}(?:at|by) the (?:end|close)|"
    r"(?:were|was) (?:human rights|abuses|they|it) "
    r"(?:\w+ ){0,2}(?:raised|discussed|brought up|mentioned)|in the end|afterwards|end up|"
    r"ended up|eventually)\b|\b(?:raise|bring up|discuss)\b.*\b(?:at|during|in) (?:the )?"
    r"(?:\w+ )?(?:summit|meeting|talks)\b|"
    # "did Trump bring up human rights at Singapore", "did it come up there"
    r"\b(?:raise|raised|bring up|brought up|discuss|discussed|come up|came up)\b.*"
    r"\b(?:at|during|in|there)\b"
)


#: "how many member states voted", "the vote count": what is counted.
_COUNTED = re.compile(
    r"\bhow many ((?:\w+ ){0,3}?\w+?)(?= (?:did|do|does|were|was|are|is|had|have|has|voted|"
    r"took|signed|attended|in|at|on|of|for)\b| $)|\b(\w+) (?:count|tally|total)\b|"
    r"\bnumber of ((?:\w+ ){0,2}\w+?)(?= (?:that|who|which|in|at|on|for)\b| $)"
)


_TIME_UNITS = frozenset("days weeks months years".split())
_IN_A_ROW = re.compile(r"\bin a row\b|\brunning\b|\bconsecutive\b")


def _letter_count_words(kb: KnowledgeBase) -> frozenset[str]:
    """The words letters are counted in ("organizations", "co-signers", "countries")."""
    return kb.derived(
        "letter_count_words",
        lambda base: frozenset(
            concepts(" ".join(c.unit for x in base.letters.values() for c in x.reported_counts))
            | concepts("signers signatories groups")
        ),
    )


def event_count_readings(context: Context) -> list[Reading]:
    """ "How many … voted for the March resolution?": a figure of the event, or none."""
    q, scope = context.question, context.scope
    if not context.events:
        return []
    match = _COUNTED.search(q.norm)
    if match is None or not (context.cue("count") or "count" in match.group(0)):
        return []
    if q.asks_of_a_letter():
        return []  # "how many signed the letter before the summit" counts the letter
    counted = next(g for g in match.groups() if g)
    if counted.split()[0] in _WH_WORDS:
        return []  # "… on the 2012 list — how many, who?": nothing counted is named
    if counted.split()[-1] in _TIME_UNITS and not q.has(_IN_A_ROW):
        return []  # "how many days between the vote and the meeting": a time between
    if context.letter is not None and concepts(counted) & _letter_count_words(scope.kb):
        return []  # "how many co-signers did it have": the letter's count, not the event's
    event = scope.kb.events[context.events[0]]
    return [
        Reading(
            "count",
            max(context.cue("count"), 5.0) + 4.5,
            f"how many {counted}: {event.title}",
            lambda: event_counts.event_count(scope, event, counted),
            subject=event.id,
        )
    ]


_WH_WORDS = frozenset("who whom which what when where why how".split())


#: "Anywhere in the sources", "across all the letters": asked of every source at once.
_ANYWHERE = re.compile(
    r"\b(?:anywhere|in (?:all )?(?:of )?the sources|across (?:all )?(?:of )?(?:the )?(?:sources|"
    r"letters|campaigns|coverage)|in the knowledge base|in your data|"
    # "everyone who got quoted about these letters": all of them, not one
    r"(?:these|the|those|all (?:the |these |three )?|both|any of the) letters|"
    r"in total|altogether|overall|all told)\b"
)


#: Words of reacting, after the one who reacted: "how did Robertson react to …".
_REACTED = re.compile(r"\b(?:react|reacted|respond|responded|reply|replied|take|took)\b")
