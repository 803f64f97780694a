"""Moderators' changes: add, edit, remove, undo, and the entry points of import and export.

Every method runs on the engine's worker thread (blocking work, never on the event loop)
and takes the store's write lock, so concurrent changes are serialised and none is lost.
A change is validated against the server's whole view first (`validation`): a broken link,
a duplicate or a bad field changes nothing. Servers only ever see and touch their own
entries. Bulk import and export live in `transfer`, the change log's wording in `history`;
their public names are re-exported here for the front ends.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from bot.core.engine import Engine
from bot.core.errors import IndexBusyError, PermissionDeniedError, ValidationError
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Entity, EntityRecord
from bot.core.moderation.changelog import Change, PlannedChange
from bot.core.moderation.community import entry_yaml, guild_prefix
from bot.core.moderation.forms import BuiltEntry, build_entry, form_values
from bot.core.moderation.history import change_diff, change_marks
from bot.core.moderation.transfer import (
    IMPORT_MAX_ENTRIES,
    ImportPlan,
    decode_import,
    entity_to_raw,
    export_entries,
    plan_entries,
    read_import,
)
from bot.core.moderation.validation import check_batch

__all__ = [
    "IMPORT_MAX_ENTRIES",
    "Actor",
    "ChangeResult",
    "ImportPlan",
    "Moderation",
    "change_diff",
    "change_marks",
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
    change_ids: tuple[int, ...] = ()


class Moderation:
    """Moderators' operations on one engine's community entries."""

    def __init__(self, engine: Engine) -> None:
        if engine.community is None:
            raise ValueError("the engine has no community directory")
        self.engine = engine
        self.store = engine.community

    # Reading -------------------------------------------------------------------------

    def entries(self, guild_id: int) -> list[tuple[str, str, str]]:
        """The server's own entries as (id, kind, label), sources excluded."""
        scope = self.engine.scope(guild_id)
        rows = []
        for record in self.engine.guild_records(guild_id):
            if record.kind == "source":
                continue
            rows.append((record.entity.id, record.kind, _label(scope.kb, record.entity)))
        return sorted(rows, key=lambda row: (row[1], row[2].casefold()))

    def prefill(self, guild_id: int, entry_id: str) -> tuple[str, dict[str, str]]:
        """The kind and current form values of one of the server's entries."""
        record = self._own(guild_id, entry_id)
        return record.kind, form_values(self.engine.scope(guild_id), record.entity)

    def history(self, guild_id: int, limit: int = 50, offset: int = 0) -> list[Change]:
        """The server's applied changes, newest first."""
        return self.store.changelog.history(guild_id, limit, offset)

    # Changes -------------------------------------------------------------------------

    def add(
        self, guild_id: int, actor: Actor, kind: str, values: Mapping[str, str | None]
    ) -> ChangeResult:
        """Validate and add one entry (and its source when new)."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            built = build_entry(self.engine.scope(guild_id), kind, values, guild_prefix(guild_id))
            planned = self._plan_built(guild_id, built, "add")
            return self._apply(
                guild_id, actor, planned, f"Added {kind} “{built.summary}”.", (built.raw["id"],)
            )

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
            return self._apply(
                guild_id, actor, planned, f"Edited {record.kind} “{built.summary}”.", (entry_id,)
            )

    def remove(self, guild_id: int, actor: Actor, entry_id: str) -> ChangeResult:
        """Remove one of the server's entries, unless other entries still use it."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            record = self._own(guild_id, entry_id)
            users = self._users_of(guild_id, entry_id)
            if users:
                raise ValidationError(
                    [f"It is still used by: {', '.join(users)}. Remove or edit those first."]
                )
            label = _label(self.engine.scope(guild_id).kb, record.entity)
            before = self.store.read_entry(guild_id, record.kind, entry_id)
            planned = [PlannedChange("remove", entry_id, record.kind, label, before, None)]
            return self._apply(
                guild_id, actor, planned, f"Removed {record.kind} “{label}”.", (entry_id,)
            )

    def undo(self, guild_id: int, actor: Actor, change_id: int) -> ChangeResult:
        """Reverse one applied change, if the entry has not changed since."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            change = self.store.changelog.get(guild_id, change_id)
            if change is None or change.status != "applied":
                raise ValidationError([f"This server has no change #{change_id}."])
            if change.undone_by is not None:
                raise ValidationError(
                    [f"Change #{change_id} was already undone by #{change.undone_by}."]
                )
            current = self.store.read_entry(
                guild_id,
                change.kind,  # type: ignore[arg-type]
                change.entry_id,
            )
            if current != change.after:
                raise ValidationError(
                    [
                        f"The entry changed after #{change_id}; undo the "
                        "later change first (see the history)."
                    ]
                )
            inverse = PlannedChange(
                "undo",
                change.entry_id,
                change.kind,
                f"undo #{change_id}: {change.summary}",
                current,
                change.before,
                undoes=change_id,
            )
            self._check(guild_id, [inverse])
            return self._apply(
                guild_id,
                actor,
                [inverse],
                f"Undid change #{change_id} ({change.action} {change.kind} “{change.summary}”).",
                (change.entry_id,),
            )

    # Import and export ---------------------------------------------------------------

    def plan_import(self, guild_id: int, filename: str, data: bytes, max_bytes: int) -> ImportPlan:
        """Validate a YAML or CSV import as a whole; nothing is written."""
        text = decode_import(data, max_bytes)
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            built = read_import(self.engine, guild_id, filename, text)
            return plan_entries(self.engine, self.store, guild_id, built)

    def apply_import(self, guild_id: int, actor: Actor, plan: ImportPlan) -> ChangeResult:
        """Apply a planned import all at once, if nothing changed since it was planned."""
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
            count = sum(1 for c in plan.planned if c.kind != "source")
            return self._apply(
                guild_id,
                actor,
                list(plan.planned),
                f"Imported {count} entr{'y' if count == 1 else 'ies'}.",
                tuple(c.entry_id for c in plan.planned),
            )

    def export(self, guild_id: int, fmt: str, include_bundled: bool = False) -> bytes:
        """The server's entries (or everything it can see) as YAML or CSV bytes."""
        return export_entries(self.engine, guild_id, fmt, include_bundled)

    # Internals -----------------------------------------------------------------------

    def _own(self, guild_id: int, entry_id: str) -> EntityRecord:
        """One of the server's entries; the same answer for unknown and for others' ids."""
        for record in self.engine.guild_records(guild_id):
            if record.entity.id == entry_id and record.kind != "source":
                return record
        if entry_id in self.engine.kb.records:
            raise PermissionDeniedError(
                "The curated knowledge base is read-only from Discord; "
                "you can edit your server's own entries."
            )
        raise ValidationError([f"This server has no entry “{entry_id[:100]}”."])

    def _users_of(self, guild_id: int, entry_id: str) -> list[str]:
        parsed = self.store.parse_guild(guild_id)
        paths = {ref.path for ref in parsed.references if ref.target == entry_id}
        return sorted(
            path.rsplit("/", 1)[-1].removesuffix(".yaml")
            for path in paths
            if not path.endswith(f"/{entry_id}.yaml")
        )

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
        message: str,
        entry_ids: tuple[str, ...],
    ) -> ChangeResult:
        batch = self.store.apply(guild_id, actor.id, actor.name, planned)
        ids = tuple(
            c.id
            for c in self.store.changelog.history(guild_id, limit=len(planned))
            if c.batch == batch
        )
        note = ""
        try:
            self.engine.reload_guild(guild_id)
        except IndexBusyError:
            # The change is committed: reporting a failure now would be a lie that invites
            # a duplicate. The index catches up from the files (at the latest on restart).
            log.warning("change %s applied but the search index was busy", change_marks(ids))
            note = " Search may miss it for a moment: the index was busy."
        self.engine.mark_seen(guild_id)
        return ChangeResult(
            f"{message} (change {change_marks(ids)}; undo with /kb undo){note}",
            entry_ids,
            tuple(sorted(ids)),
        )


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
