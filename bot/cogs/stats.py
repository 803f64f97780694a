"""/stats for moderators and /privacy forget-me for everyone."""

from __future__ import annotations

import asyncio
import io
import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import Range
from discord.ext import commands

from bot.core.usage.chart import render_daily_chart
from bot.core.usage.report import stats_answer
from bot.discord_app.checks import require_moderator
from bot.discord_app.embeds import render_pages

if TYPE_CHECKING:
    from bot.discord_app.client import CampaignBot

NO_MENTIONS = discord.AllowedMentions.none()
CHART_NAME = "daily-use.png"


class StatsCog(commands.Cog):
    """What a server asks, what the bot could not answer, and the right to be forgotten."""

    privacy = app_commands.Group(
        name="privacy",
        description="Your data in the usage log",
        allowed_installs=app_commands.AppInstallationType(guild=True, user=True),
        allowed_contexts=app_commands.AppCommandContext(
            guild=True, dm_channel=True, private_channel=True
        ),
    )

    def __init__(self, bot: CampaignBot) -> None:
        self.bot = bot

    @app_commands.command(name="stats", description="Usage statistics for this server")
    @app_commands.describe(days="Period in days (default 30)")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    async def stats(self, interaction: discord.Interaction, days: Range[int, 1, 365] = 30) -> None:
        """Volume, latency, votes and the gap list, with a chart of daily use."""
        started = time.perf_counter()
        interaction.extras["started"] = started
        require_moderator(interaction, self.bot.settings.moderator_role)
        if self.bot.usage is None:
            await interaction.response.send_message("The usage log is not running.", ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild is not None  # noqa: S101 - guild_only
        stats = await self.bot.usage.stats(interaction.guild_id, days)
        answer = stats_answer(stats, interaction.guild.name)
        chart = await asyncio.to_thread(render_daily_chart, stats)
        pages = render_pages(answer, self.bot.settings.page_size)
        pages[0].set_image(url=f"attachment://{CHART_NAME}")
        await interaction.followup.send(
            embeds=pages[:10],
            file=discord.File(io.BytesIO(chart), CHART_NAME),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        self.bot.record_usage(
            interaction, "answered", started, params={"days": days}, result_count=stats.total
        )

    @privacy.command(
        name="forget-me", description="Delete every usage-log row about you, in every server"
    )
    async def forget_me(self, interaction: discord.Interaction) -> None:
        """Delete the caller's rows (found by their keyed hash); never logged itself."""
        if self.bot.usage is None:
            await interaction.response.send_message("The usage log is not running.", ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        deleted = await self.bot.usage.forget(interaction.user.id)
        await interaction.followup.send(
            f"Deleted {deleted} usage-log row{'s' if deleted != 1 else ''} about you "
            "(commands and votes). Nothing else about you is stored.",
            ephemeral=True,
        )
