"""Autocomplete for /kb options: what this server can see, and its own entries.

Plain functions run on the engine's worker thread; the cog bounds them in time and offers
them to moderators only.
"""

from __future__ import annotations

from discord.app_commands import Choice

from bot.core.engine import Engine
from bot.core.kb.models import EntityKind, Letter
from bot.core.moderation.service import Moderation
from bot.discord_app.moderation_views import fit

#: Discord's limits: choices per answer, and characters of a choice's name and value.
MAX_CHOICES = 25
CHOICE_LIMIT = 100


def names_like(
    engine: Engine, guild_id: int | None, current: str, kinds: tuple[EntityKind, ...]
) -> list[Choice[str]]:
    """Letters, people or organizations this server can see, by forgiving prefix."""
    scope = engine.scope(guild_id)
    found = []
    for entity_id in scope.names.complete(current[:CHOICE_LIMIT], kinds, MAX_CHOICES):
        label = scope.names.display(entity_id)
        entity = scope.kb.get(entity_id)
        if isinstance(entity, Letter):
            label = f"{entity.date[:4]} — {label}"
        if len(entity_id) <= CHOICE_LIMIT:
            found.append(Choice(name=fit(label, CHOICE_LIMIT), value=entity_id))
    return found


def own_entries_like(
    moderation: Moderation, guild_id: int | None, current: str
) -> list[Choice[str]]:
    """This server's own entries only (never the curated corpus or another server's)."""
    if guild_id is None:
        return []
    wanted = current.casefold().strip()
    found = []
    for entry_id, kind, label in moderation.entries(guild_id):
        if len(entry_id) <= CHOICE_LIMIT and (
            wanted in label.casefold() or wanted in entry_id.casefold()
        ):
            found.append(Choice(name=fit(f"{kind}: {label}", CHOICE_LIMIT), value=entry_id))
    return found[:MAX_CHOICES]
