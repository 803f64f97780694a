"""An entity recognised in a text, with the words that named it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.kb.models import EntityKind


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity recognised in a text, with the words that named it."""

    entity_id: str
    kind: EntityKind
    start: int
    end: int
    surface: str
    corrected: bool = False
