"""The bot client: no privileged intents, no pings, cogs loaded, commands synced only on demand.

This module assembles the Discord front end, so it sits above the cogs: it imports them to
add them, and they never import it at run time (only its type, for annotations).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from typing import Any

import discord
from discord.ext import commands

from bot.cogs import COGS
from bot.config import Settings
from bot.core.engine import Engine
from bot.core.usage.log import (
    USAGE_SECRET_ENV,
    ChannelKind,
    Outcome,
    UsageEvent,
    UsageLog,
    Vote,
    load_or_create_secret,
)
from bot.core.usage.storage import usage_store
from bot.discord_app.answer_buttons import AnswerCache, PageButton, VoteButton
from bot.discord_app.errors import handle_tree_error
from bot.discord_app.expired import ExpiredButton, new_start
from bot.discord_app.translator import KoreanTranslator

log = logging.getLogger(__name__)


def intents() -> discord.Intents:
    """Only the guilds intent: slash commands need nothing privileged."""
    chosen = discord.Intents.none()
    chosen.guilds = True
    return chosen


class CampaignBot(commands.AutoShardedBot):
    """The bot: an engine for answers, a usage log, and the cogs that connect them."""

    def __init__(self, settings: Settings, *, start_engine: bool = True, **options: Any) -> None:
        if settings.shard_ids is not None and settings.shard_count is None:
            raise ValueError("shard_ids needs shard_count")
        if settings.shard_ids:
            options["shard_ids"] = list(settings.shard_ids)
        # The bot never joins voice: discord.py's warnings about missing voice libraries
        # would be noise on every start.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            shard_count=settings.shard_count,
            **options,
        )
        self.settings = settings
        self.start_engine = start_engine
        self.engine = Engine(
            settings.data_dir,
            settings.index_dir,
            settings.index_lock_timeout,
            settings.max_query_length,
            settings.community_dir,
            settings.database_url,
        )
        self.usage: UsageLog | None = None
        #: Pages of recent answers, so turning a page does not make the answer again.
        self.answers = AnswerCache()
        self._prepared = False

    async def prepare(self) -> None:
        """Load and index the knowledge base off the loop (once; before login when run)."""
        if self._prepared:
            return
        started = time.perf_counter()
        await asyncio.to_thread(self.engine.start)
        self._prepared = True
        log.info(
            "knowledge base ready: %d entities in %.2f s",
            len(self.engine.kb.records),
            time.perf_counter() - started,
        )

    async def setup_hook(self) -> None:
        """Load the knowledge base off the loop, open the usage log, add cogs and buttons."""
        if self.start_engine:
            await self.prepare()
            secret = load_or_create_secret(
                os.environ.get(USAGE_SECRET_ENV), self.settings.usage_key_file
            )
            store = usage_store(self.settings.usage_db, self.settings.database_url)
            self.usage = UsageLog(store, secret, retention_days=self.settings.usage_retention_days)
            await self.usage.start()
        await self.tree.set_translator(KoreanTranslator())
        self.tree.on_error = handle_tree_error  # type: ignore[method-assign]
        # Answer buttons are matched by their ids, so they work on answers sent before a
        # restart too; other buttons from before a restart say they expired.
        new_start()
        self.add_dynamic_items(PageButton, VoteButton, ExpiredButton)
        for cog in COGS:
            await self.add_cog(cog(self))

    async def close(self) -> None:
        """Disconnect, then flush the usage log and close the index."""
        await super().close()
        if self.usage is not None:
            await self.usage.close()
            self.usage = None
        self.engine.close()

    def record_usage(
        self,
        interaction: discord.Interaction,
        outcome: Outcome,
        started: float,
        question: str | None = None,
        params: dict[str, object] | None = None,
        result_count: int = 0,
    ) -> None:
        """Log one command; never raises (a failing log never fails an answer)."""
        if self.usage is None or interaction.command is None:
            return
        try:
            self.usage.record(
                UsageEvent(
                    command=interaction.command.qualified_name,
                    user_id=interaction.user.id,
                    outcome=outcome,
                    guild_id=interaction.guild_id,
                    channel_kind=channel_kind(interaction),
                    question=question,
                    params=params or {},
                    result_count=result_count,
                    latency_ms=(time.perf_counter() - started) * 1000,
                )
            )
        except Exception:  # a log must never break an answer
            log.exception("could not record usage")

    def record_vote(
        self, interaction: discord.Interaction, answer_id: str, helpful: bool, question: str | None
    ) -> None:
        """Log a helpful / not-helpful vote; never raises."""
        if self.usage is None:
            return
        try:
            self.usage.record_vote(
                Vote(answer_id, interaction.user.id, helpful, question, interaction.guild_id)
            )
        except Exception:
            log.exception("could not record vote")


def channel_kind(interaction: discord.Interaction) -> ChannelKind:
    """Where the command ran, for the usage log."""
    context = interaction.context
    if context.dm_channel:
        return "dm"
    if context.private_channel:
        return "private"
    if (
        interaction.guild_id is not None
        and interaction.is_user_integration()
        and (not interaction.is_guild_integration())
    ):
        return "user-install"
    return "guild" if interaction.guild_id is not None else "unknown"
