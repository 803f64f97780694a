"""Word counts behind a table of word rarities, recovered exactly; small knowledge bases.

The reader's rarity tables keep `log(total / n)` or `log(1 + total / n)` per word, not the
counts `n`. A count is an integer, so it is recovered from the rarity and checked by
computing the rarity again the table's way: the recovered counts are used only when
every word's rarity comes out bit for bit the same. Patched counts then give the rarity
table a fresh computation would.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from bot.core.kb.knowledge import KnowledgeBase
from bot.core.kb.layered import TABLE_OF
from bot.core.kb.models import Entity

#: A rarity from a word's count and the total: the two forms the reader's tables use.
Rarity = Callable[[int, int], float]


def plain(total: int, count: int) -> float:
    """`log(total / n)`: a word every item has weighs nothing."""
    return math.log(total / count)


def smoothed(total: int, count: int) -> float:
    """`log(1 + total / n)`: every word weighs something."""
    return math.log(1 + total / count)


def counts(rarities: Mapping[str, float], total: int, rarity: Rarity) -> dict[str, int] | None:
    """Each word's count behind `rarities`, or None when they were not made that way."""
    if total <= 0:
        return {} if not rarities else None
    inverse = math.exp if rarity is plain else math.expm1
    found: dict[str, int] = {}
    for word, value in rarities.items():
        spread = inverse(value)
        if spread <= 0:
            return None
        count = round(total / spread)
        if count < 1 or rarity(total, count) != value:
            return None
        found[word] = count
    return found


def rarities(word_counts: Mapping[str, int], total: int, rarity: Rarity) -> dict[str, float]:
    """The rarity table of these counts (words counted zero times left out)."""
    return {w: rarity(total, n) for w, n in word_counts.items() if n > 0}


def add_counts(word_counts: dict[str, int], words: Iterable[str], sign: int) -> None:
    """Count each of `words` once more (sign 1) or once less (sign -1)."""
    for word in words:
        word_counts[word] = word_counts.get(word, 0) + sign


def small_kb(**tables: Iterable[Entity] | Mapping[str, Any]) -> KnowledgeBase:
    """A knowledge base of only the given tables, to run a table's own code on a few entities.

    A sequence of entities becomes a table by id; a mapping (a view's whole table, for
    lookups) is used as it is.
    """
    kb = KnowledgeBase()
    for name, entities in tables.items():
        if name not in (*TABLE_OF.values(), "records"):
            raise ValueError(f"unknown table {name!r}")
        value = entities if isinstance(entities, Mapping) else {e.id: e for e in entities}
        setattr(kb, name, value)
    return kb
