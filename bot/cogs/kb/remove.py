"""/kb remove: name the entry, ask for confirmation, remove it on the button press."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import discord

from bot.cogs.kb.replies import reply
from bot.core.errors import ValidationError
from bot.core.usage.log import Outcome
from bot.discord_app.embeds import clean
from bot.discord_app.moderation_views import ConfirmView

if TYPE_CHECKING:
    from bot.cogs.moderation import ModerationCog


class RemoveFlow:
    """One moderator removing `entry` from their server."""

    def __init__(
        self, cog: ModerationCog, origin: discord.Interaction, guild: int, entry: str
    ) -> None:
        self.cog = cog
        self.origin = origin
        self.guild = guild
        self.entry = entry
        self.params = {"entry": entry}

    async def start(self) -> None:
        """The slash command: ask first."""
        await self.cog.settle(self.origin, self.origin, self.ask, params=self.params)

    async def ask(self) -> Outcome | None:
        """Show what would be removed, with Remove and Cancel buttons."""
        kind, label = await self.cog.core(self.origin, self.describe)
        view = ConfirmView(
            self.origin.user.id,
            self.cog.gate,
            self.confirmed,
            partial(self.cog.cancelled, origin=self.origin),
            confirm_label="Remove",
            danger=True,
        )
        await reply(
            self.origin,
            clean(f"Remove the {kind} “{label}” from this server's knowledge base?"),
            view=view,
        )
        view.origin = self.origin
        return None  # the buttons are showing: the command is logged when they are pressed

    def describe(self) -> tuple[str, str]:
        """The entry's kind and label (worker thread); refuses an entry not this server's."""
        for entry_id, kind, label in self.cog.moderation.entries(self.guild, sources=True):
            if entry_id == self.entry:
                return kind, label
        self.cog.moderation.prefill(self.guild, self.entry)  # raises: unknown, curated, not ours
        raise ValidationError([f"This server has no entry “{self.entry[:100]}”."])

    async def confirmed(self, press: discord.Interaction) -> None:
        """The Remove button."""
        await self.cog.settle(
            press, self.origin, partial(self.remove, press), update=True, params=self.params
        )

    async def remove(self, press: discord.Interaction) -> Outcome:
        """Remove the entry and say so on the message the buttons were on."""
        by = self.cog.actor(press)
        return await self.cog.confirm_change(
            press, partial(self.cog.moderation.remove, self.guild, by, self.entry), update=True
        )
