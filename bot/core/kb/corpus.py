"""Load a data directory into a validated, fully linked in-memory knowledge base.

Loading is all or nothing: every file is read and every entry checked, every problem is
reported with its file and line, and only a corpus without problems is returned.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.core.errors import CorpusError, Problem
from bot.core.kb.files import WHOLE_FILE, UnreadableFileError, scan_data_dir
from bot.core.kb.files import data_files as data_files  # re-exported: snapshot reads it here
from bot.core.kb.knowledge import KnowledgeBase as KnowledgeBase  # re-exported: its old home
from bot.core.kb.models import (
    EntityRecord,
    Letter,
    Location,
    Organization,
    Person,
)
from bot.core.kb.schema import PLURALS, ParseContext, Reference, parse_entity
from bot.core.kb.yamlsource import (
    YamlLimitError,
    YamlSyntaxError,
    line_of,
    parse_yaml,
    read_yaml_file,
)


def bundled_data_dir() -> Path:
    """The knowledge base shipped with the package (wheel) or the checkout's data/."""
    packaged = Path(__file__).resolve().parents[2] / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def content_hash(kind: str, raw: Any, guild_id: int | None) -> str:
    """A stable hash of an entry's definition: the index resyncs an entity when it changes."""
    payload = json.dumps([kind, guild_id, raw], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


@dataclass(slots=True)
class ParsedFiles:
    """Records, links and problems gathered from data files, before cross-checking."""

    records: list[EntityRecord] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    invalid_ids: set[str] = field(default_factory=set)

    def add_file(self, path: Path, display: str, guild_id: int | None = None) -> None:
        """Parse one more file into this collection."""
        ctx = ParseContext(display)
        self.records.extend(parse_file(path, ctx, guild_id))
        self._add_context(ctx)

    def add_text(self, text: str, display: str, guild_id: int | None = None) -> None:
        """Parse one more file's text (an entry kept in a database) into this collection."""
        ctx = ParseContext(display)
        self.records.extend(parse_text(text, ctx, guild_id))
        self._add_context(ctx)

    def _add_context(self, ctx: ParseContext) -> None:
        self.references.extend(ctx.references)
        self.problems.extend(ctx.problems)
        self.invalid_ids |= ctx.invalid_ids


def parse_file(path: Path, ctx: ParseContext, guild_id: int | None = None) -> list[EntityRecord]:
    """Parse one data file into records; problems and links are recorded in `ctx`."""
    records: list[EntityRecord] = []
    try:
        document = read_yaml_file(path)
    except YamlLimitError as exc:
        ctx.problem(exc.line, exc.message)
    except YamlSyntaxError as exc:
        ctx.problem(exc.line, f"invalid YAML: {exc.message}")
    except UnreadableFileError as exc:
        ctx.problem(exc.line, exc.message)
    else:
        records = list(_parse_document(document, ctx, guild_id))
    return records


def parse_text(text: str, ctx: ParseContext, guild_id: int | None = None) -> list[EntityRecord]:
    """Parse one data file's text into records, exactly as `parse_file` parses the file."""
    try:
        document = parse_yaml(text)
    except YamlLimitError as exc:
        ctx.problem(exc.line, exc.message)
    except YamlSyntaxError as exc:
        ctx.problem(exc.line, f"invalid YAML: {exc.message}")
    else:
        return list(_parse_document(document, ctx, guild_id))
    return []


def _parse_document(
    document: Any, ctx: ParseContext, guild_id: int | None
) -> Iterator[EntityRecord]:
    if document is None:
        return
    if not isinstance(document, dict):
        ctx.problem(line_of(document), "a data file must be a mapping of kinds to lists")
        return
    for plural, entries in document.items():
        line = line_of(document, plural)
        kind = PLURALS.get(plural)
        if kind is None:
            ctx.problem(line, f"unknown section '{plural}' (known: {', '.join(PLURALS)})")
            continue
        if not isinstance(entries, list):
            ctx.problem(line, f"'{plural}' must be a list of entries")
            continue
        for index, raw in enumerate(entries):
            item_line = line_of(entries, index)
            entity = parse_entity(kind, raw, item_line, ctx, guild_id)
            if entity is not None:
                yield EntityRecord(
                    entity, Location(ctx.path, item_line), content_hash(kind, raw, guild_id)
                )


def load_corpus(data_dir: Path) -> KnowledgeBase:
    """Load and validate every file under `data_dir`; raise `CorpusError` listing all problems."""
    if not data_dir.is_dir():
        what = "is a file, not a directory" if data_dir.exists() else "does not exist"
        raise CorpusError([Problem(str(data_dir), WHOLE_FILE, f"data directory {what}")])
    files, problems = scan_data_dir(data_dir)
    parsed = ParsedFiles(problems=problems)
    for path in files:
        parsed.add_file(path, str(path.relative_to(data_dir)))
    return build_knowledge_base(parsed)


def build_knowledge_base(parsed: ParsedFiles) -> KnowledgeBase:
    """Check ids and links across all records, then index them into a `KnowledgeBase`."""
    by_id, problems = check_records(parsed)
    if problems:
        raise CorpusError(problems)
    return KnowledgeBase.from_records(by_id.values())


def check_records(
    parsed: ParsedFiles,
    known: Mapping[str, EntityRecord] | None = None,
    hidden: Container[str] = frozenset(),
) -> tuple[dict[str, EntityRecord], list[Problem]]:
    """The parsed records by id, and every problem with them, sorted by file and line.

    `known` are records checked before (a loaded knowledge base's, minus the `hidden`
    ids): parsed records may link to them and may not reuse their ids, and nothing else
    about them is checked again, so a server's entries are checked in time proportional
    to their number. The problems are those a check of all the records together finds.
    """
    known = known or {}
    problems = list(parsed.problems)
    by_id: dict[str, EntityRecord] = {}
    for record in parsed.records:
        entity_id = record.entity.id
        first_record = by_id.get(entity_id)
        if first_record is None and entity_id not in hidden:
            first_record = known.get(entity_id)
        if first_record is not None:
            problems.append(
                Problem(
                    record.location.path,
                    record.location.line,
                    f"duplicate id '{entity_id}' (first defined at {first_record.location})",
                )
            )
            continue
        by_id[entity_id] = record
    for ref in parsed.references:
        target = by_id.get(ref.target)
        if target is None and ref.target not in hidden:
            target = known.get(ref.target)
        if target is None and ref.target in parsed.invalid_ids:
            continue  # already reported where the target itself is defined
        if target is None:
            problems.append(
                Problem(ref.path, ref.line, f"'{ref.field}' refers to unknown id '{ref.target}'")
            )
        elif target.kind not in ref.kinds:
            wanted = " or ".join(f"an {k}" if k[0] in "aeiou" else f"a {k}" for k in ref.kinds)
            problems.append(
                Problem(
                    ref.path,
                    ref.line,
                    f"'{ref.field}' must name {wanted}, but '{ref.target}' is a {target.kind}",
                )
            )
    problems.extend(_semantic_problems(by_id.values()))
    return by_id, sorted(problems, key=lambda p: (p.path, p.line))


def _semantic_problems(records: Iterable[EntityRecord]) -> Iterator[Problem]:
    """Checks beyond single fields: ordering of dates, repeated signatories, self-links."""
    for record in records:
        entity, where = record.entity, record.location
        if isinstance(entity, Person):
            for role in entity.roles:
                if role.start and role.end and role.end < role.start[: len(role.end)]:
                    yield Problem(
                        where.path,
                        where.line,
                        f"role '{role.title}' of '{entity.id}' ends before it starts",
                    )
        if isinstance(entity, Letter):
            seen: set[str] = set()
            for signatory in entity.signatories:
                if signatory.organization in seen:
                    yield Problem(
                        where.path,
                        where.line,
                        f"letter '{entity.id}' lists signatory '{signatory.organization}' twice",
                    )
                seen.add(signatory.organization)
        if isinstance(entity, Organization) and entity.id in entity.member_of:
            yield Problem(where.path, where.line, f"organization '{entity.id}' is its own member")


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so a crash leaves either the old or the new file, never half.

    Temporary file in the same directory, fsync, rename over the target, fsync the directory
    so the rename itself survives a power cut.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)


def fsync_directory(directory: Path) -> None:
    """Flush a directory entry (a rename or unlink) to disk."""
    dir_fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
