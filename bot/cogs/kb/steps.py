"""The steps every /kb flow shares: who may, running a core call in time, settling an outcome.

`ModerationCog` inherits them; each flow in `bot.cogs.kb` calls them on the cog it is given.
Settling is where a domain error becomes a reply and the command its one usage row: refused
(not a moderator), invalid (the moderator's own mistake: an unknown entry, a broken file)
or error (the bot's failure), so /stats tells them apart.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

import discord

from bot.cogs.kb.replies import reply, reply_problems
from bot.core.errors import CampaignBotError, IndexBusyError, ValidationError
from bot.core.moderation.forms import FormField
from bot.core.moderation.service import Actor, ChangeResult, Moderation
from bot.core.usage.log import Outcome
from bot.discord_app.checks import is_moderator, kb_refusal
from bot.discord_app.embeds import clean
from bot.discord_app.errors import outcome_of
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

T = TypeVar("T")

#: Answer at once when the core is this quick; otherwise acknowledge first (Discord's 3 s).
DEFER_AFTER = 1.5
#: A modal must be the first response, so work before one may not take longer than this.
BEFORE_FORM_TIMEOUT = 2.0


class FlowSteps:
    """Shared steps of the /kb flows; the cog provides `bot` and `moderation`."""

    bot: CampaignBot
    moderation: Moderation

    # Who may -------------------------------------------------------------------------

    def may_moderate(self, interaction: discord.Interaction) -> bool:
        """Whether the member may change this server's entries right now."""
        return is_moderator(interaction, self.bot.settings.moderator_role)

    async def gate(self, interaction: discord.Interaction) -> bool:
        """Every form submission and button press: the same check, with its own reply."""
        if self.may_moderate(interaction):
            return True
        await interaction.response.send_message(
            kb_refusal(self.bot.settings.moderator_role),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
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

    # Running core calls --------------------------------------------------------------

    async def in_time(
        self, interaction: discord.Interaction, work: Awaitable[T], *, update: bool = False
    ) -> T:
        """Await `work`; if it is slow, acknowledge the interaction first (Discord's 3 s)."""
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER)
        if not done and not interaction.response.is_done():
            if update:
                await interaction.response.defer()
            else:
                await interaction.response.defer(ephemeral=True, thinking=True)
        return await task

    async def core(
        self, interaction: discord.Interaction, function: Callable[[], T], *, update: bool = False
    ) -> T:
        """Run a blocking core call on the engine's worker thread, in time."""
        return await self.in_time(
            interaction, self.bot.engine.run_blocking(function), update=update
        )

    async def before_form(self, function: Callable[[], T]) -> T:
        """A quick core call before a modal, which must be the interaction's first response."""
        try:
            return await asyncio.wait_for(
                self.bot.engine.run_blocking(function), BEFORE_FORM_TIMEOUT
            )
        except TimeoutError:
            raise IndexBusyError(
                "The knowledge base is busy with another change; try again in a moment."
            ) from None

    # Ending a step -------------------------------------------------------------------

    async def settle(
        self,
        interaction: discord.Interaction,
        origin: discord.Interaction,
        step: Callable[[], Awaitable[Outcome | None]],
        *,
        update: bool = False,
        retry: ButtonHandler | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        """Run one step of a command; turn domain errors into replies; log the outcome.

        `origin` is the command the step belongs to (a form submission or a button press
        has no command of its own). A step returns None while the flow goes on (a form or
        buttons are showing), so each command is logged once, when it ends.
        """
        started = time.perf_counter()
        origin.extras.setdefault("started", started)
        outcome: Outcome | None
        try:
            outcome = await step()
        except ValidationError as exc:
            outcome = "invalid"
            await reply_problems(interaction, exc.problems, self.gate, update=update, retry=retry)
        except CampaignBotError as exc:
            outcome = outcome_of(exc)
            await reply(interaction, clean(str(exc)), update=update)
        if outcome is not None:
            self.bot.record_usage(origin, outcome, started, params=dict(params or {}))

    async def confirm_change(
        self,
        interaction: discord.Interaction,
        function: Callable[[], ChangeResult],
        *,
        update: bool = False,
    ) -> Outcome:
        """Make a change and reply with what it did and its change number(s)."""
        result = await self.core(interaction, function, update=update)
        await reply(interaction, fit(clean(result.message), CONTENT_LIMIT), update=update)
        return "answered"

    async def cancelled(
        self, interaction: discord.Interaction, origin: discord.Interaction
    ) -> None:
        """A Cancel button: say nothing changed and log the command as answered."""
        started = time.perf_counter()
        await reply(interaction, "Cancelled: nothing was changed.", update=True)
        self.bot.record_usage(origin, "answered", started, params={"cancelled": True})

    def form(
        self,
        origin: discord.Interaction,
        title: str,
        fields: Sequence[FormField],
        defaults: Mapping[str, str],
        submit: FormHandler,
    ) -> EntryForm:
        """A modal for the moderator who ran `origin`."""
        return EntryForm(title, fields, defaults, origin.user.id, submit, self.gate)
