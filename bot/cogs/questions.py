"""The read commands: /ask, /search, /letter(s), /signatories, /demands, /quotes and more.

Covers /ask, /search, /letter, /letters, /signatories, /demands, /quotes, /person, /org,
/compare, /who-said, /event and /about. Each command is thin: one core answer function
run off the event loop, rendered as paginated embeds, sent with mentions disabled, and
logged; its buttons carry the command and options, so they work after a restart.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import Range
from discord.ext import commands

from bot.core.answers import kinds as answers
from bot.core.answers.answer import Answer
from bot.core.answers.ask import ask as ask_question
from bot.core.answers.cards.about import about as about_card
from bot.core.answers.commands import MAX_NAME, MAX_TEXT
from bot.core.answers.facts.comparisons import ASPECTS
from bot.core.kb.models import EntityKind, Letter
from bot.core.usage.log import Outcome
from bot.discord_app.answer_buttons import CachedAnswer, answer_view
from bot.discord_app.button_state import encode_state
from bot.discord_app.checks import read_only_command
from bot.discord_app.embeds import render_pages

if TYPE_CHECKING:
    from bot.discord_app.client import CampaignBot

log = logging.getLogger(__name__)

#: Answer right away when the core is this quick; otherwise defer ("thinking…") first,
#: well before Discord's 3-second limit on the initial response.
DEFER_AFTER = 1.5
#: Autocomplete must answer inside Discord's 3 seconds; give up (no choices) before that.
AUTOCOMPLETE_TIMEOUT = 2.0
#: Question commands per user: 8 every 20 seconds.
COOLDOWN = app_commands.checks.cooldown(8, 20.0, key=lambda i: i.user.id)
NO_MENTIONS = discord.AllowedMentions.none()


class QuestionsCog(commands.Cog):
    """Slash commands that answer questions from the knowledge base."""

    def __init__(self, bot: CampaignBot) -> None:
        self.bot = bot
        for command in self.get_app_commands():
            if isinstance(command, app_commands.Command):
                read_only_command(command)

    # Shared flow ---------------------------------------------------------------------

    async def respond(
        self, interaction: discord.Interaction, function: Callable[..., Answer], /, **params: object
    ) -> None:
        """Run `function` off the loop, reply with paginated embeds, and log the command."""
        started = time.perf_counter()
        interaction.extras["started"] = started
        work = asyncio.ensure_future(self.bot.engine.run(function, interaction.guild_id, **params))
        done, _ = await asyncio.wait({work}, timeout=DEFER_AFTER)
        if not done:
            await interaction.response.defer(thinking=True)
        answer = await work
        pages = render_pages(answer, self.bot.settings.page_size)
        values = {k: v for k, v in params.items() if v is not None}
        asked = " ".join(str(v) for v in values.values())
        # The buttons carry the command and its options, so they work after a restart; the
        # pages stay in memory meanwhile, keyed by this interaction (the answer's id).
        assert interaction.command is not None  # noqa: S101 - a slash command is running
        state = encode_state(interaction.command.name, params)
        self.bot.answers.put(interaction.id, CachedAnswer(pages, asked))
        view = answer_view(pages, 0, state)
        if interaction.response.is_done():
            await interaction.followup.send(embed=pages[0], view=view, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                embed=pages[0], view=view, allowed_mentions=NO_MENTIONS
            )
        outcome: Outcome = "answered" if answer.found else "nothing_found"
        self.bot.record_usage(
            interaction,
            outcome,
            started,
            question=asked,
            params=values,
            result_count=answer.item_count,
        )

    async def complete(
        self, interaction: discord.Interaction, current: str, kinds: tuple[EntityKind, ...]
    ) -> list[app_commands.Choice[str]]:
        """Up to 25 forgiving matches, answered well inside Discord's 3 seconds."""
        scope = self.bot.engine.scope(interaction.guild_id)
        try:
            ids = await asyncio.wait_for(
                asyncio.to_thread(scope.names.complete, current[:MAX_NAME], kinds, 25),
                AUTOCOMPLETE_TIMEOUT,
            )
        except TimeoutError:
            log.warning("autocomplete for %r timed out", current[:40])
            return []
        choices = []
        for entity_id in ids:
            entity = scope.kb.get(entity_id)
            label = scope.names.display(entity_id)
            if isinstance(entity, Letter):
                label = f"{entity.date[:4]} — {label}"
            choices.append(app_commands.Choice(name=_fit(label, 100), value=entity_id))
        return choices

    async def complete_letter(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Letters by year, recipient or title."""
        return await self.complete(interaction, current, ("letter",))

    async def complete_person(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """People by name, spelling or role."""
        return await self.complete(interaction, current, ("person",))

    async def complete_event(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Events for autocomplete."""
        return await self.complete(interaction, current, ("event",))

    async def complete_org(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Organizations by name or abbreviation."""
        return await self.complete(interaction, current, ("organization",))

    # Commands ------------------------------------------------------------------------

    @app_commands.command(name="ask", description="Ask a question in your own words")
    @app_commands.describe(question="Your question, e.g. Who signed the 2018 letter?")
    @COOLDOWN
    async def ask(
        self, interaction: discord.Interaction, question: Range[str, 1, MAX_TEXT]
    ) -> None:
        """Route a free-text question to the right answer."""
        await self.respond(interaction, ask_question, question=question)

    @app_commands.command(
        name="search", description="Full-text search of letters, people, organizations and quotes"
    )
    @app_commands.describe(query="Words to look for")
    @COOLDOWN
    async def search(
        self, interaction: discord.Interaction, query: Range[str, 1, MAX_TEXT]
    ) -> None:
        """Ranked hits of any kind with snippets."""
        await self.respond(interaction, answers.search, query=query)

    @app_commands.command(name="letter", description="Everything about one letter")
    @app_commands.describe(letter="The letter: a year, recipient or title (e.g. 2018)")
    @app_commands.autocomplete(letter=complete_letter)
    @COOLDOWN
    async def letter(
        self, interaction: discord.Interaction, letter: Range[str, 1, MAX_NAME]
    ) -> None:
        """One letter in full."""
        await self.respond(interaction, answers.letter, letter=letter)

    @app_commands.command(
        name="letters", description="List letters as a timeline, optionally filtered"
    )
    @app_commands.describe(
        recipient="Only letters to this person",
        year="Only letters sent in this year",
        signed_by="Only letters this organization signed",
    )
    @app_commands.autocomplete(recipient=complete_person, signed_by=complete_org)
    @COOLDOWN
    async def letters(
        self,
        interaction: discord.Interaction,
        recipient: Range[str, 1, MAX_NAME] | None = None,
        year: Range[int, 1900, 2100] | None = None,
        signed_by: Range[str, 1, MAX_NAME] | None = None,
    ) -> None:
        """Letters as a timeline."""
        await self.respond(
            interaction, answers.letters, recipient=recipient, year=year, signed_by=signed_by
        )

    @app_commands.command(
        name="signatories", description="Who signed a letter, and how many the sources report"
    )
    @app_commands.describe(
        letter="The letter: a year, recipient or title (e.g. 2018)",
        country="Only signatories from this country",
    )
    @app_commands.autocomplete(letter=complete_letter)
    @COOLDOWN
    async def signatories(
        self,
        interaction: discord.Interaction,
        letter: Range[str, 1, MAX_NAME],
        country: Range[str, 1, 60] | None = None,
    ) -> None:
        """Named signatories and reported counts."""
        await self.respond(interaction, answers.signatories, letter=letter, country=country)

    @app_commands.command(
        name="demands", description="What a letter demanded and the abuses it cited"
    )
    @app_commands.describe(letter="The letter: a year, recipient or title (e.g. 2018)")
    @app_commands.autocomplete(letter=complete_letter)
    @COOLDOWN
    async def demands(
        self, interaction: discord.Interaction, letter: Range[str, 1, MAX_NAME]
    ) -> None:
        """Demands, abuses cited, passages quoted."""
        await self.respond(interaction, answers.demands, letter=letter)

    @app_commands.command(
        name="quotes", description="What people said, verbatim, with their role and source"
    )
    @app_commands.describe(person="Who said it", about="A letter, event or topic")
    @app_commands.autocomplete(person=complete_person)
    @COOLDOWN
    async def quotes(
        self,
        interaction: discord.Interaction,
        person: Range[str, 1, MAX_NAME] | None = None,
        about: Range[str, 1, MAX_TEXT] | None = None,
    ) -> None:
        """Quotes by a person and/or about a subject."""
        await self.respond(interaction, answers.quotes, person=person, about=about)

    @app_commands.command(
        name="person", description="Who someone is: roles, quotes, letters to them"
    )
    @app_commands.describe(name="The person's name or role")
    @app_commands.autocomplete(name=complete_person)
    @COOLDOWN
    async def person(self, interaction: discord.Interaction, name: Range[str, 1, MAX_NAME]) -> None:
        """A person's roles and quotes."""
        await self.respond(interaction, answers.person, name=name)

    @app_commands.command(
        name="org", description="An organization: what it is, letters it signed, its people"
    )
    @app_commands.describe(name="The organization's name or abbreviation")
    @app_commands.autocomplete(name=complete_org)
    @COOLDOWN
    async def org(self, interaction: discord.Interaction, name: Range[str, 1, MAX_NAME]) -> None:
        """An organization and what it signed."""
        await self.respond(interaction, answers.org, name=name)

    @app_commands.command(
        name="compare",
        description="Compare two letters: signers, order, time between, counts, demands",
    )
    @app_commands.describe(
        letter_a="The first letter",
        letter_b="The second letter",
        aspect="signers, order, gap, counts, demands or organisers",
    )
    @app_commands.autocomplete(letter_a=complete_letter, letter_b=complete_letter)
    @app_commands.choices(aspect=[app_commands.Choice(name=a, value=a) for a in ASPECTS])
    @COOLDOWN
    async def compare(
        self,
        interaction: discord.Interaction,
        letter_a: Range[str, 1, MAX_NAME],
        letter_b: Range[str, 1, MAX_NAME],
        aspect: Range[str, 1, 20] | None = None,
    ) -> None:
        """Two letters side by side, by the aspect asked (who signed both by default)."""
        await self.respond(
            interaction, answers.compare, letter_a=letter_a, letter_b=letter_b, aspect=aspect
        )

    @app_commands.command(
        name="who-said",
        description="Who said these words: a quote you remember, exact or paraphrased",
    )
    @app_commands.describe(words="The words you remember")
    @COOLDOWN
    async def who_said(
        self, interaction: discord.Interaction, words: Range[str, 1, MAX_TEXT]
    ) -> None:
        """The speaker of remembered words, or a plain "no quote matches"."""
        await self.respond(interaction, answers.who_said_words, words=words)

    @app_commands.command(
        name="event",
        description="What happened: a summit, resolution, inquiry or law, "
        "and the letters around it",
    )
    @app_commands.describe(name="The event's name, e.g. Singapore summit")
    @app_commands.autocomplete(name=complete_event)
    @COOLDOWN
    async def event(self, interaction: discord.Interaction, name: Range[str, 1, MAX_NAME]) -> None:
        """An event: when, what happened, who took part, related letters."""
        await self.respond(interaction, answers.event, name=name)

    @app_commands.command(
        name="about",
        description="What the bot knows here, questions to try, and how moderators add entries",
    )
    @COOLDOWN
    async def about(self, interaction: discord.Interaction) -> None:
        """The letters and counts this server sees, example questions, the version."""
        await self.respond(interaction, about_card)


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
