"""Moderators' changes: add, edit, remove, import, export, history and undo.

Every method runs on the engine's worker thread (blocking work, never on the event loop)
and takes the store's write lock, so concurrent changes are serialised and none is lost.
A change is validated against the server's whole view first: a broken link, a duplicate
or a bad field changes nothing. Servers only ever see and touch their own entries.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Any

import yaml

from bot.core.engine import Engine
from bot.core.errors import CorpusError, PermissionDeniedError, ValidationError
from bot.core.kb.corpus import KnowledgeBase, ParsedFiles, build_knowledge_base, content_hash
from bot.core.kb.models import Entity, EntityRecord, Location
from bot.core.kb.schema import PLURALS, SECTION_OF, ParseContext, parse_entity
from bot.core.kb.yamlsource import YamlSyntaxError, parse_yaml
from bot.core.moderation.changelog import Change, PlannedChange
from bot.core.moderation.community import entry_yaml, guild_prefix
from bot.core.moderation.forms import EDITABLE_KINDS, FORMS, BuiltEntry, build_entry, form_values

#: Most entries one import may hold.
IMPORT_MAX_ENTRIES = 500
_FOREIGN_PREFIX = re.compile(r"^g\d+-")


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


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """A validated import: what would change, shown before anything is written."""

    planned: tuple[PlannedChange, ...]
    diff: tuple[str, ...]
    unchanged: int

    @property
    def empty(self) -> bool:
        """Nothing would change."""
        return not self.planned


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

    def add(self, guild_id: int, actor: Actor, kind: str,
            values: Mapping[str, str | None]) -> ChangeResult:
        """Validate and add one entry (and its source when new)."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            built = build_entry(self.engine.scope(guild_id), kind, values,
                                guild_prefix(guild_id))
            planned = self._plan_built(guild_id, built, "add")
            return self._apply(guild_id, actor, planned,
                               f"Added {kind} “{built.summary}”.", (built.raw["id"],))

    def edit(self, guild_id: int, actor: Actor, entry_id: str,
             values: Mapping[str, str | None]) -> ChangeResult:
        """Validate and replace one of the server's entries, keeping its id."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            record = self._own(guild_id, entry_id)
            built = build_entry(self.engine.scope(guild_id), record.kind, values,
                                guild_prefix(guild_id), entry_id=entry_id)
            planned = self._plan_built(guild_id, built, "edit")
            if not planned:
                return ChangeResult("Nothing changed: the entry already says that.",
                                    (entry_id,))
            return self._apply(guild_id, actor, planned,
                               f"Edited {record.kind} “{built.summary}”.", (entry_id,))

    def remove(self, guild_id: int, actor: Actor, entry_id: str) -> ChangeResult:
        """Remove one of the server's entries, unless other entries still use it."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            record = self._own(guild_id, entry_id)
            users = self._users_of(guild_id, entry_id)
            if users:
                raise ValidationError([f"It is still used by: {', '.join(users)}. "
                                       "Remove or edit those first."])
            label = _label(self.engine.scope(guild_id).kb, record.entity)
            before = self.store.read_entry(guild_id, record.kind, entry_id)
            planned = [PlannedChange("remove", entry_id, record.kind, label, before, None)]
            return self._apply(guild_id, actor, planned, f"Removed {record.kind} “{label}”.",
                               (entry_id,))

    def undo(self, guild_id: int, actor: Actor, change_id: int) -> ChangeResult:
        """Reverse one applied change, if the entry has not changed since."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            change = self.store.changelog.get(guild_id, change_id)
            if change is None or change.status != "applied":
                raise ValidationError([f"This server has no change #{change_id}."])
            if change.undone_by is not None:
                raise ValidationError([f"Change #{change_id} was already undone by "
                                       f"#{change.undone_by}."])
            current = self.store.read_entry(guild_id, change.kind,  # type: ignore[arg-type]
                                            change.entry_id)
            if current != change.after:
                raise ValidationError([f"The entry changed after #{change_id}; undo the "
                                       "later change first (see the history)."])
            inverse = PlannedChange("undo", change.entry_id, change.kind,
                                    f"undo #{change_id}: {change.summary}", current,
                                    change.before, undoes=change_id)
            self._check(guild_id, [inverse])
            return self._apply(guild_id, actor, [inverse], f"Undid change #{change_id} "
                               f"({change.action} {change.kind} “{change.summary}”).",
                               (change.entry_id,))

    # Import and export ---------------------------------------------------------------

    def plan_import(self, guild_id: int, filename: str, data: bytes,
                    max_bytes: int) -> ImportPlan:
        """Validate a YAML or CSV import as a whole; nothing is written."""
        if len(data) > max_bytes:
            raise ValidationError([f"The file is {len(data):,} bytes; the limit is "
                                   f"{max_bytes:,}."])
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise ValidationError([f"Line {line}: the file is not UTF-8 text."]) from None
        lowered = filename.casefold()
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            if lowered.endswith((".yaml", ".yml")):
                built = self._parse_yaml_import(guild_id, text)
            elif lowered.endswith(".csv"):
                built = self._parse_csv_import(guild_id, text)
            else:
                raise ValidationError(["Import a .yaml, .yml or .csv file."])
            return self._plan_import(guild_id, built)

    def apply_import(self, guild_id: int, actor: Actor, plan: ImportPlan) -> ChangeResult:
        """Apply a planned import all at once, if nothing changed since it was planned."""
        with self.store.locked():
            self.engine.refresh_if_changed(guild_id, force=True)
            for change in plan.planned:
                current = self.store.read_entry(guild_id, change.kind,  # type: ignore[arg-type]
                                                change.entry_id)
                if current != change.before:
                    raise ValidationError(["The knowledge base changed since the preview; "
                                           "import the file again to see a fresh preview."])
            self._check(guild_id, list(plan.planned))
            count = sum(1 for c in plan.planned if c.kind != "source")
            return self._apply(guild_id, actor, list(plan.planned),
                               f"Imported {count} entr{'y' if count == 1 else 'ies'}.",
                               tuple(c.entry_id for c in plan.planned))

    def export(self, guild_id: int, fmt: str, include_bundled: bool = False) -> bytes:
        """The server's entries (or everything it can see) as YAML or CSV bytes."""
        scope = self.engine.scope(guild_id)
        records = self.engine.guild_records(guild_id)
        if include_bundled:
            records = [*self.engine.kb.records.values(), *records]
        if fmt == "yaml":
            sections: dict[str, list[dict[str, Any]]] = {}
            for record in sorted(records, key=lambda r: (r.kind, r.entity.id)):
                sections.setdefault(SECTION_OF[record.kind], []).append(
                    entity_to_raw(record.entity))
            return yaml.safe_dump(sections, sort_keys=False, allow_unicode=True,
                                  width=100).encode()
        if fmt == "csv":
            columns = ["kind", "id", *dict.fromkeys(f.name for k in EDITABLE_KINDS
                                                    for f in FORMS[k])]
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, columns)
            writer.writeheader()
            for record in sorted(records, key=lambda r: (r.kind, r.entity.id)):
                if record.kind in EDITABLE_KINDS:
                    writer.writerow({"kind": record.kind, "id": record.entity.id,
                                     **form_values(scope, record.entity)})
            return buffer.getvalue().encode()
        raise ValidationError(["Export as yaml or csv."])

    # Internals -----------------------------------------------------------------------

    def _own(self, guild_id: int, entry_id: str) -> EntityRecord:
        """One of the server's entries; the same answer for unknown and for others' ids."""
        for record in self.engine.guild_records(guild_id):
            if record.entity.id == entry_id and record.kind != "source":
                return record
        if entry_id in self.engine.kb.records:
            raise PermissionDeniedError("The curated knowledge base is read-only from Discord; "
                                        "you can edit your server's own entries.")
        raise ValidationError([f"This server has no entry “{entry_id[:100]}”."])

    def _users_of(self, guild_id: int, entry_id: str) -> list[str]:
        parsed = self.store.parse_guild(guild_id)
        paths = {ref.path for ref in parsed.references if ref.target == entry_id}
        return sorted(path.rsplit("/", 1)[-1].removesuffix(".yaml") for path in paths
                      if not path.endswith(f"/{entry_id}.yaml"))

    def _plan_built(self, guild_id: int, built: BuiltEntry, action: str) -> list[PlannedChange]:
        planned = []
        if built.source is not None:
            current = self.store.read_entry(guild_id, "source", built.source["id"])
            if current is None:
                planned.append(PlannedChange("add", built.source["id"], "source",
                                             built.source["title"][:100], None,
                                             entry_yaml("source", built.source)))
        entry_id = built.raw["id"]
        before = self.store.read_entry(guild_id, built.kind, entry_id)  # type: ignore[arg-type]
        after = entry_yaml(built.kind, built.raw)  # type: ignore[arg-type]
        if before != after:
            planned.append(PlannedChange(action, entry_id, built.kind, built.summary,
                                         before, after))
        if not any(c.kind != "source" for c in planned):
            return []
        self._check(guild_id, planned)
        return planned

    def _check(self, guild_id: int, planned: list[PlannedChange]) -> None:
        """Raise ValidationError unless the server's entries stay valid after `planned`."""
        current = self.store.parse_guild(guild_id)
        touched = {f"{guild_id}/{SECTION_OF[c.kind]}/{c.entry_id}.yaml"  # type: ignore[index]
                   for c in planned}
        parsed = ParsedFiles(
            records=[*self.engine.kb.records.values(),
                     *(r for r in current.records if r.location.path not in touched)],
            references=[r for r in current.references if r.path not in touched],
        )
        for change in planned:
            if change.after is None:
                continue
            path = f"{guild_id}/{SECTION_OF[change.kind]}/{change.entry_id}.yaml"  # type: ignore[index]
            ctx = ParseContext(path)
            document = parse_yaml(change.after)
            for plural, entries in document.items():
                for raw in entries:
                    entity = parse_entity(PLURALS[plural], raw, 1, ctx, guild_id)
                    if entity is not None:
                        parsed.records.append(EntityRecord(
                            entity, Location(path, 1),
                            content_hash(PLURALS[plural], raw, guild_id)))
            parsed.references.extend(ctx.references)
            parsed.problems.extend(ctx.problems)
        try:
            build_knowledge_base(parsed)
        except CorpusError as exc:
            # In a batch (an import) each problem names its entry, or nobody could find it.
            several = len({c.entry_id for c in planned if c.kind != "source"}) > 1
            raise ValidationError([_friendly(p.message, _entry_of(p.path, guild_id) if several
                                             else None) for p in exc.problems]) from None

    def _apply(self, guild_id: int, actor: Actor, planned: list[PlannedChange], message: str,
               entry_ids: tuple[str, ...]) -> ChangeResult:
        batch = self.store.apply(guild_id, actor.id, actor.name, planned)
        self.engine.reload_guild(guild_id)
        self.engine.mark_seen(guild_id)
        ids = tuple(c.id for c in self.store.changelog.history(guild_id, limit=len(planned))
                    if c.batch == batch)
        return ChangeResult(f"{message} (change {change_marks(ids)}; undo with /kb undo)",
                            entry_ids, tuple(sorted(ids)))

    def _parse_yaml_import(self, guild_id: int, text: str) -> list[BuiltEntry]:
        try:
            document = parse_yaml(text)
        except YamlSyntaxError as exc:
            raise ValidationError([f"Line {exc.line}: invalid YAML: {exc.message}"]) from None
        if not isinstance(document, dict):
            raise ValidationError(["The YAML must map sections (letters, quotes…) to lists."])
        prefix = guild_prefix(guild_id)
        problems: list[str] = []
        built: list[BuiltEntry] = []
        renames = _renames(document, prefix, self.engine.kb.records.keys())
        for plural, entries in document.items():
            kind = PLURALS.get(plural)
            if kind is None:
                problems.append(f"Unknown section “{plural}”.")
                continue
            if not isinstance(entries, list):
                problems.append(f"“{plural}” must be a list.")
                continue
            for raw in entries:
                if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
                    problems.append(f"Every entry of “{plural}” needs an id.")
                    continue
                if raw["id"] in self.engine.kb.records:
                    continue  # a curated entry, exported with "all": unchanged by definition
                plain = _rename(_plain(raw), renames)
                if kind == "event":
                    problems.append("Events are curated context; they cannot be imported.")
                    continue
                ctx = ParseContext("import")
                if parse_entity(kind, plain, getattr(raw, "line", 1), ctx, guild_id) is None:
                    problems += [f"Line {p.line}: {p.message}" for p in ctx.problems]
                    continue
                built.append(BuiltEntry(kind, plain, None, _raw_label(plain)))
        if problems:
            raise ValidationError(problems)
        return built

    def _parse_csv_import(self, guild_id: int, text: str) -> list[BuiltEntry]:
        reader = csv.DictReader(io.StringIO(text))
        allowed = {"kind", "id", *(f.name for k in EDITABLE_KINDS for f in FORMS[k])}
        columns = reader.fieldnames or []
        wrong = [c for c in columns if c not in allowed]
        if "kind" not in columns or wrong:
            raise ValidationError([
                "CSV columns must be kind, id and form fields "
                f"({', '.join(sorted(allowed - {'kind', 'id'}))})"
                + (f"; unknown: {', '.join(wrong)}" if wrong else "; “kind” is missing") + "."])
        prefix = guild_prefix(guild_id)
        scope = self.engine.scope(guild_id)
        problems: list[str] = []
        built: list[BuiltEntry] = []
        for number, row in enumerate(reader, start=2):
            kind = (row.pop("kind") or "").strip()
            entry_id = (row.pop("id", "") or "").strip() or None
            if entry_id and entry_id in self.engine.kb.records:
                continue  # a curated entry from an "all" export
            if entry_id and not entry_id.startswith(prefix):
                entry_id = prefix + _FOREIGN_PREFIX.sub("", entry_id)
            values = {k: v for k, v in row.items() if k in {f.name for f in FORMS.get(kind, ())}
                      and v}
            try:
                built.append(build_entry(scope, kind, values, prefix, entry_id=entry_id))
            except ValidationError as exc:
                problems += [f"Row {number}: {p}" for p in exc.problems]
        if problems:
            raise ValidationError(problems)
        return built

    def _plan_import(self, guild_id: int, built: list[BuiltEntry]) -> ImportPlan:
        if len(built) > IMPORT_MAX_ENTRIES:
            raise ValidationError([f"{len(built)} entries; one import takes at most "
                                   f"{IMPORT_MAX_ENTRIES}."])
        planned: dict[tuple[str, str], PlannedChange] = {}
        diff: list[str] = []
        unchanged = 0
        for entry in built:
            items = [(entry.kind, entry.raw)]
            if entry.source is not None:
                items.insert(0, ("source", entry.source))
            for kind, raw in items:
                key = (kind, raw["id"])
                before = self.store.read_entry(guild_id, kind, raw["id"])  # type: ignore[arg-type]
                after = entry_yaml(kind, raw)  # type: ignore[arg-type]
                if key in planned:
                    continue
                if before == after:
                    unchanged += kind != "source"
                    continue
                action = "edit" if before is not None else "add"
                planned[key] = PlannedChange(action, raw["id"], kind, _raw_label(raw), before,
                                             after)
                if kind != "source":
                    diff.append(f"{'+' if action == 'add' else '~'} {action} {kind}: "
                                f"{_raw_label(raw)[:80]}")
        plan = ImportPlan(tuple(planned.values()), tuple(diff), unchanged)
        if planned:
            self._check(guild_id, list(planned.values()))
        return plan


def change_marks(ids: Iterable[int]) -> str:
    """Change numbers for a reply, runs collapsed: "#3, #7–#9".

    An import of hundreds of entries would otherwise list every number, far past what a
    Discord message (2,000 characters) can hold.
    """
    runs: list[list[int]] = []
    for number in sorted(set(ids)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"#{run[0]}–#{run[-1]}" if len(run) > 2
                     else ", ".join(f"#{n}" for n in run) for run in runs)


def change_diff(change: Change, width: int = 60) -> tuple[str, ...]:
    """What a change did, field by field: "text: “old” → “new”" (created / removed too)."""
    before, after = _entry_fields(change.before), _entry_fields(change.after)
    if before is None and after is None:
        return ()
    if before is None:
        return ("created: " + ", ".join(f"{k} {_short(v, width)}" for k, v in
                                        (after or {}).items() if k != "id"),)
    if after is None:
        return ("removed: " + ", ".join(f"{k} {_short(v, width)}" for k, v in
                                        before.items() if k != "id"),)
    lines = []
    for key in dict.fromkeys([*before, *after]):
        if before.get(key) != after.get(key):
            lines.append(f"{key}: {_short(before.get(key), width)} → "
                         f"{_short(after.get(key), width)}")
    return tuple(lines)


def _entry_fields(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        document = yaml.safe_load(text)
        (entries,) = document.values()
        (entry,) = entries
    except (yaml.YAMLError, ValueError, AttributeError, TypeError):
        return {}
    return entry if isinstance(entry, dict) else {}


def _short(value: Any, width: int) -> str:
    if value is None:
        return "(none)"
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


def entity_to_raw(entity: Entity) -> dict[str, Any]:
    """An entity as a data/ entry: the inverse of loading, without empty fields."""
    raw = _strip(asdict(entity))
    return {"id": raw.pop("id"), **raw}


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items()
                if k != "guild_id" and v not in (None, (), [], "") and v is not False}
    if isinstance(value, list | tuple):
        return [_strip(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return _strip({f.name: getattr(value, f.name) for f in fields(value)})
    return value


def _plain(value: Any) -> Any:
    """Line-aware YAML containers to plain dicts and lists (for dumping)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _renames(document: Mapping[str, Any], prefix: str,
             curated: Iterable[str]) -> dict[str, str]:
    """New ids for the entries an import defines, moved into this server's namespace.

    Ids of another server ("g123-…") or of none ("q1") get this server's prefix; curated ids
    are left alone, and so are links to them.
    """
    skip = set(curated)
    renames = {}
    for entries in document.values():
        for raw in entries if isinstance(entries, list) else ():
            old = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(old, str) and old not in skip and not old.startswith(prefix):
                renames[old] = prefix + _FOREIGN_PREFIX.sub("", old)
    return renames


def _rename(value: Any, renames: Mapping[str, str]) -> Any:
    """Apply id renames to an entry and every link inside it."""
    if isinstance(value, dict):
        return {k: _rename(v, renames) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename(v, renames) for v in value]
    if isinstance(value, str):
        return renames.get(value, value)
    return value


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


def _raw_label(raw: Mapping[str, Any]) -> str:
    for key in ("title", "name", "text"):
        if isinstance(raw.get(key), str):
            return str(raw[key])[:80]
    return str(raw.get("id", "?"))


def _entry_of(path: str, guild_id: int) -> str | None:
    """The entry id (as the moderator wrote it) of a server's entry file path."""
    if not path.startswith(f"{guild_id}/") or not path.endswith(".yaml"):
        return None
    return path.rsplit("/", 1)[-1].removesuffix(".yaml").removeprefix(guild_prefix(guild_id))


def _friendly(message: str, entry: str | None = None) -> str:
    match = re.match(r"'(\w+)' refers to unknown id '([^']+)'", message)
    if match:
        text = f"It refers to “{match.group(2)}”, which this server cannot see or was removed."
    else:
        text = message[0].upper() + message[1:] if message else message
    return f"{entry}: {text}" if entry else text

