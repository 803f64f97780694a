"""Readings of yes-or-no claims about people, events, counts and organisations."""

from __future__ import annotations

import re

from bot.core.answers.facts import (
    claims,
    event_claims,
    meetings,
    recipients,
    role_claims,
)
from bot.core.answers.reader.claimed_order import SPAN_FROM_IT
from bot.core.answers.reader.clarify import NOT_TO
from bot.core.answers.reader.context import (
    INVOLVED,
    SIGNING,
    Context,
    Reading,
    letter_fit,
)
from bot.core.answers.reader.event_clues import anchor_people
from bot.core.answers.reader.org_descriptions import PLACE_KINDS
from bot.core.answers.reader.question import Question
from bot.core.answers.reader.role_claim_clues import claims_attribute, claims_employer
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import date_in, human_date
from bot.core.kb.models import Event
from bot.core.search.names import normalize


def _names_first(q: Question, entity_id: str) -> bool:
    """Whether `entity_id` is the first thing the question names."""
    first = min(q.mentions, key=lambda m: m.start, default=None)
    return first is not None and first.entity_id == entity_id


def claim_readings(context: Context) -> list[Reading]:
    """Yes-or-no claims about people, events and counts (see `facts.claims`)."""
    scope, q = context.scope, context.question
    if not context.cue("yes_no"):
        return []
    kb = scope.kb
    base = context.cue("yes_no") + 2.0
    out: list[Reading] = []
    people = [kb.people[p] for p in context.people]
    events = [kb.events[e] for e in context.events]
    letter = context.letter
    # "did Trump sign the act into law after the Senate passed it?": a later step the
    # event's record stops short of, whoever the claim says took it
    past_the_record = bool(events) and event_claims.beyond_the_record(q.text, events[0])
    if (
        events
        # "The Singapore summit between Trump and Kim was on 12 June, right?": people who
        # took part are the event's own, like its organisations.
        and not {p.id for p in people} - set(events[0].participants)
        # Whether people met or took part, which signed, and claims about a letter the
        # question names have readings of their own.
        and not (people and (q.has(_TOOK_PART) or q.has(_MEET)))
        # "did CSW sign …" is about signing a letter; "the declaration was signed in May"
        # is a claim about the event
        and not context.cue("signatories")
        and not (context.cue("signed") and context.orgs)
        # "did Seoul go back to co-sponsoring after the letter?": the letter only dates it
        and (not q.asks_of_a_letter() or q.has(_AFTER_THE_LETTER))
        # "Has the UN Security Council put North Korea on its agenda?": the council is the
        # event's own; any other organisation makes it a claim about that organisation.
        and not {
            o
            for o in context.orgs
            if kb.organizations[o].kind not in PLACE_KINDS and not _of_event(kb, o, events[0])
        }
    ) or past_the_record:
        event = events[0]
        out.append(
            Reading(
                "yes_no",
                base + 1.5,  # a claim about it, ahead of the account of what happened
                f"is it true: {event.title}",
                lambda: event_claims.event_claim(scope, event, q.text),
            )
        )
    # "is Open North Korea the ICNK's secretariat?": a role that finds its president is
    # claimed of the group named first
    named_ids = {m.entity_id for m in q.mentions}
    org_claimed = bool(context.orgs) and _names_first(q, context.orgs[0])
    if org_claimed and not named_ids & {p.id for p in people}:
        people = []
    if (
        context.orgs
        and not people
        and not events
        and not q.country  # "Conectas, Brazilian?": where it is from answers it
        and not q.has(_SIGN_WORDS)
        and not q.asks_of_a_letter()
    ):
        org = kb.organizations[context.orgs[0]]
        out.append(
            Reading(
                "yes_no",
                base + 1.5 * claims.org_claim_fit(kb, org, q.text),
                f"is it true of {org.name}",
                lambda: claims.org_claim(scope, org, q.text),
            )
        )
    dated = any("named" in f.clues or str(f.letter.year) in f.clues for f in context.fits)
    if (
        people
        and (claims_employer(q, people[0].id, context.orgs) or claims_attribute(q, people[0].id))
        # "… in the 2018 letter" is about the letter; "… the rapporteur in June 2018" dates
        # the role claimed
        and (not dated or q.has(_STILL) or q.has(_CONTACT_ON) or not q.asks_of_a_letter())
        and not (len(people) >= 2 and q.has(_MEET))  # "meet Russia's foreign minister"
    ):
        person = people[0]
        # "Was Adams Amnesty's Asia director?": Amnesty says whose director, and is claimed
        claimed = context.orgs or [o for o in q.ids("organization") if o in q.role_places()]
        employer = kb.organizations[claimed[0]] if claimed else None
        out.append(
            Reading(
                "yes_no",
                base + 2.0,
                f"is it true of {person.name}'s role or party",
                lambda: role_claims.person_attribute(scope, person, q.text, employer),
            )
        )
    signed_together = (
        _signed_by_both(kb, people[0].id, people[1].id)
        if len(people) >= 2 and not context.orgs and q.has(_SIGNED_WITH)
        else []
    )
    if signed_together:
        # "Did Kim sign something with the president of South Korea?": what both signed,
        # ahead of either signing a letter (its signatories are organisations)
        events = [e for e in events if e in signed_together] or signed_together
    if people and events and q.has(_TOOK_PART):
        event = events[0]
        # "Signed between Kim and Trump?", "signed it with Trump?": every person named must
        # have taken part, the one beside as well; not one who only dates something.
        beside = [p for p in q.ids("person") if p not in context.people]
        named = [*people, *(kb.people[p] for p in beside if p not in anchor_people(q))][:3]
        before = _BEFORE_YEAR.search(q.norm)
        until = before.group(1) if before else None
        out.append(
            Reading(
                "yes_no",
                base + (6.0 if signed_together else 1.0),
                f"did {' and '.join(p.name for p in named)} take part in {event.title}",
                lambda: claims.took_part(scope, named, event, until),
            )
        )
    unknown = _unknown_met(q) if people and q.has(_MEET) else None
    if unknown:
        # "Did Kim meet Putin?": a name the knowledge base does not hold
        person = people[0]
        out.append(
            Reading(
                "yes_no",
                base + 3.0,
                f"did {person.name} meet “{unknown}”",
                lambda: meetings.met_unknown(scope, person, unknown),
            )
        )
    if len(people) >= 2 and q.has(_MEET):
        a, b = people[0], people[1]
        out.append(
            Reading(
                "yes_no",
                base + 2.0,
                f"did {a.name} meet {b.name}",
                lambda: meetings.met(scope, a, b, q.text),
            )
        )
    to = next((p for p in q.ids("person") if kb.letters_to(p)), None)
    if to and q.has(_OTHER_RECIPIENT):
        # "did any letter go to someone other than Kim?": whether they all went to him
        out.append(
            Reading(
                "yes_no",
                base + 5.5,  # above "was it sent to Kim", which "to … Kim" echoes
                f"did any letter go to someone other than {kb.name_of(to)}",
                lambda: recipients.all_to(scope, to, others_asked=True),
            )
        )
    elif to and q.has(_ALL_LETTERS) and not q.has(NOT_TO):
        # "true or false: all three letters were addressed to Kim Jong Un"
        out.append(
            Reading(
                "yes_no",
                base + 3.0,
                f"were all the letters addressed to {kb.name_of(to)}",
                lambda: recipients.all_to(scope, to),
            )
        )
    # "the summit on 12 June, with the letter sent five days earlier": the date is the summit's
    dated = letter is not None and q.has(_SENT) and not q.has(SPAN_FROM_IT)
    asked = date_in(q.text) if dated else None
    if letter is not None and asked and len(asked) >= len("2018-06"):
        # "my notes say the HRW letter went out in July 2018, right?"
        out.append(
            Reading(
                "yes_no",
                base + letter_fit(context) + 1.0,
                f"was {letter.title} sent in {human_date(asked)}",
                lambda: claims.letter_date_claim(scope, letter, asked),
            )
        )
    # "did Robertson sign it (personally)?"; "did individuals sign?" has its own reading
    signer = q.has(SIGNING) and not context.orgs and bool(people or not context.cue("individual"))
    if letter is not None and people and (q.has(INVOLVED) or signer):
        person = people[0]
        out.append(
            Reading(
                "yes_no",
                base + letter_fit(context),
                f"{'was' if q.has(INVOLVED) else 'did'} {person.name} "
                f"{'involved in' if q.has(INVOLVED) else 'sign'} {letter.title}",
                lambda: claims.person_involved(scope, person, letter, signed=not q.has(INVOLVED)),
            )
        )
    # "did the Human Rights Council pass something on North Korea?": a body the event
    # names comes before a state the claim only mentions
    in_event = [o for o in q.ids("organization") if events and o in events[0].organizations]
    actors = [
        kb.organizations[o]
        for o in in_event or q.ids("organization")
        if o in in_event or kb.organizations[o].kind in PLACE_KINDS
    ]
    if events and actors and q.has(_ACTED) and not past_the_record:
        actor, event = actors[0], events[0]
        out.append(
            Reading(
                "yes_no",
                base + 2.0,
                f"did {actor.name} do this: {event.title}",
                lambda: event_claims.acted(scope, actor, event, q.text),
            )
        )
    return out


#: "sign something with", "signed together": a signing two people shared.
_SIGNED_WITH = re.compile(r"\bsign\w*\b.*\b(?:with|together|jointly)\b")


def _signed_by_both(kb: KnowledgeBase, one: str, other: str) -> list[Event]:
    """Events both people took part in whose record speaks of signing, earliest first."""
    return sorted(
        (
            e
            for e in kb.events.values()
            if {one, other} <= set(e.participants) and "sign" in e.summary.lower()
        ),
        key=lambda e: e.date or "",
    )


_TOOK_PART = re.compile(
    r"\b(?:sign\w*|attend\w*|take part|took part|participat\w+|join\w*|"
    r"part of|involved|meet|met|present|introduc\w*|co ?sponsor\w*|sponsor\w*|push\w*)\b"
)
#: A letter named only as a time: "after the letter", "since the 2019 letter".
_AFTER_THE_LETTER = re.compile(
    r"\b(?:after|since|following|before) (?:the|that|this|their) (?:\w+ )?letters?\b"
)


def _of_event(kb: KnowledgeBase, org_id: str, event: Event) -> bool:
    """Whether the organisation is one of the event's, or the body one of them belongs to.

    "The UN resolution" names the UN for the event's "UN General Assembly".
    """
    if org_id in event.organizations:
        return True
    names = [normalize(n) for n in kb.organizations[org_id].names]
    return any(
        f" {name} " in f" {normalize(kb.name_of(o))} "
        for o in event.organizations
        for name in names
    )


_SIGN_WORDS = re.compile(r"\b(?:sign\w*|co ?sign\w*|join\w*|endors\w*|back\w*|letter\w*|from)\b")
_BEFORE_YEAR = re.compile(r"\b(?:before|prior to|until|by) ((?:19|20)\d\d)\b")
_STILL = re.compile(
    r"\b(?:still|yet|by then|at the time|any more|anymore|already|held the (?:post|title|job)|"
    r"when the (?:\w+ ){0,3}(?:letter|one) (?:was|went|came))\b"
)
_SENT = re.compile(
    r"\b(?:sent|send|went out|go out|came out|dated|released|published|issued|delivered|"
    r"written|dispatched|mailed)\b"
)


def _unknown_met(q: Question) -> str | None:
    """The name after "meet" when it is no one the knowledge base holds ("meet Putin")."""
    match = _MET_NAME.search(q.norm)
    if match is None or match.group(1) in _NOT_A_NAME or q.roles:
        return None  # "meet russias foreign min": someone described by role, not a name
    at = len(q.norm[: match.start(1)].split())
    # "met Russia's foreign minister Lavrov": someone named just after is who was met
    if any(m.start <= at + _TITLE_WORDS and m.end > at for m in q.mentions):
        return None
    following = q.norm[match.end(1) :].split()[:1]
    # "Vladimir Putin": a second name word, unless it says when, where or asks
    if following and len(following[0]) >= 3 and following[0] not in _NOT_A_SURNAME:
        return f"{match.group(1)} {following[0]}".title()
    return match.group(1).title()


_NOT_A_SURNAME = frozenset(
    "the and for from before after during since last this that when while once twice again "
    "ever too also right correct accurate true really yet still there then who what".split()
)
_MET_NAME = re.compile(
    r"\b(?:meet|met|meeting|s[ai]ts? down|sitting down|talked|held talks)(?: with)? ([a-z]{3,})\b"
)
#: How many words of a title ("Russian foreign minister") may stand before a name.
_TITLE_WORDS = 3
#: Words after "meet" that are no name.
_NOT_A_NAME = frozenset(
    "the any anyone anybody other others him her them someone somebody foreign leaders "
    "world with and all his their its before after in on at".split()
)
#: "was Robertson a contact person for the 2012 letter": a role the letter's release gave.
_CONTACT_ON = re.compile(
    r"\b(?:contact|contacts|contact person|spokes\w+|spokes person) (?:for|on|of|in) "
    r"(?:the|that|this) "
)
_MEET = re.compile(r"\b(?:meet|met|meeting|talk\w*|s[ai]ts? down|sitting down|see|saw)\b")
_ACTED = re.compile(r"\b(?:pass\w*|adopt\w*|approv\w*|vot\w*|enact\w*)\b")
#: Every letter claimed of: "all three letters were to Kim", "every letter went to Kim".
#: "any letter to someone other than Kim", "any letters not addressed to Kim".
_OTHER_RECIPIENT = re.compile(
    r"\b(?:any|some|one|which)\b(?: \w+){0,3} letters?\b.*\b(?:to|addressed to|sent to|for) "
    r"(?:some ?one|any ?one|any ?body|some ?body|a leader|leaders|people|others?)? ?"
    r"(?:else )?(?:other than|besides|but|except|apart from|beside|instead of)\b"
)
_ALL_LETTERS = re.compile(
    r"\b(?:all|every|each)(?: (?:three|3|the|of the))?(?: (?:joint|open))? letters?\b"
)
