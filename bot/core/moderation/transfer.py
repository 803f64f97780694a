"""Bulk import and export of a server's entries, as YAML (data/ format) or CSV (form fields).

An export re-imports unchanged: YAML entries are written in data/ form, CSV cells hold the
form values, and the spreadsheet-safety escaping of CSV cells (`csv_cell`) is undone exactly
on the way back in (`csv_value`). Imports are validated as a whole and only planned here;
`Moderation.apply_import` writes them.
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
from bot.core.errors import ValidationError
from bot.core.kb.models import Entity
from bot.core.kb.schema import PLURALS, SECTION_OF, ParseContext, parse_entity
from bot.core.kb.yamlsource import YamlSyntaxError, parse_yaml
from bot.core.moderation.changelog import PlannedChange
from bot.core.moderation.community import entry_yaml, guild_prefix
from bot.core.moderation.forms import EDITABLE_KINDS, FORMS, BuiltEntry, build_entry
from bot.core.moderation.prefill import form_values
from bot.core.moderation.stores import EntryStore
from bot.core.moderation.validation import check_batch

#: Most entries one import may hold.
IMPORT_MAX_ENTRIES = 500
_FOREIGN_PREFIX = re.compile(r"^g\d+-")

#: What makes a spreadsheet read a cell as a formula (OWASP "CSV injection"): =, +, - or @
#: first, also after leading whitespace; tab and carriage return are dangerous first
#: characters themselves. The full-width forms are converted to ASCII by some spreadsheets.
_FORMULA = re.compile(r"^(?:[\t\r]|\s*[=+\-@＝＋－＠])")
#: The spreadsheets' own "this is text" mark, put before such a cell.
_TEXT_MARK = "'"


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """A validated import: what would change, shown before anything is written."""

    planned: tuple[PlannedChange, ...]
    diff: tuple[str, ...]
    unchanged: int
    filename: str = ""  # what was imported, named in the change's history line

    @property
    def empty(self) -> bool:
        """Nothing would change."""
        return not self.planned


# CSV cells -----------------------------------------------------------------------------


def csv_cell(value: str) -> str:
    """A value as a CSV cell no spreadsheet runs as a formula.

    A formula-like value gets the text mark "'" in front, and so does a value that already
    starts with "'": then every marked cell is exactly one mark plus the value, which is
    what makes `csv_value` an exact inverse.
    """
    if value.startswith(_TEXT_MARK) or _FORMULA.match(value):
        return _TEXT_MARK + value
    return value


def csv_value(cell: str) -> str:
    """The value behind a CSV cell: the inverse of `csv_cell`.

    The mark is removed only where `csv_cell` would have put it, so a hand-written cell
    such as "'Tis the season" keeps its apostrophe.
    """
    if cell.startswith(_TEXT_MARK) and csv_cell(cell[1:]) == cell:
        return cell[1:]
    return cell


# Export --------------------------------------------------------------------------------


def export_entries(engine: Engine, guild_id: int, fmt: str, include_bundled: bool) -> bytes:
    """The server's entries (or everything it can see) as YAML or CSV bytes."""
    scope = engine.scope(guild_id)
    records = engine.guild_records(guild_id)
    if include_bundled:
        records = [*engine.kb.records.values(), *records]
    records = sorted(records, key=lambda r: (r.kind, r.entity.id))
    if fmt == "yaml":
        sections: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            sections.setdefault(SECTION_OF[record.kind], []).append(entity_to_raw(record.entity))
        return yaml.safe_dump(sections, sort_keys=False, allow_unicode=True, width=100).encode()
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, _csv_columns())
        writer.writeheader()
        for record in records:
            if record.kind in EDITABLE_KINDS:
                row = {
                    "kind": record.kind,
                    "id": record.entity.id,
                    **form_values(scope, record.entity),
                }
                writer.writerow({k: csv_cell(v) for k, v in row.items()})
        return buffer.getvalue().encode()
    raise ValidationError(["Export as yaml or csv."])


def entity_to_raw(entity: Entity) -> dict[str, Any]:
    """An entity as a data/ entry: the inverse of loading, without empty fields."""
    raw = _strip(asdict(entity))
    return {"id": raw.pop("id"), **raw}


def _csv_columns() -> list[str]:
    return ["kind", "id", *dict.fromkeys(f.name for k in EDITABLE_KINDS for f in FORMS[k])]


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _strip(v)
            for k, v in value.items()
            if k != "guild_id" and v not in (None, (), [], "") and v is not False
        }
    if isinstance(value, list | tuple):
        return [_strip(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return _strip({f.name: getattr(value, f.name) for f in fields(value)})
    return value


# Import --------------------------------------------------------------------------------


def decode_import(data: bytes, max_bytes: int) -> str:
    """An import file's text, or ValidationError when too large or not UTF-8."""
    if len(data) > max_bytes:
        raise ValidationError([f"The file is {len(data):,} bytes; the limit is {max_bytes:,}."])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ValidationError([f"Line {line}: the file is not UTF-8 text."]) from None


def read_import(engine: Engine, guild_id: int, filename: str, text: str) -> list[BuiltEntry]:
    """The entries of a YAML or CSV import, moved into the server's ids; all problems raised."""
    lowered = filename.casefold()
    if lowered.endswith((".yaml", ".yml")):
        return _read_yaml(engine, guild_id, text)
    if lowered.endswith(".csv"):
        return _read_csv(engine, guild_id, text)
    raise ValidationError(["Import a .yaml, .yml or .csv file."])


def plan_entries(
    engine: Engine, store: EntryStore, guild_id: int, built: list[BuiltEntry], filename: str = ""
) -> ImportPlan:
    """What importing `built` would change, validated against the server's current files."""
    if len(built) > IMPORT_MAX_ENTRIES:
        raise ValidationError(
            [f"{len(built)} entries; one import takes at most {IMPORT_MAX_ENTRIES}."]
        )
    planned: dict[tuple[str, str], PlannedChange] = {}
    diff: list[str] = []
    unchanged = 0
    for entry in built:
        items = [(entry.kind, entry.raw)]
        if entry.source is not None:
            items.insert(0, ("source", entry.source))
        for kind, raw in items:
            key = (kind, raw["id"])
            if key in planned:
                continue
            before = store.read_entry(guild_id, kind, raw["id"])  # type: ignore[arg-type]
            after = entry_yaml(kind, raw)  # type: ignore[arg-type]
            if before == after:
                unchanged += kind != "source"
                continue
            action = "edit" if before is not None else "add"
            planned[key] = PlannedChange(action, raw["id"], kind, raw_label(raw), before, after)
            if kind != "source":
                diff.append(
                    f"{'+' if action == 'add' else '~'} {action} {kind}: {raw_label(raw)[:80]}"
                )
    plan = ImportPlan(tuple(planned.values()), tuple(diff), unchanged, filename)
    if planned:
        check_batch(engine, store, guild_id, list(planned.values()))
    return plan


def raw_label(raw: Mapping[str, Any]) -> str:
    """A short human label of a data/ entry: its title, name or text."""
    for key in ("title", "name", "text"):
        if isinstance(raw.get(key), str):
            return str(raw[key])[:80]
    return str(raw.get("id", "?"))


def _read_yaml(engine: Engine, guild_id: int, text: str) -> list[BuiltEntry]:
    try:
        document = parse_yaml(text)
    except YamlSyntaxError as exc:
        raise ValidationError([f"Line {exc.line}: invalid YAML: {exc.message}"]) from None
    if not isinstance(document, dict):
        raise ValidationError(["The YAML must map sections (letters, quotes…) to lists."])
    problems: list[str] = []
    built: list[BuiltEntry] = []
    renames = _renames(document, guild_prefix(guild_id), engine.kb.records.keys())
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
            if raw["id"] in engine.kb.records:
                continue  # a curated entry, exported with "all": unchanged by definition
            plain = _rename(_plain(raw), renames)
            if kind == "event":
                problems.append("Events are curated context; they cannot be imported.")
                continue
            ctx = ParseContext("import")
            if parse_entity(kind, plain, getattr(raw, "line", 1), ctx, guild_id) is None:
                problems += [f"Line {p.line}: {p.message}" for p in ctx.problems]
                continue
            built.append(BuiltEntry(kind, plain, None, raw_label(plain)))
    if problems:
        raise ValidationError(problems)
    return built


def _read_csv(engine: Engine, guild_id: int, text: str) -> list[BuiltEntry]:
    reader = csv.DictReader(io.StringIO(text))
    allowed = set(_csv_columns())
    columns = reader.fieldnames or []
    wrong = [c for c in columns if c not in allowed]
    if "kind" not in columns or wrong:
        raise ValidationError(
            [
                "CSV columns must be kind, id and form fields "
                f"({', '.join(sorted(allowed - {'kind', 'id'}))})"
                + (f"; unknown: {', '.join(wrong)}" if wrong else "; “kind” is missing")
                + "."
            ]
        )
    prefix = guild_prefix(guild_id)
    scope = engine.scope(guild_id)
    problems: list[str] = []
    built: list[BuiltEntry] = []
    for number, cells in enumerate(reader, start=2):
        row = {
            k: csv_value(v) for k, v in cells.items() if isinstance(k, str) and isinstance(v, str)
        }
        kind = (row.pop("kind", "") or "").strip()
        entry_id = (row.pop("id", "") or "").strip() or None
        if entry_id and entry_id in engine.kb.records:
            continue  # a curated entry from an "all" export
        if entry_id and not entry_id.startswith(prefix):
            entry_id = prefix + _FOREIGN_PREFIX.sub("", entry_id)
        names = {f.name for f in FORMS.get(kind, ())}
        values = {k: v for k, v in row.items() if k in names and v}
        try:
            built.append(build_entry(scope, kind, values, prefix, entry_id=entry_id))
        except ValidationError as exc:
            problems += [f"Row {number}: {p}" for p in exc.problems]
    if problems:
        raise ValidationError(problems)
    return built


def _plain(value: Any) -> Any:
    """Line-aware YAML containers to plain dicts and lists (for dumping)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _renames(document: Mapping[str, Any], prefix: str, curated: Iterable[str]) -> dict[str, str]:
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
