"""The search card: ranked hits of any kind with their snippets and sources."""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder, Item, not_found
from bot.core.scope import Scope

KIND_LABELS = {
    "letter": "Letter",
    "organization": "Organization",
    "person": "Person",
    "quote": "Quote",
    "event": "Event",
    "source": "Source",
    "signatory": "Signatory",
    "demand": "Demand",
}


def search(scope: Scope, query: str, limit: int = 10) -> Answer:
    """Ranked hits of any kind, with highlighted snippets and their sources."""
    kb = scope.kb
    results = scope.index.search(
        kb, query, scope.guild_id, limit=limit, max_length=scope.max_query_length
    )
    shown = query.strip()[:80]
    if not results.hits:
        suggestions = [f"Search “{s}”" for s in results.suggestions]
        if len(query.split()) <= 4:  # a whole sentence fuzzy-matches names at random
            suggestions += scope.names.suggest(query)
        return not_found(
            "search",
            f"Nothing in the knowledge base matches “{shown}”.",
            suggestions,
            interpretation=f"search for {shown}",
        )
    builder = AnswerBuilder(kb, "search", f"Search: {shown}")
    items = []
    for hit in results.hits:
        entity = kb.get(hit.entity_id)
        if entity is None:
            continue
        sources = getattr(entity, "sources", ()) or ((entity.id,) if hit.kind == "source" else ())
        items.append(
            Item(
                f"{KIND_LABELS.get(hit.kind, 'Entry')}: {kb.name_of(hit.entity_id)}"
                if hit.kind != "quote"
                else f"Quote by {kb.name_of(getattr(entity, 'speaker', ''))}",
                hit.snippet,
                builder.cite(sources),
                getattr(entity, "guild_id", None) is not None,
                hit.entity_id,
                hit.marks,
            )
        )
    builder.section("Results", items)
    if results.ignored_terms:
        builder.notes.append(
            "Words too common to rank on were ignored: " + ", ".join(results.ignored_terms) + "."
        )
    builder.interpretation = f"search for {shown}"
    return builder.build()
