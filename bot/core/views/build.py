"""A server's view, and the tables laid-over views need, computed when data is loaded."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.answers.warm import warm_up
from bot.core.kb.knowledge import KnowledgeBase
from bot.core.kb.layered import Change, delta_of, layer
from bot.core.kb.models import EntityRecord
from bot.core.search.names import NameIndex
from bot.core.views import names, roles
from bot.core.views.tables import EXTENDERS


def warm(kb: KnowledgeBase) -> None:
    """Compute the reader's tables, and what patching them and the names needs, now."""
    warm_up(kb)
    kb.derived(roles.PLACE_WORDS, roles.place_words)
    kb.derived("role_bag_spans", roles.bag_spans)
    kb.derived("role_bags_follow_rules", roles.follows_rules)
    kb.derived("role_titles", names.role_titles)


def server_view(
    kb: KnowledgeBase, name_table: NameIndex, records: Iterable[EntityRecord]
) -> tuple[KnowledgeBase, NameIndex]:
    """What a server sees: its (checked) entries laid over the shared knowledge base."""
    view = layer(kb, Change(tuple(records)), extenders=EXTENDERS)
    return view, names_of(view, kb, name_table)


def names_of(view: KnowledgeBase, base: KnowledgeBase, base_names: NameIndex) -> NameIndex:
    """The name table of a view: the base's patched, or built anew when it cannot be."""
    delta = delta_of(view)
    patched = names.layer_names(base_names, base, view, delta) if delta is not None else None
    return patched if patched is not None else NameIndex(view.entities())
