"""/kb: moderators curate their server's knowledge base from Discord.

The subcommands mirror `campaign-bot kb …` and call the same `Moderation` methods on the
engine's worker thread. Long text comes through forms; removals, imports and drafts wait
for a confirm button; a message's menu offers "Draft knowledge-base entries". Each flow
lives in its own module of `bot.cogs.kb`, the steps they share in `bot.cogs.kb.steps`.

Who may: Manage Server, or the role named by `settings.moderator_role`. Discord's default
permission only hides the commands (a server admin can change it), so the check in code, on
every command, autocomplete, form and button, is the one that counts. Entries belong to the
server that added them; another server's id is answered exactly as an unknown one.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.app_commands import Choice, Range
from discord.ext import commands

from bot.cogs.kb.add import AddFlow
from bot.cogs.kb.bulk import ImportFlow, export_entries
from bot.cogs.kb.complete import names_like, own_entries_like
from bot.cogs.kb.draft import DRAFTS_AT_ONCE, MENU_NAME, Document, DraftFlow
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
from bot.cogs.kb.signatory import AddSignatoryFlow
from bot.cogs.kb.steps import FlowSteps
from bot.core.kb.models import EntityKind
from bot.core.moderation.service import Moderation
from bot.discord_app.checks import GUILD_ONLY, NotModerator, kb_refusal

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.discord_app.client import CampaignBot

log = logging.getLogger(__name__)

AUTOCOMPLETE_TIMEOUT = 2.0


class ModerationCog(FlowSteps, commands.Cog):
    """The /kb commands (add, edit, remove, list, import, export, draft, history, undo)."""

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
        self.draft_slots = asyncio.Semaphore(DRAFTS_AT_ONCE)
        # A message command cannot be declared in a cog's body; it is added with the cog.
        self.draft_menu = app_commands.ContextMenu(
            name=MENU_NAME,
            callback=self.draft_message,
            allowed_contexts=app_commands.AppCommandContext(guild=True),
            allowed_installs=app_commands.AppInstallationType(guild=True),
        )
        self.draft_menu.default_permissions = discord.Permissions(manage_guild=True)
        self.draft_menu.add_check(self.interaction_check)

    async def cog_load(self) -> None:
        """Add the message command beside the /kb group."""
        self.bot.tree.add_command(self.draft_menu)

    async def cog_unload(self) -> None:
        """Take the message command away with the cog."""
        self.bot.tree.remove_command(self.draft_menu.name, type=self.draft_menu.type)

    # Who may -------------------------------------------------------------------------

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Every /kb command: refuse non-moderators (the tree's error handler replies)."""
        if interaction.guild_id is None:
            raise NotModerator(GUILD_ONLY)
        if not self.may_moderate(interaction):
            raise NotModerator(kb_refusal(self.bot.settings.moderator_role))
        return True

    # Autocomplete --------------------------------------------------------------------

    async def choices(
        self, interaction: discord.Interaction, function: Callable[[], list[Choice[str]]]
    ) -> list[Choice[str]]:
        """Autocomplete for moderators only, answered well inside Discord's 3 seconds."""
        if not self.may_moderate(interaction):
            return []
        try:
            return await asyncio.wait_for(
                self.bot.engine.run_blocking(function), AUTOCOMPLETE_TIMEOUT
            )
        except TimeoutError:
            log.warning("/kb autocomplete timed out")
            return []

    async def complete_names(
        self, interaction: discord.Interaction, current: str, kinds: tuple[EntityKind, ...]
    ) -> list[Choice[str]]:
        """Letters, people or organizations this server can see, by forgiving prefix."""
        return await self.choices(
            interaction, partial(names_like, self.bot.engine, interaction.guild_id, current, kinds)
        )

    async def complete_person(
        self, interaction: discord.Interaction, current: str
    ) -> list[Choice[str]]:
        """People by name or spelling."""
        return await self.complete_names(interaction, current, ("person",))

    async def complete_letter(
        self, interaction: discord.Interaction, current: str
    ) -> list[Choice[str]]:
        """Letters by year, recipient or title."""
        return await self.complete_names(interaction, current, ("letter",))

    async def complete_org(
        self, interaction: discord.Interaction, current: str
    ) -> list[Choice[str]]:
        """Organizations by name or abbreviation."""
        return await self.complete_names(interaction, current, ("organization",))

    async def complete_entry(
        self, interaction: discord.Interaction, current: str
    ) -> list[Choice[str]]:
        """This server's own entries only (never the curated corpus or another server's)."""
        return await self.choices(
            interaction, partial(own_entries_like, self.moderation, interaction.guild_id, current)
        )

    # Adding --------------------------------------------------------------------------

    @kb.command(
        name="add-letter",
        description="Add a letter; a form asks for its title, date, summary and source",
        extras=form_extras("letter", ADD_LETTER_WITH_RECIPIENT),
    )
    @app_commands.describe(recipient="Who it was sent to (asked in the form when left out)")
    @app_commands.autocomplete(recipient=complete_person)
    async def add_letter(
        self, interaction: discord.Interaction, recipient: Range[str, 1, 100] | None = None
    ) -> None:
        """A new letter (campaign action) of this server."""
        names = ADD_LETTER_WITH_RECIPIENT if recipient is None else ADD_FORM["letter"]
        await AddFlow(self, interaction, "letter", names, {"recipient": recipient}).start()

    @kb.command(
        name="add-quote",
        description="Add what someone said; a form asks for the words, date and source",
        extras=form_extras("quote", ADD_FORM["quote"]),
    )
    @app_commands.describe(
        person="Who said it",
        about="The letter, event or topic it is about",
        wording="Exact words (verbatim, the default) or a paraphrase",
    )
    @app_commands.autocomplete(person=complete_person, about=complete_letter)
    async def add_quote(
        self,
        interaction: discord.Interaction,
        person: Range[str, 1, 100],
        about: Range[str, 1, 200] | None = None,
        wording: Literal["verbatim", "paraphrase"] | None = None,
    ) -> None:
        """A new quote of a person in the knowledge base."""
        await AddFlow(
            self,
            interaction,
            "quote",
            ADD_FORM["quote"],
            {"person": person, "about": about, "wording": wording},
        ).start()

    @kb.command(name="add-signatory", description="Add an organization as a signatory of a letter")
    @app_commands.describe(
        letter="The letter it signed",
        organization="The organization (a new one is offered to be created)",
        source="A http(s) link, or: Publisher, date, title",
        note="How the source lists it, if worth noting",
    )
    @app_commands.autocomplete(letter=complete_letter, organization=complete_org)
    async def add_signatory(
        self,
        interaction: discord.Interaction,
        letter: Range[str, 1, 100],
        organization: Range[str, 1, 100],
        source: Range[str, 1, 500],
        note: Range[str, 1, 300] | None = None,
    ) -> None:
        """A signatory; an unknown organization is created after the moderator confirms."""
        await AddSignatoryFlow(
            self, interaction, self.guild_of(interaction), letter, organization, source, note
        ).start()

    @kb.command(
        name="add-demand",
        description="Add a demand to a letter; a form asks for its text and source",
        extras=form_extras("demand", ADD_FORM["demand"]),
    )
    @app_commands.describe(letter="The letter that makes the demand")
    @app_commands.autocomplete(letter=complete_letter)
    async def add_demand(
        self, interaction: discord.Interaction, letter: Range[str, 1, 100]
    ) -> None:
        """A demand of a letter."""
        await AddFlow(self, interaction, "demand", ADD_FORM["demand"], {"letter": letter}).start()

    @kb.command(
        name="add-person",
        description="Add a person; a form asks for name, role, description and source",
        extras=form_extras("person", ADD_FORM["person"]),
    )
    @app_commands.describe(organization="The organization of their role, if any")
    @app_commands.autocomplete(organization=complete_org)
    async def add_person(
        self, interaction: discord.Interaction, organization: Range[str, 1, 100] | None = None
    ) -> None:
        """A person (official, spokesperson, campaigner)."""
        await AddFlow(
            self, interaction, "person", ADD_FORM["person"], {"organization": organization}
        ).start()

    @kb.command(
        name="add-org",
        description="Add an organization; a form asks for name, description and source",
        extras=form_extras("organization", ADD_FORM["organization"]),
    )
    @app_commands.describe(
        type="What kind of organization (default: ngo)", country="Where it is based"
    )
    @app_commands.choices(type=ORGANIZATION_TYPES)
    async def add_org(
        self,
        interaction: discord.Interaction,
        type: str | None = None,
        country: Range[str, 1, 60] | None = None,
    ) -> None:
        """An organization (NGO, coalition, UN body, government…)."""
        await AddFlow(
            self,
            interaction,
            "organization",
            ADD_FORM["organization"],
            {"type": type, "country": country},
        ).start()

    # Changing ------------------------------------------------------------------------

    @kb.command(
        name="edit",
        description="Change one of this server's entries; a form opens with its values",
        extras=edit_extras(),
    )
    @app_commands.describe(
        entry="One of this server's entries",
        person="Quotes: who said it",
        wording="Quotes: verbatim or paraphrase",
        organization="People: the organization of their role",
        type="Organizations: what kind",
    )
    @app_commands.autocomplete(
        entry=complete_entry, person=complete_person, organization=complete_org
    )
    @app_commands.choices(type=ORGANIZATION_TYPES)
    async def edit(
        self,
        interaction: discord.Interaction,
        entry: Range[str, 1, 100],
        person: Range[str, 1, 100] | None = None,
        wording: Literal["verbatim", "paraphrase"] | None = None,
        organization: Range[str, 1, 100] | None = None,
        type: str | None = None,
    ) -> None:
        """Open a form prefilled with the entry's current values; the rest keep theirs."""
        options = {"person": person, "wording": wording, "organization": organization, "type": type}
        given = {name: value for name, value in options.items() if value}
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
        await self.settle(
            interaction,
            interaction,
            partial(show_entries, self, interaction, self.guild_of(interaction)),
        )

    # Bulk ----------------------------------------------------------------------------

    @kb.command(
        name="import",
        description="Import entries from a YAML or CSV file: see the changes, then apply",
    )
    @app_commands.describe(file="A .yaml or .csv file, as /kb export writes them")
    async def import_file(self, interaction: discord.Interaction, file: discord.Attachment) -> None:
        """Validate the whole file, show a dry-run diff, apply all of it on confirmation."""
        await ImportFlow(self, interaction, self.guild_of(interaction), file).start()

    @kb.command(
        name="export",
        description="Download this server's entries (or all it can see) as YAML or CSV",
    )
    @app_commands.describe(
        format="File format (default yaml)",
        scope="This server's entries (default) or also the curated ones",
    )
    async def export(
        self,
        interaction: discord.Interaction,
        format: Literal["yaml", "csv"] = "yaml",
        scope: Literal["server", "all"] = "server",
    ) -> None:
        """The entries as an attachment that /kb import reads back."""
        await self.settle(
            interaction,
            interaction,
            partial(export_entries, self, interaction, self.guild_of(interaction), format, scope),
            params={"format": format, "scope": scope},
        )

    @kb.command(
        name="draft",
        description="Draft entries from a press release or article: review, then apply",
    )
    @app_commands.describe(
        file="A .txt, .md or .html file", url="Or the http(s) address of a web page"
    )
    async def draft(
        self,
        interaction: discord.Interaction,
        file: discord.Attachment | None = None,
        url: Range[str, 1, 2000] | None = None,
    ) -> None:
        """Draft entries from one document; preview them as an import; apply on confirm."""
        await DraftFlow(
            self, interaction, self.guild_of(interaction), Document.of_options(file, url)
        ).start()

    async def draft_message(
        self, interaction: discord.Interaction, message: discord.Message
    ) -> None:
        """The message command: draft from the message's text or its text attachment."""
        await DraftFlow(
            self, interaction, self.guild_of(interaction), Document.of_message(message)
        ).start()

    # History -------------------------------------------------------------------------

    @kb.command(name="history", description="This server's changes, newest first: who, when, what")
    @app_commands.describe(limit="How many recent changes to show (default 50)")
    async def history(
        self, interaction: discord.Interaction, limit: Range[int, 1, 1000] = HISTORY_LIMIT
    ) -> None:
        """The change log, paginated, with undone changes marked."""
        await self.settle(
            interaction,
            interaction,
            partial(show_history, self, interaction, self.guild_of(interaction), limit),
            params={"limit": limit},
        )

    @kb.command(name="undo", description="Reverse one change listed by /kb history")
    @app_commands.describe(change="The change number, from /kb history")
    async def undo(self, interaction: discord.Interaction, change: Range[int, 1, 2**53]) -> None:
        """Undo a change, if its entry has not changed since."""
        await self.settle(
            interaction,
            interaction,
            partial(undo_change, self, interaction, self.guild_of(interaction), change),
            params={"change": change},
        )
