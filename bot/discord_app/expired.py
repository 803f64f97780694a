"""Buttons that live only in memory (confirmations, /kb pages) answer after a restart too.

A confirm view holds what it confirms (a planned import, a draft) in memory, so after a
restart there is nothing to apply; but Discord still shows its buttons, and a press nobody
answers reads "This interaction failed". Each such button's id carries the mark of the
bot's current start; one dynamic item matches every marked id and, when the mark is of an
earlier start, says the buttons expired and nothing was changed. While the start that made
the view runs, the view itself answers and the dynamic item stays silent.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

import discord

#: The current start's mark: eight hex digits, renewed by `new_start`.
_start = {"mark": secrets.token_hex(4)}
EXPIRED = (
    "These buttons expired when the bot restarted. Nothing was changed; run the command again."
)


def new_start() -> None:
    """The bot (re)starts: buttons made before now are expired."""
    _start["mark"] = secrets.token_hex(4)


def mark(view: discord.ui.View) -> None:
    """Give each of the view's components an id carrying the current start's mark."""
    token = secrets.token_hex(4)  # two views on one message never share an id
    for number, item in enumerate(view.children):
        if isinstance(item, discord.ui.Button | discord.ui.Select):
            item.custom_id = f"mem:{_start['mark']}:{token}:{number}"


class ExpiredButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"mem:(?P<boot>[0-9a-f]{8}):[0-9a-f]{8}:\d{1,2}",
):
    """Any marked button; it speaks only when an earlier start made it."""

    def __init__(self, boot: str, item: discord.ui.Button[Any]) -> None:
        super().__init__(item)
        self.boot = boot

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ExpiredButton:
        """The pressed button, with the mark of the start that made it."""
        button = (
            item
            if isinstance(item, discord.ui.Button)
            else discord.ui.Button(custom_id=match.string)
        )
        return cls(match["boot"], button)

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Stay silent on this start's own buttons: their view answers them."""
        return self.boot != _start["mark"]

    async def callback(self, interaction: discord.Interaction) -> None:
        """Say the buttons expired, to the presser only."""
        await interaction.response.send_message(
            EXPIRED, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )
