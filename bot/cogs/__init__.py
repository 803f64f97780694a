"""discord.py cogs: thin adapters from interactions to core answers."""

from __future__ import annotations

from bot.cogs.moderation import ModerationCog
from bot.cogs.questions import QuestionsCog
from bot.cogs.stats import StatsCog

#: Every cog the bot loads, in order.
COGS = (QuestionsCog, ModerationCog, StatsCog)
