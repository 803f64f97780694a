"""Field-by-field validation of raw YAML entries into model objects.

Each entity kind has a table of fields. Parsing an entry checks every field, collects
every problem with its line (never stopping at the first), and records the ids it links
to so the corpus can check them once every file is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.core.errors import Problem
from bot.core.kb.dates import is_real_date
from bot.core.kb.models import (
    COUNT_QUALIFIERS,
    ORGANIZATION_KINDS,
    QUOTE_KINDS,
    SLUG_PATTERN,
    DemandEntry,
    Entity,
    EntityKind,
    Event,
    Letter,
    Organization,
    Person,
    Quote,
    ReportedCount,
    Role,
    Signatory,
    SignatoryEntry,
    Source,
    Statement,
)
from bot.core.kb.yamlsource import LineDict, line_of

#: The top-level key of each kind in a data file.
PLURALS: dict[str, EntityKind] = {
    "sources": "source",
    "organizations": "organization",
    "people": "person",
    "letters": "letter",
    "quotes": "quote",
    "events": "event",
    "signatories": "signatory",
    "demands": "demand",
}
#: The plural (top-level key) of each kind.
SECTION_OF: dict[EntityKind, str] = {kind: plural for plural, kind in PLURALS.items()}


@dataclass(frozen=True, slots=True)
class Reference:
    """A link from one entity to another, checked after every file is read."""

    target: str
    kinds: tuple[EntityKind, ...]
    path: str
    line: int
    field: str


@dataclass(slots=True)
class ParseContext:
    """Where we are and what we found: problems and references accumulate here."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    #: Ids of entries that failed validation: links to them are not reported again.
    invalid_ids: set[str] = field(default_factory=set)

    def problem(self, line: int, message: str) -> None:
        """Record one problem at `line` of the current file."""
        self.problems.append(Problem(self.path, line, message))


class _Invalid:
    """Marker for a field whose value failed validation (the problem is recorded)."""


INVALID = _Invalid()
Parser = Callable[[Any, int, str, ParseContext], Any]


def _text(value: Any, line: int, name: str, ctx: ParseContext) -> Any:
    if not isinstance(value, str) or not value.strip():
        ctx.problem(line, f"'{name}' must be non-empty text, got {_describe(value)}")
        return INVALID
    return value.strip()


def _integer(value: Any, line: int, name: str, ctx: ParseContext) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        ctx.problem(line, f"'{name}' must be a whole number, got {_describe(value)}")
        return INVALID
    return value


def _flag(value: Any, line: int, name: str, ctx: ParseContext) -> Any:
    if not isinstance(value, bool):
        ctx.problem(line, f"'{name}' must be true or false, got {_describe(value)}")
        return INVALID
    return value


def _date(value: Any, line: int, name: str, ctx: ParseContext) -> Any:
    if not isinstance(value, str) or not is_real_date(value):  # not just the pattern: 02-30
        ctx.problem(
            line, f"'{name}' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {_describe(value)}"
        )
        return INVALID
    return value


def _slug(value: Any, line: int, name: str, ctx: ParseContext) -> Any:
    if not isinstance(value, str) or not SLUG_PATTERN.match(value):
        ctx.problem(
            line, f"'{name}' must be a slug like 'human-rights-watch', got {_describe(value)}"
        )
        return INVALID
    return value


def _url(value: Any, line: int, name: str, ctx: ParseContext) -> Any:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        ctx.problem(line, f"'{name}' must be an http(s) URL, got {_describe(value)}")
        return INVALID
    return value


def _one_of(choices: tuple[str, ...]) -> Parser:
    def parse(value: Any, line: int, name: str, ctx: ParseContext) -> Any:
        if value not in choices:
            ctx.problem(
                line, f"'{name}' must be one of {', '.join(choices)}; got {_describe(value)}"
            )
            return INVALID
        return value

    return parse


def _ref(*kinds: EntityKind) -> Parser:
    def parse(value: Any, line: int, name: str, ctx: ParseContext) -> Any:
        slug = _slug(value, line, name, ctx)
        if slug is not INVALID:
            ctx.references.append(Reference(slug, kinds, ctx.path, line, name))
        return slug

    return parse


def _list_of(item: Parser) -> Parser:
    def parse(value: Any, line: int, name: str, ctx: ParseContext) -> Any:
        if not isinstance(value, list):
            ctx.problem(line, f"'{name}' must be a list, got {_describe(value)}")
            return INVALID
        items = [item(v, line_of(value, i), name, ctx) for i, v in enumerate(value)]
        if any(v is INVALID for v in items):
            return INVALID
        return tuple(items)

    return parse


def _record(builder: Callable[..., Any], fields: dict[str, tuple[Parser, bool]]) -> Parser:
    def parse(value: Any, line: int, name: str, ctx: ParseContext) -> Any:
        if not isinstance(value, dict):
            ctx.problem(line, f"each item of '{name}' must be a mapping, got {_describe(value)}")
            return INVALID
        values = parse_fields(value, fields, ctx, what=f"item of '{name}'")
        if values is None:
            return INVALID
        return builder(**values)

    return parse


def parse_fields(
    raw: dict[str, Any], fields: dict[str, tuple[Parser, bool]], ctx: ParseContext, what: str
) -> dict[str, Any] | None:
    """Check `raw` against a field table; return the parsed values or None on problems."""
    before = len(ctx.problems)
    for key, line in getattr(raw, "duplicate_keys", []):
        ctx.problem(line, f"duplicate key '{key}' in {what}")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        line = line_of(raw, key)
        if key not in fields:
            known = ", ".join(sorted(fields))
            ctx.problem(line, f"unknown key '{key}' in {what} (known keys: {known})")
            continue
        if value is None:
            continue
        values[key] = fields[key][0](value, line, key, ctx)
    for key, (_, required) in fields.items():
        if required and values.get(key) is None:
            ctx.problem(line_of(raw), f"{what} is missing required field '{key}'")
    if len(ctx.problems) > before:
        return None
    return values


_SOURCES = _list_of(_ref("source"))
_TEXTS = _list_of(_text)

_STATEMENT = _record(
    Statement, {"text": (_text, True), "sources": (_SOURCES, True), "note": (_text, False)}
)
_SIGNATORY = _record(
    Signatory,
    {
        "organization": (_ref("organization"), True),
        "sources": (_SOURCES, True),
        "note": (_text, False),
    },
)
_COUNT = _record(
    ReportedCount,
    {
        "count": (_integer, True),
        "unit": (_text, True),
        "qualifier": (_one_of(COUNT_QUALIFIERS), False),
        "note": (_text, False),
        "sources": (_SOURCES, True),
        "of_signers": (_flag, False),
    },
)
_ROLE = _record(
    Role,
    {
        "title": (_text, True),
        "organization": (_ref("organization"), False),
        "start": (_date, False),
        "end": (_date, False),
        "as_of": (_date, False),
        "note": (_text, False),
        "sources": (_SOURCES, True),
    },
)

#: Field tables per kind: name -> (parser, required).
FIELDS: dict[EntityKind, dict[str, tuple[Parser, bool]]] = {
    "source": {
        "id": (_slug, True),
        "publisher": (_text, True),
        "title": (_text, True),
        "date": (_date, False),
        "author": (_text, False),
        "original_publisher": (_ref("organization"), False),
        "url": (_url, False),
        "note": (_text, False),
    },
    "organization": {
        "id": (_slug, True),
        "name": (_text, True),
        "kind": (_one_of(ORGANIZATION_KINDS), True),
        "aliases": (_TEXTS, False),
        "country": (_text, False),
        "country_as_printed": (_text, False),
        "based_in": (_text, False),
        "member_of": (_list_of(_ref("organization")), False),
        "description": (_text, False),
        "sources": (_SOURCES, True),
    },
    "person": {
        "id": (_slug, True),
        "name": (_text, True),
        "aliases": (_TEXTS, False),
        "roles": (_list_of(_ROLE), False),
        "description": (_text, False),
        "sources": (_SOURCES, True),
    },
    "letter": {
        "id": (_slug, True),
        "title": (_text, True),
        "date": (_date, True),
        "recipient": (_ref("person"), True),
        "summary": (_text, True),
        "sources": (_SOURCES, True),
        "aliases": (_TEXTS, False),
        "date_note": (_text, False),
        "kind": (_text, False),
        "coordinator": (_ref("organization"), False),
        "recipient_role": (_text, False),
        "background": (_text, False),
        "demands": (_list_of(_STATEMENT), False),
        "abuses_cited": (_list_of(_STATEMENT), False),
        "excerpts": (_list_of(_STATEMENT), False),
        "signatories": (_list_of(_SIGNATORY), False),
        "reported_counts": (_list_of(_COUNT), False),
        "signatory_regions": (_TEXTS, False),
        "related_events": (_list_of(_ref("event")), False),
        "notes": (_TEXTS, False),
    },
    "quote": {
        "id": (_slug, True),
        "speaker": (_ref("person"), True),
        "text": (_text, True),
        "kind": (_one_of(QUOTE_KINDS), True),
        "sources": (_SOURCES, True),
        "date": (_date, False),
        "occasion": (_text, False),
        "place": (_text, False),
        "about": (_list_of(_ref("letter", "event")), False),
        "topics": (_TEXTS, False),
        "via": (_text, False),
        "note": (_text, False),
    },
    "event": {
        "id": (_slug, True),
        "title": (_text, True),
        "summary": (_text, True),
        "sources": (_SOURCES, True),
        "date": (_date, False),
        "date_note": (_text, False),
        "aliases": (_TEXTS, False),
        "participants": (_list_of(_ref("person")), False),
        "organizations": (_list_of(_ref("organization")), False),
        "related_letters": (_list_of(_ref("letter")), False),
    },
}

FIELDS["signatory"] = {
    "id": (_slug, True),
    "letter": (_ref("letter"), True),
    "organization": (_ref("organization"), True),
    "sources": (_SOURCES, True),
    "note": (_text, False),
}
FIELDS["demand"] = {
    "id": (_slug, True),
    "letter": (_ref("letter"), True),
    "text": (_text, True),
    "sources": (_SOURCES, True),
    "note": (_text, False),
}

BUILDERS: dict[EntityKind, Callable[..., Entity]] = {
    "source": Source,
    "organization": Organization,
    "person": Person,
    "letter": Letter,
    "quote": Quote,
    "event": Event,
    "signatory": SignatoryEntry,
    "demand": DemandEntry,
}


def parse_entity(
    kind: EntityKind, raw: Any, line: int, ctx: ParseContext, guild_id: int | None = None
) -> Entity | None:
    """Validate one raw entry of `kind`; return the entity, or None with problems recorded."""
    if not isinstance(raw, LineDict | dict):
        ctx.problem(line, f"each {kind} must be a mapping, got {_describe(raw)}")
        return None
    raw_id = raw.get("id")
    what = f"{kind} '{raw_id}'" if isinstance(raw_id, str) else kind
    values = parse_fields(raw, FIELDS[kind], ctx, what=what)
    if values is None:
        if isinstance(raw_id, str):
            ctx.invalid_ids.add(raw_id)
        return None
    return BUILDERS[kind](**values, guild_id=guild_id)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{value!r} (a boolean)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
