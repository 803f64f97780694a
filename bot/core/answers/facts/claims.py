"""Yes-or-no claims checked against the data: yes, no, or "the sources don't say", first.

"Did Moon sign the Panmunjom Declaration?", "was the 2018 letter signed by 76 groups?",
"was Phil Robertson involved in the 2012 letter?". Each check names the evidence it used;
where the data has nothing either way, it says so rather than "no". Claims about a person's
post are in `role_claims`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.cards import people as people_cards
from bot.core.answers.facts.org_kinds import KIND_NAMES, wrong_kind
from bot.core.answers.facts.topic_match import TOPIC_FIT, share
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import human_date
from bot.core.kb.models import Event, Letter, Organization, Person
from bot.core.kb.sentences import first_sentences
from bot.core.scope import Scope
from bot.core.search.aliases import acronyms_of
from bot.core.search.names import normalize
from bot.core.search.places import CITY_SHORT
from bot.core.search.resolve import resolve_country


def took_part(
    scope: Scope, people: list[Person], event: Event, before: str | None = None
) -> Answer:
    """Whether people took part in an event (signed a declaration, attended a summit).

    With several people ("between Kim and Trump") it is yes only if every one did; with
    `before` (a year, "had Kim met any leader before 2018?") an event that late is no yes.
    """
    kb = scope.kb
    card = people_cards.event(scope, event.id)
    card, marks = cite_in(card, kb, event.sources)
    took = [p for p in people if p.id in event.participants]
    missing = [p for p in people if p.id not in event.participants]
    when = f"{event.title} ({human_date(event.date)})"
    names = " and ".join(p.name for p in people)
    if before and event.date and event.date[:4] >= before and not missing:
        direct = (
            f"No, not according to the sources: what they record is {when}, not earlier "
            f"than {before}. {marks}"
        )
    elif not missing:
        direct = f"Yes. {names} took part in {when}. {marks}"
    elif took:
        others = ", ".join(
            kb.name_of(p) for p in event.participants if p not in {t.id for t in took}
        )
        direct = (
            f"No. {' and '.join(p.name for p in took)} took part in {when}, but the sources do "
            f"not name {' or '.join(p.name for p in missing)} among those who did"
            + (f"; the others named are {others}" if others else "")
            + f". {marks}"
        )
    else:
        named = ", ".join(kb.name_of(p) for p in event.participants)
        direct = (
            f"The sources do not name {names} among those who took part in {event.title}"
            + (f"; they name {named}" if named else "")
            + f". {marks}"
        )
    return with_direct(card, direct, f"did {names} take part in {event.title}", (), "yes_no")


def person_involved(scope: Scope, person: Person, letter: Letter, signed: bool = False) -> Answer:
    """Was a person involved in a letter: quoted about it, or in a role its sources give.

    With `signed` ("did Phil Robertson sign the 2019 letter?") the answer opens with whether
    the sources name the person as a signer, then says how they are connected with it.
    """
    answer = _person_involved(scope, person, letter)
    if not signed or answer.direct is None:
        return answer
    reported = letter.signers_reported
    if (
        reported is not None
        and "individual" in reported.describe()
        and (reported.count > len(letter.signatories))
    ):
        opening = (
            f"The sources don't say: they name no individual among the {reported.describe()} "
            f"of the {letter.year} letter."
        )
    else:
        opening = (
            f"No. The sources do not name {person.name} as a signer of the {letter.year} "
            "letter; the signatories they name are organisations."
        )
    how = answer.direct.removeprefix("Yes. ")
    return replace(
        answer,
        direct=f"{opening} {how}",
        lead=(f"{opening} {how}", *answer.lead[1:]),
        interpretation=f"did {person.name} sign {letter.title}",
    )


def _person_involved(scope: Scope, person: Person, letter: Letter) -> Answer:
    """Whether the sources connect a person with a letter, and how."""
    kb = scope.kb
    card = letter_cards.letter(scope, letter.id)
    quotes = [q for q in kb.quotes_by(person.id) if letter.id in q.about]
    roles = [r for r in person.roles if set(r.sources) & set(letter.sources)]
    if letter.recipient == person.id:
        card, marks = cite_in(card, kb, letter.sources)
        direct = f"Yes. The {letter.year} letter was addressed to {person.name}. {marks}"
    elif quotes:
        card, marks = cite_in(card, kb, quotes[0].sources)
        direct = (
            f"Yes. {person.name} is quoted about the {letter.year} letter: "
            f"“{quotes[0].text}” {marks}"
        )
    elif roles:
        card, marks = cite_in(card, kb, roles[0].sources)
        org = kb.name_of(roles[0].organization) if roles[0].organization else ""
        direct = (
            f"Yes. The {letter.year} letter's source names {person.name} as "
            f"{roles[0].title}" + (f" ({org})" if org else "") + f". {marks}"
        )
    else:
        direct = f"The sources do not connect {person.name} with the {letter.year} letter."
        # "Was Ha Tae Keung involved in the 2019 letter?" No; he was in the 2012 one.
        others = [x for x in kb.letters.values() if x.id != letter.id and _connected(kb, person, x)]
        if others:
            years = " and ".join(f"the {x.year} letter" for x in others)
            direct += f" They connect {person.name} with {years}."
    return with_direct(card, direct, f"was {person.name} involved in {letter.title}", (), "yes_no")


def _connected(kb: KnowledgeBase, person: Person, letter: Letter) -> bool:
    """Whether the sources tie a person to a letter: recipient, quoted, or a role they name."""
    return (
        letter.recipient == person.id
        or any(letter.id in q.about for q in kb.quotes_by(person.id))
        or any(set(r.sources) & set(letter.sources) for r in person.roles)
    )


def letter_date_claim(scope: Scope, letter: Letter, asked: str) -> Answer:
    """Whether a letter went out on the date (or in the month) a claim gives."""
    card = letter_cards.letter(scope, letter.id)
    card, marks = cite_in(card, scope.kb, letter.sources)
    same = letter.date.startswith(asked) or asked.startswith(letter.date)
    if same and len(asked) > len(letter.date):
        # "sent on 9 January 2012?": the sources date it only to the year, so they don't say
        why = f" {letter.date_note}" if letter.date_note else ""
        direct = (
            f"The sources don't say: they date the {letter.year} {letter.kind} only to "
            f"{human_date(letter.date)}.{why} {marks}"
        )
        return with_direct(
            card, direct, f"was {letter.title} sent in {human_date(asked)}", (), "not_covered"
        )
    direct = (
        f"Yes. The {letter.year} {letter.kind} is dated {human_date(letter.date)}. {marks}"
        if same
        # The wrong date is not repeated: a reader skimming the answer would see it stated.
        else f"No. The {letter.year} {letter.kind} is dated {human_date(letter.date)}. {marks}"
    )
    return with_direct(
        card, direct, f"was {letter.title} sent in {human_date(asked)}", (), "yes_no"
    )


def org_claim(scope: Scope, org: Organization, claim: str) -> Answer:
    """Whether a claim about what an organisation is holds, by its recorded description."""
    kb = scope.kb
    card = people_cards.org(scope, org.id)
    card, marks = cite_in(card, kb, org.sources)
    expanded = _STANDS_FOR.search(normalize(claim))
    if expanded:
        direct = _expansion_checked(org, expanded.group(1), normalize(claim), marks)
        return with_direct(card, direct, f"is it true of {org.name}", (), "yes_no")
    if wrong_kind(org, claim) and org.kind in KIND_NAMES:  # "ICC is just a news website?"
        described = first_sentences(org.description or "")
        direct = f"No. {org.name} is {KIND_NAMES[org.kind]}: {described} {marks}"
        return with_direct(card, direct, f"is it true of {org.name}", (), "yes_no")
    if _described_share(kb, org, claim) >= TOPIC_FIT:
        direct = f"Yes. {first_sentences(org.description or '')} {marks}"
    else:
        direct = (
            f"The sources don't say so. What they record: {org.name}"
            + (f", {first_sentences(org.description)}" if org.description else ".")
            + f" {marks}"
        )
    return with_direct(card, direct, f"is it true of {org.name}", (), "yes_no")


def org_claim_fit(kb: KnowledgeBase, org: Organization, claim: str) -> float:
    """How much of a claim's words, besides the group's names, its record speaks of (0–1).

    What an acronym stands for and what kind of body a group is are checked whole (1).
    """
    if _STANDS_FOR.search(normalize(claim)) or wrong_kind(org, claim):
        return 1.0
    return _described_share(kb, org, claim)


def _described_share(kb: KnowledgeBase, org: Organization, claim: str) -> float:
    """How much of the claim's words besides the group's names its description covers."""
    # the name as typed is no claim; "is CSW a Christian group?" is, and its full name says so
    rest = f" {normalize(claim)} "
    for name in sorted((normalize(n) for n in org.names), key=len, reverse=True):
        rest = rest.replace(f" {name} ", " ")
    # "a Christian group": the kind word is checked by `wrong_kind`; the rest is the claim
    rest = " ".join(w for w in rest.split() if w not in _KIND_WORDS)
    described = " ".join(filter(None, (org.name, org.description, org.kind, org.country or "")))
    return share(kb, rest, described, strict=True) if rest and described else 0.0


#: Words for a group of any kind: "is CSW a Christian group?" claims only "Christian".
_KIND_WORDS = frozenset(
    "group groups organisation organization organisations organizations org orgs ngo ngos "
    "outfit charity body".split()
)
#: "ICNK stands for …", "CSW is short for …": what an acronym is claimed to spell out.
_STANDS_FOR = re.compile(
    r"\b(?:stands? for|is short for|short for|(?:an |the )?(?:abbreviation|acronym) (?:of|for))"
    r" (.+?)(?: right| correct| true| accurate| yes or no)?\s*$"
)
#: rapidfuzz ratio at which a spelled-out name is the organisation's own, typos aside.
_SAME_NAME = 90.0


def _expansion_checked(org: Organization, expansion: str, claim: str, marks: str) -> str:
    """Yes or No to "ICNK stands for …", by the organisation's recorded names."""
    typed = next((a for a in acronyms_of(org) if f" {a} " in f" {claim} "), None)
    short = next((n for n in org.names if normalize(n) == typed), org.name)
    if max(fuzz.ratio(expansion, normalize(name)) for name in org.names) >= _SAME_NAME:
        return f"Yes. {short} is short for {org.name}. {marks}"
    return f"No. {short} stands for {org.name}, not “{expansion}”. {marks}"


#: "based in New York" in an organisation's description: where the sources place it.
_BASED_IN = re.compile(r"\bbased in ([A-Z]\w*(?: [A-Z]\w*){0,2})")


def where_based(org: Organization) -> str | None:
    """Where the organisation is based ("New York"): its record, else its description."""
    if org.based_in:
        return org.based_in
    found = _BASED_IN.search(org.description or "")
    return found.group(1) if found else None


def based_in(scope: Scope, org: Organization, place: str) -> Answer:
    """Is an organisation based in a place: from its country and where the sources place it."""
    card = people_cards.org(scope, org.id)
    card, marks = cite_in(card, scope.kb, org.sources)
    based = where_based(org)
    if based and org.country and resolve_country(scope, based) == org.country:
        based = None  # "UK" is the country again, not a city
    where = [p for p in (based, org.country) if p]
    wanted = CITY_SHORT.get(normalize(place), normalize(place))
    if not where:
        direct = f"The sources don't say where {org.name} is based. {marks}"
    elif (org.country and resolve_country(scope, place) == org.country) or any(
        wanted in normalize(p) or normalize(p) in wanted for p in where
    ):  # "UK-based" is the United Kingdom
        direct = f"Yes. The sources place {org.name} in {' / '.join(where)}. {marks}"
    elif not based and resolve_country(scope, place) is None:
        # "CSW based in London?": a city, where the sources give only the country.
        direct = (
            f"The sources don't say: they place {org.name} in {org.country} without naming "
            f"a city. {marks}"
        )
    else:
        direct = f"No. The sources place {org.name} in {' / '.join(where)}, not {place}. {marks}"
    return with_direct(card, direct, f"is {org.name} based in {place}", (), "yes_no")
