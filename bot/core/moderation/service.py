"""Moderators' changes: add, edit, remove, undo, and the entry points of import and export.

Every method runs on the engine's worker thread (blocking work, never on the event loop)
and takes the store's write lock, so concurrent changes are serialised and none is lost.
A change is validated against the server's whole view first (`validation`): a broken link,
a duplicate or a bad field changes nothing. Each action (an add with its new source, an
import of hundreds of entries) is one change with one number and one line in the history,
and `Moderation.undo` reverses it whole (see `undo`). Servers only ever see and touch their
own entries. Bulk import and export live in `transfer`, the change log's wording in
`history`; their public names are re-exported here for the front ends.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from bot.core.engine import Engine
from bot.core.errors import IndexBusyError, PermissionDeniedError, ValidationError
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Entity, EntityRecord
from bot.core.moderation.changes import ChangeSet, PlannedChange
from bot.core.moderation.community import entry_yaml, guild_prefix
from bot.core.moderation.forms import BuiltEntry, build_entry
from bot.core.moderation.history import change_details, change_diff
from bot.core.moderation.prefill import form_values
from bot.core.moderation.transfer import (
    IMPORT_MAX_ENTRIES,
    ImportPlan,
    decode_import,
    entity_to_raw,
    export_entries,
    plan_entries,
    read_import,
)
from bot.core.moderation.undo import change_to_undo, plan_undo, users_of
from bot.core.moderation.validation import check_batch

__all__ = [
    "IMPORT_MAX_ENTRIES",
    "Actor",
    "ChangeResult",
    "ImportPlan",
    "Moderation",
    "change_details",
    "change_diff",
    "entity_to_raw",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Actor:
    """The moderator making a change."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class ChangeResult:
    """What a change did, for the reply."""

    message: str
    entry_ids: tuple[str, ...] = ()
    change_ids: tuple[int, ...] = ()  # one number per change made (one unless combined)


class Moderation:
    """Moderators' operations on one engine's community entries."""

    def __init__(self, engine: Engine) -> None:
        if engine.community is None:
            raise ValueError("the engine has no community directory")
        self.engine = engine
        self.store = engine.community

    # Reading -------------------------------------------------------------------------

    def entries(self, guild_id: int, sources: bool = False) -> list[tuple[str, str, str]]:
        """The server's own entries as (id, kind, label), by kind; its sources only if asked.

        Sources come last: they are what the other entries cite, not entries of their own.
        """
        scope = self.engine.scope(guild_id)
        rows = []
        for record in self.engine.guild_records(guild_id):
            if record.kind == "source" and not sources:
                continue
            rows.append((record.entity.id, record.kind, _label(scope.kb, record.entity)))
        return sorted(rows, key=lambda row: (row[1] == "source", row[1], row[2].casefold()))

    def prefill(self, guild_id: int, entry_id: str) -> tuple[str, dict[str, str]]:
        """The kind and current form values of one of the server's entries."""
        record = self._own(guild_id, entry_id)
        return record.kind, form_values(self.engine.scope(guild_id), record.entity)

    def history(self, guild_id: int, limit: int = 50, offset: int = 0) -> list[ChangeSet]:
        """The server's applied changes, one per moderator action, newest first."""
        return self.store.changelog.changes(guild_id, limit, offset)

    # Changes -------------------------------------------------------------------------

    def add(
        self, guild_id: int, actor: Actor, kind: str, values: Mapping[str, str | None]
    ) -> ChangeResult:
        """Validate and add one entry (and its source when new)."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            built = build_entry(self.engine.scope(guild_id), kind, values, guild_prefix(guild_id))
            planned = self._plan_built(guild_id, built, "add")
            title = f"Added {kind} “{built.summary}”{_with_source(planned)}"
            return self._apply(guild_id, actor, planned, title, (built.raw["id"],))

    def edit(
        self, guild_id: int, actor: Actor, entry_id: str, values: Mapping[str, str | None]
    ) -> ChangeResult:
        """Validate and replace one of the server's entries, keeping its id."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            record = self._own(guild_id, entry_id)
            built = build_entry(
                self.engine.scope(guild_id),
                record.kind,
                values,
                guild_prefix(guild_id),
                entry_id=entry_id,
            )
            planned = self._plan_built(guild_id, built, "edit")
            if not planned:
                return ChangeResult("Nothing changed: the entry already says that.", (entry_id,))
            title = f"Edited {record.kind} “{built.summary}”{_with_source(planned, 'new ')}"
            return self._apply(guild_id, actor, planned, title, (entry_id,))

    def remove(self, guild_id: int, actor: Actor, entry_id: str) -> ChangeResult:
        """Remove one of the server's entries or sources, unless other entries still use it."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            record = self._own(guild_id, entry_id, sources=True)
            users = sorted(users_of(self.store, guild_id).get(entry_id, ()))
            if users:
                raise ValidationError(
                    [f"It is still used by: {', '.join(users)}. Remove or edit those first."]
                )
            label = _label(self.engine.scope(guild_id).kb, record.entity)
            before = self.store.read_entry(guild_id, record.kind, entry_id)
            planned = [PlannedChange("remove", entry_id, record.kind, label, before, None)]
            return self._apply(
                guild_id, actor, planned, f"Removed {record.kind} “{label}”", (entry_id,)
            )

    def undo(self, guild_id: int, actor: Actor, change_id: int) -> ChangeResult:
        """Reverse one change whole (all its entries), if none of them changed since."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            change = change_to_undo(self.store, guild_id, change_id)
            inverse = plan_undo(self.store, guild_id, change)
            self._check(guild_id, inverse)
            return self._apply(
                guild_id,
                actor,
                inverse,
                f"Undid change #{change_id}: {change.title}",
                tuple(dict.fromkeys(row.entry_id for row in change.rows)),
            )

    # Import and export ---------------------------------------------------------------

    def plan_import(
        self, guild_id: int, filename: str, data: bytes, max_bytes: int, label: str | None = None
    ) -> ImportPlan:
        """Validate a YAML or CSV import as a whole; nothing is written.

        `label` names the import in the history instead of the file ("the draft of “NGOs
        Call on…”"); the file name still says which format it is.
        """
        text = decode_import(data, max_bytes)
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            built = read_import(self.engine, guild_id, filename, text)
            return plan_entries(self.engine, self.store, guild_id, built, label or filename)

    def apply_import(self, guild_id: int, actor: Actor, plan: ImportPlan) -> ChangeResult:
        """Apply a planned import all at once, if nothing changed since it was planned."""
        if plan.empty:
            return ChangeResult("Nothing to change: the file holds what the server has.")
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            for change in plan.planned:
                current = self.store.read_entry(
                    guild_id,
                    change.kind,  # type: ignore[arg-type]
                    change.entry_id,
                )
                if current != change.before:
                    raise ValidationError(
                        [
                            "The knowledge base changed since the preview; "
                            "import the file again to see a fresh preview."
                        ]
                    )
            self._check(guild_id, list(plan.planned))
            return self._apply(
                guild_id,
                actor,
                list(plan.planned),
                import_title(plan),
                tuple(c.entry_id for c in plan.planned),
            )

    def export(self, guild_id: int, fmt: str, include_bundled: bool = False) -> bytes:
        """The server's entries (or everything it can see) as YAML or CSV bytes."""
        return export_entries(self.engine, guild_id, fmt, include_bundled)

    # Internals -----------------------------------------------------------------------

    def _own(self, guild_id: int, entry_id: str, sources: bool = False) -> EntityRecord:
        """One of the server's entries; the same answer for unknown and for others' ids.

        Its sources too when `sources` (they can be removed, not edited: no form has them).
        """
        for record in self.engine.guild_records(guild_id):
            if record.entity.id == entry_id:
                if record.kind == "source" and not sources:
                    raise ValidationError(
                        [
                            f"“{entry_id[:100]}” is a source: sources cannot be edited. Edit the "
                            "entries that cite it with the right source, then remove this one."
                        ]
                    )
                return record
        if entry_id in self.engine.kb.records:
            raise PermissionDeniedError(
                "The curated knowledge base is read-only from Discord; "
                "you can edit your server's own entries."
            )
        raise ValidationError([f"This server has no entry “{entry_id[:100]}”."])

    def _plan_built(self, guild_id: int, built: BuiltEntry, action: str) -> list[PlannedChange]:
        planned = []
        if built.source is not None:
            current = self.store.read_entry(guild_id, "source", built.source["id"])
            if current is None:
                planned.append(
                    PlannedChange(
                        "add",
                        built.source["id"],
                        "source",
                        built.source["title"][:100],
                        None,
                        entry_yaml("source", built.source),
                    )
                )
        entry_id = built.raw["id"]
        before = self.store.read_entry(guild_id, built.kind, entry_id)  # type: ignore[arg-type]
        after = entry_yaml(built.kind, built.raw)  # type: ignore[arg-type]
        if before != after:
            planned.append(
                PlannedChange(action, entry_id, built.kind, built.summary, before, after)
            )
        if not any(c.kind != "source" for c in planned):
            return []
        self._check(guild_id, planned)
        return planned

    def _check(self, guild_id: int, planned: list[PlannedChange]) -> None:
        """Raise ValidationError unless the server's entries stay valid after `planned`."""
        check_batch(self.engine, self.store, guild_id, planned)

    def _apply(
        self,
        guild_id: int,
        actor: Actor,
        planned: list[PlannedChange],
        title: str,
        entry_ids: tuple[str, ...],
    ) -> ChangeResult:
        """Write `planned` as one change titled `title`, reload, and say what it did."""
        batch = self.store.apply(guild_id, actor.id, actor.name, planned, title)
        # Still under the writers' lock: the server's newest change is this one.
        newest = self.store.changelog.changes(guild_id, limit=1)
        number = newest[0].id if newest and newest[0].batch == batch else 0
        note = ""
        try:
            self.engine.reload_guild(guild_id)
        except IndexBusyError:
            # The change is committed: reporting a failure now would be a lie that invites
            # a duplicate. The index catches up from the files (at the latest on restart).
            log.warning("change #%s applied but the search index was busy", number)
            note = " Search may miss it for a moment: the index was busy."
        self.engine.mark_seen(guild_id)
        return ChangeResult(
            f"{title}. (change #{number}; undo with /kb undo){note}", entry_ids, (number,)
        )


def import_title(plan: ImportPlan) -> str:
    """ "Imported 490 entries from “file.yaml” (and 3 sources)": an import's history line."""
    entries = sum(1 for c in plan.planned if c.kind != "source")
    sources = len(plan.planned) - entries
    named = f" from “{plan.filename[:100]}”" if plan.filename else ""
    if not entries:
        return f"Imported {_count(sources, 'source')}{named}"
    also = f" (and {_count(sources, 'source')})" if sources else ""
    return f"Imported {_count(entries, 'entry')}{named}{also}"


def _count(number: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"


def _with_source(planned: list[PlannedChange], new: str = "") -> str:
    """ " (and its source)" when the change also creates the source it cites."""
    return f" (and its {new}source)" if any(c.kind == "source" for c in planned) else ""


def _label(kb: KnowledgeBase, entity: Entity) -> str:
    name = kb.name_of(entity.id)
    if name != entity.id:
        return name
    text = getattr(entity, "text", None)
    if isinstance(text, str):
        return text[:80]
    organization = getattr(entity, "organization", None)
    letter = getattr(entity, "letter", None)
    if isinstance(organization, str) and isinstance(letter, str):
        return f"{kb.name_of(organization)} → {kb.name_of(letter)}"
    return entity.id
