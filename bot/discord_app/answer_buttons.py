"""The buttons under an answer: page through it (asker only) and say whether it helped.

They are `discord.ui.DynamicItem`s: each press is matched by its custom_id, which carries
the page it leads to and the command that made the answer (see `button_state`), so the
buttons keep working after a restart. Pages come from a small in-memory cache while the
process lives; after a restart the answer is made again from the id's state, or, when the
options did not fit in it, the asker is told the page has expired and to ask again. The
asker and the answer are the message's own interaction metadata (who ran the command, and
its id, which votes are keyed by), so neither needs room in the id.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import discord

from bot.core.answers.commands import COMMANDS_BY_NAME
from bot.discord_app.button_state import AskedCommand, decode_state
from bot.discord_app.embeds import render_pages

if TYPE_CHECKING:
    from bot.discord_app.client import CampaignBot

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
#: Answers whose pages this process keeps; older ones are made again on a press.
CACHE_SIZE = 128
#: Answer a press at once when the answer is this quick to make again; else defer first.
DEFER_AFTER = 1.5
NOT_YOURS = (
    "Only the person who asked can turn these pages. Ask your own question to get "
    "a copy you can page through."
)
FAILED = "Something went wrong while turning the page. The error has been logged."

#: Page buttons by role: label, style.
_ROLES = {
    "f": ("≪", discord.ButtonStyle.secondary),
    "p": ("‹", discord.ButtonStyle.primary),
    "c": ("", discord.ButtonStyle.secondary),
    "n": ("›", discord.ButtonStyle.primary),
    "l": ("≫", discord.ButtonStyle.secondary),
}


@dataclass(slots=True)
class CachedAnswer:
    """An answer this process sent: its pages, what was asked, and who voted how."""

    pages: list[discord.Embed]
    asked: str | None
    voters: dict[int, bool] = field(default_factory=dict)


class AnswerCache:
    """The last `CACHE_SIZE` answers by answer id (the id of the command that made them)."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._answers: OrderedDict[int, CachedAnswer] = OrderedDict()

    def put(self, answer_id: int, answer: CachedAnswer) -> None:
        """Keep an answer, forgetting the oldest past the size."""
        self._answers[answer_id] = answer
        self._answers.move_to_end(answer_id)
        while len(self._answers) > self.size:
            self._answers.popitem(last=False)

    def get(self, answer_id: int) -> CachedAnswer | None:
        """The answer, if this process still has it."""
        found = self._answers.get(answer_id)
        if found is not None:
            self._answers.move_to_end(answer_id)
        return found


def answer_view(pages: list[discord.Embed], index: int, state: str) -> discord.ui.View:
    """Page buttons (when there are several pages) and the two vote buttons."""
    view = discord.ui.View(timeout=None)  # dynamic items: nothing to time out or keep
    last = len(pages) - 1
    if last > 0:
        targets = {"f": 0, "p": max(index - 1, 0), "c": index, "n": min(index + 1, last), "l": last}
        for role, target in targets.items():
            disabled = (
                role == "c" or (role in "fp" and index == 0) or (role in "nl" and index >= last)
            )
            label = f"{index + 1}/{last + 1}" if role == "c" else None
            view.add_item(PageButton(role, target, state, disabled=disabled, label=label))
    view.add_item(VoteButton(True, state))
    view.add_item(VoteButton(False, state))
    return view


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"ans:(?P<role>[fpcnl]):(?P<page>\d{1,4}):(?P<state>.+)",
):
    """First, previous, counter, next or last: the page it leads to is in its id."""

    def __init__(
        self, role: str, page: int, state: str, *, disabled: bool = False, label: str | None = None
    ) -> None:
        text, style = _ROLES[role]
        super().__init__(
            discord.ui.Button(
                label=label or text,
                style=style,
                row=0,
                disabled=disabled,
                custom_id=f"ans:{role}:{page}:{state}",
            )
        )
        self.role, self.page, self.state = role, page, state

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PageButton:
        """The button a press came from, rebuilt from its id."""
        button = item if isinstance(item, discord.ui.Button) else None
        return cls(
            match["role"],
            int(match["page"]),
            match["state"],
            disabled=bool(button and button.disabled),
            label=button.label if button else None,
        )

    async def callback(self, interaction: discord.Interaction) -> None:
        """Show the page this button leads to, to the asker only."""
        try:
            await turn_page(interaction, self.page, self.state)
        except Exception as exc:  # never leave Discord saying "This interaction failed"
            log.exception("page button failed")
            await _tell(interaction, FAILED, exc)


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"ans:v:(?P<vote>[yn]):(?P<state>.+)"
):
    """Helpful or not helpful; anyone may vote, once per answer (a second vote replaces)."""

    def __init__(self, helpful: bool, state: str) -> None:
        button: discord.ui.Button[Any] = discord.ui.Button(
            label="Helpful" if helpful else "Not helpful",
            emoji="👍" if helpful else "👎",
            style=discord.ButtonStyle.success if helpful else discord.ButtonStyle.secondary,
            row=1,
            custom_id=f"ans:v:{'y' if helpful else 'n'}:{state}",
        )
        super().__init__(button)
        self.helpful, self.state = helpful, state

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoteButton:
        """The button a press came from, rebuilt from its id."""
        return cls(match["vote"] == "y", match["state"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Record the vote and thank the voter."""
        try:
            await vote(interaction, self.helpful, self.state)
        except Exception as exc:
            log.exception("vote button failed")
            await _tell(
                interaction,
                "Something went wrong while recording your vote. The error has been logged.",
                exc,
            )


async def turn_page(interaction: discord.Interaction, page: int, state: str) -> None:
    """Edit the answer to show `page`: from the cache, else the answer made again."""
    asker, answer_id = _asker(interaction), _answer_id(interaction)
    if asker is not None and interaction.user.id != asker:
        await interaction.response.send_message(
            NOT_YOURS, ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return
    bot: CampaignBot = interaction.client  # type: ignore[assignment]
    cached = bot.answers.get(answer_id)
    if cached is None:
        asked = decode_state(state)
        if asked is None:
            await interaction.response.send_message(
                expired(state), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        work = asyncio.ensure_future(remake(bot, interaction, answer_id, asked))
        done, _ = await asyncio.wait({work}, timeout=DEFER_AFTER)
        if not done:  # Discord wants an answer within 3 s: "loading" on the message
            await interaction.response.defer()
        cached = await work
    index = max(0, min(page, len(cached.pages) - 1))
    view = answer_view(cached.pages, index, state)
    if interaction.response.is_done():
        await interaction.edit_original_response(
            embed=cached.pages[index], view=view, allowed_mentions=NO_MENTIONS
        )
    else:
        await interaction.response.edit_message(
            embed=cached.pages[index], view=view, allowed_mentions=NO_MENTIONS
        )


async def remake(
    bot: CampaignBot, interaction: discord.Interaction, answer_id: int, asked: AskedCommand
) -> CachedAnswer:
    """Make an answer again from its command and options, and keep it."""
    function = COMMANDS_BY_NAME[asked.name].function
    answer = await bot.engine.run(function, interaction.guild_id, **asked.values)
    made = CachedAnswer(render_pages(answer, bot.settings.page_size), asked.asked())
    bot.answers.put(answer_id, made)
    return made


async def vote(interaction: discord.Interaction, helpful: bool, state: str) -> None:
    """Log a vote on the answer (keyed by its id) and thank the voter, privately."""
    bot: CampaignBot = interaction.client  # type: ignore[assignment]
    answer_id = _answer_id(interaction)
    cached = bot.answers.get(answer_id)
    if cached is not None:
        asked = cached.asked
        changed = cached.voters.get(interaction.user.id, helpful) != helpful
        cached.voters[interaction.user.id] = helpful
    else:  # after a restart: the question from the id, when it fitted there
        decoded = decode_state(state)
        asked, changed = (decoded.asked() if decoded else None), False
    bot.record_vote(interaction, str(answer_id), helpful, asked)
    word = "helpful" if helpful else "not helpful"
    note = " (vote changed)" if changed else ""
    follow = "" if helpful else " Moderators see these questions so they can fill the gap."
    await interaction.response.send_message(
        f"Thanks — recorded as {word}{note}.{follow}", ephemeral=True, allowed_mentions=NO_MENTIONS
    )


def expired(state: str) -> str:
    """What a press on pages this process cannot make again is answered with."""
    name = state.partition("=")[0]
    command = f"/{name}" if name in COMMANDS_BY_NAME else "the command"
    return (
        f"These pages have expired (the bot restarted since). Run {command} again to "
        "get a fresh copy you can page through."
    )


def _asker(interaction: discord.Interaction) -> int | None:
    """Who ran the command that made the answer the button is on."""
    message = interaction.message
    meta = message.interaction_metadata if message is not None else None
    return meta.user.id if meta is not None else None


def _answer_id(interaction: discord.Interaction) -> int:
    """The answer's id: its command's interaction id (the message's, if Discord omits it)."""
    message = interaction.message
    meta = message.interaction_metadata if message is not None else None
    if meta is not None:
        return meta.id
    return message.id if message is not None else interaction.id


async def _tell(interaction: discord.Interaction, text: str, error: Exception) -> None:
    """Say a press failed, ephemerally, however far the reply had got."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except discord.HTTPException:
        log.warning("could not deliver the button error (%s)", error)
