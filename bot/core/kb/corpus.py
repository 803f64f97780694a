"""Load a data directory into a validated, fully linked in-memory knowledge base.

Loading is all or nothing: every file is read and every entry checked, every problem is
reported with its file and line, and only a corpus without problems is returned.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from bot.core.errors import CorpusError, Problem
from bot.core.kb.files import WHOLE_FILE, UnreadableFileError, scan_data_dir
from bot.core.kb.files import data_files as data_files  # re-exported: snapshot reads it here
from bot.core.kb.models import (
    ENTITY_KINDS,
    DemandEntry,
    Entity,
    EntityKind,
    EntityRecord,
    Event,
    Letter,
    Location,
    Organization,
    Person,
    Quote,
    Signatory,
    SignatoryEntry,
    Source,
    Statement,
)
from bot.core.kb.schema import PLURALS, ParseContext, Reference, parse_entity
from bot.core.kb.yamlsource import (
    YamlLimitError,
    YamlSyntaxError,
    line_of,
    parse_yaml,
    read_yaml_file,
)

T = TypeVar("T")


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


def _parse_document(document: Any, ctx: ParseContext, guild_id: int | None) -> Iterator[
    EntityRecord
]:
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
    problems = list(parsed.problems)
    records, references = parsed.records, parsed.references
    by_id: dict[str, EntityRecord] = {}
    for record in records:
        entity_id = record.entity.id
        if entity_id in by_id:
            first = by_id[entity_id].location
            problems.append(
                Problem(record.location.path, record.location.line,
                        f"duplicate id '{entity_id}' (first defined at {first})")
            )
            continue
        by_id[entity_id] = record
    for ref in references:
        target = by_id.get(ref.target)
        if target is None and ref.target in parsed.invalid_ids:
            continue  # already reported where the target itself is defined
        if target is None:
            problems.append(Problem(ref.path, ref.line,
                                    f"'{ref.field}' refers to unknown id '{ref.target}'"))
        elif target.kind not in ref.kinds:
            wanted = " or ".join(f"an {k}" if k[0] in "aeiou" else f"a {k}" for k in ref.kinds)
            problems.append(Problem(ref.path, ref.line,
                                    f"'{ref.field}' must name {wanted}, but "
                                    f"'{ref.target}' is a {target.kind}"))
    problems.extend(_semantic_problems(by_id.values()))
    if problems:
        raise CorpusError(sorted(problems, key=lambda p: (p.path, p.line)))
    return KnowledgeBase.from_records(by_id.values())


def _semantic_problems(records: Iterable[EntityRecord]) -> Iterator[Problem]:
    """Checks beyond single fields: ordering of dates, repeated signatories, self-links."""
    for record in records:
        entity, where = record.entity, record.location
        if isinstance(entity, Person):
            for role in entity.roles:
                if role.start and role.end and role.end < role.start[: len(role.end)]:
                    yield Problem(where.path, where.line,
                                  f"role '{role.title}' of '{entity.id}' ends before it starts")
        if isinstance(entity, Letter):
            seen: set[str] = set()
            for signatory in entity.signatories:
                if signatory.organization in seen:
                    yield Problem(where.path, where.line,
                                  f"letter '{entity.id}' lists signatory "
                                  f"'{signatory.organization}' twice")
                seen.add(signatory.organization)
        if isinstance(entity, Organization) and entity.id in entity.member_of:
            yield Problem(where.path, where.line, f"organization '{entity.id}' is its own member")


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

    @classmethod
    def from_records(cls, records: Iterable[EntityRecord],
                     merge_additions: bool = True) -> KnowledgeBase:
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
            if letter is None or any(s.organization == entry.organization
                                     for s in letter.signatories):
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
                self.records[letter_id] = EntityRecord(letter, record.location,
                                                       record.content_hash)

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
            self._derived[name] = compute(self)
        value: T = self._derived[name]
        return value

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
