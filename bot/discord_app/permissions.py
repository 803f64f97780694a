"""Who may curate: Manage Server, or the moderator role named in the settings.

Checked in code on every moderator command and button, not only through Discord's default
permissions, which server admins can change.
"""

from __future__ import annotations

import discord

from bot.core.errors import PermissionDeniedError

REFUSAL = ("Only this server's moderators (Manage Server{role}) can do this. "
           "Nothing was changed.")


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
        return any(role.name.casefold() == wanted or str(role.id) == moderator_role
                   for role in member.roles)
    return False


def require_moderator(interaction: discord.Interaction, moderator_role: str | None) -> None:
    """Raise PermissionDeniedError (an ephemeral refusal) unless the caller may curate."""
    if not is_moderator(interaction, moderator_role):
        role = f" or the “{moderator_role}” role" if moderator_role else ""
        raise PermissionDeniedError(REFUSAL.format(role=role))
