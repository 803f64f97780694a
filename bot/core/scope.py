"""What one server can see: its knowledge base view, name table and search index."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.kb.corpus import KnowledgeBase
from bot.core.search.index import SearchIndex
from bot.core.search.names import NameIndex


@dataclass(frozen=True, slots=True)
class Scope:
    """Everything an answer function needs, already narrowed to one server (or none)."""

    kb: KnowledgeBase
    names: NameIndex
    index: SearchIndex
    guild_id: int | None = None
    max_query_length: int = 300
