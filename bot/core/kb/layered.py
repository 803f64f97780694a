"""A knowledge base laid over another, built in time proportional to the change.

Two things are laid over a loaded knowledge base: a server's own entries (over the shared
corpus), and the data files that changed since the start-up snapshot (over what the
snapshot holds). `layer(base, change)` gives exactly the knowledge base a full load of
base's records with `change` applied would give (same tables in the same order, same
merged letters, same reverse links), but tables the change does not touch are the base's
own objects, and touched ones are copied and patched.

Derived values (the reader's tables) are shared with the base when nothing they read was
touched; otherwise an extender (see `Extender`) patches the base's value, or the value is
computed afresh for the view.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bot.core.errors import CorpusError
from bot.core.kb.corpus import ParsedFiles, check_records
from bot.core.kb.knowledge import FIELDS, KnowledgeBase, computed
from bot.core.kb.links import relink
from bot.core.kb.models import (
    Entity,
    EntityKind,
    EntityRecord,
    Signatory,
    Statement,
)

#: The table of each kind of entity.
TABLE_OF: dict[EntityKind, str] = {
    "source": "sources",
    "organization": "organizations",
    "person": "people",
    "letter": "letters",
    "quote": "quotes",
    "event": "events",
    "signatory": "signatory_entries",
    "demand": "demand_entries",
}


#: The fields holding entities and links (not the derived values).
_TABLES = FIELDS - {"_derived", "_inputs", "_layer"}


@dataclass(frozen=True, slots=True)
class Change:
    """Records to lay over a knowledge base: new or replacing ones (by id), and ids removed."""

    records: tuple[EntityRecord, ...] = ()
    removed: frozenset[str] = frozenset()
    #: Each data file's place in load order, when the records come from data files: they
    #: then take their files' places. None for a server's entries, which come last.
    file_rank: Mapping[str, int] | None = None


@dataclass(slots=True)
class Delta:
    """What a layer changed, per table: the base's versions of touched entities, the view's."""

    old: dict[str, list[Entity]] = field(default_factory=dict)
    new: dict[str, list[Entity]] = field(default_factory=dict)
    #: Work extenders share (a base's positions, say), kept for the view's lifetime.
    notes: dict[str, Any] = field(default_factory=dict)

    def touched(self, table: str) -> bool:
        """Whether any entity of `table` was added, replaced or removed."""
        return bool(self.old.get(table) or self.new.get(table))


@dataclass(frozen=True, slots=True)
class Extender:
    """Patches a derived value of the base for a view, instead of computing it afresh.

    `patch(base, view, base's value, delta, compute)` gives the view's value, or None when
    it cannot (the value is then computed for the view). It is used only while the value's
    computation reads nothing but the fields in `reads`.
    """

    patch: Callable[[KnowledgeBase, KnowledgeBase, Any, Delta, Callable[..., Any]], Any]
    reads: frozenset[str]


def layer(
    base: KnowledgeBase,
    change: Change,
    merge_additions: bool = True,
    extenders: Mapping[str, Extender] | None = None,
) -> KnowledgeBase:
    """`base` with `change` applied, as a full load of the same records would build it.

    The records must already be checked (ids, links, kinds) against `base`. With
    `merge_additions`, signatory and demand entries are appended to their letters, as
    `KnowledgeBase.from_records` does.
    """
    new = {r.entity.id: r for r in change.records}
    gone = frozenset(i for i in change.removed if i not in new)
    if _interleaves(base, change):
        return _full(base, change, merge_additions)
    view = KnowledgeBase()
    for name in _TABLES:
        setattr(view, name, getattr(base, name))
    delta = Delta()
    files = _file_ids(base, change)
    same = _unchanged(base, new, files)
    for eid in sorted(new.keys() - same | gone):
        if eid in base.records:
            old = base.records[eid]
            delta.old.setdefault(TABLE_OF[old.kind], []).append(old.entity)
        if eid in new:
            delta.new.setdefault(TABLE_OF[new[eid].kind], []).append(new[eid].entity)
    tables = set(delta.old) | set(delta.new)
    # A server's entries come last; edited files whose entries stay where they were (the
    # same ids in the same order) are patched in place; else tables are rebuilt in order.
    if change.file_rank is None or (
        not change.removed and all(before == after for before, after in files.values())
    ):
        view.records = _patched(base.records, new, gone)
        for table in tables:
            kept = {i: r.entity for i, r in new.items() if TABLE_OF[r.kind] == table}
            dropped = {e.id for e in delta.old.get(table, ())} - kept.keys()
            setattr(view, table, _patched(getattr(base, table), kept, dropped))
    else:
        _in_file_order(base, view, change, tables)
    if merge_additions:
        _merge(base, view, delta)
    relink(base, view, delta)
    touched = frozenset(n for n in _TABLES if getattr(view, n) is not getattr(base, n))
    view._layer = _Derivation(base, touched, delta, dict(extenders or {}))
    return view


def _file_ids(base: KnowledgeBase, change: Change) -> dict[str, tuple[list[str], list[str]]]:
    """For each data file the change gives again: its ids before (in order) and after."""
    if change.file_rank is None:
        return {}
    ids: dict[str, tuple[list[str], list[str]]] = {}
    for record in change.records:
        ids.setdefault(record.location.path, ([], []))[1].append(record.entity.id)
    for eid, record in base.records.items():
        if record.location.path in ids:
            ids[record.location.path][0].append(eid)
    return ids


def _unchanged(
    base: KnowledgeBase,
    new: Mapping[str, EntityRecord],
    files: Mapping[str, tuple[list[str], list[str]]],
) -> set[str]:
    """Ids whose entity the change gives again as it was, in the same place.

    A changed data file gives every entry of the file again, mostly as it was; the others
    are what the layer changes. A file whose kept entries changed order counts as changed
    whole.
    """
    same = {i for i, r in new.items() if i in base.records and base.records[i].entity == r.entity}
    for before, after in files.values():
        kept = set(before) & set(after)
        if [i for i in before if i in kept] != [i for i in after if i in kept]:
            same -= set(after)  # entries kept in another order: every link may move
    return same


def _interleaves(base: KnowledgeBase, change: Change) -> bool:
    """Whether the base's own signatory or demand entries meet the change's letters.

    The base's letters hold its entries already; merged again with the change's entries
    their order could differ from a full load's, so such a change is built in full.
    """
    if not base.signatory_entries and not base.demand_entries:
        return False
    merging = ("signatory", "demand", "letter")
    return any(r.kind in merging for r in change.records) or any(
        base.records[i].kind in merging for i in change.removed if i in base.records
    )


def _full(base: KnowledgeBase, change: Change, merge_additions: bool) -> KnowledgeBase:
    """The whole knowledge base built again from the base's records and the change."""
    new = {r.entity.id: r for r in change.records}
    kept = [new.pop(i, r) for i, r in base.records.items() if i not in change.removed]
    return KnowledgeBase.from_records([*kept, *new.values()], merge_additions)


def _patched(table: Mapping[str, Any], new: Mapping[str, Any], gone: Iterable[str]) -> dict:
    """A copy of `table` without `gone`, with `new` set (in place, or appended)."""
    copy = dict(table)
    for eid in gone:
        copy.pop(eid, None)
    copy.update(new)
    return copy


def _in_file_order(
    base: KnowledgeBase, view: KnowledgeBase, change: Change, tables: set[str]
) -> None:
    """Rebuild `records` and the touched tables in load order: file by file, as read."""
    rank = change.file_rank or {}
    blocks: dict[str, list[EntityRecord]] = {}
    for record in change.records:
        blocks.setdefault(record.location.path, []).append(record)
    replaced = set(blocks) | {
        base.records[i].location.path for i in change.removed if i in base.records
    }
    order = sorted(blocks, key=rank.__getitem__)

    def ordered(table: Mapping[str, Any], value: Callable[[EntityRecord], Any]) -> dict:
        out: dict[str, Any] = {}
        waiting = 0
        for eid, item in table.items():
            path = base.records[eid].location.path
            if path in replaced:
                continue
            while waiting < len(order) and rank[order[waiting]] < rank[path]:
                _emit(out, blocks[order[waiting]], value)
                waiting += 1
            out[eid] = item
        for path in order[waiting:]:
            _emit(out, blocks[path], value)
        return out

    view.records = ordered(base.records, _itself)
    for table in tables:
        setattr(view, table, ordered(getattr(base, table), _entity_of(table)))


def _itself(record: EntityRecord) -> EntityRecord:
    return record


def _entity_of(table: str) -> Callable[[EntityRecord], Entity | None]:
    def entity(record: EntityRecord) -> Entity | None:
        return record.entity if TABLE_OF[record.kind] == table else None

    return entity


def _emit(
    out: dict[str, Any], records: list[EntityRecord], value: Callable[[EntityRecord], Any]
) -> None:
    for record in records:
        item = value(record)
        if item is not None:
            out[record.entity.id] = item


def _merge(base: KnowledgeBase, view: KnowledgeBase, delta: Delta) -> None:
    """Append signatory and demand entries to their letters (the base holds none)."""
    if not view.signatory_entries and not view.demand_entries:
        return
    letters = dict(view.letters)
    merged: set[str] = set()
    for entry in sorted(view.signatory_entries.values(), key=lambda e: e.id):
        letter = letters.get(entry.letter)
        if letter is None or any(s.organization == entry.organization for s in letter.signatories):
            continue
        added = Signatory(entry.organization, entry.sources, entry.note, entry.guild_id)
        letters[letter.id] = replace(letter, signatories=(*letter.signatories, added))
        merged.add(letter.id)
    for demand in sorted(view.demand_entries.values(), key=lambda e: e.id):
        letter = letters.get(demand.letter)
        if letter is None:
            continue
        statement = Statement(demand.text, demand.sources, demand.note, demand.guild_id)
        letters[letter.id] = replace(letter, demands=(*letter.demands, statement))
        merged.add(letter.id)
    if not merged:
        return
    view.letters = letters
    if view.records is base.records:
        view.records = dict(base.records)
    for letter_id in merged:
        record = view.records[letter_id]
        view.records[letter_id] = EntityRecord(
            letters[letter_id], record.location, record.content_hash
        )
    ids = sorted(
        merged | {e.id for e in (*delta.old.get("letters", ()), *delta.new.get("letters", ()))}
    )
    delta.old["letters"] = [base.letters[i] for i in ids if i in base.letters]
    delta.new["letters"] = [letters[i] for i in ids if i in letters]


@dataclass(slots=True)
class _Derivation:
    """How a view gets a derived value: the base's, patched, or computed for the view."""

    base: KnowledgeBase
    touched: frozenset[str]
    delta: Delta
    extenders: dict[str, Extender]

    def derive(
        self, view: KnowledgeBase, name: str, compute: Callable[[KnowledgeBase], Any]
    ) -> tuple[Any, frozenset[str]]:
        """The view's value of `name` and the fields it depends on."""
        if not self.base.has_derived(name):
            return computed(view, compute)
        value = self.base.derived_value(name)
        inputs = self.base.inputs(name) or FIELDS
        if not inputs & self.touched:
            return value, inputs
        extender = self.extenders.get(name)
        if extender is not None and inputs <= extender.reads:
            patched = extender.patch(self.base, view, value, self.delta, compute)
            if patched is not None:
                return patched, inputs
        return computed(view, compute)


def lay_over(
    base: KnowledgeBase,
    parsed: ParsedFiles,
    merge_additions: bool = True,
    extenders: Mapping[str, Extender] | None = None,
) -> KnowledgeBase:
    """A server's entries checked against `base` and laid over it; else `CorpusError`."""
    by_id, problems = check_records(parsed, base.records)
    if problems:
        raise CorpusError(problems)
    return layer(base, Change(tuple(by_id.values())), merge_additions, extenders)


def delta_of(view: KnowledgeBase) -> Delta | None:
    """What `layer` changed to make `view` (None if it was not laid over another)."""
    return view._layer.delta if isinstance(view._layer, _Derivation) else None


def detached(view: KnowledgeBase, keep: Collection[str] | None = None) -> KnowledgeBase:
    """The same knowledge base with its derived values, no longer holding on to its base.

    For keeping (a snapshot): values not derived yet are then computed afresh when asked.
    With `keep`, only the derived values of those names are kept.
    """
    kb = KnowledgeBase()
    for name in _TABLES:
        setattr(kb, name, getattr(view, name))
    kept = None if keep is None else set(keep)
    kb._derived = {n: v for n, v in view._derived.items() if kept is None or n in kept}
    kb._inputs = {n: v for n, v in view._inputs.items() if n in kb._derived}
    return kb
