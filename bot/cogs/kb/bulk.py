"""/kb import and /kb export: whole files in and out, in the format `campaign-bot kb` uses.

Import: refuse an oversized file before downloading it, validate all of it, show the
changes it would make (a dry run), apply all of it on the confirm button or nothing.
Export: the server's entries (or all it can see) as an attachment import reads back.
"""

from __future__ import annotations

import io
from functools import partial
from typing import TYPE_CHECKING, Literal

import discord

from bot.cogs.kb.replies import reply
from bot.core.errors import ValidationError
from bot.core.moderation.service import ImportPlan
from bot.core.usage.log import Outcome
from bot.discord_app.embeds import clean
from bot.discord_app.moderation_views import ConfirmView, fit, pages_of

if TYPE_CHECKING:
    from bot.cogs.moderation import ModerationCog


class ImportFlow:
    """One moderator importing one attached file into their server."""

    def __init__(
        self, cog: ModerationCog, origin: discord.Interaction, guild: int, file: discord.Attachment
    ) -> None:
        self.cog = cog
        self.origin = origin
        self.guild = guild
        self.file = file
        self.limit = cog.bot.settings.import_max_bytes
        self.name = fit(file.filename, 80)
        self.params = {"file": self.name, "bytes": file.size}

    async def start(self) -> None:
        """The slash command: preview the import."""
        await self.cog.settle(self.origin, self.origin, self.preview, params=self.params)

    async def preview(self) -> Outcome | None:
        """Show every change the file would make, with Apply and Cancel buttons."""
        if self.file.size > self.limit:  # before downloading anything
            raise ValidationError(
                [f"“{self.name}” is {self.file.size:,} bytes; the limit is {self.limit:,}."]
            )
        planned = await self.cog.in_time(self.origin, self.plan())
        if planned.empty:
            await reply(
                self.origin,
                clean(
                    f"Nothing to change: the {planned.unchanged} entries in “{self.name}” are "
                    "already in this server's knowledge base."
                ),
            )
            return "answered"
        count = len(planned.diff)
        changes = f"{count} change{'s' if count != 1 else ''}"
        pages = pages_of(
            planned.diff,
            f"Import preview: {self.name}",
            footer=f"{changes}, {planned.unchanged} unchanged · nothing is written until you apply",
        )
        view = ConfirmView(
            self.origin.user.id,
            self.cog.gate,
            partial(self.confirmed, planned=planned),
            partial(self.cog.cancelled, origin=self.origin),
            confirm_label=f"Apply {changes}",
            pages=pages,
        )
        await reply(self.origin, embeds=[pages[0]], view=view)
        view.origin = self.origin
        return None  # the buttons are showing: the command is logged when they are pressed

    async def plan(self) -> ImportPlan:
        """Download the file and validate it against the server's view (a dry run)."""
        try:
            data = await self.file.read()
        except discord.HTTPException as exc:
            raise ValidationError(
                [f"Could not download “{self.name}” ({exc.status}); try again."]
            ) from None
        return await self.cog.bot.engine.run_blocking(
            partial(
                self.cog.moderation.plan_import, self.guild, self.file.filename, data, self.limit
            )
        )

    async def confirmed(self, press: discord.Interaction, planned: ImportPlan) -> None:
        """The Apply button."""
        await self.cog.settle(
            press, self.origin, partial(self.apply, press, planned), update=True, params=self.params
        )

    async def apply(self, press: discord.Interaction, planned: ImportPlan) -> Outcome:
        """Apply the previewed changes and say so on the message the buttons were on."""
        by = self.cog.actor(press)
        return await self.cog.confirm_change(
            press, partial(self.cog.moderation.apply_import, self.guild, by, planned), update=True
        )


async def export_entries(
    cog: ModerationCog,
    interaction: discord.Interaction,
    guild: int,
    format: Literal["yaml", "csv"],
    scope: Literal["server", "all"],
) -> Outcome:
    """Send the entries as an attachment, unless it is larger than Discord accepts here."""
    data, own = await cog.core(interaction, partial(_dump, cog, guild, format, scope))
    limit = interaction.filesize_limit
    if len(data) > limit:
        raise ValidationError(
            [
                f"The export is {len(data):,} bytes, more than the "
                f"{limit:,} Discord accepts here; use "
                "`campaign-bot kb export` on the server."
            ]
        )
    what = (
        "this server's entries"
        if scope == "server"
        else "the curated knowledge base and this server's entries"
    )
    note = "" if own else " This server has no entries of its own yet."
    filename = f"kb-{guild}-{scope}.{format}"
    await reply(
        interaction,
        f"Export of {what}: {own} entr{'y' if own == 1 else 'ies'} of "
        f"this server, {len(data):,} bytes.{note}",
        file=discord.File(io.BytesIO(data), filename=filename),
    )
    return "answered"


def _dump(cog: ModerationCog, guild: int, format: str, scope: str) -> tuple[bytes, int]:
    """The file's bytes and how many entries are the server's own (worker thread)."""
    data = cog.moderation.export(guild, format, include_bundled=scope == "all")
    return data, len(cog.moderation.entries(guild))
