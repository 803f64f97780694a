"""How the /kb flows answer: ephemeral replies, problem lists and pages, without pings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord

from bot.discord_app.moderation_views import (
    CONTENT_LIMIT,
    NO_MENTIONS,
    ButtonHandler,
    Gate,
    RetryView,
    problem_pages,
    problem_text,
)
from bot.discord_app.views import PagesView


async def reply(
    interaction: discord.Interaction,
    content: str | None = None,
    *,
    embeds: Sequence[discord.Embed] = (),
    view: discord.ui.View | None = None,
    file: discord.File | None = None,
    update: bool = False,
) -> None:
    """Send an ephemeral reply, or with `update` replace the message a button is on."""
    if update:
        if interaction.response.is_done():
            await interaction.edit_original_response(
                content=content, embeds=list(embeds), view=view, allowed_mentions=NO_MENTIONS
            )
        else:
            await interaction.response.edit_message(
                content=content, embeds=list(embeds), view=view, allowed_mentions=NO_MENTIONS
            )
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


async def reply_problems(
    interaction: discord.Interaction,
    problems: Sequence[str],
    gate: Gate,
    *,
    update: bool = False,
    retry: ButtonHandler | None = None,
) -> None:
    """Every problem: as text with a retry button when short, as pages when long."""
    text = problem_text(problems)
    if len(text) <= CONTENT_LIMIT:
        view = RetryView(interaction.user.id, gate, retry) if retry else None
        await reply(interaction, text, view=view, update=update)
        if view is not None:
            view.origin = interaction
        return
    pages = problem_pages(problems)
    pager = PagesView(pages, interaction.user.id) if len(pages) > 1 else None
    await reply(interaction, embeds=[pages[0]], view=pager, update=update)
    if pager is not None:
        pager.message_interaction = interaction


async def send_pages(interaction: discord.Interaction, pages: list[discord.Embed]) -> None:
    """Ephemeral embed pages with page buttons when there is more than one."""
    if len(pages) > 1:
        for number, page in enumerate(pages, start=1):
            page.set_footer(text=f"Page {number}/{len(pages)}")
    pager = PagesView(pages, interaction.user.id) if len(pages) > 1 else None
    await reply(interaction, embeds=[pages[0]], view=pager)
    if pager is not None:
        pager.message_interaction = interaction
