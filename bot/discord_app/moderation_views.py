"""The moderators' Discord widgets: entry forms (modals), confirm buttons, problem lists.

Thin on purpose: a form collects text and hands it to a callback, a confirm view asks the
moderator who ran the command to press a button; what happens then lives in the cog. Every
widget answers only the moderator it was made for, and re-checks their rights on each use.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence

import discord

from bot.core.moderation.forms import FormField
from bot.discord_app.embeds import clean
from bot.discord_app.expired import mark

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
#: Discord's limits for modals: title and input labels, inputs per modal, input length.
MODAL_TITLE_LIMIT = 45
LABEL_LIMIT = 45
PLACEHOLDER_LIMIT = 100
INPUTS_LIMIT = 5
INPUT_LENGTH_LIMIT = 4000
#: Longest plain-text reply; longer lists become embed pages.
CONTENT_LIMIT = 1900
#: Characters of problem or diff lines per embed page (Discord allows 4096).
PAGE_BUDGET = 3500
#: Seconds before confirm buttons switch off, and before an open form is forgotten.
VIEW_TIMEOUT = 600.0
FORM_TIMEOUT = 1800.0
COLOUR = discord.Colour.from_rgb(46, 125, 180)
COLOUR_PROBLEM = discord.Colour.from_rgb(200, 80, 60)

#: Decides whether the person using a widget may (still) do so; it replies when not.
Gate = Callable[[discord.Interaction], Awaitable[bool]]
FormHandler = Callable[[discord.Interaction, dict[str, str]], Awaitable[None]]
ButtonHandler = Callable[[discord.Interaction], Awaitable[None]]


def fit(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def pages_of(
    lines: Sequence[str], title: str, *, colour: discord.Colour = COLOUR, footer: str = ""
) -> list[discord.Embed]:
    """Lines packed into as many embed pages as they need, every line shown.

    Each page's footer says "page i/n" when there are several, so nobody takes the first
    page for the whole list.
    """
    chunks: list[list[str]] = [[]]
    used = 0
    for line in lines:
        line = fit(line, PAGE_BUDGET)
        if chunks[-1] and used + len(line) + 1 > PAGE_BUDGET:
            chunks.append([])
            used = 0
        chunks[-1].append(line)
        used += len(line) + 1
    embeds = []
    for number, chunk in enumerate(chunks, start=1):
        embed = discord.Embed(
            title=fit(title, 256), description="\n".join(chunk) or None, colour=colour
        )
        parts = [footer] if footer else []
        if len(chunks) > 1:
            parts.append(f"page {number}/{len(chunks)}")
        if parts:
            embed.set_footer(text=" · ".join(parts))
        embeds.append(embed)
    return embeds


def problem_text(problems: Sequence[str]) -> str:
    """Every problem as a bullet list under a line saying nothing was changed."""
    count = "one problem" if len(problems) == 1 else f"{len(problems)} problems"
    return f"Nothing was changed — {count} to fix:\n" + "\n".join(f"• {clean(p)}" for p in problems)


def problem_pages(problems: Sequence[str]) -> list[discord.Embed]:
    """Every problem on embed pages, for lists too long for one message."""
    count = len(problems)
    return pages_of(
        [f"• {clean(p)}" for p in problems],
        f"Nothing was changed — {count} problems to fix",
        colour=COLOUR_PROBLEM,
    )


# -- Forms -----------------------------------------------------------------------------------


class EntryForm(discord.ui.Modal):
    """A modal of text inputs built from form fields, prefilled with `defaults`.

    Each input's custom_id is the field name, so a submission maps straight back to the
    core's form values.
    """

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        defaults: Mapping[str, str],
        owner_id: int,
        on_values: FormHandler,
        gate: Gate,
    ) -> None:
        super().__init__(title=fit(title, MODAL_TITLE_LIMIT), timeout=FORM_TIMEOUT)
        if not 1 <= len(fields) <= INPUTS_LIMIT:
            raise ValueError(f"a modal takes 1 to {INPUTS_LIMIT} inputs, not {len(fields)}")
        self.owner_id = owner_id
        self.on_values = on_values
        self.gate = gate
        self.inputs: dict[str, discord.ui.TextInput[EntryForm]] = {}
        for spec in fields:
            value = defaults.get(spec.name) or None
            text_input: discord.ui.TextInput[EntryForm] = discord.ui.TextInput(
                label=fit(spec.label, LABEL_LIMIT),
                custom_id=spec.name,
                style=discord.TextStyle.paragraph if spec.long else discord.TextStyle.short,
                required=spec.required,
                # A current value longer than the form allows (an import can hold one) is
                # shown whole; the core then says it is too long instead of it being cut.
                max_length=min(INPUT_LENGTH_LIMIT, max(spec.max_length, len(value or ""))),
                default=value,
                placeholder=fit(spec.placeholder, PLACEHOLDER_LIMIT) or None,
            )
            self.inputs[spec.name] = text_input
            self.add_item(text_input)

    @staticmethod
    def fits(defaults: Mapping[str, str]) -> bool:
        """Whether every prefilled value fits in a modal input."""
        return all(len(value) <= INPUT_LENGTH_LIMIT for value in defaults.values())

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Only the moderator who opened the form, and only while they are a moderator."""
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message(
                "This form belongs to someone else.", ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return False
        return await self.gate(interaction)

    async def on_submit(self, interaction: discord.Interaction, /) -> None:
        """Hand the submitted values, by field name, to the callback."""
        await self.on_values(
            interaction, {name: item.value.strip() for name, item in self.inputs.items()}
        )

    async def on_error(  # type: ignore[override]  # discord.py: Modal vs BaseView
        self, interaction: discord.Interaction, error: Exception, /
    ) -> None:
        """An unexpected failure: log it and tell the moderator."""
        await report_unexpected(interaction, error)


# -- Buttons ---------------------------------------------------------------------------------


class OwnedView(discord.ui.View):
    """A view only its owner may use (re-checked by `gate`); buttons switch off on timeout."""

    def __init__(self, owner_id: int, gate: Gate, timeout: float | None = None) -> None:
        # Read at construction, not at import, so a test can shorten it.
        super().__init__(timeout=VIEW_TIMEOUT if timeout is None else timeout)
        mark(self)  # after a restart, a press is told the buttons expired
        self.owner_id = owner_id
        self.gate = gate
        self.origin: discord.Interaction | None = None

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Only the moderator who ran the command, and only while they are a moderator."""
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message(
                "Only the moderator who ran this command can use these buttons.",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return False
        return await self.gate(interaction)

    def disable(self) -> None:
        """Switch every button off."""
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True

    async def on_timeout(self) -> None:
        """Switch the buttons off so a stale message cannot act."""
        self.disable()
        if self.origin is not None:
            try:
                await self.origin.edit_original_response(view=self, allowed_mentions=NO_MENTIONS)
            except discord.HTTPException as exc:  # the message may be gone; nothing to fix
                log.debug("could not disable buttons: %s", exc)

    async def on_error(
        self,
        interaction: discord.Interaction,
        error: Exception,
        item: discord.ui.Item[OwnedView],
        /,
    ) -> None:
        """An unexpected failure: log it and tell the moderator."""
        await report_unexpected(interaction, error)


class ConfirmView(OwnedView):
    """Confirm or cancel a change, optionally paging through what it would do.

    The first press wins: the buttons are disabled before the change runs, and a later
    press (one already in flight, or from a stale copy of the message) is told the choice
    was made. The view stays listening until its timeout so that answer can be given.
    """

    def __init__(
        self,
        owner_id: int,
        gate: Gate,
        on_confirm: ButtonHandler,
        on_cancel: ButtonHandler,
        *,
        confirm_label: str,
        pages: Sequence[discord.Embed] = (),
        danger: bool = False,
        timeout: float | None = None,
    ) -> None:
        super().__init__(owner_id, gate, timeout)
        self.on_confirm = on_confirm
        self.on_cancel = on_cancel
        self.pages = list(pages)
        self.index = 0
        self.decided = False
        self.confirm.label = fit(confirm_label, 80)
        self.confirm.style = discord.ButtonStyle.danger if danger else discord.ButtonStyle.success
        if len(self.pages) <= 1:
            for button in (self.previous, self.counter, self.next):
                self.remove_item(button)
        self._update()

    def _update(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.counter.label = f"{self.index + 1}/{max(1, len(self.pages))}"

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        self.index = max(0, min(self.index + step, len(self.pages) - 1))
        self._update()
        await interaction.response.edit_message(
            embed=self.pages[self.index], view=self, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label="‹", style=discord.ButtonStyle.secondary, row=0)
    async def previous(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Show the previous page."""
        await self._turn(interaction, -1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True, row=0)
    async def counter(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Shows the page number; never clickable."""

    @discord.ui.button(label="›", style=discord.ButtonStyle.secondary, row=0)
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Show the next page."""
        await self._turn(interaction, 1)

    async def _decide(self, interaction: discord.Interaction) -> bool:
        if self.decided:
            await interaction.response.send_message(
                "That was already decided.", ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return False
        self.decided = True  # set before any await: a second press sees it
        self.disable()
        return True

    async def on_timeout(self) -> None:
        """Switch the buttons off, unless a choice already replaced them."""
        if not self.decided:
            await super().on_timeout()

    @discord.ui.button(label="Confirm", style=discord.ButtonStyle.success, row=1)
    async def confirm(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Make the change."""
        if await self._decide(interaction):
            await self.on_confirm(interaction)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary, row=1)
    async def cancel(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Change nothing."""
        if await self._decide(interaction):
            await self.on_cancel(interaction)


class RetryView(OwnedView):
    """One button that reopens a rejected form with what the moderator typed."""

    def __init__(self, owner_id: int, gate: Gate, reopen: ButtonHandler) -> None:
        super().__init__(owner_id, gate)
        self.reopen = reopen

    @discord.ui.button(label="Fix and resubmit", style=discord.ButtonStyle.primary)
    async def retry(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        """Open the form again, prefilled with the rejected values."""
        await self.reopen(interaction)


async def report_unexpected(interaction: discord.Interaction, error: Exception) -> None:
    """Log an unexpected failure and tell the user, ephemerally, without internals."""
    log.error("moderation widget failed", exc_info=error)
    message = "Something went wrong. The error has been logged; /kb history shows what was saved."
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                message, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except discord.HTTPException:
        log.warning("could not deliver the error message")
