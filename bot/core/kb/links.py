"""The reverse links of a laid-over knowledge base, patched for the touched entities.

`KnowledgeBase._link` builds each list in a fixed order (letters by date, quotes by date,
people and organisations in table order); patching removes the touched entities' old
entries and inserts their new ones in that order, so each list is what building gives.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from typing import Any, Protocol

from bot.core.kb.knowledge import KnowledgeBase
from bot.core.kb.models import Entity, Letter, Organization, Person, Quote


class Touched(Protocol):
    """The base's versions of touched entities and the view's, per table."""

    old: dict[str, list[Entity]]
    new: dict[str, list[Entity]]


def _letter_orgs(letter: Letter) -> list[str]:
    """The organisations a letter is listed under: its signatories, then its coordinator."""
    orgs = [s.organization for s in letter.signatories]
    if letter.coordinator and letter.coordinator not in orgs:
        orgs.append(letter.coordinator)
    return orgs


def _role_orgs(person: Person) -> list[str]:
    return list(dict.fromkeys(r.organization for r in person.roles if r.organization))


def _parents(org: Organization) -> list[str]:
    return list(org.member_of)


def _recipient(letter: Letter) -> list[str]:
    return [letter.recipient]


def _speaker(quote: Quote) -> list[str]:
    return [quote.speaker]


def _subjects(quote: Quote) -> list[str]:
    return list(quote.about)


#: The reverse links `KnowledgeBase._link` builds: (field, table, keys of an entity, order),
#: order "date" for letters by (date, id), "said" for quotes by (date, id), "position" for
#: the table's own order.
_LINKS: tuple[tuple[str, str, Callable[[Any], list[str]], str], ...] = (
    ("_letters_by_org", "letters", _letter_orgs, "date"),
    ("_letters_by_recipient", "letters", _recipient, "date"),
    ("_people_by_org", "people", _role_orgs, "position"),
    ("_members_by_org", "organizations", _parents, "position"),
    ("_quotes_by_person", "quotes", _speaker, "said"),
    ("_quotes_by_subject", "quotes", _subjects, "said"),
)


def relink(base: KnowledgeBase, view: KnowledgeBase, delta: Touched) -> None:
    """Patch the reverse links of the touched entities, keeping each list in its order."""
    for link, table, keys_of, order in _LINKS:
        old, new = delta.old.get(table, ()), delta.new.get(table, ())
        if not old and not new:
            continue
        touched = {e.id for e in (*old, *new)}
        leaving = {k for e in old for k in keys_of(e)}
        arriving: dict[str, list[str]] = {}
        for entity in new:
            for k in keys_of(entity):
                arriving.setdefault(k, []).append(entity.id)
        key, appended = _order(base, view, order, table, touched)
        links: dict[str, list[str]] = dict(getattr(base, link))
        for k in leaving | arriving.keys():
            ids = links.get(k, [])
            kept = [i for i in ids if i not in touched] if k in leaving else list(ids)
            if appended:  # all new, after every entity of the base's table
                kept.extend(sorted(arriving.get(k, ()), key=key))
            else:
                for eid in arriving.get(k, ()):
                    bisect.insort(kept, eid, key=key)
            if kept:
                links[k] = kept
            else:
                links.pop(k, None)
        setattr(view, link, links)


def _order(
    base: KnowledgeBase, view: KnowledgeBase, order: str, table: str, touched: set[str]
) -> tuple[Callable[[str], Any], bool]:
    """The sort key of a link's lists, and whether the touched entities all come last.

    Lists in table order need every entity's position; when the touched entities are all
    new and last in the table (a server's entries), their own positions are enough.
    """
    if order == "date":
        return (lambda i: (view.letters[i].date, i)), False
    if order == "said":
        return (lambda i: (view.quotes[i].date or "", i)), False
    before, after = getattr(base, table), getattr(view, table)
    tail = list(itertools.islice(reversed(after), len(touched)))
    if len(after) == len(before) + len(touched) and set(tail) == touched:
        last = {eid: -i for i, eid in enumerate(tail)}
        return last.__getitem__, True
    positions = {eid: i for i, eid in enumerate(after)}
    return positions.__getitem__, False
