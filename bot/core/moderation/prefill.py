"""An existing entry's values as its form would hold them.

They prefill an edit form, and make the CSV rows that the form's importer reads back.
"""

from __future__ import annotations

from bot.core.kb.models import (
    DemandEntry,
    Entity,
    Letter,
    Organization,
    Person,
    Quote,
    SignatoryEntry,
    Source,
)
from bot.core.scope import Scope


def form_values(scope: Scope, entity: Entity) -> dict[str, str]:
    """The form values that would rebuild `entity` (to prefill an edit, or to export CSV)."""
    kb = scope.kb
    source = _source_text(kb.sources.get(next(iter(getattr(entity, "sources", ())), "")))
    values: dict[str, str | None]
    if isinstance(entity, Letter):
        values = {
            "title": entity.title,
            "date": entity.date,
            "recipient": kb.name_of(entity.recipient),
            "summary": entity.summary,
        }
    elif isinstance(entity, Quote):
        about = ", ".join(kb.name_of(a) for a in entity.about) or ", ".join(entity.topics)
        values = {
            "person": kb.name_of(entity.speaker),
            "text": entity.text,
            "date": entity.date,
            "occasion": entity.occasion,
            "about": about or None,
            "wording": entity.kind,
        }
    elif isinstance(entity, SignatoryEntry):
        values = {
            "letter": entity.letter,
            "organization": kb.name_of(entity.organization),
            "note": entity.note,
        }
    elif isinstance(entity, DemandEntry):
        values = {"letter": entity.letter, "text": entity.text}
    elif isinstance(entity, Person):
        role = entity.roles[0] if entity.roles else None
        values = {
            "name": entity.name,
            "aliases": ", ".join(entity.aliases) or None,
            "role": role.title if role else None,
            "organization": kb.name_of(role.organization) if role and role.organization else None,
            "description": entity.description,
        }
    elif isinstance(entity, Organization):
        values = {
            "name": entity.name,
            "aliases": ", ".join(entity.aliases) or None,
            "country": entity.country,
            "type": entity.kind,
            "description": entity.description,
        }
    else:
        return {}
    values["source"] = source
    return {key: value for key, value in values.items() if value}


def _source_text(source: Source | None) -> str | None:
    if source is None:
        return None
    if source.url:
        return source.url
    return ", ".join(p for p in (source.publisher, source.date, source.title) if p)
