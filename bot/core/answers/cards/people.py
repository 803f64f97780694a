"""Cards about organisations, people and events: what they are and what they did."""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer, AnswerBuilder, Item, answering
from bot.core.answers.cards.quotes import quote_item
from bot.core.errors import NotFoundError
from bot.core.kb.dates import human_date
from bot.core.kb.models import Person, Role
from bot.core.scope import Scope
from bot.core.search.resolve import resolve_organization, resolve_person

ORGANIZATION_LABELS = {
    "ngo": "NGO",
    "coalition": "Coalition",
    "un-body": "UN body",
    "government": "Government",
    "legislature": "Legislature",
    "media": "News outlet",
    "other": "Organization",
}


@answering("org")
def org(scope: Scope, name: str) -> Answer:
    """What an organisation is, where it is from, the letters it signed and its people."""
    found = resolve_organization(scope, name)
    kb = scope.kb
    builder = AnswerBuilder(kb, "org", found.name)
    facts = [ORGANIZATION_LABELS.get(found.kind, "Organization")]
    if found.country:
        facts.append(found.country)
    if found.based_in:
        facts.append(f"based in {found.based_in}")
    builder.lead.append(", ".join(facts) + ". " + builder.marks(found.sources))
    if found.aliases:
        builder.lead.append("Also known as " + ", ".join(found.aliases) + ".")
    if found.member_of:
        builder.lead.append("Member of " + ", ".join(kb.name_of(m) for m in found.member_of) + ".")
    if found.description:
        builder.section("About", [Item("", found.description, builder.cite(found.sources))])
    letter_items = []
    for signed in kb.letters_signed_by(found.id):
        entry = signed.signatory(found.id)
        role = "coordinated" if signed.coordinator == found.id else "signed"
        if entry is not None and signed.coordinator == found.id:
            role = "coordinated and signed"
        refs = builder.cite(entry.sources if entry else signed.sources)
        letter_items.append(
            Item(
                f"{human_date(signed.date)} — {signed.title}",
                f"{role.capitalize()}.",
                refs,
                signed.guild_id is not None,
                signed.id,
            )
        )
    builder.section("Letters", letter_items)
    builder.section(
        "Members",
        [
            Item(m.name, m.country or "", builder.cite(m.sources), entity_id=m.id)
            for m in kb.members_of(found.id)
        ],
    )
    people_items = []
    quote_items = []
    for member in kb.people_of(found.id):
        roles = [r.describe(None) for r in member.roles if r.organization == found.id]
        people_items.append(
            Item(
                member.name,
                "; ".join(roles),
                builder.cite(
                    s for r in member.roles for s in r.sources if r.organization == found.id
                ),
                entity_id=member.id,
            )
        )
        quote_items += [quote_item(scope, builder, q) for q in kb.quotes_by(member.id)]
    builder.section("People", people_items)
    builder.section("Quotes by its people", quote_items)
    if not letter_items:
        builder.lead.append("It is not named as a signatory of any letter in our sources.")
        # A body no letter lists (the UN Security Council, a government) is a topic: what
        # the people quoted said of it is what the sources say about it.
        names = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in found.names) + r")\b", re.I)
        own = {member.id for member in kb.people_of(found.id)}  # their quotes are above
        spoken = [q for q in kb.quotes.values() if q.speaker not in own and names.search(q.text)]
        builder.section(
            "Quotes that mention it", [quote_item(scope, builder, q) for q in spoken[:5]]
        )
    builder.suggestions += [
        f"Which letters did {found.aliases[0] if found.aliases else found.name} sign?"
    ]
    builder.interpretation = f"about {found.name}"
    return builder.build()


@answering("person")
def person(scope: Scope, name: str) -> Answer:
    """Who someone is: roles over time, what they said, letters addressed to them."""
    found = resolve_person(scope, name)
    kb = scope.kb
    builder = AnswerBuilder(kb, "person", found.name)
    current = found.roles[-1] if found.roles else None
    if current:
        org_name = kb.name_of(current.organization) if current.organization else None
        builder.lead.append(current.describe(org_name) + " " + builder.marks(current.sources))
    if found.aliases:
        builder.lead.append("Also written " + ", ".join(found.aliases) + ".")
    if found.description:
        builder.section("About", [Item("", found.description, builder.cite(found.sources))])
    builder.section(
        "Roles",
        [
            Item(
                role.describe(kb.name_of(role.organization) if role.organization else None),
                role.note or "",
                builder.cite(role.sources),
            )
            for role in found.roles
        ],
    )
    builder.section(
        "Quotes", [quote_item(scope, builder, q, speaker=False) for q in kb.quotes_by(found.id)]
    )
    builder.section(
        "Letters addressed to them",
        [
            Item(
                f"{human_date(x.date)} — {x.title}",
                x.summary,
                builder.cite(x.sources),
                entity_id=x.id,
            )
            for x in kb.letters_to(found.id)
        ],
    )
    if kb.quotes_by(found.id):
        builder.suggestions.append(f"What did {found.name} say?")
    builder.interpretation = f"about {found.name}"
    return builder.build()


@answering("event")
def event(scope: Scope, name: str) -> Answer:
    """Context the sources state: a summit, a declaration, a vote, an inquiry."""
    kb = scope.kb
    found = kb.events.get(name)
    if found is None:
        matches = scope.names.lookup(name, kinds=("event",), limit=3, cutoff=80.0)
        if not matches:
            raise NotFoundError("event", name, tuple(scope.names.suggest(name)))
        found = kb.events[matches[0][0]]
    builder = AnswerBuilder(kb, "event", found.title)
    builder.lead.append(human_date(found.date) + ". " + builder.marks(found.sources))
    if found.date_note:
        builder.lead.append(f"Date: {found.date_note}")
    builder.section("What happened", [Item("", found.summary, builder.cite(found.sources))])
    builder.section(
        "Who took part",
        [
            Item(describe_person(scope, kb.people[p]), "", (), entity_id=p)
            for p in found.participants
        ],
    )
    builder.section(
        "Related letters",
        [
            Item(f"{human_date(x.date)} — {x.title}", "", builder.cite(x.sources), entity_id=x.id)
            for x in (kb.letters[i] for i in found.related_letters)
        ],
    )
    builder.section(
        "What was said about it", [quote_item(scope, builder, q) for q in kb.quotes_about(found.id)]
    )
    builder.interpretation = f"about {found.title}"
    return builder.build()


def describe_person(scope: Scope, found: Person) -> str:
    """ "Name, role" for one-line mentions: the first role the sources give at the latest date.

    The first is the main title ("President, Open North Korea"); roles of the same date
    after it are duties beside it ("press contact").
    """
    if not found.roles:
        return found.name
    latest = max(_when(r) for r in found.roles)
    role = next(r for r in found.roles if _when(r) == latest)
    org_name = scope.kb.name_of(role.organization) if role.organization else None
    return f"{found.name}, {role.named(org_name)}"


def _when(role: Role) -> str:
    """The date a role is known for, to put roles in order ("" when undated)."""
    return role.end or role.as_of or role.start or ""


def name_with_abbreviation(scope: Scope, org_id: str) -> str:
    """ "International Coalition to Stop … (ICNK)": the name and the short form people use."""
    org = scope.kb.organizations.get(org_id)
    if org is None:
        return scope.kb.name_of(org_id)
    short = next((a for a in org.aliases if a.isupper() and 2 <= len(a) <= 8), None)
    return f"{org.name} ({short})" if short and short not in org.name else org.name
