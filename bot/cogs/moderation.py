"""/kb: moderators curate their server's knowledge base from Discord.

The subcommands mirror `campaign-bot kb …` (add-letter, add-quote, add-signatory,
add-demand, add-person, add-org, edit, remove, list, import, export, history, undo) and
call the same `Moderation` methods, always on the engine's worker thread. Long text comes
through modals; removals and imports wait for a confirm button.

Who may: Manage Server, or the role named by `settings.moderator_role`. Discord's default
permission only hides the commands (a server admin can change it), so the check in code —
on every command, autocomplete, form submission and button — is the one that counts.
Entries belong to the server that added them; the core answers another server's id exactly
as an unknown one.
"""

from __future__ import annotations

import asyncio
import io
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import discord
from discord import app_commands
from discord.app_commands import Choice, Range
from discord.ext import commands

from bot.core.errors import (
    CampaignBotError,
    IndexBusyError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from bot.core.kb.models import ORGANIZATION_KINDS, EntityKind, Letter
from bot.core.moderation.changelog import Change
from bot.core.moderation.forms import FORMS, FormField
from bot.core.moderation.service import Actor, ChangeResult, ImportPlan, Moderation, change_diff
from bot.core.scope import Scope
from bot.core.search.resolve import resolve_letter, resolve_organization, resolve_person
from bot.core.usage.log import Outcome
from bot.discord_app.embeds import clean
from bot.discord_app.moderation_views import (
    CONTENT_LIMIT,
    NO_MENTIONS,
    ButtonHandler,
    ConfirmView,
    EntryForm,
    RetryView,
    fit,
    pages_of,
    problem_pages,
    problem_text,
)
from bot.discord_app.permissions import is_moderator
from bot.discord_app.views import AnswerView

if TYPE_CHECKING:
    from bot.discord_app.client import CampaignBot

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Answer at once when the core is this quick; otherwise acknowledge first (Discord's 3 s).
DEFER_AFTER = 1.5
#: A modal must be the first response, so work before one may not take longer than this.
BEFORE_FORM_TIMEOUT = 2.0
AUTOCOMPLETE_TIMEOUT = 2.0
#: Changes shown by /kb history when no limit is given (as `campaign-bot kb history`).
HISTORY_LIMIT = 50
HISTORY_PER_PAGE = 10
LIST_PER_PAGE = 20

#: Form fields each add command asks in its modal; the others are command options.
ADD_FORM: dict[str, tuple[str, ...]] = {
    "letter": ("title", "date", "summary", "source"),
    "quote": ("text", "date", "occasion", "source"),
    "demand": ("text", "source"),
    "person": ("name", "aliases", "role", "description", "source"),
    "organization": ("name", "aliases", "description", "source"),
}
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
#: How an option naming something in the knowledge base is checked before a form opens,
#: so nobody types a long text only to learn the person does not exist.
_RESOLVERS: dict[str, Callable[[Scope, str], object]] = {
    "person": resolve_person,
    "recipient": resolve_person,
    "letter": resolve_letter,
    "organization": resolve_organization,
}
ORGANIZATION_TYPES = [Choice(name=kind, value=kind) for kind in ORGANIZATION_KINDS]


def _form_extras(kind: str, names: Sequence[str]) -> dict[str, Any]:
    """`extras` of a command: the form fields its modal asks (name → required), for tests."""
    spec = {f.name: f for f in FORMS[kind]}
    return {"modal_fields": {name: spec[name].required for name in names}}


def _add_title(kind: str) -> str:
    return f"Add {'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _fields(kind: str, names: Sequence[str]) -> list[FormField]:
    spec = {f.name: f for f in FORMS[kind]}
    return [spec[name] for name in names]


class NotModerator(app_commands.CheckFailure):
    """The member may not change this server's knowledge base."""


class ModerationCog(commands.Cog):
    """The /kb commands: add, edit, remove, list, import, export, history and undo."""

    kb = app_commands.Group(
        name="kb",
        description="Curate this server's knowledge base (moderators only)",
        allowed_contexts=app_commands.AppCommandContext(guild=True),
        allowed_installs=app_commands.AppInstallationType(guild=True),
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: CampaignBot) -> None:
        self.bot = bot
        self.moderation = Moderation(bot.engine)

    # Who may -------------------------------------------------------------------------

    def may_moderate(self, interaction: discord.Interaction) -> bool:
        """Whether the member may change this server's entries right now."""
        return is_moderator(interaction, self.bot.settings.moderator_role)

    def refusal(self) -> str:
        """What a non-moderator is told."""
        role = self.bot.settings.moderator_role
        who = "Manage Server" + (f" or the “{clean(role)}” role" if role else "")
        return (f"Only this server's moderators ({who}) can change its knowledge base. "
                "Nothing was changed.")

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Every /kb command: refuse non-moderators (the tree's error handler replies)."""
        if interaction.guild_id is None:
            raise NotModerator("The knowledge base commands work in a server only.")
        if not self.may_moderate(interaction):
            raise NotModerator(self.refusal())
        return True

    async def gate(self, interaction: discord.Interaction) -> bool:
        """Every form submission and button press: the same check, with its own reply."""
        if self.may_moderate(interaction):
            return True
        await interaction.response.send_message(self.refusal(), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)
        return False

    @staticmethod
    def actor(interaction: discord.Interaction) -> Actor:
        """The moderator, as the change log records them."""
        return Actor(interaction.user.id, interaction.user.name)

    # Running and replying ------------------------------------------------------------

    async def in_time(self, interaction: discord.Interaction, work: Awaitable[T], *,
                      update: bool = False) -> T:
        """Await `work`; if it is slow, acknowledge the interaction first (Discord's 3 s)."""
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER)
        if not done and not interaction.response.is_done():
            if update:
                await interaction.response.defer()
            else:
                await interaction.response.defer(ephemeral=True, thinking=True)
        return await task

    async def core(self, interaction: discord.Interaction, function: Callable[[], T], *,
                   update: bool = False) -> T:
        """Run a blocking core call on the engine's worker thread, in time."""
        return await self.in_time(interaction, self.bot.engine.run_blocking(function),
                                  update=update)

    async def before_form(self, function: Callable[[], T]) -> T:
        """A quick core call before a modal, which must be the interaction's first response."""
        try:
            return await asyncio.wait_for(self.bot.engine.run_blocking(function),
                                          BEFORE_FORM_TIMEOUT)
        except TimeoutError:
            raise IndexBusyError("The knowledge base is busy with another change; try again "
                                 "in a moment.") from None

    async def reply(self, interaction: discord.Interaction, content: str | None = None, *,
                    embeds: Sequence[discord.Embed] = (), view: discord.ui.View | None = None,
                    file: discord.File | None = None, update: bool = False) -> None:
        """Send an ephemeral reply, or with `update` replace the message a button is on."""
        if update:
            if interaction.response.is_done():
                await interaction.edit_original_response(
                    content=content, embeds=list(embeds), view=view,
                    allowed_mentions=NO_MENTIONS)
            else:
                await interaction.response.edit_message(
                    content=content, embeds=list(embeds), view=view,
                    allowed_mentions=NO_MENTIONS)
            return
        options: dict[str, Any] = {"allowed_mentions": NO_MENTIONS, "ephemeral": True}
        if content is not None:
            options["content"] = content
        if embeds:
            options["embeds"] = list(embeds)
        if view is not None:
            options["view"] = view
        if file is not None:
            options["file"] = file
        if interaction.response.is_done():
            await interaction.followup.send(wait=True, **options)
        else:
            await interaction.response.send_message(**options)

    async def reply_problems(self, interaction: discord.Interaction, problems: Sequence[str],
                             *, update: bool = False, retry: ButtonHandler | None = None) -> None:
        """Every problem: as text with a retry button when short, as pages when long."""
        text = problem_text(problems)
        if len(text) <= CONTENT_LIMIT:
            view = RetryView(interaction.user.id, self.gate, retry) if retry else None
            await self.reply(interaction, text, view=view, update=update)
            if view is not None:
                view.origin = interaction
            return
        pages = problem_pages(problems)
        pager = AnswerView(pages, interaction.user.id) if len(pages) > 1 else None
        await self.reply(interaction, embeds=[pages[0]], view=pager, update=update)
        if pager is not None:
            pager.message_interaction = interaction

    async def settle(self, interaction: discord.Interaction, origin: discord.Interaction,
                     step: Callable[[], Awaitable[Outcome | None]], *, update: bool = False,
                     retry: ButtonHandler | None = None,
                     params: Mapping[str, object] | None = None) -> None:
        """Run one step of a command; turn domain errors into replies; log the outcome.

        `origin` is the slash command the step belongs to (a form submission or a button
        press has no command of its own). A step returns None while the flow goes on (a
        form or buttons are showing), so each command is logged once, when it ends.
        """
        started = time.perf_counter()
        origin.extras.setdefault("started", started)
        outcome: Outcome | None
        try:
            outcome = await step()
        except ValidationError as exc:
            outcome = "error"
            await self.reply_problems(interaction, exc.problems, update=update, retry=retry)
        except PermissionDeniedError as exc:
            outcome = "refused"
            await self.reply(interaction, clean(str(exc)), update=update)
        except CampaignBotError as exc:
            outcome = "error"
            await self.reply(interaction, clean(str(exc)), update=update)
        if outcome is not None:
            self.bot.record_usage(origin, outcome, started, params=dict(params or {}))

    async def confirm_change(self, interaction: discord.Interaction,
                             function: Callable[[], ChangeResult], *,
                             update: bool = False) -> Outcome:
        """Make a change and reply with what it did and its change number(s)."""
        result = await self.core(interaction, function, update=update)
        await self.reply(interaction, fit(clean(result.message), CONTENT_LIMIT), update=update)
        return "answered"

    async def cancelled(self, interaction: discord.Interaction,
                        origin: discord.Interaction) -> None:
        """A Cancel button: say nothing changed and log the command as answered."""
        started = time.perf_counter()
        await self.reply(interaction, "Cancelled: nothing was changed.", update=True)
        self.bot.record_usage(origin, "answered", started, params={"cancelled": True})

    # Autocomplete --------------------------------------------------------------------

    async def choices(self, interaction: discord.Interaction,
                      function: Callable[[], list[Choice[str]]]) -> list[Choice[str]]:
        """Autocomplete for moderators only, answered well inside Discord's 3 seconds."""
        if not self.may_moderate(interaction):
            return []
        try:
            return await asyncio.wait_for(self.bot.engine.run_blocking(function),
                                          AUTOCOMPLETE_TIMEOUT)
        except TimeoutError:
            log.warning("/kb autocomplete timed out")
            return []

    async def complete_names(self, interaction: discord.Interaction, current: str,
                             kinds: tuple[EntityKind, ...]) -> list[Choice[str]]:
        """Letters, people or organizations this server can see, by forgiving prefix."""
        guild_id = interaction.guild_id

        def names() -> list[Choice[str]]:
            scope = self.bot.engine.scope(guild_id)
            found = []
            for entity_id in scope.names.complete(current[:100], kinds, 25):
                label = scope.names.display(entity_id)
                entity = scope.kb.get(entity_id)
                if isinstance(entity, Letter):
                    label = f"{entity.date[:4]} — {label}"
                if len(entity_id) <= 100:
                    found.append(Choice(name=fit(label, 100), value=entity_id))
            return found

        return await self.choices(interaction, names)

    async def complete_person(self, interaction: discord.Interaction,
                              current: str) -> list[Choice[str]]:
        """People by name or spelling."""
        return await self.complete_names(interaction, current, ("person",))

    async def complete_letter(self, interaction: discord.Interaction,
                              current: str) -> list[Choice[str]]:
        """Letters by year, recipient or title."""
        return await self.complete_names(interaction, current, ("letter",))

    async def complete_org(self, interaction: discord.Interaction,
                           current: str) -> list[Choice[str]]:
        """Organizations by name or abbreviation."""
        return await self.complete_names(interaction, current, ("organization",))

    async def complete_entry(self, interaction: discord.Interaction,
                             current: str) -> list[Choice[str]]:
        """This server's own entries only (never the curated corpus or another server's)."""
        guild_id = interaction.guild_id
        wanted = current.casefold().strip()

        def entries() -> list[Choice[str]]:
            if guild_id is None:
                return []
            found = []
            for entry_id, kind, label in self.moderation.entries(guild_id):
                if len(entry_id) <= 100 and (wanted in label.casefold()
                                             or wanted in entry_id.casefold()):
                    found.append(Choice(name=fit(f"{kind}: {label}", 100), value=entry_id))
            return found[:25]

        return await self.choices(interaction, entries)

    # Forms ---------------------------------------------------------------------------

    def form(self, origin: discord.Interaction, title: str, fields: Sequence[FormField],
             defaults: Mapping[str, str],
             submit: Callable[[discord.Interaction, dict[str, str]], Awaitable[None]]
             ) -> EntryForm:
        """A modal for the moderator who ran `origin`."""
        return EntryForm(title, fields, defaults, origin.user.id, submit, self.gate)

    async def open_add_form(self, interaction: discord.Interaction, kind: str,
                            names: Sequence[str], options: Mapping[str, str | None]) -> None:
        """Check the names given as options, then open the form for the rest."""
        given = {k: v for k, v in options.items() if v}
        guild_id = interaction.guild_id
        fields = _fields(kind, names)

        def check_names() -> None:
            scope = self.bot.engine.scope(guild_id)
            for name, value in given.items():
                if name in _RESOLVERS:
                    _RESOLVERS[name](scope, value)

        async def submit(submission: discord.Interaction, values: dict[str, str]) -> None:
            async def retry(again: discord.Interaction) -> None:
                await again.response.send_modal(
                    self.form(interaction, _add_title(kind), fields, values, submit))

            async def add() -> Outcome:
                guild, actor = submission.guild_id, self.actor(submission)
                assert guild is not None  # noqa: S101 - gate() refused DMs
                merged = {**given, **values}
                return await self.confirm_change(
                    submission, lambda: self.moderation.add(guild, actor, kind, merged))

            await self.settle(submission, interaction, add, retry=retry,
                              params={"kind": kind})

        async def open_form() -> None:
            try:
                await self.before_form(check_names)
            except IndexBusyError:
                pass  # the core checks the names again on submission
            except NotFoundError as exc:
                raise ValidationError([str(exc)]) from None
            await interaction.response.send_modal(
                self.form(interaction, _add_title(kind), fields, {}, submit))

        await self.settle(interaction, interaction, _continues(open_form),
                          params={"kind": kind})

    # Adding --------------------------------------------------------------------------

    @kb.command(name="add-letter",
                description="Add a letter; a form asks for its title, date, summary and source",
                extras=_form_extras("letter", ("title", "date", "recipient", "summary",
                                               "source")))
    @app_commands.describe(recipient="Who it was sent to (asked in the form when left out)")
    @app_commands.autocomplete(recipient=complete_person)
    async def add_letter(self, interaction: discord.Interaction,
                         recipient: Range[str, 1, 100] | None = None) -> None:
        """A new letter (campaign action) of this server."""
        names = ADD_FORM["letter"]
        if recipient is None:
            names = ("title", "date", "recipient", "summary", "source")
        await self.open_add_form(interaction, "letter", names, {"recipient": recipient})

    @kb.command(name="add-quote",
                description="Add what someone said; a form asks for the words, date and source",
                extras=_form_extras("quote", ADD_FORM["quote"]))
    @app_commands.describe(person="Who said it",
                           about="The letter, event or topic it is about",
                           wording="Exact words (verbatim, the default) or a paraphrase")
    @app_commands.autocomplete(person=complete_person, about=complete_letter)
    async def add_quote(self, interaction: discord.Interaction, person: Range[str, 1, 100],
                        about: Range[str, 1, 200] | None = None,
                        wording: Literal["verbatim", "paraphrase"] | None = None) -> None:
        """A new quote of a person in the knowledge base."""
        await self.open_add_form(interaction, "quote", ADD_FORM["quote"],
                                 {"person": person, "about": about, "wording": wording})

    @kb.command(name="add-signatory",
                description="Add an organization as a signatory of a letter")
    @app_commands.describe(letter="The letter it signed",
                           organization="The organization (a new one is offered to be created)",
                           source="A http(s) link, or: Publisher, date, title",
                           note="How the source lists it, if worth noting")
    @app_commands.autocomplete(letter=complete_letter, organization=complete_org)
    async def add_signatory(self, interaction: discord.Interaction, letter: Range[str, 1, 100],
                            organization: Range[str, 1, 100], source: Range[str, 1, 500],
                            note: Range[str, 1, 300] | None = None) -> None:
        """A signatory; an unknown organization is created after the moderator confirms."""
        guild = interaction.guild_id
        assert guild is not None  # noqa: S101 - interaction_check refused DMs
        actor = self.actor(interaction)
        values = {"letter": letter, "organization": organization, "source": source,
                  "note": note}

        def attempt() -> ChangeResult | NotFoundError:
            try:
                return self.moderation.add(guild, actor, "signatory", values)
            except ValidationError as exc:
                if len(exc.problems) != 1:
                    raise
                try:
                    resolve_organization(self.bot.engine.scope(guild), organization)
                except NotFoundError as missing:
                    return missing  # the only problem: offer to create it
                raise

        def create(by: Actor) -> ChangeResult:
            made = self.moderation.add(guild, by, "organization",
                                       {"name": organization, "source": source})
            try:
                added = self.moderation.add(guild, by, "signatory",
                                            {**values, "organization": made.entry_ids[0]})
            except CampaignBotError:
                for change in reversed(made.change_ids):  # leave nothing half-done
                    self.moderation.undo(guild, by, change)
                raise
            return ChangeResult(f"{made.message}\n{added.message}",
                                made.entry_ids + added.entry_ids,
                                made.change_ids + added.change_ids)

        async def step() -> Outcome | None:
            outcome = await self.core(interaction, attempt)
            if isinstance(outcome, ChangeResult):
                await self.reply(interaction, fit(clean(outcome.message), CONTENT_LIMIT))
                return "answered"
            hint = (f" (did you mean: {', '.join(outcome.suggestions[:3])}?)"
                    if outcome.suggestions else "")
            name = fit(organization, 40)

            async def confirm(press: discord.Interaction) -> None:
                await self.settle(press, interaction, lambda: self.confirm_change(
                    press, lambda: create(self.actor(press)), update=True), update=True,
                    params={"kind": "signatory", "created": "organization"})

            view = ConfirmView(interaction.user.id, self.gate, confirm,
                               lambda press: self.cancelled(press, interaction),
                               confirm_label=f"Create organization {name} and add it")
            await self.reply(interaction, clean(
                f"No organization in the knowledge base matches “{organization}”{hint}. "
                f"Create the organization “{organization}” (same source) and add it as a "
                "signatory?"), view=view)
            view.origin = interaction
            return None

        await self.settle(interaction, interaction, step, params={"kind": "signatory"})

    @kb.command(name="add-demand",
                description="Add a demand to a letter; a form asks for its text and source",
                extras=_form_extras("demand", ADD_FORM["demand"]))
    @app_commands.describe(letter="The letter that makes the demand")
    @app_commands.autocomplete(letter=complete_letter)
    async def add_demand(self, interaction: discord.Interaction,
                         letter: Range[str, 1, 100]) -> None:
        """A demand of a letter."""
        await self.open_add_form(interaction, "demand", ADD_FORM["demand"], {"letter": letter})

    @kb.command(name="add-person",
                description="Add a person; a form asks for name, role, description and source",
                extras=_form_extras("person", ADD_FORM["person"]))
    @app_commands.describe(organization="The organization of their role, if any")
    @app_commands.autocomplete(organization=complete_org)
    async def add_person(self, interaction: discord.Interaction,
                         organization: Range[str, 1, 100] | None = None) -> None:
        """A person (official, spokesperson, campaigner)."""
        await self.open_add_form(interaction, "person", ADD_FORM["person"],
                                 {"organization": organization})

    @kb.command(name="add-org",
                description="Add an organization; a form asks for name, description and source",
                extras=_form_extras("organization", ADD_FORM["organization"]))
    @app_commands.describe(type="What kind of organization (default: ngo)",
                           country="Where it is based")
    @app_commands.choices(type=ORGANIZATION_TYPES)
    async def add_org(self, interaction: discord.Interaction, type: str | None = None,
                      country: Range[str, 1, 60] | None = None) -> None:
        """An organization (NGO, coalition, UN body, government…)."""
        await self.open_add_form(interaction, "organization", ADD_FORM["organization"],
                                 {"type": type, "country": country})

    # Changing ------------------------------------------------------------------------

    @kb.command(name="edit",
                description="Change one of this server's entries; a form opens with its values",
                extras={"modal_fields": {name: False for kind in EDIT_FORM
                                         for name in EDIT_FORM[kind]}})
    @app_commands.describe(entry="One of this server's entries",
                           person="Quotes: who said it",
                           wording="Quotes: verbatim or paraphrase",
                           organization="People: the organization of their role",
                           type="Organizations: what kind")
    @app_commands.autocomplete(entry=complete_entry, person=complete_person,
                               organization=complete_org)
    @app_commands.choices(type=ORGANIZATION_TYPES)
    async def edit(self, interaction: discord.Interaction, entry: Range[str, 1, 100],
                   person: Range[str, 1, 100] | None = None,
                   wording: Literal["verbatim", "paraphrase"] | None = None,
                   organization: Range[str, 1, 100] | None = None,
                   type: str | None = None) -> None:
        """Open a form prefilled with the entry's current values; the rest keep theirs."""
        guild = interaction.guild_id
        assert guild is not None  # noqa: S101 - interaction_check refused DMs
        given = {name: value for name, value in (("person", person), ("wording", wording),
                                                 ("organization", organization),
                                                 ("type", type)) if value}

        async def submit(submission: discord.Interaction, values: dict[str, str]) -> None:
            def change(by: Actor) -> ChangeResult:
                _, current = self.moderation.prefill(guild, entry)
                return self.moderation.edit(guild, by, entry, {**current, **given, **values})

            async def retry(again: discord.Interaction) -> None:
                kind, current = await self.before_form(
                    lambda: self.moderation.prefill(guild, entry))
                await again.response.send_modal(self.form(
                    interaction, f"Edit {kind}", _fields(kind, EDIT_FORM[kind]),
                    {**current, **values}, submit))

            await self.settle(submission, interaction, lambda: self.confirm_change(
                submission, lambda: change(self.actor(submission))), retry=retry,
                params={"entry": entry})

        async def open_form() -> None:
            kind, current = await self.before_form(
                lambda: self.moderation.prefill(guild, entry))
            allowed = {f.name for f in FORMS[kind]}
            wrong = [name for name in given if name not in allowed]
            if wrong:
                raise ValidationError([f"A {kind} has no “{name}”; leave that option out."
                                       for name in wrong])
            defaults = {**current, **given}
            if not EntryForm.fits(defaults):
                raise ValidationError(["A field of this entry is longer than a Discord form "
                                       "can hold; change it with /kb export and /kb import."])
            await interaction.response.send_modal(self.form(
                interaction, f"Edit {kind}", _fields(kind, EDIT_FORM[kind]), defaults,
                submit))

        await self.settle(interaction, interaction, _continues(open_form),
                          params={"entry": entry})

    @kb.command(name="remove", description="Remove one of this server's entries (asks first)")
    @app_commands.describe(entry="One of this server's entries")
    @app_commands.autocomplete(entry=complete_entry)
    async def remove(self, interaction: discord.Interaction, entry: Range[str, 1, 100]) -> None:
        """Ask for confirmation, then remove the entry."""
        guild = interaction.guild_id
        assert guild is not None  # noqa: S101 - interaction_check refused DMs

        def describe() -> tuple[str, str]:
            for entry_id, kind, label in self.moderation.entries(guild):
                if entry_id == entry:
                    return kind, label
            self.moderation.prefill(guild, entry)  # raises: unknown, curated or not ours
            raise ValidationError([f"This server has no entry “{entry[:100]}”."])

        async def confirm(press: discord.Interaction) -> None:
            by = self.actor(press)
            await self.settle(press, interaction, lambda: self.confirm_change(
                press, lambda: self.moderation.remove(guild, by, entry), update=True),
                update=True, params={"entry": entry})

        async def step() -> None:
            kind, label = await self.core(interaction, describe)
            view = ConfirmView(interaction.user.id, self.gate, confirm,
                               lambda press: self.cancelled(press, interaction),
                               confirm_label="Remove", danger=True)
            await self.reply(interaction, clean(f"Remove the {kind} “{label}” from this "
                                                "server's knowledge base?"), view=view)
            view.origin = interaction

        await self.settle(interaction, interaction, _continues(step), params={"entry": entry})

    @kb.command(name="list", description="This server's own entries, with their ids")
    async def list_entries(self, interaction: discord.Interaction) -> None:
        """Every entry this server's moderators added, paginated."""
        guild = interaction.guild_id
        assert guild is not None  # noqa: S101 - interaction_check refused DMs

        async def step() -> Outcome:
            rows = await self.core(interaction, lambda: self.moderation.entries(guild))
            if not rows:
                await self.reply(interaction, "This server has no entries of its own yet. "
                                              "Add some with /kb add-… or /kb import.")
                return "nothing_found"
            lines = [f"**{kind}** {clean(label)} — `{entry_id}`"
                     for entry_id, kind, label in rows]
            pages = [page for start in range(0, len(lines), LIST_PER_PAGE)
                     for page in pages_of(lines[start:start + LIST_PER_PAGE],
                                          f"This server's entries ({len(rows)})")]
            await self.send_pages(interaction, pages)
            return "answered"

        await self.settle(interaction, interaction, step)

    async def send_pages(self, interaction: discord.Interaction,
                         pages: list[discord.Embed]) -> None:
        """Ephemeral embed pages with page buttons when there is more than one."""
        if len(pages) > 1:
            for number, page in enumerate(pages, start=1):
                page.set_footer(text=f"Page {number}/{len(pages)}")
        pager = AnswerView(pages, interaction.user.id) if len(pages) > 1 else None
        await self.reply(interaction, embeds=[pages[0]], view=pager)
        if pager is not None:
            pager.message_interaction = interaction

    # Bulk ----------------------------------------------------------------------------

    @kb.command(name="import",
                description="Import entries from a YAML or CSV file: see the changes, then apply")
    @app_commands.describe(file="A .yaml or .csv file, as /kb export writes them")
    async def import_file(self, interaction: discord.Interaction,
                          file: discord.Attachment) -> None:
        """Validate the whole file, show a dry-run diff, apply all of it on confirmation."""
        guild = interaction.guild_id
        assert guild is not None  # noqa: S101 - interaction_check refused DMs
        limit = self.bot.settings.import_max_bytes
        name = fit(file.filename, 80)
        params = {"file": name, "bytes": file.size}

        async def plan() -> ImportPlan:
            try:
                data = await file.read()
            except discord.HTTPException as exc:
                raise ValidationError([f"Could not download “{name}” ({exc.status}); "
                                       "try again."]) from None
            return await self.bot.engine.run_blocking(
                lambda: self.moderation.plan_import(guild, file.filename, data, limit))

        async def apply(press: discord.Interaction, planned: ImportPlan) -> None:
            by = self.actor(press)
            await self.settle(press, interaction, lambda: self.confirm_change(
                press, lambda: self.moderation.apply_import(guild, by, planned), update=True),
                update=True, params=params)

        async def step() -> Outcome | None:
            if file.size > limit:  # before downloading anything
                raise ValidationError([f"“{name}” is {file.size:,} bytes; the limit is "
                                       f"{limit:,}."])
            planned = await self.in_time(interaction, plan())
            if planned.empty:
                await self.reply(interaction, clean(
                    f"Nothing to change: the {planned.unchanged} entries in “{name}” are "
                    "already in this server's knowledge base."))
                return "answered"
            count = len(planned.diff)
            pages = pages_of(planned.diff, f"Import preview: {name}",
                             footer=f"{count} change{'s' if count != 1 else ''}, "
                                    f"{planned.unchanged} unchanged · nothing is written "
                                    "until you apply")
            view = ConfirmView(interaction.user.id, self.gate,
                               lambda press: apply(press, planned),
                               lambda press: self.cancelled(press, interaction),
                               confirm_label=f"Apply {count} change{'s' if count != 1 else ''}",
                               pages=pages)
            await self.reply(interaction, embeds=[pages[0]], view=view)
            view.origin = interaction
            return None

        await self.settle(interaction, interaction, step, params=params)

    @kb.command(name="export",
                description="Download this server's entries (or all it can see) as YAML or CSV")
    @app_commands.describe(format="File format (default yaml)",
                           scope="This server's entries (default) or also the curated ones")
    async def export(self, interaction: discord.Interaction,
                     format: Literal["yaml", "csv"] = "yaml",
                     scope: Literal["server", "all"] = "server") -> None:
        """The entries as an attachment that /kb import reads back."""
        guild = interaction.guild_id
        assert guild is not None  # noqa: S101 - interaction_check refused DMs

        def dump() -> tuple[bytes, int]:
            data = self.moderation.export(guild, format, include_bundled=scope == "all")
            return data, len(self.moderation.entries(guild))

        async def step() -> Outcome:
            data, own = await self.core(interaction, dump)
            limit = interaction.filesize_limit
            if len(data) > limit:
                raise ValidationError([f"The export is {len(data):,} bytes, more than the "
                                       f"{limit:,} Discord accepts here; use "
                                       "`campaign-bot kb export` on the server."])
            what = ("this server's entries" if scope == "server"
                    else "the curated knowledge base and this server's entries")
            note = "" if own else " This server has no entries of its own yet."
            filename = f"kb-{guild}-{scope}.{format}"
            await self.reply(interaction, f"Export of {what}: {own} entr"
                                          f"{'y' if own == 1 else 'ies'} of this server, "
                                          f"{len(data):,} bytes.{note}",
                             file=discord.File(io.BytesIO(data), filename=filename))
            return "answered"

        await self.settle(interaction, interaction, step,
                          params={"format": format, "scope": scope})

    # History -------------------------------------------------------------------------

    @kb.command(name="history", description="This server's changes, newest first: who, when, what")
    @app_commands.describe(limit="How many recent changes to show (default 50)")
    async def history(self, interaction: discord.Interaction,
                      limit: Range[int, 1, 1000] = HISTORY_LIMIT) -> None:
        """The change log, paginated, with undone changes marked."""
        guild = interaction.guild_id
        assert guild is not None  # noqa: S101 - interaction_check refused DMs

        async def step() -> Outcome:
            changes = await self.core(interaction,
                                      lambda: self.moderation.history(guild, limit + 1))
            if not changes:
                await self.reply(interaction, "No changes yet.")
                return "nothing_found"
            more = len(changes) > limit
            changes = changes[:limit]
            title = (f"Latest {len(changes)} changes (older ones: raise the limit)" if more
                     else f"Changes ({len(changes)})")
            lines = [_history_line(change) for change in changes]
            pages = [page for start in range(0, len(lines), HISTORY_PER_PAGE)
                     for page in pages_of(lines[start:start + HISTORY_PER_PAGE], title)]
            await self.send_pages(interaction, pages)
            return "answered"

        await self.settle(interaction, interaction, step, params={"limit": limit})

    @kb.command(name="undo", description="Reverse one change listed by /kb history")
    @app_commands.describe(change="The change number, from /kb history")
    async def undo(self, interaction: discord.Interaction,
                   change: Range[int, 1, 2**53]) -> None:
        """Undo a change, if its entry has not changed since."""
        guild = interaction.guild_id
        assert guild is not None  # noqa: S101 - interaction_check refused DMs
        actor = self.actor(interaction)
        await self.settle(interaction, interaction, lambda: self.confirm_change(
            interaction, lambda: self.moderation.undo(guild, actor, change)),
            params={"change": change})


def _continues(step: Callable[[], Awaitable[None]]) -> Callable[[], Awaitable[Outcome | None]]:
    """A step after which the flow goes on (a form or buttons are showing): logged later."""
    async def run() -> Outcome | None:
        await step()
        return None
    return run


def _history_line(change: Change) -> str:
    """"#12 · <when> · alice — add quote “…” (undone by #14)"."""
    try:
        when = discord.utils.format_dt(datetime.fromisoformat(change.at), "f")
    except ValueError:
        when = change.at
    line = (f"**#{change.id}** · {when} · {clean(change.actor_name)} — {change.action} "
            f"{change.kind} “{clean(fit(change.summary, 120))}”")
    if change.undoes is not None:
        line += f" (undoes #{change.undoes})"
    if change.undone_by is not None:
        line += f" — ~~undone~~ by #{change.undone_by}"
    for detail in change_diff(change, width=50)[:4]:
        line += f"\n  {clean(detail)}"
    return line
