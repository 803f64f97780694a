"""Who may use a command, and where: the checks every cog shares.

The moderator check runs in code on every moderator command, form and button, not only
through Discord's default permissions, which server admins can change.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.core.errors import PermissionDeniedError
from bot.discord_app.embeds import clean

REFUSAL = "Only this server's moderators (Manage Server{role}) can do this. Nothing was changed."
KB_REFUSAL = (
    "Only this server's moderators ({who}) can change its knowledge base. Nothing was changed."
)
GUILD_ONLY = "The knowledge base commands work in a server only."


class NotModerator(app_commands.CheckFailure):
    """The member may not change this server's knowledge base."""


def read_only_command(command: app_commands.Command[Any, ..., Any]) -> None:
    """Allow a reading command in servers, DMs and as a user-installed app."""
    command.allowed_installs = app_commands.AppInstallationType(guild=True, user=True)
    command.allowed_contexts = app_commands.AppCommandContext(
        guild=True, dm_channel=True, private_channel=True
    )


def is_moderator(interaction: discord.Interaction, moderator_role: str | None) -> bool:
    """Whether the member has Manage Server or the configured moderator role here."""
    member = interaction.user
    if interaction.guild_id is None or not isinstance(member, discord.Member):
        return False
    # Discord resolves the member's permissions for every interaction; the cached roles
    # behind Member.guild_permissions are incomplete without the members intent.
    if interaction.permissions.manage_guild or interaction.permissions.administrator:
        return True
    if moderator_role:
        wanted = moderator_role.casefold()
        return any(
            role.name.casefold() == wanted or str(role.id) == moderator_role
            for role in member.roles
        )
    return False


def require_moderator(interaction: discord.Interaction, moderator_role: str | None) -> None:
    """Raise PermissionDeniedError (an ephemeral refusal) unless the caller may curate."""
    if not is_moderator(interaction, moderator_role):
        role = f" or the “{moderator_role}” role" if moderator_role else ""
        raise PermissionDeniedError(REFUSAL.format(role=role))


def kb_refusal(moderator_role: str | None) -> str:
    """What a non-moderator is told when they try to change the knowledge base."""
    who = "Manage Server" + (f" or the “{clean(moderator_role)}” role" if moderator_role else "")
    return KB_REFUSAL.format(who=who)
