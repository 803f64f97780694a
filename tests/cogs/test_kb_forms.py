"""The /kb modals' layouts agree with the core's forms and with Discord's limits."""

from __future__ import annotations

import pytest
from discord import app_commands

from bot.cogs.kb.forms import (
    ADD_FORM,
    ADD_LETTER_WITH_RECIPIENT,
    EDIT_FORM,
    add_title,
    edit_extras,
    fields_of,
    form_extras,
)
from bot.cogs.moderation import ModerationCog
from bot.core.moderation.forms import FORMS
from bot.discord_app.moderation_views import INPUTS_LIMIT

LAYOUTS = (
    [(f"add {kind}", kind, names) for kind, names in ADD_FORM.items()]
    + [("add letter with recipient", "letter", ADD_LETTER_WITH_RECIPIENT)]
    + [(f"edit {kind}", kind, names) for kind, names in EDIT_FORM.items()]
)


@pytest.mark.parametrize(("label", "kind", "names"), LAYOUTS, ids=[row[0] for row in LAYOUTS])
def test_every_modal_fits_discord_and_names_real_fields(
    label: str, kind: str, names: tuple[str, ...]
) -> None:
    """One to five inputs, each a field the core's form of that kind has, in order."""
    fields = fields_of(kind, names)
    assert 1 <= len(fields) <= INPUTS_LIMIT
    assert [field.name for field in fields] == list(names)
    assert {field.name for field in fields} <= {field.name for field in FORMS[kind]}


ADD_COMMANDS = {
    "add-letter": "letter",
    "add-quote": "quote",
    "add-signatory": "signatory",
    "add-demand": "demand",
    "add-person": "person",
    "add-org": "organization",
}


@pytest.mark.parametrize(("command", "kind"), sorted(ADD_COMMANDS.items()))
def test_every_required_field_is_asked_by_the_add_command(command: str, kind: str) -> None:
    """What the core requires of an entry is a command option or an input of its form."""
    [group] = ModerationCog.__cog_app_commands__
    assert isinstance(group, app_commands.Group)
    found = group.get_command(command)
    assert isinstance(found, app_commands.Command)
    asked = {parameter.name for parameter in found.parameters} | set(
        found.extras.get("modal_fields", {})
    )
    required = {field.name for field in FORMS[kind] if field.required}
    assert required - asked == set()


def test_form_extras_report_the_core_required_flags() -> None:
    """The parity test reads which modal fields are required from the command's extras."""
    extras = form_extras("demand", ADD_FORM["demand"])["modal_fields"]
    spec = {field.name: field.required for field in FORMS["demand"]}
    assert extras == {name: spec[name] for name in ADD_FORM["demand"]}


def test_edit_extras_list_every_edit_field_as_optional() -> None:
    """/kb edit keeps every value the moderator does not change, so none is required."""
    extras = edit_extras()["modal_fields"]
    assert set(extras) == {name for names in EDIT_FORM.values() for name in names}
    assert not any(extras.values())


@pytest.mark.parametrize(
    ("kind", "title"),
    [("letter", "Add a letter"), ("organization", "Add an organization"), ("quote", "Add a quote")],
)
def test_add_title_reads_as_english(kind: str, title: str) -> None:
    """ "Add an organization", not "Add a organization"."""
    assert add_title(kind) == title
