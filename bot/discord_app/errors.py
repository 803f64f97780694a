"""One handler turns every app-command error into a short ephemeral reply and a log line."""

from __future__ import annotations

import logging
import math
import time

import discord
from discord import app_commands

from bot.core.errors import (
    CampaignBotError,
    DocumentError,
    IndexBusyError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from bot.core.usage.log import Outcome

log = logging.getLogger(__name__)


def outcome_of(error: BaseException) -> Outcome:
    """How a failed command is logged: refused, the user's mistake (invalid), or an error.

    Refused: the user may not do this here (not a moderator, the cooldown). Invalid: what
    they gave cannot be used (an unknown entry, a broken file, a value Discord let through
    that the command rejects); they are told what to fix. Everything else is the bot's
    failure, the only kind /stats should count as one.
    """
    original = getattr(error, "original", error)
    if isinstance(error, app_commands.CommandOnCooldown | app_commands.CheckFailure) or (
        isinstance(original, PermissionDeniedError)
    ):
        return "refused"
    if isinstance(error, app_commands.TransformerError) or isinstance(
        original, ValidationError | NotFoundError | DocumentError
    ):
        return "invalid"
    return "error"


def describe_error(error: app_commands.AppCommandError) -> str:
    """The user-facing message for an error (no internals, no traceback)."""
    original = getattr(error, "original", error)
    if isinstance(error, app_commands.CommandOnCooldown):
        # Rounded up: "try again in 0 s" would send the user straight into the limit again.
        return f"Slow down a little — try again in {math.ceil(error.retry_after)} s."
    if isinstance(original, PermissionDeniedError) or isinstance(
        error, app_commands.MissingPermissions | app_commands.CheckFailure
    ):
        return str(original) or "You are not allowed to use this command here."
    if isinstance(original, IndexBusyError):
        return "The knowledge base is being updated; please try again in a few seconds."
    if isinstance(original, CampaignBotError):
        return str(original)
    if isinstance(error, app_commands.TransformerError):
        return f"“{error.value}” is not a valid value for this option."
    return "Something went wrong while answering. The error has been logged."


async def handle_tree_error(
    interaction: discord.Interaction, error: app_commands.AppCommandError
) -> None:
    """`CommandTree.on_error`: reply ephemerally; log unexpected errors with their traceback."""
    outcome = outcome_of(error)
    expected = outcome != "error" or isinstance(getattr(error, "original", None), CampaignBotError)
    if expected:
        log.info("command %s %s: %s", _name(interaction), outcome, error)
    else:
        log.error("command %s failed", _name(interaction), exc_info=error)
    bot = interaction.client
    record = getattr(bot, "record_usage", None)
    if record is not None:
        record(interaction, outcome, _started(interaction))
    message = describe_error(error)
    try:
        if interaction.response.is_done():
            await _drop_public_thinking(interaction)
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)
    except discord.HTTPException:
        log.warning("could not deliver the error message for %s", _name(interaction))


async def _drop_public_thinking(interaction: discord.Interaction) -> None:
    """Delete a public "thinking…" placeholder so the error reply can be ephemeral.

    Discord turns the first follow-up after a deferral into the deferred message, public
    or not as chosen at defer time, ignoring the follow-up's own ephemeral flag.
    """
    if interaction.response.type is not discord.InteractionResponseType.deferred_channel_message:
        return
    try:
        original = await interaction.original_response()
        if original.flags.loading and not original.flags.ephemeral:
            await interaction.delete_original_response()
    except discord.HTTPException as exc:
        log.debug("could not remove the thinking message: %s", exc)


def _name(interaction: discord.Interaction) -> str:
    return interaction.command.qualified_name if interaction.command else "?"


def _started(interaction: discord.Interaction) -> float:
    started = interaction.extras.get("started")
    return started if isinstance(started, float) else time.perf_counter()
