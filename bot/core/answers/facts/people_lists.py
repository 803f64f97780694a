"""Lists of people: everyone in a described role, several people named, those in two letters.

"Who were the press contacts?", "which HRW staff appear on both the 2012 and the 2019
letter?": each person with the role the sources give them for it, cited.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.answers.answer import Answer, AnswerBuilder, Item, with_direct, yes_or_no
from bot.core.answers.cards import people as people_cards
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter
from bot.core.kb.sentences import and_list
from bot.core.scope import Scope
from bot.core.search.roles import canonical_words


def people_in_role(
    scope: Scope, people: list[str], letter: Letter | None, described: str
) -> Answer:
    """Everyone holding a described role ("the press contacts"), for one letter if given.

    With a letter, only roles its sources attest count: a press contact for the 2012
    letter is one whose role the 2012 release names.
    """
    kb = scope.kb
    builder = AnswerBuilder(
        kb, "people", f"The {described}" + (f" of {letter.title}" if letter else "")
    )
    items = _role_items(
        kb, builder, people, set(letter.sources) if letter else None, frozenset(described.split())
    )
    if items:
        builder.direct = f"{len(items)} people: {', '.join(i.title for i in items)}."
    else:
        builder.direct = f"The sources name nobody as {described}" + (
            f" for the {letter.year} letter." if letter else "."
        )
    builder.section("People", items)
    builder.interpretation = f"everyone who was {described}"
    return builder.build(found=bool(items))


def people_named(scope: Scope, people: list[str]) -> Answer:
    """Several people asked about at once ("who are Gina Goh and Olivia Miller?")."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "people", "Who they are")
    items = _role_items(kb, builder, people, None)
    cited = [s for p in people for r in kb.people[p].roles for s in r.sources]
    builder.direct = (
        "; ".join(f"{i.title}: {i.text}" for i in items) + f". {builder.marks(cited)}"
        if items
        else "The sources give no role for " + " or ".join(kb.name_of(p) for p in people) + "."
    )
    builder.section("People", items)
    builder.interpretation = "everyone who was named"
    return builder.build(found=bool(items))


def everyone_quoted(scope: Scope) -> Answer:
    """Everyone the sources quote, on any letter or event, with their role and how often."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "people", "Everyone quoted in the sources")
    speakers = sorted(
        {q.speaker for q in kb.quotes.values() if q.speaker in kb.people},
        key=lambda p: kb.people[p].name,
    )
    items = _role_items(kb, builder, speakers, None)
    counts = {p: len(kb.quotes_by(p)) for p in speakers}
    items = [
        replace(i, text=f"{i.text}; {_quotes(counts.get(i.entity_id or '', 0))}") for i in items
    ]
    builder.direct = (
        f"The sources quote {len(speakers)} people: "
        + and_list([kb.name_of(p) for p in speakers])
        + "."
        if speakers
        else "The sources quote nobody."
    )
    builder.section("People quoted", items)
    builder.interpretation = "everyone quoted in the sources"
    return builder.build(found=bool(items))


def never_quoted(scope: Scope) -> Answer:
    """Everyone the sources name but never quote: press contacts, recipients, officials."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "people", "People the sources name but never quote")
    quiet = sorted((p for p in kb.people if not kb.quotes_by(p)), key=lambda p: kb.people[p].name)
    items = _role_items(kb, builder, quiet, None)
    builder.direct = (
        f"{len(quiet)} people in the sources are never quoted: "
        + and_list([kb.name_of(p) for p in quiet])
        + "."
        if quiet
        else "Everyone the sources name is quoted at least once."
    )
    builder.section("Never quoted", items)
    builder.interpretation = "everyone the sources never quote"
    return builder.build(found=bool(items))


def _quotes(count: int) -> str:
    return f"{count} quote{'s' if count != 1 else ''}"


def _role_items(
    kb: KnowledgeBase,
    builder: AnswerBuilder,
    people: list[str],
    sources: set[str] | None,
    described: frozenset[str] = frozenset(),
) -> list[Item]:
    """Each person with their latest role (of those `sources` attest, if given).

    Of their roles, the latest that is the one `described` ("contact"): Phil Robertson is
    listed as the 2012 press contact in Bangkok, not as his later title.
    """
    items = []
    for person_id in people:
        person = kb.people[person_id]
        roles = [r for r in person.roles if sources is None or sources & set(r.sources)]
        if not roles:
            continue
        fitting = [r for r in roles if described & set(canonical_words(r.title))]
        role = (fitting or roles)[-1]
        org = kb.name_of(role.organization) if role.organization else None
        items.append(
            Item(person.name, role.describe(org), builder.cite(role.sources), entity_id=person.id)
        )
    return items


def people_in_both(
    scope: Scope,
    first: Letter,
    second: Letter,
    org_id: str | None = None,
    asked: str | None = None,
) -> Answer:
    """The people the sources of both letters name (in a role or quoted), of one body if given.

    "Which HRW staff appear on both the 2012 and the 2019 letter?": Phil Robertson, a press
    contact in 2012 and quoted as Asia deputy director in 2019. With `asked` ("did Robertson
    appear in both?"), the answer opens with whether that person is one of them.
    """
    kb = scope.kb
    named = [_people_named_for(kb, x) for x in (first, second)]
    staff = {p.id for p in kb.people_of(org_id)} if org_id else None
    both = [p for p in named[0] if p in named[1] and (staff is None or p in staff)]
    whose = f" of {kb.name_of(org_id)}" if org_id else ""
    years = f"the {first.year} and the {second.year} letters"
    builder = AnswerBuilder(kb, "compare", f"People{whose} named for both {years}")
    items = []
    for person_id in both:
        person = kb.people[person_id]
        roles = "; ".join(dict.fromkeys(r.title for r in person.roles))
        items.append(Item(person.name, roles, builder.cite(person.sources), entity_id=person_id))
    names = ", ".join(i.title for i in items)
    verb = "is" if len(items) == 1 else "are"
    from_org = f" ({kb.name_of(org_id)})" if org_id else ""
    builder.direct = (
        f"{names}{from_org} {verb} named in the sources of both {years}."
        if items
        else f"No one{whose} is named in the sources of both {years}."
    )
    if asked is not None:
        name = kb.name_of(asked)
        builder.direct = yes_or_no(
            asked in both,
            f"{name} is named in the sources of both {years}.",
            f"the sources do not name {name} for both {years}.",
            builder.direct,
        )
    builder.section("Named in both", items)
    builder.interpretation = f"people{whose} in both {first.title} and {second.title}"
    return builder.build(found=bool(items))


def voices_per_letter(
    scope: Scope, org_id: str, letters: tuple[Letter, Letter], asked_same: bool = False
) -> Answer:
    """Who the sources quote for an organisation on each of two letters.

    "Who spoke for HRW on the 2018 letter, versus the 2019 one?": Brad Adams, then Phil
    Robertson; the answer says whether it was the same person, as Yes or No when
    `asked_same` ("was the HRW spokesperson the same person both times?").
    """
    kb = scope.kb
    org = kb.name_of(org_id)
    staff = {p.id for p in kb.people_of(org_id)}
    builder = AnswerBuilder(kb, "compare", f"Who spoke for {org} on each letter")
    parts, speakers = [], []
    for letter in letters:
        quotes = [q for q in kb.quotes_about(letter.id) if q.speaker in staff]
        said = list(dict.fromkeys(q.speaker for q in quotes))
        speakers.append(set(said))
        marks = builder.marks(s for q in quotes for s in q.sources)
        who = and_list([_name_and_title(kb, p, letter.date) for p in said]) or "no one quoted"
        parts.append(f"the {letter.year} letter: {who} {marks}".rstrip())
        builder.section(
            f"For {org} on the {letter.year} letter",
            [Item(kb.name_of(q.speaker), q.text, builder.cite(q.sources)) for q in quotes],
        )
    same = speakers[0] and speakers[0] == speakers[1]
    verdict = "The same person" if same else "Different people" if all(speakers) else None
    if asked_same and verdict:
        verdict = f"{'Yes' if same else 'No'}: {verdict.lower()}"
    # "what's the UK religious freedom org whose east asia guy spoke on both": the group too
    lead = f"{verdict} spoke for {org}" if verdict else f"For {org}"
    builder.direct = f"{lead} — {'; '.join(parts)}."
    builder.interpretation = (
        f"who spoke for {org} on the {letters[0].year} and {letters[1].year} letters"
    )
    return builder.build()


def _name_and_title(kb: KnowledgeBase, person_id: str, when: str) -> str:
    """ "Brad Adams (Asia director)": the role held nearest the date."""
    person = kb.people[person_id]
    held = [r for r in person.roles if (r.as_of or "") <= when + "~"] or list(person.roles)
    return f"{person.name} ({held[-1].title})" if held else person.name


def _people_named_for(kb: KnowledgeBase, letter: Letter) -> list[str]:
    """People a letter's sources name in a role, or quote about it, in order."""
    by_source = kb.derived("people_by_source", people_by_source)
    found = [p for s in letter.sources for p in by_source.get(s, ())]
    found += [q.speaker for q in kb.quotes_about(letter.id)]
    return [p for p in dict.fromkeys(found) if p in kb.people]


def people_by_source(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each source → the people whose roles it attests."""
    found: dict[str, list[str]] = {}
    for person in kb.people.values():
        for role in person.roles:
            for source_id in role.sources:
                found.setdefault(source_id, []).append(person.id)
    return {s: tuple(dict.fromkeys(ids)) for s, ids in found.items()}


def letters_naming(scope: Scope, person_id: str, yes_if: int | None = None) -> Answer:
    """The letters whose sources name a person: as recipient, in a role, or quoted about it.

    "Does Olivia Miller show up in the coverage of more than one letter?", "which letters is
    Benedict Rogers mentioned in?": each letter, and how the person comes into it. With
    `yes_if` (a yes/no question), it opens with whether that many letters name them.
    """
    kb = scope.kb
    person = kb.people[person_id]
    builder = AnswerBuilder(kb, "letters", f"Letters naming {person.name}")
    found = [
        (letter, how)
        for letter in sorted(kb.letters.values(), key=lambda x: x.date)
        if (how := _how_named(kb, letter, person_id))
    ]
    items = [Item(f"{x.title} ({x.year})", how, builder.cite(x.sources)) for x, how in found]
    count = f"{len(found)} letter{'s' if len(found) != 1 else ''}"
    listed = "; ".join(f"the {x.year} {x.kind} ({how})" for x, how in found)
    cited = builder.marks([s for x, _ in found for s in x.sources])
    builder.direct = (
        f"{person.name} is named in the sources of {count}: {listed}. {cited}"
        if found
        else f"The sources of no letter name {person.name}."
    )
    if yes_if is not None:
        several = "more than one letter" if yes_if > 1 else "any letter"
        opening = "Yes. " if len(found) >= yes_if else f"No, not {several}. "
        builder.direct = opening + builder.direct
    builder.section("Letters", items)
    builder.interpretation = f"letters naming {person.name}"
    return builder.build(found=bool(found))


def _how_named(kb: KnowledgeBase, letter: Letter, person_id: str) -> str:
    """How a letter's sources name the person ("its recipient", a role, "quoted"), or ""."""
    if letter.recipient == person_id:
        return "its recipient"
    if person_id not in _people_named_for(kb, letter):
        return ""
    quoted = (
        ["quoted about it"]
        if any(q.speaker == person_id for q in kb.quotes_about(letter.id))
        else []
    )
    attested = set(letter.sources)
    roles = [r.title for r in kb.people[person_id].roles if attested & set(r.sources)]
    return "; ".join([*dict.fromkeys(roles), *quoted]) or "named"


def people_of_org(scope: Scope, org_id: str) -> Answer:
    """Everyone the sources name in a role at an organisation ("all the CSW people named")."""
    kb = scope.kb
    name = kb.name_of(org_id)
    builder = AnswerBuilder(kb, "people", f"People of {name} in the sources")
    people = sorted((p.id for p in kb.people_of(org_id)), key=lambda p: kb.people[p].name)
    items, cited = [], []
    for person_id in people:
        roles = [r for r in kb.people[person_id].roles if r.organization == org_id]
        cited += [s for r in roles for s in r.sources]
        items.append(
            Item(
                kb.name_of(person_id),
                # "East Asia Team Leader" and "East Asia team leader" are one title
                "; ".join({r.title.casefold(): r.title for r in reversed(roles)}.values()),
                builder.cite([s for r in roles for s in r.sources]),
                entity_id=person_id,
            )
        )
    builder.direct = (
        f"The sources name {len(people)} {'person' if len(people) == 1 else 'people'} of {name}: "
        + "; ".join(f"{i.title}, {i.text}" for i in items)
        + ". "
        + builder.marks(cited)
        if people
        else f"The sources name no one in a role at {name}."
    )
    builder.section(f"People of {name}", items)
    builder.interpretation = f"people of {name}"
    return builder.build(found=bool(items))


def no_one_quoted(scope: Scope, org_id: str) -> Answer:
    """ "What did the Amnesty spokesperson say?": the sources quote no one of it."""
    kb = scope.kb
    card = people_cards.org(scope, org_id)
    name = kb.name_of(org_id)
    named = [p.name for p in kb.people_of(org_id)]
    also = f" They name {and_list(named)} of it, but quote none of their words." if named else ""
    direct = (
        f"The sources do not quote anyone from {name}.{also} What they record about {name} "
        "is below."
    )
    return with_direct(card, direct, f"words of someone at {name}", (), "not_covered")
