"""The in-memory knowledge base: entities by id, reverse links, values computed once.

A knowledge base never changes once built. A derived value notes which of its fields its
computation read (`inputs`), so a knowledge base laid over another (`bot.core.kb.layered`)
can share the values whose inputs it did not change instead of computing them again.
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar, cast

from bot.core.kb.models import (
    ENTITY_KINDS,
    DemandEntry,
    Entity,
    EntityKind,
    EntityRecord,
    Event,
    Letter,
    Organization,
    Person,
    Quote,
    Signatory,
    SignatoryEntry,
    Source,
    Statement,
)

T = TypeVar("T")


class Layer(Protocol):
    """How a laid-over knowledge base gets a derived value (see `bot.core.kb.layered`)."""

    def derive(
        self, view: KnowledgeBase, name: str, compute: Callable[[KnowledgeBase], Any]
    ) -> tuple[Any, frozenset[str]]:
        """The value of `name` for `view`, and the fields it was computed from."""


@dataclass(slots=True)
class KnowledgeBase:
    """Every entity by id, with the reverse links answers need."""

    sources: dict[str, Source] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    letters: dict[str, Letter] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    signatory_entries: dict[str, SignatoryEntry] = field(default_factory=dict)
    demand_entries: dict[str, DemandEntry] = field(default_factory=dict)
    records: dict[str, EntityRecord] = field(default_factory=dict)
    _letters_by_org: dict[str, list[str]] = field(default_factory=dict)
    _people_by_org: dict[str, list[str]] = field(default_factory=dict)
    _members_by_org: dict[str, list[str]] = field(default_factory=dict)
    _quotes_by_person: dict[str, list[str]] = field(default_factory=dict)
    _quotes_by_subject: dict[str, list[str]] = field(default_factory=dict)
    _letters_by_recipient: dict[str, list[str]] = field(default_factory=dict)
    #: Values computed from the knowledge base on first use; it never changes once built.
    _derived: dict[str, Any] = field(default_factory=dict)
    #: For each derived value, the fields its computation read (see `computed`).
    _inputs: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Set on a knowledge base laid over another: derived values come through it.
    _layer: Layer | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_records(
        cls, records: Iterable[EntityRecord], merge_additions: bool = True
    ) -> KnowledgeBase:
        """Index records (already checked for ids and links).

        With `merge_additions`, signatories and demands that moderators added as separate
        entries are appended to their letters, as one server's view should show them. The
        search index is built without merging, so one server's additions never change the
        document another server searches.
        """
        kb = cls()
        tables: dict[EntityKind, dict[str, Any]] = {
            "source": kb.sources,
            "organization": kb.organizations,
            "person": kb.people,
            "letter": kb.letters,
            "quote": kb.quotes,
            "event": kb.events,
            "signatory": kb.signatory_entries,
            "demand": kb.demand_entries,
        }
        for record in records:
            tables[record.kind][record.entity.id] = record.entity
            kb.records[record.entity.id] = record
        if merge_additions:
            kb._merge_additions()
        kb._link()
        return kb

    def _merge_additions(self) -> None:
        for entry in sorted(self.signatory_entries.values(), key=lambda e: e.id):
            letter = self.letters.get(entry.letter)
            if letter is None or any(
                s.organization == entry.organization for s in letter.signatories
            ):
                continue
            added = Signatory(entry.organization, entry.sources, entry.note, entry.guild_id)
            self.letters[letter.id] = replace(letter, signatories=(*letter.signatories, added))
        for demand in sorted(self.demand_entries.values(), key=lambda e: e.id):
            letter = self.letters.get(demand.letter)
            if letter is None:
                continue
            statement = Statement(demand.text, demand.sources, demand.note, demand.guild_id)
            self.letters[letter.id] = replace(letter, demands=(*letter.demands, statement))
        for letter_id, letter in self.letters.items():
            record = self.records[letter_id]
            if record.entity is not letter:
                self.records[letter_id] = EntityRecord(letter, record.location, record.content_hash)

    def _link(self) -> None:
        letters_by_org: dict[str, list[str]] = defaultdict(list)
        for letter in sorted(self.letters.values(), key=lambda item: (item.date, item.id)):
            for signatory in letter.signatories:
                letters_by_org[signatory.organization].append(letter.id)
            if letter.coordinator and letter.id not in letters_by_org[letter.coordinator]:
                letters_by_org[letter.coordinator].append(letter.id)
            self._letters_by_recipient.setdefault(letter.recipient, []).append(letter.id)
        self._letters_by_org = dict(letters_by_org)
        for person in self.people.values():
            for role in person.roles:
                if role.organization:
                    people = self._people_by_org.setdefault(role.organization, [])
                    if person.id not in people:
                        people.append(person.id)
        for org in self.organizations.values():
            for parent in org.member_of:
                self._members_by_org.setdefault(parent, []).append(org.id)
        for quote in sorted(self.quotes.values(), key=lambda q: (q.date or "", q.id)):
            self._quotes_by_person.setdefault(quote.speaker, []).append(quote.id)
            for subject in quote.about:
                self._quotes_by_subject.setdefault(subject, []).append(quote.id)

    def derived(self, name: str, compute: Callable[[KnowledgeBase], T]) -> T:
        """`compute(self)`, computed once per knowledge base and remembered under `name`."""
        if name not in self._derived:
            if self._layer is not None:
                value, inputs = self._layer.derive(self, name, compute)
            else:
                value, inputs = computed(self, compute)
            self._derived[name] = value
            self._inputs[name] = inputs
        found: T = self._derived[name]
        return found

    def inputs(self, name: str) -> frozenset[str] | None:
        """The fields the derived value `name` was computed from (None if not computed)."""
        return self._inputs.get(name)

    def has_derived(self, name: str) -> bool:
        """Whether the derived value `name` is computed already."""
        return name in self._derived

    def derived_names(self) -> frozenset[str]:
        """The names of the derived values computed so far."""
        return frozenset(self._derived)

    def derived_value(self, name: str) -> Any:
        """The derived value `name`, computed already (KeyError otherwise)."""
        return self._derived[name]

    def get(self, entity_id: str) -> Entity | None:
        """Any entity by id."""
        record = self.records.get(entity_id)
        return record.entity if record else None

    def name_of(self, entity_id: str) -> str:
        """A display name for any entity id (the id itself when unknown)."""
        entity = self.get(entity_id)
        if entity is None:
            return entity_id
        for attribute in ("name", "title"):
            value = getattr(entity, attribute, None)
            if isinstance(value, str):
                return value
        return entity_id

    def letters_signed_by(self, org_id: str) -> list[Letter]:
        """Letters the organisation signed or coordinated, oldest first."""
        return [self.letters[i] for i in self._letters_by_org.get(org_id, [])]

    def letters_to(self, person_id: str) -> list[Letter]:
        """Letters addressed to the person, oldest first."""
        return [self.letters[i] for i in self._letters_by_recipient.get(person_id, [])]

    def people_of(self, org_id: str) -> list[Person]:
        """People who held a role at the organisation."""
        return [self.people[i] for i in self._people_by_org.get(org_id, [])]

    def members_of(self, org_id: str) -> list[Organization]:
        """Organisations listed as members of a coalition."""
        return [self.organizations[i] for i in self._members_by_org.get(org_id, [])]

    def quotes_by(self, person_id: str) -> list[Quote]:
        """The person's quotes, oldest first."""
        return [self.quotes[i] for i in self._quotes_by_person.get(person_id, [])]

    def quotes_about(self, subject_id: str) -> list[Quote]:
        """Quotes about a letter or event, oldest first."""
        return [self.quotes[i] for i in self._quotes_by_subject.get(subject_id, [])]

    def counts(self) -> dict[EntityKind, int]:
        """How many entities of each kind."""
        totals: dict[EntityKind, int] = dict.fromkeys(ENTITY_KINDS, 0)
        for record in self.records.values():
            totals[record.kind] += 1
        return totals

    def entities(self) -> Iterator[Entity]:
        """Every entity, in a stable order."""
        for entity_id in sorted(self.records):
            yield self.records[entity_id].entity


#: The fields of a knowledge base (what `computed` records reads of).
FIELDS = frozenset(f.name for f in KnowledgeBase.__dataclass_fields__.values())


def computed(kb: KnowledgeBase, compute: Callable[[KnowledgeBase], T]) -> tuple[T, frozenset[str]]:
    """`compute(kb)`, and the fields of `kb` it read (nested derived values' inputs included)."""
    reader = _Reader(kb)
    value = compute(cast(KnowledgeBase, reader))
    return value, frozenset(reader.read)


class _Reader:
    """A knowledge base as a computation sees it: every field read is noted.

    The knowledge base's own methods run with the reader as `self`, so what they read is
    noted too ("name_of" reads `records`). What was looked up once is kept on the reader,
    so a loop reading a field again and again ("base.organizations[...]" for 500,000
    signatories) pays for the noting once, not each time.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        if name == "derived":
            value: Any = self._nested
        elif inspect.isfunction(member := getattr(KnowledgeBase, name, None)):
            value = member.__get__(self)
        else:
            self.read.add(name)
            value = getattr(self._kb, name)
        setattr(self, name, value)
        return value

    def _nested(self, name: str, compute: Callable[[KnowledgeBase], T]) -> T:
        value = self._kb.derived(name, compute)
        self.read |= self._kb.inputs(name) or FIELDS
        return value
