"""discord.py cogs: thin adapters from interactions to core answers."""

from __future__ import annotations

from bot.cogs.questions import QuestionsCog

#: Every cog the bot loads, in order.
COGS = (QuestionsCog,)
