"""The name table (`NameIndex`) of a laid-over knowledge base, patched from the base's.

Building the table reads every name of 100,000 entities (seconds). A layer touches a few
entities, so only the aliases they give or gave are decided again, by the table's rules:
an alias names the entities that have it as a name ("regular"); failing that, the people
whose role it describes; failing that, the one person with that surname; never a word of
`_NOT_NAMES`. Where the base's table hides what the rules need (a role alias under a
name that the layer takes away), `layer_names` returns None and the table is built anew.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable

from bot.core.kb.knowledge import KnowledgeBase
from bot.core.kb.layered import Delta
from bot.core.kb.models import Entity, EntityKind, Organization, Person
from bot.core.search import aliases
from bot.core.search.aliases import acronym_letters
from bot.core.search.name_words import NOT_NAMES
from bot.core.search.names import NameIndex, normalize, words

#: The attributes a name table has; a table with others is built anew, not patched.
_ATTRIBUTES = frozenset(
    {
        "_lookups",
        "_corrections",
        "_kinds",
        "_display",
        "aliases",
        "vocabulary",
        "_vocab_list",
        "_alias_list",
        "_by_word",
        "_acronyms",
        "_acronym_letters",
    }
)


class _Hidden(Exception):
    """The base's table does not show what deciding an alias needs."""


def _regular(entity: Entity) -> set[str]:
    return aliases.aliases_of(entity) if aliases.named_kind(entity) else set()


def _role_aliases(person: Person, kb: KnowledgeBase) -> set[str]:
    """What `NameIndex._add_role_aliases` derives from one person's roles."""
    found: set[str] = set()
    for role in person.roles:
        titles = {normalize(role.title)}
        titles.add(re.split(r" (?:on|for|of|at|to) ", normalize(role.title), maxsplit=1)[0])
        org = kb.get(role.organization or "")
        prefixes = [normalize(n) for n in org.names] if isinstance(org, Organization) else []
        for title in titles - aliases.GENERIC_TITLES:
            if len(title.split()) >= 2:
                found.add(title)
            found.update(f"{prefix} {title}" for prefix in prefixes)
    return found


def _surnames(entity: Entity) -> set[str]:
    if not isinstance(entity, Person):
        return set()
    return {parts[-1] for name in entity.names if len(parts := words(name)) >= 2}


def role_titles(kb: KnowledgeBase) -> frozenset[str]:
    """Every role title and short title, normalised: what a role alias can end with."""
    return frozenset(t for p in kb.people.values() for r in p.roles for t in _titles(r.title))


def _titles(title: str) -> set[str]:
    norm = normalize(title)
    return {norm, re.split(r" (?:on|for|of|at|to) ", norm, maxsplit=1)[0]}


class _Patch:
    """Decides the aliases a layer touches, against the base's table."""

    def __init__(
        self, names: NameIndex, base: KnowledgeBase, view: KnowledgeBase, delta: Delta
    ) -> None:
        self.names, self.base, self.view = names, base, view
        old = {e.id: e for entities in delta.old.values() for e in entities}
        new = {e.id: e for entities in delta.new.values() for e in entities}
        # An entity whose names (and roles) stayed the same names what it named before.
        self.touched = {
            i for i in old.keys() | new.keys() if _naming(old.get(i)) != _naming(new.get(i))
        }
        self.affected: set[str] = set()
        self.new_regular: dict[str, set[str]] = {}
        self.new_surnames: dict[str, set[str]] = {}
        for entity_id in self.touched:
            before, after = old.get(entity_id), new.get(entity_id)
            regular = _regular(after) if after else set()
            surnames = _surnames(after) if after else set()
            for alias in regular:
                self.new_regular.setdefault(alias, set()).add(entity_id)
            for alias in surnames:
                self.new_surnames.setdefault(alias, set()).add(entity_id)
            if before is not None:
                self.affected |= (_regular(before) ^ regular) | (_surnames(before) ^ surnames)
            else:
                self.affected |= regular | surnames
        # People whose role aliases may change: touched ones, and those holding roles at a
        # touched organisation whose names changed (its names prefix their titles).
        self.role_people = {
            i
            for i in self.touched
            if isinstance(old.get(i), Person) or isinstance(new.get(i), Person)
        }
        for org_id in self.touched:
            if _org_names(old.get(org_id)) != _org_names(new.get(org_id)):
                self.role_people.update(p.id for p in base.people_of(org_id))
                self.role_people.update(p.id for p in view.people_of(org_id))
        self.view_roles: dict[str, set[str]] = {}
        for person_id in self.role_people:
            before_person = base.people.get(person_id)
            after_person = view.people.get(person_id)
            then = _role_aliases(before_person, base) if before_person else set()
            now = _role_aliases(after_person, view) if after_person else set()
            for alias in now:
                self.view_roles.setdefault(alias, set()).add(person_id)
            self.affected |= then ^ now
        self._candidates: dict[str, set[str]] = {}
        self._role_titles: frozenset[str] | None = None
        self.final = {a: self._decide(a) for a in self.affected}

    def _decide(self, alias: str) -> set[str]:
        """The ids `alias` names in the view (empty: it names nobody)."""
        if not alias or alias in NOT_NAMES:
            return set()
        before = self.names.aliases.get(alias, set())
        kind = self._kind_of(alias, before)
        regular = {i for i in before if i not in self.touched} if kind == "regular" else set()
        regular |= self.new_regular.get(alias, set())
        if regular:
            return regular
        if kind == "regular" and self._may_be_role(alias):
            raise _Hidden(alias)  # role holders it hid are not in the table
        roles = {i for i in before if i not in self.role_people} if kind == "role" else set()
        roles |= self.view_roles.get(alias, set())
        if roles:
            return roles
        return self._surname_holder(alias, before if kind == "surname" else None)

    def _may_be_role(self, alias: str) -> bool:
        """Whether some role title ends the alias (so someone's role might describe it)."""
        if self._role_titles is None:
            self._role_titles = self.base.derived("role_titles", role_titles)
        parts = alias.split()
        return any(" ".join(parts[k:]) in self._role_titles for k in range(len(parts)))

    def _kind_of(self, alias: str, before: set[str]) -> str | None:
        if not before:
            return None
        entity = self.base.get(min(before))
        if entity is None:
            return None
        if alias in _regular(entity):
            return "regular"
        if isinstance(entity, Person) and alias in _role_aliases(entity, self.base):
            return "role"
        return "surname"

    def _surname_holder(self, alias: str, known: set[str] | None) -> set[str]:
        """The one person with this surname, if exactly one has it."""
        found = set(self.new_surnames.get(alias, ()))
        if known is not None:
            found |= {i for i in known if i not in self.touched}
        else:
            for entity_id in self.names._by_word.get(alias, ()):
                if len(found) > 1:
                    break
                entity = self.base.get(entity_id)
                if entity_id not in self.touched and entity and alias in _surnames(entity):
                    found.add(entity_id)
        return found if len(found) == 1 else set()

    def final_of(self, alias: str) -> set[str]:
        """What the alias names in the view."""
        if alias in self.final:
            return self.final[alias]
        return self.names.aliases.get(alias, set())

    def still_named(self, word: str, entity_id: str) -> bool:
        """Whether some alias holding `word` still names the entity in the view."""
        candidates = self._candidates.get(entity_id)
        if candidates is None:
            entity = self.view.get(entity_id)
            candidates = set()
            if entity is not None and aliases.named_kind(entity):
                candidates = _regular(entity) | _surnames(entity)
                if isinstance(entity, Person):
                    candidates |= _role_aliases(entity, self.view)
            self._candidates[entity_id] = candidates
        return any(word in a.split() and entity_id in self.final_of(a) for a in candidates)


def _naming(entity: Entity | None) -> tuple[object, ...] | None:
    """What an entity's aliases, surnames and role aliases are made from."""
    if entity is None:
        return None
    if isinstance(entity, Person):
        return ("person", entity.names, tuple((r.title, r.organization) for r in entity.roles))
    if isinstance(entity, Organization):
        return ("organization", entity.names)
    return (
        aliases.named_kind(entity),
        getattr(entity, "title", None),
        getattr(entity, "aliases", None),
    )


def _org_names(entity: Entity | None) -> set[str] | None:
    return {normalize(n) for n in entity.names} if isinstance(entity, Organization) else None


def layer_names(
    names: NameIndex, base: KnowledgeBase, view: KnowledgeBase, delta: Delta
) -> NameIndex | None:
    """The name table `NameIndex(view.entities())` would build, patched from `names`.

    None when it cannot be patched (the table has changed shape, or hides what is needed).
    """
    if set(vars(names)) != _ATTRIBUTES:
        return None
    try:
        patch = _Patch(names, base, view, delta)
    except _Hidden:
        return None
    aliases = dict(names.aliases)
    alias_list = list(names._alias_list)
    gained: dict[str, set[str]] = {}
    lost: dict[str, set[str]] = {}
    for alias, now in patch.final.items():
        before = names.aliases.get(alias, set())
        if now == before:
            continue
        if now:
            aliases[alias] = now
        else:
            aliases.pop(alias, None)
        _keep_sorted(alias_list, alias, bool(now), bool(before))
        for word in alias.split():
            gained.setdefault(word, set()).update(now - before)
            lost.setdefault(word, set()).update(before - now)
    by_word = dict(names._by_word)
    vocab_list = list(names._vocab_list)
    for word in gained.keys() | lost.keys():
        ids = set(by_word.get(word, ()))
        ids -= {i for i in lost.get(word, ()) if not patch.still_named(word, i)}
        ids |= gained.get(word, set())
        _keep_sorted(vocab_list, word, bool(ids), word in by_word)
        if ids:
            by_word[word] = tuple(ids)
        else:
            by_word.pop(word, None)
    table = NameIndex.__new__(NameIndex)
    table.__dict__.update(names.__dict__)
    table._lookups, table._corrections = {}, {}
    table.aliases, table._alias_list = aliases, alias_list
    changed_words = len(vocab_list) != len(names._vocab_list) or vocab_list != names._vocab_list
    vocabulary = frozenset(by_word) if changed_words else names.vocabulary
    table._by_word, table._vocab_list, table.vocabulary = by_word, vocab_list, vocabulary
    table._kinds, table._display = _kinds_and_display(names, patch.touched, view)
    table._acronyms = _acronyms(names, patch, base, view)
    same = table._acronyms is names._acronyms
    table._acronym_letters = names._acronym_letters if same else acronym_letters(table._acronyms)
    return table


def _acronyms(
    names: NameIndex, patch: _Patch, base: KnowledgeBase, view: KnowledgeBase
) -> frozenset[str]:
    """The base's acronyms, less those the touched organisations had, plus those they have.

    An acronym another, untouched organisation also has stays.
    """
    acronyms_of = aliases.acronyms_of
    old = {a for i in patch.touched if (e := base.get(i)) for a in acronyms_of(e)}
    new = {a for i in patch.touched if (e := view.get(i)) for a in acronyms_of(e)}
    if not old and not new:
        return names._acronyms
    kept = {
        a
        for a in old - new
        for i in names.aliases.get(a, ())
        if i not in patch.touched and (e := view.get(i)) and a in acronyms_of(e)
    }
    return frozenset((names._acronyms - old) | new | kept)


def _keep_sorted(items: list[str], item: str, present: bool, was: bool) -> None:
    """Insert or remove `item` in a sorted list."""
    if present and not was:
        bisect.insort(items, item)
    elif was and not present:
        del items[bisect.bisect_left(items, item)]


def _kinds_and_display(
    names: NameIndex, touched: Iterable[str], view: KnowledgeBase
) -> tuple[dict, dict[str, str]]:
    """Kinds in id order (as the table is built, over entities sorted by id) and names."""
    kinds, display = dict(names._kinds), dict(names._display)
    newcomers: dict[str, EntityKind] = {}
    for entity_id in touched:
        entity = view.get(entity_id)
        kind = aliases.named_kind(entity) if entity is not None else None
        if entity is None or kind is None:
            kinds.pop(entity_id, None)
            display.pop(entity_id, None)
            continue
        if entity_id in kinds:
            kinds[entity_id] = kind
        else:
            newcomers[entity_id] = kind
        display[entity_id] = aliases.display_name(entity)
    if not newcomers:
        return kinds, display
    order = list(kinds)
    merged: dict[str, EntityKind] = {}
    rest = iter(kinds.items())
    done = 0
    for entity_id in sorted(newcomers):
        place = bisect.bisect_left(order, entity_id)
        merged.update(itertools.islice(rest, place - done))
        merged[entity_id] = newcomers[entity_id]
        done = place
    merged.update(rest)
    return merged, display
