"""Which fields each /kb modal shows; the others are command options or keep their value."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from discord.app_commands import Choice

from bot.core.kb.models import ORGANIZATION_KINDS
from bot.core.moderation.forms import FORMS, FormField

#: Form fields each add command asks in its modal; the others are command options.
ADD_FORM: dict[str, tuple[str, ...]] = {
    "letter": ("title", "date", "summary", "source"),
    "quote": ("text", "date", "occasion", "source"),
    "demand": ("text", "source"),
    "person": ("name", "aliases", "role", "description", "source"),
    "organization": ("name", "aliases", "description", "source"),
}
#: /kb add-letter without a recipient option asks for it in the form too.
ADD_LETTER_WITH_RECIPIENT = ("title", "date", "recipient", "summary", "source")
#: Form fields an edit modal shows (five at most). The few left out are /kb edit options;
#: every other field keeps its current value.
EDIT_FORM: dict[str, tuple[str, ...]] = {
    "letter": ("title", "date", "recipient", "summary", "source"),
    "quote": ("text", "date", "occasion", "about", "source"),
    "signatory": ("letter", "organization", "note", "source"),
    "demand": ("letter", "text", "source"),
    "person": ("name", "aliases", "role", "description", "source"),
    "organization": ("name", "aliases", "country", "description", "source"),
}
ORGANIZATION_TYPES = [Choice(name=kind, value=kind) for kind in ORGANIZATION_KINDS]


def fields_of(kind: str, names: Sequence[str]) -> list[FormField]:
    """The core's form fields of `kind` named `names`, in that order."""
    spec = {f.name: f for f in FORMS[kind]}
    return [spec[name] for name in names]


def form_extras(kind: str, names: Sequence[str]) -> dict[str, Any]:
    """`extras` of a command: the form fields its modal asks (name → required), for tests."""
    return {"modal_fields": {f.name: f.required for f in fields_of(kind, names)}}


def edit_extras() -> dict[str, Any]:
    """`extras` of /kb edit: every field some edit form may ask, none of them required."""
    return {"modal_fields": {name: False for names in EDIT_FORM.values() for name in names}}


def add_title(kind: str) -> str:
    """ "Add a letter", "Add an organization"."""
    return f"Add {'an' if kind[0] in 'aeiou' else 'a'} {kind}"
