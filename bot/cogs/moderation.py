"""/kb: moderators curate their server's knowledge base from Discord.

The subcommands mirror `campaign-bot kb …` (add-letter, add-quote, add-signatory,
add-demand, add-person, add-org, edit, remove, list, import, export, history, undo) and
call the same `Moderation` methods, always on the engine's worker thread. Long text comes
through modals; removals and imports wait for a confirm button.

This module declares the commands and the steps every flow shares (the moderator check,
running a core call in time, settling an outcome); each flow lives in `bot.cogs.kb`.

Who may: Manage Server, or the role named by `settings.moderator_role`. Discord's default
permission only hides the commands (a server admin can change it), so the check in code —
on every command, autocomplete, form submission and button — is the one that counts.
Entries belong to the server that added them; the core answers another server's id exactly
as an unknown one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Literal, TypeVar

import discord
from discord import app_commands
from discord.app_commands import Choice, Range
from discord.ext import commands

from bot.cogs.kb.add import AddFlow
from bot.cogs.kb.bulk import ImportFlow, export_entries
from bot.cogs.kb.complete import names_like, own_entries_like
from bot.cogs.kb.edit import EditFlow
from bot.cogs.kb.entries import show_entries
from bot.cogs.kb.forms import (
    ADD_FORM,
    ADD_LETTER_WITH_RECIPIENT,
    ORGANIZATION_TYPES,
    edit_extras,
    form_extras,
)
from bot.cogs.kb.history import HISTORY_LIMIT, show_history, undo_change
from bot.cogs.kb.remove import RemoveFlow
from bot.cogs.kb.replies import reply, reply_problems
from bot.cogs.kb.signatory import AddSignatoryFlow
from bot.core.errors import CampaignBotError, IndexBusyError, PermissionDeniedError, ValidationError
from bot.core.kb.models import EntityKind
from bot.core.moderation.forms import FormField
from bot.core.moderation.service import Actor, ChangeResult, Moderation
from bot.core.usage.log import Outcome
from bot.discord_app.checks import GUILD_ONLY, NotModerator, is_moderator, kb_refusal
from bot.discord_app.embeds import clean
from bot.discord_app.moderation_views import (
    CONTENT_LIMIT,
    NO_MENTIONS,
    ButtonHandler,
    EntryForm,
    FormHandler,
    fit,
)

if TYPE_CHECKING:
    from bot.discord_app.client import CampaignBot

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Answer at once when the core is this quick; otherwise acknowledge first (Discord's 3 s).
DEFER_AFTER = 1.5
#: A modal must be the first response, so work before one may not take longer than this.
BEFORE_FORM_TIMEOUT = 2.0
AUTOCOMPLETE_TIMEOUT = 2.0


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

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Every /kb command: refuse non-moderators (the tree's error handler replies)."""
        if interaction.guild_id is None:
            raise NotModerator(GUILD_ONLY)
        if not self.may_moderate(interaction):
            raise NotModerator(kb_refusal(self.bot.settings.moderator_role))
        return True

    async def gate(self, interaction: discord.Interaction) -> bool:
        """Every form submission and button press: the same check, with its own reply."""
        if self.may_moderate(interaction):
            return True
        await interaction.response.send_message(kb_refusal(self.bot.settings.moderator_role),
                                                ephemeral=True, allowed_mentions=NO_MENTIONS)
        return False

    @staticmethod
    def actor(interaction: discord.Interaction) -> Actor:
        """The moderator, as the change log records them."""
        return Actor(interaction.user.id, interaction.user.name)

    @staticmethod
    def guild_of(interaction: discord.Interaction) -> int:
        """The server a /kb command runs in (interaction_check refused DMs)."""
        guild = interaction.guild_id
        assert guild is not None  # noqa: S101 - interaction_check refused DMs
        return guild

    # Steps every flow shares ---------------------------------------------------------

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
            await reply_problems(interaction, exc.problems, self.gate, update=update,
                                 retry=retry)
        except PermissionDeniedError as exc:
            outcome = "refused"
            await reply(interaction, clean(str(exc)), update=update)
        except CampaignBotError as exc:
            outcome = "error"
            await reply(interaction, clean(str(exc)), update=update)
        if outcome is not None:
            self.bot.record_usage(origin, outcome, started, params=dict(params or {}))

    async def confirm_change(self, interaction: discord.Interaction,
                             function: Callable[[], ChangeResult], *,
                             update: bool = False) -> Outcome:
        """Make a change and reply with what it did and its change number(s)."""
        result = await self.core(interaction, function, update=update)
        await reply(interaction, fit(clean(result.message), CONTENT_LIMIT), update=update)
        return "answered"

    async def cancelled(self, interaction: discord.Interaction,
                        origin: discord.Interaction) -> None:
        """A Cancel button: say nothing changed and log the command as answered."""
        started = time.perf_counter()
        await reply(interaction, "Cancelled: nothing was changed.", update=True)
        self.bot.record_usage(origin, "answered", started, params={"cancelled": True})

    def form(self, origin: discord.Interaction, title: str, fields: Sequence[FormField],
             defaults: Mapping[str, str], submit: FormHandler) -> EntryForm:
        """A modal for the moderator who ran `origin`."""
        return EntryForm(title, fields, defaults, origin.user.id, submit, self.gate)

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
        return await self.choices(interaction, partial(
            names_like, self.bot.engine, interaction.guild_id, current, kinds))

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
        return await self.choices(interaction, partial(
            own_entries_like, self.moderation, interaction.guild_id, current))

    # Adding --------------------------------------------------------------------------

    @kb.command(name="add-letter",
                description="Add a letter; a form asks for its title, date, summary and source",
                extras=form_extras("letter", ADD_LETTER_WITH_RECIPIENT))
    @app_commands.describe(recipient="Who it was sent to (asked in the form when left out)")
    @app_commands.autocomplete(recipient=complete_person)
    async def add_letter(self, interaction: discord.Interaction,
                         recipient: Range[str, 1, 100] | None = None) -> None:
        """A new letter (campaign action) of this server."""
        names = ADD_LETTER_WITH_RECIPIENT if recipient is None else ADD_FORM["letter"]
        await AddFlow(self, interaction, "letter", names, {"recipient": recipient}).start()

    @kb.command(name="add-quote",
                description="Add what someone said; a form asks for the words, date and source",
                extras=form_extras("quote", ADD_FORM["quote"]))
    @app_commands.describe(person="Who said it",
                           about="The letter, event or topic it is about",
                           wording="Exact words (verbatim, the default) or a paraphrase")
    @app_commands.autocomplete(person=complete_person, about=complete_letter)
    async def add_quote(self, interaction: discord.Interaction, person: Range[str, 1, 100],
                        about: Range[str, 1, 200] | None = None,
                        wording: Literal["verbatim", "paraphrase"] | None = None) -> None:
        """A new quote of a person in the knowledge base."""
        await AddFlow(self, interaction, "quote", ADD_FORM["quote"],
                      {"person": person, "about": about, "wording": wording}).start()

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
        await AddSignatoryFlow(self, interaction, self.guild_of(interaction), letter,
                               organization, source, note).start()

    @kb.command(name="add-demand",
                description="Add a demand to a letter; a form asks for its text and source",
                extras=form_extras("demand", ADD_FORM["demand"]))
    @app_commands.describe(letter="The letter that makes the demand")
    @app_commands.autocomplete(letter=complete_letter)
    async def add_demand(self, interaction: discord.Interaction,
                         letter: Range[str, 1, 100]) -> None:
        """A demand of a letter."""
        await AddFlow(self, interaction, "demand", ADD_FORM["demand"],
                      {"letter": letter}).start()

    @kb.command(name="add-person",
                description="Add a person; a form asks for name, role, description and source",
                extras=form_extras("person", ADD_FORM["person"]))
    @app_commands.describe(organization="The organization of their role, if any")
    @app_commands.autocomplete(organization=complete_org)
    async def add_person(self, interaction: discord.Interaction,
                         organization: Range[str, 1, 100] | None = None) -> None:
        """A person (official, spokesperson, campaigner)."""
        await AddFlow(self, interaction, "person", ADD_FORM["person"],
                      {"organization": organization}).start()

    @kb.command(name="add-org",
                description="Add an organization; a form asks for name, description and source",
                extras=form_extras("organization", ADD_FORM["organization"]))
    @app_commands.describe(type="What kind of organization (default: ngo)",
                           country="Where it is based")
    @app_commands.choices(type=ORGANIZATION_TYPES)
    async def add_org(self, interaction: discord.Interaction, type: str | None = None,
                      country: Range[str, 1, 60] | None = None) -> None:
        """An organization (NGO, coalition, UN body, government…)."""
        await AddFlow(self, interaction, "organization", ADD_FORM["organization"],
                      {"type": type, "country": country}).start()

    # Changing ------------------------------------------------------------------------

    @kb.command(name="edit",
                description="Change one of this server's entries; a form opens with its values",
                extras=edit_extras())
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
        given = {name: value for name, value in (("person", person), ("wording", wording),
                                                 ("organization", organization),
                                                 ("type", type)) if value}
        await EditFlow(self, interaction, self.guild_of(interaction), entry, given).start()

    @kb.command(name="remove", description="Remove one of this server's entries (asks first)")
    @app_commands.describe(entry="One of this server's entries")
    @app_commands.autocomplete(entry=complete_entry)
    async def remove(self, interaction: discord.Interaction, entry: Range[str, 1, 100]) -> None:
        """Ask for confirmation, then remove the entry."""
        await RemoveFlow(self, interaction, self.guild_of(interaction), entry).start()

    @kb.command(name="list", description="This server's own entries, with their ids")
    async def list_entries(self, interaction: discord.Interaction) -> None:
        """Every entry this server's moderators added, paginated."""
        await self.settle(interaction, interaction, partial(
            show_entries, self, interaction, self.guild_of(interaction)))

    # Bulk ----------------------------------------------------------------------------

    @kb.command(name="import",
                description="Import entries from a YAML or CSV file: see the changes, then apply")
    @app_commands.describe(file="A .yaml or .csv file, as /kb export writes them")
    async def import_file(self, interaction: discord.Interaction,
                          file: discord.Attachment) -> None:
        """Validate the whole file, show a dry-run diff, apply all of it on confirmation."""
        await ImportFlow(self, interaction, self.guild_of(interaction), file).start()

    @kb.command(name="export",
                description="Download this server's entries (or all it can see) as YAML or CSV")
    @app_commands.describe(format="File format (default yaml)",
                           scope="This server's entries (default) or also the curated ones")
    async def export(self, interaction: discord.Interaction,
                     format: Literal["yaml", "csv"] = "yaml",
                     scope: Literal["server", "all"] = "server") -> None:
        """The entries as an attachment that /kb import reads back."""
        await self.settle(interaction, interaction, partial(
            export_entries, self, interaction, self.guild_of(interaction), format, scope),
            params={"format": format, "scope": scope})

    # History -------------------------------------------------------------------------

    @kb.command(name="history", description="This server's changes, newest first: who, when, what")
    @app_commands.describe(limit="How many recent changes to show (default 50)")
    async def history(self, interaction: discord.Interaction,
                      limit: Range[int, 1, 1000] = HISTORY_LIMIT) -> None:
        """The change log, paginated, with undone changes marked."""
        await self.settle(interaction, interaction, partial(
            show_history, self, interaction, self.guild_of(interaction), limit),
            params={"limit": limit})

    @kb.command(name="undo", description="Reverse one change listed by /kb history")
    @app_commands.describe(change="The change number, from /kb history")
    async def undo(self, interaction: discord.Interaction,
                   change: Range[int, 1, 2**53]) -> None:
        """Undo a change, if its entry has not changed since."""
        await self.settle(interaction, interaction, partial(
            undo_change, self, interaction, self.guild_of(interaction), change),
            params={"change": change})
