"""What the front ends record: one command or one vote, and the row each becomes.

The raw user id never leaves `usage_row`/`vote_row`: it is hashed there, and the question
and options are normalised and stripped of mentions (see `redact`) before anything is
queued for the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, NamedTuple

from bot.core.usage.redact import normalise_params, normalise_question
from bot.core.usage.schema import stamp
from bot.core.usage.secret import hash_user_id

#: How a command ended. "refused": the user may not do it here (not a moderator, slowed down
#: by the cooldown); "invalid": the user's own mistake (an unknown entry, a broken file, a
#: value out of range), told what to fix; "error": the bot failed (a bug, a busy or broken
#: store). Kept apart so /stats does not count a refusal or a typo as a failure.
Outcome = Literal["answered", "nothing_found", "refused", "invalid", "error"]
OUTCOMES: tuple[Outcome, ...] = ("answered", "nothing_found", "refused", "invalid", "error")

#: Where a command ran. "private" is a group DM or a DM between users reached through a
#: user-installed app; "user-install" is a guild the bot is not a member of.
ChannelKind = Literal["guild", "dm", "private", "user-install", "cli", "unknown"]
CHANNEL_KINDS: tuple[ChannelKind, ...] = (
    "guild",
    "dm",
    "private",
    "user-install",
    "cli",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class UsageEvent:
    """One command as a front end saw it; the raw user id never leaves `usage_row`."""

    command: str
    user_id: int
    outcome: Outcome
    guild_id: int | None = None
    channel_kind: ChannelKind = "guild"
    #: The free-text question, if the command has one; normalised before storing.
    question: str | None = None
    #: The other options, by name; JSON-encoded.
    params: Mapping[str, object] = field(default_factory=dict)
    result_count: int = 0
    latency_ms: float = 0.0
    #: When the command ran; now if omitted. A naive datetime is taken as UTC.
    at: datetime | None = None

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {self.outcome!r}")
        if self.channel_kind not in CHANNEL_KINDS:
            raise ValueError(f"unknown channel kind {self.channel_kind!r}")


@dataclass(frozen=True, slots=True)
class Vote:
    """A user's verdict on one answer; a second vote on the same answer replaces the first."""

    answer_id: str
    user_id: int
    helpful: bool
    question: str | None = None
    guild_id: int | None = None
    at: datetime | None = None


class UsageRow(NamedTuple):
    """One `usage` row, in `INSERT_USAGE` order."""

    at: str
    guild_id: int | None
    channel_kind: str
    user_hash: str
    command: str
    params: str
    question: str | None
    result_count: int
    latency_ms: int
    outcome: str


class VoteRow(NamedTuple):
    """One `votes` row, in `UPSERT_VOTE` order."""

    answer_id: str
    user_hash: str
    helpful: int
    question: str | None
    guild_id: int | None
    at: str


def usage_row(event: UsageEvent, secret: bytes) -> UsageRow:
    """The row stored for one command: user hashed, text normalised, mentions gone."""
    return UsageRow(
        at=stamp(event.at),
        guild_id=event.guild_id,
        channel_kind=event.channel_kind,
        user_hash=hash_user_id(secret, event.user_id),
        command=event.command,
        params=normalise_params(event.params),
        question=normalise_question(event.question or "") or None,
        result_count=event.result_count,
        latency_ms=max(0, round(event.latency_ms)),
        outcome=event.outcome,
    )


def vote_row(vote: Vote, secret: bytes) -> VoteRow:
    """The row stored for one vote: user hashed, question normalised, mentions gone."""
    return VoteRow(
        answer_id=vote.answer_id,
        user_hash=hash_user_id(secret, vote.user_id),
        helpful=int(vote.helpful),
        question=normalise_question(vote.question or "") or None,
        guild_id=vote.guild_id,
        at=stamp(vote.at),
    )
