"""/kb edit: a form prefilled with the entry's current values; the rest keep theirs.

The flow: read the entry's current values, check the options given apply to its kind, open
the form; the submission re-reads the entry (it may have changed meanwhile) and saves the
merged values; a rejected submission offers a button that reopens the form.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

import discord

from bot.cogs.kb.forms import EDIT_FORM, fields_of
from bot.core.errors import ValidationError
from bot.core.moderation.forms import FORMS
from bot.core.moderation.service import Actor, ChangeResult
from bot.core.usage.log import Outcome
from bot.discord_app.moderation_views import EntryForm

if TYPE_CHECKING:
    from bot.cogs.moderation import ModerationCog


class EditFlow:
    """One moderator editing `entry`, with the options they gave on the command."""

    def __init__(
        self,
        cog: ModerationCog,
        origin: discord.Interaction,
        guild: int,
        entry: str,
        given: Mapping[str, str],
    ) -> None:
        self.cog = cog
        self.origin = origin
        self.guild = guild
        self.entry = entry
        self.given = dict(given)
        self.params = {"entry": entry}

    async def start(self) -> None:
        """The slash command: open the prefilled form."""
        await self.cog.settle(self.origin, self.origin, self.open_form, params=self.params)

    async def open_form(self) -> Outcome | None:
        """Refuse options the entry's kind lacks and values too long for a form; open it."""
        kind, current = await self.cog.before_form(self.prefill)
        allowed = {f.name for f in FORMS[kind]}
        wrong = [name for name in self.given if name not in allowed]
        if wrong:
            raise ValidationError(
                [f"A {kind} has no “{name}”; leave that option out." for name in wrong]
            )
        defaults = {**current, **self.given}
        if not EntryForm.fits(defaults):
            raise ValidationError(
                [
                    "A field of this entry is longer than a Discord form "
                    "can hold; change it with /kb export and /kb import."
                ]
            )
        await self.origin.response.send_modal(self.form(kind, defaults))
        return None  # the form is showing: the command is logged when it ends

    def prefill(self) -> tuple[str, dict[str, str]]:
        """The entry's kind and current form values (worker thread)."""
        return self.cog.moderation.prefill(self.guild, self.entry)

    def form(self, kind: str, defaults: Mapping[str, str]) -> EntryForm:
        """The edit form of a `kind` entry, prefilled with `defaults`."""
        return self.cog.form(
            self.origin, f"Edit {kind}", fields_of(kind, EDIT_FORM[kind]), defaults, self.submit
        )

    async def submit(self, submission: discord.Interaction, values: dict[str, str]) -> None:
        """A filled-in form: save it, or list the problems with a button to fix them."""
        await self.cog.settle(
            submission,
            self.origin,
            partial(self.save, submission, values),
            retry=partial(self.reopen, values=values),
            params=self.params,
        )

    async def save(self, submission: discord.Interaction, values: dict[str, str]) -> Outcome:
        """Save the form and say what changed."""
        by = self.cog.actor(submission)
        return await self.cog.confirm_change(submission, partial(self.change, by, values))

    def change(self, by: Actor, values: dict[str, str]) -> ChangeResult:
        """Current values, then the options, then the form (worker thread)."""
        _, current = self.prefill()
        return self.cog.moderation.edit(
            self.guild, by, self.entry, {**current, **self.given, **values}
        )

    async def reopen(self, again: discord.Interaction, values: dict[str, str]) -> None:
        """The retry button: the form again, with what was typed over the current values."""
        kind, current = await self.cog.before_form(self.prefill)
        await again.response.send_modal(self.form(kind, {**current, **values}))
