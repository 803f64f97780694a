"""Every way to name an entity: its names, their variants, its acronyms, its display name."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.kb.models import KIND_OF, Entity, EntityKind, Event, Letter, Organization, Person
from bot.core.search.name_words import MIN_CORRECTABLE
from bot.core.search.normal import PAREN, POSSESSIVE, normalize


def acronyms_of(entity: Entity) -> set[str]:
    """An organisation's one-word capitalised names ("HRW"), which take a plain "s" ("hrws")."""
    names = entity.names if isinstance(entity, Organization) else []
    forms = (*names, *(p for name in names for p in PAREN.findall(name)))
    return {normalize(n) for n in forms if n.isupper() and " " not in n.strip()}


def acronym_letters(acronyms: Iterable[str]) -> dict[str, str]:
    """Each acronym by its sorted letters, where no other has the same ones.

    "FHID" and "ICKN" are FIDH and ICNK typed in capitals with letters swapped.
    """
    by_letters: dict[str, set[str]] = {}
    for acronym in acronyms:
        if len(acronym) >= MIN_CORRECTABLE:
            by_letters.setdefault("".join(sorted(acronym)), set()).add(acronym)
    return {key: next(iter(found)) for key, found in by_letters.items() if len(found) == 1}


#: Role titles that name a kind of membership, not one person ("the ICNK member list").
GENERIC_TITLES = frozenset({"member"})


def aliases_of(entity: Entity) -> set[str]:
    """Every normalised way to name an entity, including generated variants."""
    names: list[str] = []
    if isinstance(entity, Organization | Person):
        names.extend(entity.names)
    elif isinstance(entity, Letter | Event):
        names.extend((entity.title, *entity.aliases))
    variants: set[str] = set()
    for name in names:
        variants.add(normalize(name))
        variants.add(normalize(POSSESSIVE.sub("s", name)))  # "Peoples Republic" typed plain
        without_parens = PAREN.sub(" ", name)
        variants.add(normalize(without_parens))
        for inner in PAREN.findall(name):
            if isinstance(entity, Organization) and len(inner.split()) > 0 and inner.isupper():
                variants.add(normalize(inner))
        if normalize(name).startswith("the "):
            variants.add(normalize(name)[4:])
    return {v for v in variants if v}


def named_kind(entity: Entity) -> EntityKind | None:
    """The entity's kind if it is one the table names (letters, organisations, people, events)."""
    kind = KIND_OF[type(entity)]
    return kind if kind in _NAMED_KINDS else None


_NAMED_KINDS = frozenset({"organization", "person", "letter", "event"})


def display_name(entity: Entity) -> str:
    """The name an entity is shown by: its name, or a letter's or event's title."""
    if isinstance(entity, Organization | Person):
        return entity.name
    if isinstance(entity, Letter | Event):
        return entity.title
    return entity.id
