"""Page buttons for a moderator's ephemeral lists (/kb list, /kb history, long problem lists).

Modelled on RoboDanny's paginator: first / previous / next / last with a page counter,
only the person who asked can turn pages, and the buttons disable themselves on timeout.
These pages live in memory only: after a restart a press is told they expired (`expired`);
answers to questions have buttons that work after a restart (`answer_buttons`).
"""

from __future__ import annotations

import logging

import discord

from bot.discord_app.expired import mark

log = logging.getLogger(__name__)

#: Seconds of inactivity before the buttons switch off.
VIEW_TIMEOUT = 300.0


class PagesView(discord.ui.View):
    """Pagination for multi-page lists, for the person who asked."""

    def __init__(
        self, pages: list[discord.Embed], owner_id: int, timeout: float | None = None
    ) -> None:
        # Read at construction, not at import, so a test can shorten it.
        super().__init__(timeout=VIEW_TIMEOUT if timeout is None else timeout)
        mark(self)  # after a restart, a press is told the pages expired
        self.pages = pages
        self.owner_id = owner_id
        self.index = 0
        self.message_interaction: discord.Interaction | None = None
        self._update()

    def _update(self) -> None:
        last = len(self.pages) - 1
        self.first.disabled = self.previous.disabled = self.index == 0
        self.next.disabled = self.last.disabled = self.index >= last
        self.counter.label = f"{self.index + 1}/{len(self.pages)}"

    async def _show(self, interaction: discord.Interaction, index: int) -> None:
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message(
                "Only the person who asked can turn these pages. Ask your own question to "
                "get a copy you can page through.",
                ephemeral=True,
            )
            return
        self.index = max(0, min(index, len(self.pages) - 1))
        self._update()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    @discord.ui.button(label="≪", style=discord.ButtonStyle.secondary, row=0)
    async def first(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Go to the first page."""
        await self._show(interaction, 0)

    @discord.ui.button(label="‹", style=discord.ButtonStyle.primary, row=0)
    async def previous(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Go back one page."""
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True, row=0)
    async def counter(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Shows the page number; never clickable."""

    @discord.ui.button(label="›", style=discord.ButtonStyle.primary, row=0)
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Go forward one page."""
        await self._show(interaction, self.index + 1)

    @discord.ui.button(label="≫", style=discord.ButtonStyle.secondary, row=0)
    async def last(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Go to the last page."""
        await self._show(interaction, len(self.pages) - 1)

    async def on_timeout(self) -> None:
        """Disable every button so stale pages cannot be turned."""
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.message_interaction is not None:
            try:
                await self.message_interaction.edit_original_response(view=self)
            except discord.HTTPException as exc:  # the message may be gone; nothing to fix
                log.debug("could not disable buttons: %s", exc)
