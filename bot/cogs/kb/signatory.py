"""/kb add-signatory: add an organization as a signatory, offering to create an unknown one.

The flow: try to add; if the only problem is that no organization matches, ask (confirm
buttons) whether to create it with the same source and then add it; on confirmation do
both, or neither.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import discord

from bot.cogs.kb.replies import reply
from bot.core.errors import CampaignBotError, NotFoundError, ValidationError
from bot.core.moderation.service import Actor, ChangeResult
from bot.core.search.resolve import resolve_organization
from bot.core.usage.log import Outcome
from bot.discord_app.embeds import clean
from bot.discord_app.moderation_views import CONTENT_LIMIT, ConfirmView, fit

if TYPE_CHECKING:
    from bot.cogs.moderation import ModerationCog


class AddSignatoryFlow:
    """One moderator adding `organization` as a signatory of `letter`."""

    def __init__(
        self,
        cog: ModerationCog,
        origin: discord.Interaction,
        guild: int,
        letter: str,
        organization: str,
        source: str,
        note: str | None,
    ) -> None:
        self.cog = cog
        self.origin = origin
        self.guild = guild
        self.organization = organization
        self.source = source
        self.values = {
            "letter": letter,
            "organization": organization,
            "source": source,
            "note": note,
        }

    async def start(self) -> None:
        """The slash command: add, or offer to create the organization first."""
        await self.cog.settle(self.origin, self.origin, self.try_add, params={"kind": "signatory"})

    async def try_add(self) -> Outcome | None:
        """Add the signatory; when only the organization is missing, ask to create it."""
        outcome = await self.cog.core(self.origin, self.attempt)
        if isinstance(outcome, ChangeResult):
            await reply(self.origin, fit(clean(outcome.message), CONTENT_LIMIT))
            return "answered"
        await self.offer_to_create(outcome)
        return None  # the buttons are showing: the command is logged when they are pressed

    def attempt(self) -> ChangeResult | NotFoundError:
        """Add (worker thread); return the NotFoundError when it is the one problem."""
        actor = self.cog.actor(self.origin)
        try:
            return self.cog.moderation.add(self.guild, actor, "signatory", self.values)
        except ValidationError as exc:
            if len(exc.problems) != 1:
                raise
            try:
                resolve_organization(self.cog.bot.engine.scope(self.guild), self.organization)
            except NotFoundError as missing:
                return missing  # the only problem: offer to create it
            raise

    async def offer_to_create(self, missing: NotFoundError) -> None:
        """Ask whether to create the organization (with the suggestions the core found)."""
        hint = (
            f" (did you mean: {', '.join(missing.suggestions[:3])}?)" if missing.suggestions else ""
        )
        name = fit(self.organization, 40)
        view = ConfirmView(
            self.origin.user.id,
            self.cog.gate,
            self.confirmed,
            partial(self.cog.cancelled, origin=self.origin),
            confirm_label=f"Create organization {name} and add it",
        )
        await reply(
            self.origin,
            clean(
                f"No organization in the knowledge base matches “{self.organization}”{hint}. "
                f"Create the organization “{self.organization}” (same source) and add it as a "
                "signatory?"
            ),
            view=view,
        )
        view.origin = self.origin

    async def confirmed(self, press: discord.Interaction) -> None:
        """The confirm button: create the organization and add the signatory."""
        await self.cog.settle(
            press,
            self.origin,
            partial(self.create_and_add, press),
            update=True,
            params={"kind": "signatory", "created": "organization"},
        )

    async def create_and_add(self, press: discord.Interaction) -> Outcome:
        """Both changes, on the message the buttons were on."""
        by = self.cog.actor(press)
        return await self.cog.confirm_change(press, partial(self.create, by), update=True)

    def create(self, by: Actor) -> ChangeResult:
        """Create the organization, then add it (worker thread); undo the first on failure."""
        moderation = self.cog.moderation
        made = moderation.add(
            self.guild, by, "organization", {"name": self.organization, "source": self.source}
        )
        try:
            added = moderation.add(
                self.guild, by, "signatory", {**self.values, "organization": made.entry_ids[0]}
            )
        except CampaignBotError:
            for change in reversed(made.change_ids):  # leave nothing half-done
                moderation.undo(self.guild, by, change)
            raise
        return ChangeResult(
            f"{made.message}\n{added.message}",
            made.entry_ids + added.entry_ids,
            made.change_ids + added.change_ids,
        )
