"""Which sources an organisation published: its own releases, and reposts of them."""

from __future__ import annotations

from bot.core.kb.corpus import KnowledgeBase
from bot.core.search.names import normalize


def published_by(kb: KnowledgeBase, org_id: str) -> list[str]:
    """The sources an organisation published, or whose words a repost carries."""
    by_publisher, by_original = kb.derived("sources_by_publisher", sources_by_publisher)
    names = [f" {normalize(n)} " for n in kb.organizations[org_id].names]
    # Whole words of the publisher line: "CSW (Christian Solidarity Worldwide)" is CSW's,
    # but "Unnamed publisher" is not the UN's.
    found = [s for line, ids in by_publisher.items() if any(n in line for n in names) for s in ids]
    return list(dict.fromkeys([*found, *by_original.get(org_id, ())]))


def sources_by_publisher(
    kb: KnowledgeBase,
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Sources by their publisher line (padded, normalised), and by the original publisher."""
    lines: dict[str, list[str]] = {}
    originals: dict[str, list[str]] = {}
    for source in kb.sources.values():
        lines.setdefault(f" {normalize(source.publisher)} ", []).append(source.id)
        if source.original_publisher:
            originals.setdefault(source.original_publisher, []).append(source.id)
    return (
        {line: tuple(ids) for line, ids in lines.items()},
        {org: tuple(ids) for org, ids in originals.items()},
    )
