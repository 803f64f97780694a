"""Candidate readings of a question, each scored from all its evidence.

A reading is a kind of answer with its subjects filled in ("who signed" × the 2018 letter ×
from Japan). Its score adds the cue words for that kind to how well the question supplies
what the kind needs: a kind that needs a letter scores nothing without a clear one, a
"who is" reading nothing without a person or organisation. The reader answers the best.
"""

from __future__ import annotations

import re

from bot.core.answers.reader.attribution_readings import attribution_readings, who_said_readings
from bot.core.answers.reader.byline_readings import byline_readings
from bot.core.answers.reader.choice_readings import choice_readings
from bot.core.answers.reader.claim_readings import claim_readings
from bot.core.answers.reader.clarify import clarify_readings
from bot.core.answers.reader.clues import clear_letter, rank_letters
from bot.core.answers.reader.compare_readings import compare_readings
from bot.core.answers.reader.context import SIGNING, THEIR_GROUP, Context, Reading
from bot.core.answers.reader.coordinated_readings import coordinated_readings
from bot.core.answers.reader.count_claim_readings import count_claim_readings
from bot.core.answers.reader.cues import cue_scores
from bot.core.answers.reader.date_claim_readings import date_claim_readings
from bot.core.answers.reader.event_clues import (
    anchor_people,
    anchoring_event,
    rank_events,
    time_anchors,
)
from bot.core.answers.reader.event_readings import event_readings
from bot.core.answers.reader.kind_list_readings import kind_list_readings
from bot.core.answers.reader.letter_readings import letter_readings
from bot.core.answers.reader.membership_readings import membership_readings
from bot.core.answers.reader.named_in_readings import named_in_readings
from bot.core.answers.reader.never_quoted_readings import never_quoted_readings
from bot.core.answers.reader.no_such_letter import no_such_letter_readings
from bot.core.answers.reader.off_topic import unknown_stance_readings
from bot.core.answers.reader.opinion_readings import opinion_readings
from bot.core.answers.reader.org_descriptions import PLACE_KINDS
from bot.core.answers.reader.org_in_letter_readings import org_in_letter_readings
from bot.core.answers.reader.org_people_readings import (
    org_people_readings,
    unquoted_org_readings,
)
from bot.core.answers.reader.org_place_readings import org_place_readings
from bot.core.answers.reader.org_recipient_readings import org_recipient_readings
from bot.core.answers.reader.org_view_readings import org_view_readings
from bot.core.answers.reader.other_readings import event_count_readings, general_readings
from bot.core.answers.reader.outlet_readings import outlet_readings
from bot.core.answers.reader.post_compare_readings import post_compare_readings
from bot.core.answers.reader.question import Question
from bot.core.answers.reader.received_readings import received_readings
from bot.core.answers.reader.repeat_signer_readings import repeat_signer_readings
from bot.core.answers.reader.role_readings import people_readings, role_list_readings
from bot.core.answers.reader.same_name_readings import same_name_readings
from bot.core.answers.reader.several_orgs_readings import (
    more_letters_readings,
    several_orgs_readings,
)
from bot.core.answers.reader.signer_readings import described_signer_readings, which_of_readings
from bot.core.answers.reader.source_readings import org_says_readings
from bot.core.answers.reader.speaker_readings import speaker_content_readings
from bot.core.answers.reader.stated_readings import stated_readings
from bot.core.answers.reader.subject_readings import org_readings, person_readings
from bot.core.answers.reader.superlative_readings import superlative_readings
from bot.core.answers.reader.terse_readings import terse_readings
from bot.core.answers.reader.timeline_readings import nearby_event_readings, timeline_readings
from bot.core.answers.reader.topic_readings import topic_readings
from bot.core.answers.reader.unknown_signer_readings import unknown_signer_readings
from bot.core.answers.reader.which_role_readings import which_role_readings
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter
from bot.core.scope import Scope
from bot.core.search.names import normalize

#: Added when the question supplies exactly what a kind needs.
#: Which kind wins a tie: the more specific answer first (a yes/no before a card).
PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        (
            "contact",
            "who_said",
            "yes_no",
            "signed",
            "not_covered",
            "compare",
            "recipient",
            "sender",
            "date",
            "purpose",
            "count",
            "countries",
            "no_country",
            "people",
            "identify",
            "closing",
            "topic",
            "signatories",
            "demands",
            "abuses",
            "letter_says",
            "quoted_about",
            "quotes",
            "from_country",
            "involved",
            "letters",
            "timeline",
            "event",
            "person",
            "org",
            "letter",
            "clarify",
            "sources",
            "search",
        )
    )
}


#: Words that name a kind of event: with one, a question may describe an event as well as a
#: letter ("the briefing on the day the letter went out").
_EVENT_NOUN = re.compile(
    r"\b(?:summit|meeting|meetings|briefing|resolution|vote|hearing|testimony|testified|"
    r"declaration|inquiry|talks|session|visit|act|bill|legislation)\b"
)


def readings(scope: Scope, question: Question) -> list[Reading]:
    """Every plausible reading of the question, best first."""
    kb = scope.kb
    anchor = anchoring_event(scope, question)
    fits = rank_letters(scope, question, anchor)
    anchors = time_anchors(question)
    if anchor and question.asks_of_a_letter():
        anchors.add(anchor)  # "the letter before the Trump summit": the summit dates it
    events = [
        e
        for e in question.ids("event")
        if e not in question.objects and e not in question.descriptors and e not in anchors
    ]
    asked_letter = (
        clear_letter(fits)
        if question.asks_of_a_letter() and not question.has(_EVENT_NOUN)
        else None
    )
    if (
        not events
        and not [e for e in question.ids("event") if e in question.descriptors]
        # "the letter urging Moon not to ignore the North's abuses": words that describe
        # the letter asked of, not an event they happen to resemble
        and asked_letter is None
    ):
        described = [(e, s) for e, s in rank_events(scope, question) if e not in anchors]
        if described and (len(described) == 1 or described[0][1] - described[1][1] >= 1.0):
            events = [described[0][0]]
    event_names = {normalize(kb.name_of(e)) for e in events}
    # An organisation named like an event ("UN Commission of Inquiry") stands for the event.
    orgs = [
        o
        for o in question.subjects("organization")
        if not any(normalize(n) in event_names for n in kb.organizations[o].names)
        and o not in question.source_orgs  # "according to RFA's article": where, not what
    ]
    # "Tell me about the letter before the Trump summit", "did Kim meet Putin before the
    # Trump summit": Trump only dates what is asked.
    named = question.people()
    kept = [p for p in named if p not in anchor_people(question)]
    people = kept if kept or question.asks_of_a_letter() else named
    recipient = question.recipient_by_role() if question.asks_of_a_letter() else None
    # "what did the open letter to the young heir-apparent say": the role names the letter
    people = [p for p in people if p != recipient]
    if people:
        # "HRW's Asia deputy director on the Moon letter": HRW says whose director.
        orgs = [o for o in orgs if o not in question.role_places()]
    cues = cue_scores(question)
    if len(orgs) > 1 and cues.get("signed"):
        # "the letter that criticised Seoul over the UN resolution — Amnesty signed it?": the
        # group beside the signing verb is the one asked about
        orgs = _nearest_the_signing(question, orgs)
        by_description = question.described.entity_id if question.described else None
        if by_description in orgs and question.norm.startswith((" which ", " what ")):
            # "which group of camp survivors backed the coalition's 2012 letter?": the
            # group the question describes is the one it asks about
            orgs = [by_description, *(o for o in orgs if o != by_description)]
    if not orgs and cues.get("letters_by"):
        # "icc letters?? which ones did they sign": "ICC letters" names the group asked about,
        # not a letter it describes
        orgs = [o for o in question.ids("organization") if o in question.descriptors]
    if cues.get("compare") and len(events) < 2:
        # "how many days after Trump met Kim Yong Chol did the summit take place?", "how many
        # months from the 2018 letter to South Korea dropping the UNGA co-sponsorship": a
        # side of the comparison is an event described, when one is clearly described
        described = [(e, s) for e, s in rank_events(scope, question) if e not in events]
        if described and (len(described) == 1 or described[0][1] >= 1.5 * described[1][1]):
            events.append(described[0][0])
    if (cues.get("quoted_about") or cues.get("quotes")) and not events and not people:
        # "Who was quoted about the Singapore summit?", "which quotes are about the NKHRA?":
        # the event talked of is the subject.
        events = [e for e in question.ids("event") if e in question.objects][:1] or events
    if cues.get("event") and not events and len(orgs) == 1:
        # "What did the UN Security Council do?": the one event the body acted in.
        acted = kb.derived("events_by_org", events_by_org).get(orgs[0], ())
        events = list(acted[:1]) if len(acted) == 1 else events
    if cues.get("event"):
        # "What was decided at the Human Rights Council": its decision, not the body.
        acting = {o for e in events for o in kb.events[e].organizations}
        orgs = [o for o in orgs if o not in acting]
    people, orgs = _people_for_groups(kb, question, clear_letter(fits), people, orgs)
    context = Context(
        scope,
        question,
        cues,
        fits,
        clear_letter(fits),
        people,
        [o for o in orgs if kb.organizations[o].kind not in PLACE_KINDS],
        [o for o in question.ids("organization") if kb.organizations[o].kind in PLACE_KINDS],
        events,
    )
    found: list[Reading] = []
    for generate in _GENERATORS:
        found.extend(generate(context))

    found.sort(key=lambda r: (-r.score, PRIORITY.get(r.kind, len(PRIORITY))))
    return found


def _people_for_groups(
    kb: KnowledgeBase,
    question: Question,
    letter: Letter | None,
    people: list[str],
    orgs: list[str],
) -> tuple[list[str], list[str]]:
    """The people and groups asked about, where one names the other.

    "The group the CSW East Asia person works for", "Moon's government": the person says
    which group. "The coalition's spokesman": the group says which person, the one the
    sources quote for it (on the letter asked about). "Rogers's group": his.
    """
    groups_of = _groups_of_people(question, people)
    for person_id in groups_of:
        orgs = orgs or _latest_group(kb, person_id)
    people = [p for p in people if p not in groups_of]
    if orgs and question.has(_SPOKESPERSON):
        speakers = [
            p.id
            for p in kb.people_of(orgs[0])
            if any(letter is None or letter.id in q.about for q in kb.quotes_by(p.id))
        ]
        if len(speakers) == 1 and speakers[0] not in people:
            people = [speakers[0], *people]
    if not orgs and people and question.has(THEIR_GROUP):
        orgs = _latest_group(kb, people[0])
    return people, orgs


def _latest_group(kb: KnowledgeBase, person_id: str) -> list[str]:
    """The organisation of a person's latest role that names one ([] if none does)."""
    roles = reversed(kb.people[person_id].roles)
    return [r.organization for r in roles if r.organization][:1]


def _nearest_the_signing(question: Question, orgs: list[str]) -> list[str]:
    """The organisations, the one named nearest a signing verb first."""
    tokens = question.norm.split()
    verbs = [i for i, t in enumerate(tokens) if SIGNING.fullmatch(t)]
    if not verbs:
        return orgs
    where = {m.entity_id: m.start for m in reversed(question.mentions)}
    return sorted(orgs, key=lambda o: min(abs(where.get(o, 10**6) - v) for v in verbs))


def _groups_of_people(question: Question, people: list[str]) -> list[str]:
    """The people named only to say which group is meant: their employer is asked about."""
    if not people:
        return []
    if question.has(_GROUP_OF_PERSON) and not question.has(_ROLE_TOO):
        return people[:1]
    return [
        m.entity_id
        for m in question.mentions
        if m.entity_id in people
        and f" {m.surface} s " in question.norm
        and re.search(rf" {re.escape(m.surface)} s {_HIS_GROUP}", question.norm)
    ]


#: Whoever speaks for a group.
_SPOKESPERSON = re.compile(r"\bspokes(?:man|woman|person|people|persons)\b|\bspoke for\b")
#: A group named by someone who works there.
_GROUP_OF_PERSON = re.compile(
    r"\b(?:group|organi[sz]ation|org|ngo|outfit|charity|employer) (?:that |which )?(?:\w+ ){1,6}"
    r"(?:(?:works?|worked|working) (?:for|at|with)|(?:is|was|were) (?:the )?(?:president|head|"
    r"director|leader|chair\w*|founder|spokes\w+) of)\b"
)
#: "Name her position and the organisation she worked for": the person is asked about too.
_ROLE_TOO = re.compile(
    r"\b(?:position|title|job|role)s? and\b|\band (?:his|her|their) (?:position|title|job|role)\b"
)
#: "Moon's government", "Rogers's organisation": the group, not the person.
_HIS_GROUP = r"(?:government|govt|administration|organi[sz]ation|group|outfit|charity)\b"


def events_by_org(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each organisation → the events it acted in."""
    found: dict[str, list[str]] = {}
    for event in kb.events.values():
        for org_id in event.organizations:
            found.setdefault(org_id, []).append(event.id)
    return {o: tuple(ids) for o, ids in found.items()}


_GENERATORS = (
    which_of_readings,
    attribution_readings,
    membership_readings,
    org_recipient_readings,
    stated_readings,
    who_said_readings,
    claim_readings,
    count_claim_readings,
    choice_readings,
    clarify_readings,
    letter_readings,
    person_readings,
    received_readings,
    role_list_readings,
    kind_list_readings,
    byline_readings,
    people_readings,
    several_orgs_readings,
    more_letters_readings,
    org_in_letter_readings,
    never_quoted_readings,
    org_readings,
    org_place_readings,
    event_readings,
    compare_readings,
    described_signer_readings,
    general_readings,
    outlet_readings,
    topic_readings,
    org_says_readings,
    opinion_readings,
    unknown_signer_readings,
    event_count_readings,
    unknown_stance_readings,
    timeline_readings,
    named_in_readings,
    repeat_signer_readings,
    org_people_readings,
    unquoted_org_readings,
    org_view_readings,
    no_such_letter_readings,
    terse_readings,
    which_role_readings,
    post_compare_readings,
    speaker_content_readings,
    nearby_event_readings,
    coordinated_readings,
    date_claim_readings,
    same_name_readings,
    superlative_readings,
)
