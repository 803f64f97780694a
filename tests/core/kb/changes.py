"""Changes to lay over a knowledge base in tests, and the knowledge base a full load gives.

`server_entries` makes a server's entries of one kind (copies of bundled entities under new
ids, signatories and demands added to bundled letters, a person sharing a surname, an
organisation renamed into someone's role…); `file_edit` changes one data file the way an
editor would (entries edited, one added in the middle, quotes removed). Each comes with the
records in load order, so a test can build the same knowledge base from nothing.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.files import data_files
from bot.core.kb.layered import Change
from bot.core.kb.models import (
    DemandEntry,
    Entity,
    EntityRecord,
    Event,
    Letter,
    Location,
    Organization,
    Person,
    Quote,
    SignatoryEntry,
)
from bot.core.search.names import words

#: The kinds of server entries `server_entries` makes.
ENTRY_KINDS = (
    "letter",
    "quote",
    "person",
    "organization",
    "signatory",
    "demand",
    "event",
    "source",
    "namesake",
    "mixed",
)


def _record(entity: Entity, guild: int = 7) -> EntityRecord:
    return EntityRecord(entity, Location(f"{guild}/{entity.id}.yaml", 1), f"hash-{entity.id}")


def server_entries(kb: KnowledgeBase, kind: str, seed: int = 1) -> list[EntityRecord]:
    """A server's entries of one kind, valid over `kb` (every link names an entity of it)."""
    rng = random.Random(seed)
    letters, orgs = sorted(kb.letters), sorted(kb.organizations)
    people = [p for _, p in sorted(kb.people.items()) if p.roles]
    made: list[Entity] = []
    for n in range(3):
        if kind in ("letter", "mixed"):
            letter = kb.letters[rng.choice(letters)]
            made.append(
                replace(
                    letter,
                    id=f"g-letter-{kind}-{n}",
                    aliases=(f"Quokka letter {n}",),
                    title=f"{letter.title} quokka copy {n}",
                    summary=f"{letter.summary} Zygomorphic quokka words.",
                )
            )
        if kind in ("quote", "mixed"):
            quote = kb.quotes[rng.choice(sorted(kb.quotes))]
            made.append(
                replace(
                    quote,
                    id=f"g-quote-{kind}-{n}",
                    date="2031-01-0" + str(n + 1),
                    text=f"{quote.text} Unprecedented quokka testimony.",
                )
            )
        if kind in ("person", "mixed"):
            person = rng.choice(people)
            roles = tuple(
                replace(r, title="Deputy Director for Quokka Affairs") for r in person.roles
            )
            made.append(
                replace(
                    person,
                    id=f"g-person-{kind}-{n}",
                    name=f"Zed Quimby{n} Kim",
                    aliases=(f"Z. Quimby{n}",),
                    roles=roles,
                )
            )
        if kind in ("organization", "mixed"):
            org = kb.organizations[rng.choice(orgs)]
            made.append(
                replace(
                    org,
                    id=f"g-org-{kind}-{n}",
                    name=f"Quokka Watch {n}",
                    aliases=(f"QW{n}",),
                    country=f"Narnia {n}",
                )
            )
        if kind in ("signatory", "mixed"):
            letter = kb.letters[letters[n % len(letters)]]
            signing = {s.organization for s in letter.signatories}
            org_id = next(o for o in orgs if o not in signing and o != letter.coordinator)
            made.append(SignatoryEntry(f"g-sig-{kind}-{n}", letter.id, org_id, letter.sources))
        if kind in ("demand", "mixed"):
            letter_id = letters[(n * 7) % len(letters)]
            made.append(
                DemandEntry(
                    f"g-demand-{kind}-{n}",
                    letter_id,
                    f"Release every quokka held in prison camps ({n}).",
                    kb.letters[letter_id].sources,
                )
            )
        if kind == "event":
            event = kb.events[rng.choice(sorted(kb.events))]
            made.append(replace(event, id=f"g-event-{n}", title=f"{event.title} quokka summit"))
        if kind == "source":
            source = kb.sources[rng.choice(sorted(kb.sources))]
            made.append(replace(source, id=f"g-source-{n}", title=f"Quokka Wire {n}"))
        if kind == "namesake":  # shares the surname a single bundled person has
            person = next(p for p in kb.people.values() if len(words(p.name)) >= 2)
            made.append(
                replace(
                    person,
                    id=f"g-namesake-{n}",
                    aliases=(),
                    name=f"Quokka{n} {words(person.name)[-1].title()}",
                )
            )
    return [_record(entity) for entity in made]


def with_entries(kb: KnowledgeBase, records: list[EntityRecord]) -> KnowledgeBase:
    """What a full load of `kb`'s records and a server's entries builds."""
    return KnowledgeBase.from_records([*kb.records.values(), *records])


def file_edit(
    kb: KnowledgeBase, data: Path, path: str, rename: bool = True, reshape: bool = True
) -> tuple[Change, list[EntityRecord]]:
    """One data file edited: entries changed (renamed too), one added, quotes removed.

    Without `reshape`, entries are only changed, each staying where it was.

    Returns the change and every record in load order after the edit.
    """
    files = [str(f.relative_to(data)) for f in data_files(data)]
    by_path: dict[str, list[EntityRecord]] = {}
    for record in kb.records.values():
        by_path.setdefault(record.location.path, []).append(record)
    edited: list[EntityRecord] = []
    removed: set[str] = set()
    for index, record in enumerate(by_path[path]):
        entity = record.entity
        if reshape and index % 9 == 3 and isinstance(entity, Quote):
            removed.add(entity.id)
            continue
        if index % 5 == 1:
            entity = _edited(entity, index, rename)
        edited.append(
            EntityRecord(entity, Location(path, len(edited) + 1), record.content_hash + "-edited")
        )
        if reshape and index == 2:
            extra = replace(entity, id=f"{entity.id}-added")
            edited.append(EntityRecord(extra, Location(path, len(edited) + 1), "added"))
    everything = [r for f in files for r in (edited if f == path else by_path.get(f, []))]
    rank = {f: i for i, f in enumerate(files)}
    return Change(tuple(edited), frozenset(removed), rank), everything


def _edited(entity: Entity, index: int, rename: bool) -> Entity:
    if isinstance(entity, Person):
        roles = tuple(replace(r, title=f"{r.title} and Quokka Envoy") for r in entity.roles)
        return replace(entity, roles=roles, name=f"{entity.name} Jr" if rename else entity.name)
    if isinstance(entity, Organization):
        name = f"{entity.name} Quokka" if rename else entity.name
        return replace(
            entity,
            name=name,
            country="Narnia" if index % 2 else entity.country,
            description="Edited.",
        )
    if isinstance(entity, Letter):
        title = f"Quokka {entity.title}" if rename else entity.title
        return replace(
            entity, title=title, summary=f"quokka {entity.summary}", demands=entity.demands[1:]
        )
    if isinstance(entity, Quote):
        return replace(entity, text=f"quokka {entity.text}", date="1999-01-01")
    if isinstance(entity, Event):
        return replace(
            entity,
            title=f"{entity.title} quokka" if rename else entity.title,
            summary="An edited quokka summary.",
        )
    return entity
