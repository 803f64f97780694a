"""/kb list: the entries this server's moderators added, and the sources they cite, with ids."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import discord

from bot.cogs.kb.replies import reply, send_pages
from bot.core.usage.log import Outcome
from bot.discord_app.embeds import clean
from bot.discord_app.moderation_views import pages_of

if TYPE_CHECKING:
    from bot.cogs.moderation import ModerationCog

LIST_PER_PAGE = 20


async def show_entries(cog: ModerationCog, interaction: discord.Interaction, guild: int) -> Outcome:
    """Every entry of this server, then its sources, paginated, or a hint how to add one."""
    rows = await cog.core(interaction, partial(cog.moderation.entries, guild, sources=True))
    if not rows:
        await reply(
            interaction,
            "This server has no entries of its own yet. Add some with /kb add-… or /kb import.",
        )
        return "nothing_found"
    lines = [f"**{kind}** {clean(label)} — `{entry_id}`" for entry_id, kind, label in rows]
    sources = sum(1 for _, kind, _ in rows if kind == "source")
    title = f"This server's entries ({len(rows) - sources})"
    if sources:
        title += f" and sources ({sources})"
    pages = [
        page
        for start in range(0, len(lines), LIST_PER_PAGE)
        for page in pages_of(lines[start : start + LIST_PER_PAGE], title)
    ]
    await send_pages(interaction, pages)
    return "answered"
