"""What moderators fill in for each kind of entry, and how to turn it into data/ YAML.

A form is a handful of text fields (Discord modals take five at most; the Discord layer
puts the rest in command options). Values are names and plain text; `build_entry`
resolves names to ids, checks every field, and returns the raw entry plus any new source,
or raises `ValidationError` listing every problem. Names resolve strictly (an id, an exact
name or alias, a clear typo): a write never stores a guess.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.core.errors import NotFoundError, ValidationError
from bot.core.kb.dates import date_problem
from bot.core.kb.models import (
    ORGANIZATION_KINDS,
    Letter,
    Organization,
)
from bot.core.moderation.references import (
    strict_letter,
    strict_organization,
    strict_person,
    strict_subjects,
)
from bot.core.moderation.values import parse_source, text_problem, trim
from bot.core.scope import Scope
from bot.core.search.names import normalize

#: Kinds moderators can add, in the order menus list them.
EDITABLE_KINDS = ("letter", "quote", "signatory", "demand", "person", "organization")


@dataclass(frozen=True, slots=True)
class FormField:
    """One field of a moderator form."""

    name: str
    label: str
    required: bool
    max_length: int
    long: bool = False
    placeholder: str = ""


_SOURCE = FormField(
    "source", "Source", True, 500, placeholder="https://… or: Publisher, 2024-05-01, Title"
)

FORMS: dict[str, tuple[FormField, ...]] = {
    "letter": (
        FormField("title", "Title", True, 200),
        FormField("date", "Date (YYYY, YYYY-MM or YYYY-MM-DD)", True, 10, placeholder="2024-05-01"),
        FormField("recipient", "Recipient (a person in the knowledge base)", True, 100),
        FormField("summary", "Summary, in your own words", True, 2000, long=True),
        _SOURCE,
    ),
    "quote": (
        FormField("person", "Who said it", True, 100),
        FormField("text", "Exact words (or a paraphrase)", True, 2000, long=True),
        FormField("date", "Date (YYYY, YYYY-MM or YYYY-MM-DD)", False, 10),
        FormField("occasion", "Occasion (statement, briefing…)", False, 200),
        FormField("about", "About (a letter, event or topic)", False, 200),
        FormField("wording", "verbatim or paraphrase", False, 10, placeholder="verbatim"),
        _SOURCE,
    ),
    "signatory": (
        FormField("letter", "Letter", True, 100),
        FormField("organization", "Organization that signed", True, 100),
        FormField("note", "Note (how the source lists it)", False, 300),
        _SOURCE,
    ),
    "demand": (
        FormField("letter", "Letter", True, 100),
        FormField("text", "What the letter demands", True, 1000, long=True),
        _SOURCE,
    ),
    "person": (
        FormField("name", "Name", True, 100),
        FormField("aliases", "Other names or spellings, comma-separated", False, 300),
        FormField("role", "Role (title)", False, 200),
        FormField("organization", "Organization of that role", False, 100),
        FormField("description", "Who they are, in your own words", False, 1000, long=True),
        _SOURCE,
    ),
    "organization": (
        FormField("name", "Name", True, 150),
        FormField("aliases", "Abbreviations or other names, comma-separated", False, 300),
        FormField("country", "Country", False, 60),
        FormField("type", "Type: " + ", ".join(ORGANIZATION_KINDS), False, 20, placeholder="ngo"),
        FormField("description", "What it is, in your own words", False, 1000, long=True),
        _SOURCE,
    ),
}

_ID_PREFIX = {
    "letter": "letter",
    "quote": "quote",
    "signatory": "sig",
    "demand": "demand",
    "person": "person",
    "organization": "org",
    "source": "src",
}


@dataclass(frozen=True, slots=True)
class BuiltEntry:
    """A validated entry ready to write, with the source entry it needs (if new)."""

    kind: str
    raw: dict[str, Any]
    source: dict[str, Any] | None
    summary: str


def slugify(text: str, limit: int = 40) -> str:
    """A slug fragment from any text ("Human Rights Watch" → "human-rights-watch")."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalize(text).encode("ascii", "ignore").decode())
    return slug.strip("-")[:limit].strip("-")


def new_id(prefix: str, kind: str, label: str) -> str:
    """A fresh id in a server's namespace: g<guild>-<kind>-<slug>-<random>."""
    middle = slugify(label) or kind
    return f"{prefix}{_ID_PREFIX[kind]}-{middle}-{secrets.token_hex(3)}"


def build_entry(
    scope: Scope,
    kind: str,
    values: Mapping[str, str | None],
    prefix: str,
    entry_id: str | None = None,
) -> BuiltEntry:
    """Check a form and build the entry; raise ValidationError listing every problem.

    `entry_id` is the id of the entry being edited (kept, and ignored by duplicate checks).
    """
    if kind not in FORMS:
        raise ValidationError([f"Unknown kind “{kind}”; use one of {', '.join(FORMS)}."])
    form = FORMS[kind]
    problems: list[str] = []
    known = {f.name for f in form}
    for name in values:
        if name not in known:
            problems.append(f"Unknown field “{name}” for a {kind}; fields: {', '.join(known)}.")
    clean = _clean_values(form, values, problems)
    reason = date_problem(clean["date"]) if "date" in clean else None
    if reason is not None:
        problems.append(f"Date “{clean['date']}” {reason}")
    source = parse_source(clean["source"], prefix, problems) if "source" in clean else None
    builder = _BUILDERS[kind]
    raw = builder(scope, clean, problems, entry_id)
    if problems:
        raise ValidationError(problems)
    raw["id"] = entry_id or new_id(prefix, kind, _label(kind, clean))
    raw["sources"] = [source["id"]] if source else []
    if kind == "person" and raw.get("roles"):
        raw["roles"][0]["sources"] = list(raw["sources"])  # shared, YAML dumps an anchor
    ordered = {"id": raw.pop("id"), **raw}
    return BuiltEntry(kind, ordered, source, _label(kind, clean))


def _clean_values(
    form: tuple[FormField, ...], values: Mapping[str, str | None], problems: list[str]
) -> dict[str, str]:
    """The filled-in fields, trimmed of blank and invisible edges; each bad one a problem.

    A value of only invisible characters (U+200B, U+FEFF…) is refused rather than taken
    as empty, since whoever sent it meant something.
    """
    clean: dict[str, str] = {}
    for spec in form:
        given = values.get(spec.name) or ""
        value = trim(given)
        if not value:
            if given.strip():
                problems.append(
                    f"{spec.label}: has only invisible characters; type the text itself."
                )
            elif spec.required:
                problems.append(f"{spec.label}: required.")
            continue
        reason = text_problem(value, multiline=spec.long)
        if reason is not None:
            problems.append(f"{spec.label}: {reason}")
        elif len(value) > spec.max_length:
            problems.append(f"{spec.label}: {len(value)} characters; at most {spec.max_length}.")
        else:
            clean[spec.name] = value
    return clean


def _label(kind: str, values: Mapping[str, str]) -> str:
    for key in ("title", "name", "text"):
        if key in values:
            return values[key][:80]
    return f"{values.get('organization', '')} → {values.get('letter', '')}"


def _resolve(problems: list[str], what: str, function: Any, scope: Scope, text: str) -> Any:
    try:
        return function(scope, text)
    except NotFoundError as exc:
        hint = f" Did you mean: {', '.join(exc.suggestions[:3])}?" if exc.suggestions else ""
        problems.append(
            f"{what}: nothing in the knowledge base is named “{text}” (an exact "
            f"name, alias or id, or a close spelling); nothing was guessed.{hint}"
        )
        return None


def _letter(
    scope: Scope, values: Mapping[str, str], problems: list[str], entry_id: str | None
) -> dict[str, Any]:
    person = _resolve(problems, "Recipient", strict_person, scope, values.get("recipient", ""))
    for other in scope.kb.letters.values():
        if (
            other.id != entry_id
            and normalize(other.title) == normalize(values.get("title", ""))
            and other.date == values.get("date")
        ):
            problems.append(f"A letter “{other.title}” of {other.date} already exists.")
    raw: dict[str, Any] = {
        "title": values.get("title"),
        "date": values.get("date"),
        "recipient": person.id if person else None,
        "summary": values.get("summary"),
    }
    return raw


def _quote(
    scope: Scope, values: Mapping[str, str], problems: list[str], entry_id: str | None
) -> dict[str, Any]:
    person = _resolve(problems, "Person", strict_person, scope, values.get("person", ""))
    kind = values.get("wording", "verbatim").casefold()
    if kind not in ("verbatim", "paraphrase"):
        problems.append("Wording must be “verbatim” or “paraphrase”.")
    words = normalize(values.get("text", ""))
    if person is not None:
        for quote in scope.kb.quotes_by(person.id):
            if quote.id != entry_id and normalize(quote.text) == words:
                problems.append(f"{person.name} already has this quote in the knowledge base.")
    raw: dict[str, Any] = {
        "speaker": person.id if person else None,
        "text": values.get("text"),
        "kind": kind,
    }
    for key in ("date", "occasion"):
        if key in values:
            raw[key] = values[key]
    about = values.get("about")
    if about:
        subjects = strict_subjects(scope, about)
        if subjects:
            raw["about"] = subjects
        else:
            raw["topics"] = [about]
    return raw


def _signatory(
    scope: Scope, values: Mapping[str, str], problems: list[str], entry_id: str | None
) -> dict[str, Any]:
    letter: Letter | None = _resolve(
        problems, "Letter", strict_letter, scope, values.get("letter", "")
    )
    org: Organization | None = _resolve(
        problems, "Organization", strict_organization, scope, values.get("organization", "")
    )
    if letter is not None and org is not None:
        for signatory in letter.signatories:
            mine = (
                entry_id is not None
                and entry_id in scope.kb.signatory_entries
                and (scope.kb.signatory_entries[entry_id].organization == org.id)
            )
            if signatory.organization == org.id and not mine:
                problems.append(f"{org.name} is already a signatory of “{letter.title}”.")
    raw: dict[str, Any] = {
        "letter": letter.id if letter else None,
        "organization": org.id if org else None,
    }
    if "note" in values:
        raw["note"] = values["note"]
    return raw


def _demand(
    scope: Scope, values: Mapping[str, str], problems: list[str], entry_id: str | None
) -> dict[str, Any]:
    letter: Letter | None = _resolve(
        problems, "Letter", strict_letter, scope, values.get("letter", "")
    )
    text = values.get("text", "")
    if letter is not None:
        existing = {normalize(d.text) for d in letter.demands}
        own = scope.kb.demand_entries.get(entry_id or "")
        if normalize(text) in existing and not (own and normalize(own.text) == normalize(text)):
            problems.append(f"“{letter.title}” already has this demand.")
    return {"letter": letter.id if letter else None, "text": text}


def _duplicate_name(
    scope: Scope, kind: str, names: list[str], entry_id: str | None, problems: list[str]
) -> None:
    for name in names:
        for existing in scope.names.aliases.get(normalize(name), ()):
            if existing != entry_id and scope.names.kind(existing) == kind:
                problems.append(f"“{name}” is already the name of {scope.names.display(existing)}.")
                return


def _aliases(values: Mapping[str, str], problems: list[str]) -> list[str]:
    aliases = [trim(a) for a in values.get("aliases", "").split(",")]
    for alias in aliases:
        if alias and text_problem(alias, multiline=False) is not None:
            problems.append(f"Alias “{alias}” has no visible characters.")
    return [a for a in aliases if a]


def _person(
    scope: Scope, values: Mapping[str, str], problems: list[str], entry_id: str | None
) -> dict[str, Any]:
    aliases = _aliases(values, problems)
    _duplicate_name(scope, "person", [values.get("name", ""), *aliases], entry_id, problems)
    raw: dict[str, Any] = {"name": values.get("name")}
    if aliases:
        raw["aliases"] = aliases
    if "role" in values:
        role: dict[str, Any] = {"title": values["role"]}
        if "organization" in values:
            org = _resolve(
                problems, "Organization", strict_organization, scope, values["organization"]
            )
            if org is not None:
                role["organization"] = org.id
        raw["roles"] = [role]
    elif "organization" in values:
        problems.append("Organization: give the role held there too.")
    if "description" in values:
        raw["description"] = values["description"]
    return raw


def _organization(
    scope: Scope, values: Mapping[str, str], problems: list[str], entry_id: str | None
) -> dict[str, Any]:
    aliases = _aliases(values, problems)
    _duplicate_name(scope, "organization", [values.get("name", ""), *aliases], entry_id, problems)
    kind = values.get("type", "ngo").casefold()
    if kind not in ORGANIZATION_KINDS:
        problems.append(f"Type must be one of {', '.join(ORGANIZATION_KINDS)}.")
    raw: dict[str, Any] = {"name": values.get("name"), "kind": kind}
    if aliases:
        raw["aliases"] = aliases
    for key in ("country", "description"):
        if key in values:
            raw[key] = values[key]
    return raw


_BUILDERS = {
    "letter": _letter,
    "quote": _quote,
    "signatory": _signatory,
    "demand": _demand,
    "person": _person,
    "organization": _organization,
}
