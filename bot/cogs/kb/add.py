"""/kb add-letter, add-quote, add-demand, add-person, add-org: check the options, form, add.

The flow: the command checks the names given as options, so nobody types a long text only
to learn the person does not exist, and opens a form for the rest; the submission adds the
entry; a rejected submission lists every problem with a button that reopens the form with
what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

import discord

from bot.cogs.kb.forms import add_title, fields_of
from bot.core.errors import IndexBusyError, NotFoundError, ValidationError
from bot.core.scope import Scope
from bot.core.search.resolve import resolve_letter, resolve_organization, resolve_person
from bot.core.usage.log import Outcome
from bot.discord_app.moderation_views import EntryForm

if TYPE_CHECKING:
    from bot.cogs.moderation import ModerationCog

#: How an option naming something in the knowledge base is checked before a form opens.
_RESOLVERS: dict[str, Callable[[Scope, str], object]] = {
    "person": resolve_person,
    "recipient": resolve_person,
    "letter": resolve_letter,
    "organization": resolve_organization,
}


class AddFlow:
    """One moderator adding one entry of `kind`: the options they gave, the form's fields."""

    def __init__(
        self,
        cog: ModerationCog,
        origin: discord.Interaction,
        kind: str,
        names: Sequence[str],
        options: Mapping[str, str | None],
    ) -> None:
        self.cog = cog
        self.origin = origin
        self.kind = kind
        self.fields = fields_of(kind, names)
        self.given = {name: value for name, value in options.items() if value}
        self.params = {"kind": kind}

    async def start(self) -> None:
        """The slash command: check the options, then open the form."""
        await self.cog.settle(self.origin, self.origin, self.open_form, params=self.params)

    async def open_form(self) -> Outcome | None:
        """Refuse an unknown name now; show an empty form for the rest."""
        try:
            await self.cog.before_form(self.check_names)
        except IndexBusyError:
            pass  # the core checks the names again on submission
        except NotFoundError as exc:
            raise ValidationError([str(exc)]) from None
        await self.origin.response.send_modal(self.form({}))
        return None  # the form is showing: the command is logged when it ends

    def check_names(self) -> None:
        """Resolve every name given as an option (worker thread); raises NotFoundError."""
        scope = self.cog.bot.engine.scope(self.origin.guild_id)
        for name, value in self.given.items():
            if name in _RESOLVERS:
                _RESOLVERS[name](scope, value)

    def form(self, defaults: Mapping[str, str]) -> EntryForm:
        """The add form, prefilled with `defaults`."""
        return self.cog.form(self.origin, add_title(self.kind), self.fields, defaults, self.submit)

    async def submit(self, submission: discord.Interaction, values: dict[str, str]) -> None:
        """A filled-in form: add the entry, or list the problems with a button to fix them."""
        await self.cog.settle(
            submission,
            self.origin,
            partial(self.add, submission, values),
            retry=partial(self.reopen, values=values),
            params=self.params,
        )

    async def add(self, submission: discord.Interaction, values: dict[str, str]) -> Outcome:
        """Add the entry from the options and the form, and say what was added."""
        guild, actor = submission.guild_id, self.cog.actor(submission)
        assert guild is not None  # noqa: S101 - gate() refused DMs
        merged = {**self.given, **values}
        return await self.cog.confirm_change(
            submission, partial(self.cog.moderation.add, guild, actor, self.kind, merged)
        )

    async def reopen(self, again: discord.Interaction, values: dict[str, str]) -> None:
        """The retry button: the same form, prefilled with what was typed."""
        await again.response.send_modal(self.form(values))
