"""The /kb flows, one module per flow family; `bot.cogs.moderation` declares the commands.

Each multi-step flow (command → form or confirm buttons → change) is a small class holding
its state, with one named method per step, so it reads top to bottom. Single-step flows are
plain functions. Every step runs through the cog's `settle`, which turns domain errors into
replies and logs the command once, when it ends.
"""
