"""Everyone or everything of a kind: "the US officials mentioned", "which UN bodies come up".

People are of a kind by the body their role is at (a government, a legislature, a UN body,
a news outlet, a campaigning group) or, for a role the sources give without a body ("President
of China"), by its title. Each is listed with the role the sources give and cited.
"""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.answers.facts.people_lists import people_by_source
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter, Organization, Person, Role
from bot.core.scope import Scope

#: Titles of office held without a body in the data ("President of China").
_OFFICE = re.compile(
    r"\b(?:president|minister|leader|senator|envoy|ambassador|representative)\b", re.I
)
#: How a country appears in role titles and body names, where it is not spelled in full.
_COUNTRY_SPELLINGS = {"United States": ("United States", "U.S.")}


def people_of_kind(
    scope: Scope, kinds: frozenset[str], described: str, country: str | None, letter: Letter | None
) -> Answer:
    """The people whose role is at a body of one of `kinds` (of a country, for a letter)."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "people", f"The {described}")
    named = _named_for(kb, letter) if letter else None
    found = []
    for person in kb.people.values():
        role = _role_of_kind(kb, person, kinds, country)
        if role is not None and (named is None or person.id in named):
            found.append((person, role))
    items = []
    for person, role in found:
        body = kb.name_of(role.organization) if role.organization else None
        said = len(kb.quotes_by(person.id))
        quoted = f"; quoted {said} time{'s' if said != 1 else ''}" if said else ""
        items.append(
            Item(
                person.name,
                role.describe(body) + quoted,
                builder.cite(role.sources),
                entity_id=person.id,
            )
        )
    where = f" for the {letter.year} letter" if letter else ""
    builder.direct = _listed(
        builder,
        f"The sources name {{}} {described}{where}",
        [f"{person.name} ({role.title})" for person, role in found],
        [s for _, role in found for s in role.sources],
    )
    builder.section("People", items)
    builder.interpretation = f"every one of the {described}{where}"
    return builder.build(found=bool(items))


def organizations_of_kind(scope: Scope, kind: str, described: str) -> Answer:
    """Every organisation of one kind in the knowledge base ("the news outlets")."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "organizations", f"The {described}")
    found = sorted((o for o in kb.organizations.values() if o.kind == kind), key=lambda o: o.name)
    items = [
        Item(o.name, o.description or o.country or "", builder.cite(o.sources), entity_id=o.id)
        for o in found
    ]
    builder.direct = _listed(
        builder,
        f"The knowledge base holds {{}} {described}",
        [o.name for o in found],
        [s for o in found for s in o.sources],
    )
    builder.section("Organisations", items)
    builder.interpretation = f"every one of the {described}"
    return builder.build(found=bool(items))


def _listed(builder: AnswerBuilder, opening: str, names: list[str], sources: list[str]) -> str:
    """ "The sources name 2 lawmakers: A, B. [1]", or "… name no lawmakers." when none."""
    if not names:
        return opening.format("no") + "."
    return f"{opening.format(len(names))}: {', '.join(names)}. {builder.marks(sources)}"


def _role_of_kind(
    kb: KnowledgeBase, person: Person, kinds: frozenset[str], country: str | None
) -> Role | None:
    """The person's latest role of the kind asked (and the country), if any."""
    for role in reversed(person.roles):
        body = kb.organizations.get(role.organization or "")
        if body is not None:
            fits = body.kind in kinds
        else:  # "President of China": an office the sources give without a body
            fits = "government" in kinds and _OFFICE.search(role.title) is not None
        if fits and (country is None or _of_country(role, body, country)):
            return role
    return None


def _of_country(role: Role, body: Organization | None, country: str) -> bool:
    """Whether a role is one of the country's: "U.S. senator", "President of China".

    Not "special representative for North Korea policy", which is a U.S. office.
    """
    spellings = "|".join(re.escape(s) for s in _COUNTRY_SPELLINGS.get(country, (country,)))
    if body is not None and (body.country == country or re.search(spellings, body.name)):
        return True
    return (
        re.search(rf"^(?:former )?(?:{spellings})|\bof (?:the )?(?:{spellings})$", role.title)
        is not None
    )


def _named_for(kb: KnowledgeBase, letter: Letter) -> set[str]:
    """The people a letter's sources name in a role or quote about it."""
    by_source = kb.derived("people_by_source", people_by_source)
    named = {p for s in letter.sources for p in by_source.get(s, ())}
    return named | {q.speaker for q in kb.quotes_about(letter.id)}
