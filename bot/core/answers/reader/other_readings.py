"""Readings across facts: comparisons, yes-or-no claims, lists, and what is not covered."""

from __future__ import annotations

import re

from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.cards import search as search_card
from bot.core.answers.facts import claims, comparisons, lists, topics, who_said
from bot.core.answers.reader.clues import clear_letter, rank_events, rank_letters
from bot.core.answers.reader.context import (
    BOTH,
    COUNTABLE,
    INVOLVED,
    SUBJECT_FIT,
    Context,
    Reading,
    letter_fit,
)
from bot.core.answers.reader.question import PLACE_KINDS, Question, read_question
from bot.core.kb.models import Event, Letter
from bot.core.scope import Scope


def compare_readings(context: Context) -> list[Reading]:
    """Two letters, or a letter and an event: order, time between, counts, demands, overlap."""
    scope, q = context.scope, context.question
    if not context.cue("compare"):
        return []
    kb = scope.kb
    per_part = _things_per_part(scope, q)
    likely = [f for f in context.fits[:10] if f.score >= 3]
    strong = [f.letter for f in likely if f.clues != ["its content"]]
    weak = [f.letter for f in likely if f.clues == ["its content"]]
    # An event a letter came "before" describes the letter, and is also what it is compared to.
    events = list(dict.fromkeys([*context.events, *q.ids("event")]))
    things: list[Letter | Event] = (
        per_part if len(per_part) >= 2 else [*strong[:2], *(kb.events[e] for e in events), *weak]
    )
    if len(things) < 2:
        return []
    a, b = things[0], things[1]
    asked = None
    if context.cue("yes_no") or q.has(_SAME):
        after, before = q.has(_AFTER), q.has(_BEFORE)
        if q.has(_SAME):
            asked = "same"
        elif after != before:  # "before or after?" asks which, not whether
            asked = "after" if after else "before"
    cue = context.cue("compare") + SUBJECT_FIT + 1.0
    out = [
        Reading(
            "compare",
            cue - 0.5,
            f"which came first: {a.title} or {b.title}",
            lambda: comparisons.order(scope, a, b, asked),
        )
    ]
    if q.has(_GAP):
        out.append(
            Reading(
                "compare",
                cue + 1,
                f"time between {a.title} and {b.title}",
                lambda: comparisons.gap(scope, a, b),
            )
        )
    if q.has(_FIRST):
        out.append(
            Reading(
                "compare",
                cue + 1,
                f"which came first: {a.title} or {b.title}",
                lambda: comparisons.order(scope, a, b, asked),
            )
        )
    if isinstance(a, Letter) and isinstance(b, Letter):
        la, lb = a, b
        both = q.has(BOTH)
        if context.cue("sender"):
            out.append(
                Reading(
                    "compare",
                    cue + context.cue("sender") - 3.0,
                    f"who organised the {la.year} and {lb.year} letters",
                    lambda: comparisons.organisers(scope, la, lb),
                )
            )
        out.append(
            Reading(
                "compare",
                cue + (1.0 if both else 0.0),
                f"compare {la.title} and {lb.title}",
                lambda: comparisons.common(scope, la, lb, only_both=both),
            )
        )
        if q.has(_MORE) or context.cue("count"):
            out.append(
                Reading(
                    "compare",
                    cue + 1,
                    f"how many more signed: {la.year} vs {lb.year}",
                    lambda: comparisons.more_signers(scope, la, lb),
                )
            )
        if context.cue("demands"):
            out.append(
                Reading(
                    "compare",
                    cue + 1,
                    f"demands: {la.year} vs {lb.year}",
                    lambda: comparisons.demand_difference(scope, la, lb),
                )
            )
    return out


_PARTS = re.compile(r"\b(?:or|and|vs|versus|compared (?:to|with)|than|against)\b")


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
        fits = rank_letters(scope, sub)
        letter = clear_letter(fits)
        strong = letter is not None and fits[0].clues != ["its content"]
        described = rank_events(scope, sub)
        thing: Letter | Event | None = None
        if named:
            thing = named[0]
        elif strong and " letter" in f" {part}":
            thing = letter
        elif described:
            thing = kb.events[described[0][0]]
        elif letter is not None:
            thing = letter
        if thing is not None and all(thing.id != other.id for other in found):
            found.append(thing)
    return found


_SAME = re.compile(r"\bsame (?:day|date|time)\b")
_AFTER = re.compile(r"\bafter\b")
_BEFORE = re.compile(r"\bbefore\b")
_GAP = re.compile(
    r"\bhow (?:long|many (?:years|months|days))\b|\btime between\b|\bapart\b|"
    r"\bgap\b|\belapsed\b|\bpassed\b"
)
_FIRST = re.compile(
    r"\bfirst\b|\bearlier\b|\blater\b|\bbefore\b|\bafter\b|\bolder\b|"
    r"\bnewer\b|\bprecede\w*|\bfollow\w*"
)
_MORE = re.compile(r"\bmore\b|\bfewer\b|\bbigger\b|\blarger\b|\bsmaller\b|\bdifference in\b")


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
    if context.cue("who_said"):
        out.append(
            Reading(
                "who_said",
                context.cue("who_said") + 2.0 + (2.0 if q.quoted else 0.0),
                "who said these words",
                lambda: who_said.who_said(scope, q.text, q.quoted),
            )
        )
    elif q.quoted and q.norm.startswith(" who "):
        out.append(
            Reading(
                "who_said",
                7.0,
                "who said these words",
                lambda: who_said.who_said(scope, q.text, q.quoted),
            )
        )
    recipients_named = [p for p in q.ids("person") if kb.letters_to(p)]
    if context.cue("letters") and recipients_named:
        person_id = recipients_named[0]
        out.append(
            Reading(
                "letters",
                context.cue("letters") + SUBJECT_FIT + 0.5,
                f"letters to {kb.name_of(person_id)}",
                lambda: letter_cards.letters(scope, recipient=person_id),
            )
        )
    if context.cue("sources"):
        out.append(
            Reading(
                "sources", context.cue("sources") + 1.0, "the sources", lambda: lists.sources(scope)
            )
        )
    if context.cue("contact"):
        out.append(
            Reading(
                "contact",
                context.cue("contact") + 2,
                "contact details",
                lambda: topics.contact_refused(scope),
            )
        )
    recipients = {x.recipient for x in kb.letters.values()}
    subject_is_recipient = any(p in recipients for p in context.people) or bool(context.places)
    if (
        context.cue("reply")
        and not context.cue("who_said")
        and (subject_is_recipient or context.letter is not None)
    ):
        letter = context.letter
        who = (
            kb.name_of(letter.recipient)
            if letter is not None
            else kb.name_of(context.people[0])
            if context.people
            else "the recipient"
        )
        out.append(
            Reading(
                "not_covered",
                context.cue("reply") + 3.0 + (1.0 if subject_is_recipient else 0.0),
                f"a reply from {who} (not in the sources)",
                lambda: topics.not_covered(
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
                lambda: topics.not_covered(
                    scope, "what happened after it, or whether anyone changed course", letter
                ),
            )
        )
    if context.cue("individual") and (
        context.cue("signatories") or context.cue("signed") or "sign" in q.norm
    ):
        letter = context.letter
        out.append(
            Reading(
                "not_covered",
                context.cue("individual") + 4.0,
                "individual signers (not in the sources)",
                lambda: topics.not_covered(
                    scope,
                    "individuals signing in their own name; the named "
                    "signatories are organisations",
                    letter,
                ),
            )
        )
    if (
        context.cue("unknown_event")
        and (context.cue("event") or context.cue("date"))
        and not context.events
    ):
        thing = _unknown_thing(q)
        out.append(
            Reading(
                "not_covered",
                6.0,
                f"{thing} (not in the sources)",
                lambda: topics.not_covered(scope, f"anything about {thing}", None),
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
                lambda: topics.not_covered(scope, f"any letter or event in {year}", None),
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


def claim_readings(context: Context) -> list[Reading]:
    """Yes-or-no claims about people, events and counts (see `facts.claims`)."""
    scope, q = context.scope, context.question
    if not context.cue("yes_no"):
        return []
    kb = scope.kb
    base = context.cue("yes_no") + 2.0
    out = []
    people = [kb.people[p] for p in context.people]
    events = [kb.events[e] for e in context.events]
    letter = context.letter
    if events and not people and not q.has(_TOOK_PART) and claims.after_its_sources(kb, events[0]):
        event = events[0]
        out.append(
            Reading(
                "not_covered",
                base + 1.5,
                f"what happened at {event.title} (after the sources)",
                lambda: claims.outcome(scope, event),
            )
        )
    if (
        events
        and not people
        and not context.orgs
        and not any(r.kind in ("yes_no", "not_covered") for r in out)
    ):
        event = events[0]
        out.append(
            Reading(
                "yes_no",
                base,
                f"is it true: {event.title}",
                lambda: claims.event_claim(scope, event, q.text),
            )
        )
    if (
        context.orgs
        and not people
        and not events
        and not q.has(_SIGN_WORDS)
        and not any("named" in f.clues or str(f.letter.year) in f.clues for f in context.fits)
    ):
        org = kb.organizations[context.orgs[0]]
        out.append(
            Reading(
                "yes_no",
                base + 1.0,
                f"is it true of {org.name}",
                lambda: claims.org_claim(scope, org, q.text),
            )
        )
    dated = any("named" in f.clues or str(f.letter.year) in f.clues for f in context.fits)
    if people and (context.orgs or q.has(_ATTRIBUTE)) and (not dated or q.has(_STILL)):
        person = people[0]
        employer = kb.organizations[context.orgs[0]] if context.orgs else None
        out.append(
            Reading(
                "yes_no",
                base + 2.0,
                f"is {person.name} {q.text[:40]}",
                lambda: claims.person_attribute(scope, person, q.text, employer),
            )
        )
    if people and events and q.has(_TOOK_PART):
        person, event = people[0], events[0]
        out.append(
            Reading(
                "yes_no",
                base + 1.0,
                f"did {person.name} take part in {event.title}",
                lambda: claims.took_part(scope, person, event),
            )
        )
    if len(people) >= 2 and q.has(_MEET):
        a, b = people[0], people[1]
        out.append(
            Reading(
                "yes_no", base + 2.0, f"did {a.name} meet {b.name}", lambda: claims.met(scope, a, b)
            )
        )
    if letter is not None and q.numbers and q.has(COUNTABLE) and not context.cue("compare"):
        number = q.numbers[0]
        out.append(
            Reading(
                "yes_no",
                base + letter_fit(context),
                f"is {number} a count of {letter.title}",
                lambda: claims.count_claim(scope, letter, number),
            )
        )
    if letter is not None and people and q.has(INVOLVED):
        person = people[0]
        out.append(
            Reading(
                "yes_no",
                base + letter_fit(context) - (0.0 if q.has(INVOLVED) else 1.5),
                f"was {person.name} involved in {letter.title}",
                lambda: claims.person_involved(scope, person, letter),
            )
        )
    actors = [
        kb.organizations[o]
        for o in q.ids("organization")
        if kb.organizations[o].kind in PLACE_KINDS
    ]
    if events and actors and q.has(_ACTED):
        actor, event = actors[0], events[0]
        out.append(
            Reading(
                "yes_no",
                base + 2.0,
                f"did {actor.name} do this: {event.title}",
                lambda: claims.acted(scope, actor, event),
            )
        )
    return out


_TOOK_PART = re.compile(
    r"\b(?:sign\w*|attend\w*|take part|took part|participat\w+|join\w*|"
    r"part of|involved|meet|met|present)\b"
)
#: Words that claim something of a person: a party, a state, a title, an employer.
_ATTRIBUTE = re.compile(
    r"\b(?:republican|democrat\w*|senator|rapporteur|director|deputy|"
    r"president|leader|envoy|reporter|from|works? (?:for|at)|with)\b"
)
_SIGN_WORDS = re.compile(r"\b(?:sign\w*|co ?sign\w*|join\w*|endors\w*|back\w*|letter\w*|from)\b")
_STILL = re.compile(r"\b(?:still|yet|by then|at the time|any more|anymore|already)\b")
_MEET = re.compile(r"\b(?:meet|met|meeting|talk\w*|sit down|see|saw)\b")
_ACTED = re.compile(r"\b(?:pass\w*|adopt\w*|approv\w*|vot\w*|enact\w*)\b")
