"""/kb draft and the "Draft knowledge-base entries" message command: a document in, entries out.

The document is an attached .txt, .md or .html file (its size and type checked before it is
downloaded), the address of a web page (public addresses only), or the message a moderator
picked from its menu (its first text attachment, else its text, else the one URL it holds).
Fetching and drafting run on a worker thread, never the event loop nor the engine's thread,
at most `DRAFTS_AT_ONCE` at a time and each within `DRAFT_TIMEOUT`. The preview is the
/kb import dry run of the draft with its links and flags, and the draft's YAML attached, to
edit and /kb import instead. Nothing is written before Apply.
"""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

import discord

from bot.cogs.kb.replies import reply
from bot.core.drafts import DEFAULT_LIMITS, Draft, Known, draft_bytes, draft_url, review
from bot.core.drafts.document import EXTENSIONS
from bot.core.errors import DocumentError, ValidationError
from bot.core.moderation.service import ImportPlan
from bot.core.usage.log import Outcome
from bot.discord_app.embeds import clean
from bot.discord_app.moderation_views import (
    CONTENT_LIMIT,
    ConfirmView,
    fit,
    pages_of,
    problem_text,
)

if TYPE_CHECKING:
    from bot.cogs.moderation import ModerationCog

T = TypeVar("T")

#: Only tests set this: they serve pages on loopback, which a moderator's URL never reaches.
ALLOW_PRIVATE_URLS = False
#: Drafts being made at once in this process; more wait their turn (inside the timeout).
DRAFTS_AT_ONCE = 2
#: Seconds from asking to having a draft: the fetch's own deadline, then the drafting.
DRAFT_TIMEOUT = DEFAULT_LIMITS.fetch_deadline + 20.0
MENU_NAME = "Draft knowledge-base entries"
#: A message that is nothing but one web address is drafted from the page it points to.
_ONLY_A_URL = re.compile(r"<?(https?://\S+?)>?", re.IGNORECASE)
_HOW = "Attach a .txt, .md or .html file, or give the address of a web page."


@dataclass(frozen=True, slots=True)
class Document:
    """What a moderator handed in: an attachment, a URL or a message's text (exactly one)."""

    attachment: discord.Attachment | None = None
    url: str | None = None
    text: str | None = None
    #: Why there is nothing to draft; said (and logged as invalid) when the flow starts.
    problem: str | None = None

    @classmethod
    def of_options(cls, file: discord.Attachment | None, url: str | None) -> Document:
        """The /kb draft options: exactly one of the two."""
        if (file is None) == (url is None):
            return cls(problem=("Give one document, not both. " if file else "") + _HOW)
        return cls(attachment=file, url=url.strip() if url else None)

    @classmethod
    def of_message(cls, message: discord.Message) -> Document:
        """A message's first text attachment, else its text (or the one URL it is)."""
        for attachment in message.attachments:
            if PurePosixPath(attachment.filename.casefold()).suffix in EXTENSIONS:
                return cls(attachment=attachment)
        content = message.content.strip()
        if not content:
            return cls(
                problem="That message has no text or .txt, .md or .html attachment to draft from."
            )
        only = _ONLY_A_URL.fullmatch(content)
        return cls(url=only.group(1)) if only else cls(text=content)

    @property
    def name(self) -> str:
        """How the document is named in replies."""
        if self.attachment is not None:
            return fit(self.attachment.filename, 80)
        if self.url is not None:
            return fit(self.url, 80)
        return "the message"

    def params(self) -> dict[str, object]:
        """What the usage log keeps: the file's name and size, or the page's host only."""
        if self.attachment is not None:
            return {"file": self.name, "bytes": self.attachment.size}
        if self.url is not None:
            return {"url": urlsplit(self.url).hostname or "?"}
        return {"text": len(self.text or "")}


class DraftFlow:
    """One moderator drafting entries from one document for their server."""

    def __init__(
        self, cog: ModerationCog, origin: discord.Interaction, guild: int, document: Document
    ) -> None:
        self.cog = cog
        self.origin = origin
        self.guild = guild
        self.document = document
        self.params = document.params()

    async def start(self) -> None:
        """The command: preview what the document would add."""
        await self.cog.settle(self.origin, self.origin, self.preview, params=self.params)

    async def preview(self) -> Outcome | None:
        """Draft, dry-run the import, and show it with Apply and Cancel buttons."""
        self.check()
        draft = await self.cog.in_time(self.origin, self.draft())
        try:
            planned = await self.cog.core(
                self.origin, partial(review, self.cog.moderation, self.guild, draft)
            )
        except ValidationError as exc:  # the drafter's own output: fixable in the YAML
            await reply(
                self.origin,
                fit(
                    "The draft does not import as it stands. Fix the attached YAML and "
                    "/kb import it.\n" + problem_text(exc.problems),
                    CONTENT_LIMIT,
                ),
                file=self.yaml(draft),
            )
            return "error"
        if planned.empty:
            await reply(
                self.origin,
                clean(
                    f"Nothing to add: everything drafted from “{self.document.name}” is already "
                    "in this server's knowledge base."
                ),
            )
            return "answered"
        view = ConfirmView(
            self.origin.user.id,
            self.cog.gate,
            partial(self.confirmed, planned=planned),
            partial(self.cog.cancelled, origin=self.origin),
            confirm_label=f"Apply {_changes(planned)}",
            pages=self.pages(draft, planned),
        )
        await reply(self.origin, embeds=[view.pages[0]], view=view, file=self.yaml(draft))
        view.origin = self.origin
        return None  # the buttons are showing: the command is logged when they are pressed

    def check(self) -> None:
        """Refuse what cannot be drafted before downloading or fetching anything."""
        document = self.document
        if document.problem:
            raise DocumentError(document.problem)
        attachment = document.attachment
        if attachment is None:
            return
        if PurePosixPath(attachment.filename.casefold()).suffix not in EXTENSIONS:
            raise DocumentError(f"“{document.name}” is not a document the drafter reads. " + _HOW)
        if attachment.size > DEFAULT_LIMITS.max_bytes:
            raise DocumentError(
                f"“{document.name}” is {attachment.size:,} bytes; a draft "
                f"takes at most {DEFAULT_LIMITS.max_bytes:,}."
            )

    async def draft(self) -> Draft:
        """Read the document and draft it against what the server has (worker thread)."""
        known = await self.cog.bot.engine.run_blocking(self.known)
        document = self.document
        if document.url is not None:
            return await self.bounded(
                partial(draft_url, known, document.url, allow_private=ALLOW_PRIVATE_URLS)
            )
        if document.attachment is not None:
            attachment = document.attachment
            try:
                data = await attachment.read()
            except discord.HTTPException as exc:
                raise DocumentError(
                    f"Could not download “{document.name}” ({exc.status}); try again."
                ) from None
            return await self.bounded(
                partial(draft_bytes, known, data, attachment.filename, attachment.content_type)
            )
        text = (document.text or "").encode()
        # Discord messages are markdown: read them as such.
        return await self.bounded(partial(draft_bytes, known, text, "message.md"))

    def known(self) -> Known:
        """What the server has now, to link the draft to (engine thread)."""
        engine = self.cog.bot.engine
        engine.refresh_if_changed(self.guild, force=True)
        return Known.of(engine.scope(self.guild))

    async def bounded(self, work: Callable[[], T]) -> T:
        """Run `work` on a worker thread, in turn with other drafts and within the timeout.

        A draft that overruns is reported at once; its thread keeps its slot until it ends
        (the fetch deadline and the drafter's limits end it), so slow pages cannot pile up.
        """
        slots = self.cog.draft_slots
        loop = asyncio.get_running_loop()
        deadline = loop.time() + DRAFT_TIMEOUT
        try:
            await asyncio.wait_for(slots.acquire(), DRAFT_TIMEOUT)
        except TimeoutError:
            raise DocumentError(
                "Other drafts are still being made; try again in a minute. Nothing was written."
            ) from None
        future = asyncio.ensure_future(asyncio.to_thread(work))
        future.add_done_callback(partial(_release, slots))
        try:
            return await asyncio.wait_for(asyncio.shield(future), deadline - loop.time())
        except TimeoutError:
            raise DocumentError(
                f"Drafting took longer than {DRAFT_TIMEOUT:.0f} s and was "
                "stopped; nothing was written. Try a shorter document."
            ) from None

    def pages(self, draft: Draft, planned: ImportPlan) -> list[discord.Embed]:
        """The preview: what is drafted, the import's changes, then links and flags."""
        summary, *review_lines = draft.report()
        lines = [summary, "", *planned.diff]
        if review_lines:
            lines += ["", *review_lines]
        return pages_of(
            [clean(line) for line in lines],
            f"Draft preview: {draft.label}",
            footer=f"{_changes(planned)}, {planned.unchanged} unchanged · nothing "
            "is written until you apply · or edit the attached YAML and "
            "/kb import it",
        )

    def yaml(self, draft: Draft) -> discord.File | None:
        """The draft as a file /kb import reads, unless Discord would refuse its size here."""
        data = draft.to_yaml().encode()
        if len(data) > self.origin.filesize_limit:
            return None
        return discord.File(io.BytesIO(data), filename="kb-draft.yaml")

    async def confirmed(self, press: discord.Interaction, planned: ImportPlan) -> None:
        """The Apply button."""
        await self.cog.settle(
            press, self.origin, partial(self.apply, press, planned), update=True, params=self.params
        )

    async def apply(self, press: discord.Interaction, planned: ImportPlan) -> Outcome:
        """Apply the previewed entries as one import, on the message the buttons were on."""
        by = self.cog.actor(press)
        return await self.cog.confirm_change(
            press, partial(self.cog.moderation.apply_import, self.guild, by, planned), update=True
        )


def _changes(planned: ImportPlan) -> str:
    count = len(planned.diff)
    return f"{count} change{'s' if count != 1 else ''}"


def _release(slots: asyncio.Semaphore, future: asyncio.Future[object]) -> None:
    """Free a draft's slot when its thread ends; its late error is nobody's to report."""
    slots.release()
    if not future.cancelled():
        future.exception()
