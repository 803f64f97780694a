"""/kb history and /kb undo: the server's change log, and reversing one change."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

import discord

from bot.cogs.kb.replies import reply, send_pages
from bot.core.moderation.changes import ChangeSet
from bot.core.moderation.service import change_details
from bot.core.usage.log import Outcome
from bot.discord_app.embeds import clean
from bot.discord_app.moderation_views import fit, pages_of

if TYPE_CHECKING:
    from bot.cogs.moderation import ModerationCog

#: Changes shown by /kb history when no limit is given (as `campaign-bot kb history`).
HISTORY_LIMIT = 50
HISTORY_PER_PAGE = 10


async def show_history(
    cog: ModerationCog, interaction: discord.Interaction, guild: int, limit: int
) -> Outcome:
    """The latest `limit` changes, newest first, paginated, undone ones marked."""
    changes = await cog.core(interaction, partial(cog.moderation.history, guild, limit + 1))
    if not changes:
        await reply(interaction, "No changes yet.")
        return "nothing_found"
    more = len(changes) > limit
    changes = changes[:limit]
    title = (
        f"Latest {len(changes)} changes (older ones: raise the limit)"
        if more
        else f"Changes ({len(changes)})"
    )
    lines = [history_line(change) for change in changes]
    pages = [
        page
        for start in range(0, len(lines), HISTORY_PER_PAGE)
        for page in pages_of(lines[start : start + HISTORY_PER_PAGE], title)
    ]
    await send_pages(interaction, pages)
    return "answered"


async def undo_change(
    cog: ModerationCog, interaction: discord.Interaction, guild: int, change: int
) -> Outcome:
    """Undo one change whole, if none of its entries changed since, and say what that did."""
    actor = cog.actor(interaction)
    return await cog.confirm_change(interaction, partial(cog.moderation.undo, guild, actor, change))


def history_line(change: ChangeSet) -> str:
    """ "#12 · <when> · alice — Imported 490 entries (undone by #14)", then what it did."""
    try:
        when = discord.utils.format_dt(datetime.fromisoformat(change.at), "f")
    except ValueError:
        when = change.at
    line = (
        f"**#{change.id}** · {when} · {clean(change.actor_name)} — {clean(fit(change.title, 160))}"
    )
    if change.undoes is not None:
        line += f" (undoes #{change.undoes})"
    if change.undone_by is not None:
        line += f" — ~~undone~~ by #{change.undone_by}"
    for detail in change_details(change, width=50):
        line += f"\n  {clean(detail)}"
    return line
