"""The searchable text of each entity: its names, and a body of everything else worth finding."""

from __future__ import annotations

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import (
    DemandEntry,
    Entity,
    Event,
    Letter,
    Organization,
    Person,
    Quote,
    SignatoryEntry,
    Source,
)


def entity_names(kb: KnowledgeBase, entity: Entity) -> list[str]:
    """Names, aliases and titles of an entity (for the boosted names field)."""
    if isinstance(entity, Organization | Person):
        return list(entity.names)
    if isinstance(entity, Letter):
        return [entity.title, *entity.aliases, kb.name_of(entity.recipient)]
    if isinstance(entity, Event):
        return [entity.title, *entity.aliases]
    if isinstance(entity, Quote):
        return [kb.name_of(entity.speaker)]
    if isinstance(entity, Source):
        return [entity.publisher, entity.title, *([entity.author] if entity.author else [])]
    if isinstance(entity, SignatoryEntry):
        return [kb.name_of(entity.organization)]
    return []


def entity_body(kb: KnowledgeBase, entity: Entity) -> str:
    """Every other searchable sentence of an entity, joined as one text."""
    parts: list[str | None] = []
    if isinstance(entity, Letter):
        parts += [
            entity.title,
            entity.summary,
            entity.background,
            entity.recipient_role,
            kb.name_of(entity.recipient),
        ]
        # Moderators' additions (guild_id set) are indexed as their own documents, so one
        # server's additions never change the letter document every server searches.
        demands = [s for s in entity.demands if s.guild_id is None]
        parts += [s.text for s in (*demands, *entity.abuses_cited, *entity.excerpts)]
        parts += [kb.name_of(s.organization) for s in entity.signatories if s.guild_id is None]
        parts += [c.describe() for c in entity.reported_counts]
        parts += list(entity.signatory_regions)
    elif isinstance(entity, Organization):
        parts += [
            entity.name,
            *entity.aliases,
            entity.description,
            entity.country,
            entity.based_in,
            entity.kind,
        ]
        parts += [kb.name_of(parent) for parent in entity.member_of]
    elif isinstance(entity, Person):
        parts += [entity.name, *entity.aliases, entity.description]
        for role in entity.roles:
            parts += [role.title, kb.name_of(role.organization) if role.organization else None]
    elif isinstance(entity, Quote):
        parts += [
            entity.text,
            kb.name_of(entity.speaker),
            entity.occasion,
            entity.place,
            *entity.topics,
            *(kb.name_of(subject) for subject in entity.about),
        ]
    elif isinstance(entity, Event):
        parts += [entity.title, entity.summary, *entity.aliases]
    elif isinstance(entity, Source):
        parts += [entity.publisher, entity.title, entity.author]
    elif isinstance(entity, SignatoryEntry):
        parts += [
            f"{kb.name_of(entity.organization)} signed {kb.name_of(entity.letter)}",
            entity.note,
        ]
    elif isinstance(entity, DemandEntry):
        parts += [entity.text, f"demand of {kb.name_of(entity.letter)}", entity.note]
    return "\n".join(part for part in parts if part)
