"""The entities worth scoring against some words: all of them while few, else the index's."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from bot.core.kb.models import EntityKind
from bot.core.scope import Scope

T = TypeVar("T")


def candidates_of(
    scope: Scope, words: str, kind: EntityKind, pool: Mapping[str, T], score_all: int, limit: int
) -> list[T]:
    """Every entity of `pool` while it is small; past `score_all`, those the index finds."""
    if len(pool) <= score_all:
        return list(pool.values())
    hits = scope.index.search(
        scope.kb,
        words,
        scope.guild_id,
        kinds=(kind,),
        limit=limit,
        max_length=scope.max_query_length,
    ).hits
    return [pool[h.entity_id] for h in hits if h.entity_id in pool]
