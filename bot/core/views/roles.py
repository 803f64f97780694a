"""The role table (`roles.build_role_bags`) of a laid-over knowledge base, patched.

The table holds one bag of words per role of every person, in the order of the people;
the rarity of each word (`log(1 + total / n)`, n being how many bags hold it); the bag
positions of each word; and the title words that are not place words (words of any
organisation's names or country). People touched by the layer, and people holding roles
at touched organisations, get their bags from the table's own code; the rest is patched.
The place words of all organisations are a table of their own here, counted, kept with
the reader's tables (computing them takes a second at 100,000 entities).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from typing import Any

from bot.core.kb.knowledge import KnowledgeBase
from bot.core.kb.layered import Delta
from bot.core.kb.models import Organization
from bot.core.search.roles import HEAD_WORDS, build_role_bags, canonical_words
from bot.core.views.rarity import add_counts, small_kb, smoothed

#: The derived name of the counted place words.
PLACE_WORDS = "role_place_words"

Bag = tuple[str, frozenset[str], frozenset[str]]


def _org_place_words(org: Organization) -> set[str]:
    return {w for name in (*org.names, org.country or "") for w in canonical_words(name)}


def place_words(kb: KnowledgeBase) -> dict[str, int]:
    """Each word of an organisation's names or country → how many organisations use it."""
    found: dict[str, int] = {}
    for org in kb.organizations.values():
        add_counts(found, _org_place_words(org), 1)
    return found


def place_words_patch(
    base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Callable[..., Any]
) -> Any:
    """`place_words` with the touched organisations' words swapped."""
    found = dict(value)
    for side, sign in ((delta.old, -1), (delta.new, 1)):
        for org in side.get("organizations", ()):
            if isinstance(org, Organization):
                add_counts(found, _org_place_words(org), sign)
    return {w: n for w, n in found.items() if n > 0}


def _where(org: object) -> tuple[object, ...] | None:
    return (org.names, org.country) if isinstance(org, Organization) else None


def _vocabulary(bags: tuple[Bag, ...] | list[Bag], places: dict[str, int]) -> frozenset[str]:
    return frozenset(w for _, title, _ in bags for w in title if w not in places or w in HEAD_WORDS)


def bag_spans(kb: KnowledgeBase) -> dict[str, tuple[int, int]]:
    """Each person's bag positions in the role table, as (first, past the last)."""
    found: dict[str, tuple[int, int]] = {}
    for position, (person_id, _, _) in enumerate(kb.derived("role_bags", build_role_bags).bags):
        first = found.get(person_id, (position, position))[0]
        found[person_id] = (first, position + 1)
    return found


def follows_rules(kb: KnowledgeBase) -> bool:
    """Whether the role table's rarities and vocabulary are made the way assumed here."""
    value = kb.derived("role_bags", build_role_bags)
    total = max(len(value.bags), 1)
    if any(value.idf[w] != smoothed(total, len(p)) for w, p in value.by_word.items()):
        return False
    return _vocabulary(value.bags, kb.derived(PLACE_WORDS, place_words)) == value.title_vocabulary


def role_bags(
    base: KnowledgeBase, view: KnowledgeBase, value: Any, delta: Delta, compute: Callable[..., Any]
) -> Any:
    """`build_role_bags` for the view: touched people's bags from its own code, the rest kept."""
    if not base.derived("role_bags_follow_rules", follows_rules):
        return None
    affected = {p.id for p in (*delta.old.get("people", ()), *delta.new.get("people", ()))}
    for org in (*delta.old.get("organizations", ()), *delta.new.get("organizations", ())):
        if _where(base.get(org.id)) != _where(view.get(org.id)):  # what roles there say
            affected.update(p.id for p in base.people_of(org.id))
            affected.update(p.id for p in view.people_of(org.id))
    tail = list(itertools.islice(reversed(view.people), len(affected)))[::-1]
    appended = len(view.people) == len(base.people) + len(affected) and set(tail) == affected
    people = [view.people[i] for i in (tail if appended else view.people) if i in affected]
    held = {r.organization for p in people for r in p.roles if r.organization}
    orgs = {i: view.organizations[i] for i in held if i in view.organizations}
    fresh: dict[str, list[Bag]] = {}
    for bag in compute(small_kb(people=people, organizations=orgs)).bags:
        fresh.setdefault(bag[0], []).append(bag)
    if appended:  # a server's new people, after all the base's
        patched = _appended(value, base, view, [b for i in tail for b in fresh.get(i, ())], delta)
        if patched is not None:
            return patched
    spans = base.derived("role_bag_spans", bag_spans)
    bags: list[Bag] = []
    for person_id in view.people:
        if person_id in affected:
            bags.extend(fresh.get(person_id, ()))
        elif person_id in spans:
            first, last = spans[person_id]
            bags.extend(value.bags[first:last])
    by_word = _by_word(value, bags, affected, spans)
    total = max(len(bags), 1)
    idf = {w: smoothed(total, len(p)) for w, p in by_word.items()}
    places = view.derived(PLACE_WORDS, place_words)
    return dataclasses.replace(
        value,
        bags=tuple(bags),
        idf=idf,
        by_word=by_word,
        title_vocabulary=_vocabulary(bags, places),
    )


def _appended(
    value: Any, base: KnowledgeBase, view: KnowledgeBase, added: list[Bag], delta: Delta
) -> Any:
    """The table with bags of new people added last; None if a place word went away."""
    bags = list(value.bags)
    by_word = dict(value.by_word)
    for bag in added:
        for word in bag[2]:
            by_word[word] = (*by_word.get(word, ()), len(bags))
        bags.append(bag)
    before = base.derived(PLACE_WORDS, place_words)
    places = view.derived(PLACE_WORDS, place_words)
    words = {
        w
        for side in (delta.old, delta.new)
        for org in side.get("organizations", ())
        if isinstance(org, Organization)
        for w in _org_place_words(org)
    }
    if any(w in before and w not in places for w in words):
        return None
    became = {w for w in words if w in places and w not in before and w not in HEAD_WORDS}
    vocabulary = (value.title_vocabulary - became) | _vocabulary(added, places)
    total = max(len(bags), 1)
    idf = {w: smoothed(total, len(p)) for w, p in by_word.items()}
    return dataclasses.replace(
        value, bags=tuple(bags), idf=idf, by_word=by_word, title_vocabulary=vocabulary
    )


def _by_word(
    value: Any, bags: list[Bag], affected: set[str], spans: dict[str, tuple[int, int]]
) -> dict[str, tuple[int, ...]]:
    """Each word's bag positions: patched where the other bags kept theirs, else rebuilt."""
    before = value.bags
    if len(bags) < len(before) or any(bags[i][0] != before[i][0] for i in range(len(before))):
        rebuilt: dict[str, list[int]] = {}
        for position, (_, _, words) in enumerate(bags):
            for word in words:
                rebuilt.setdefault(word, []).append(position)
        return {w: tuple(p) for w, p in rebuilt.items()}
    moved = {i for p in affected if p in spans for i in range(*spans[p])}
    moved.update(range(len(before), len(bags)))
    touched = {w for i in moved if i < len(before) for w in before[i][2]}
    touched.update(w for i in moved for w in bags[i][2])
    by_word = dict(value.by_word)
    for word in touched:
        positions = [i for i in value.by_word.get(word, ()) if i not in moved]
        positions += [i for i in moved if word in bags[i][2]]
        if positions:
            by_word[word] = tuple(sorted(positions))
        else:
            by_word.pop(word, None)
    return by_word
