"""Interactions per second end to end: the real bot, through the local fake Discord.

The unmodified discord.py client (`CampaignBot`, every cog, the real engine and usage log)
connects to `tests.e2e.fake_discord.FakeDiscord` on loopback; the fake sends real
INTERACTION_CREATE events for /ask with the question mix, 50 in flight, and an interaction
counts once its answer is back (the reply, or the follow-up after a deferral). The
baseline is a bare discord.py client whose one command replies "pong", through the same
fake in the same way: what the harness and discord.py cost before the bot does anything.
Fake and bot share one process and one event loop, as in the end-to-end tests.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# A front end driver like bot/discord_app, so it may use discord (the ban is for bot/core).
import discord  # noqa: TID251
from discord import app_commands  # noqa: TID251

from bot.config import TOKEN_ENV, default_settings
from bot.discord_app.client import USAGE_SECRET_ENV, CampaignBot
from tests.e2e.fake_discord import CallbackType, FakeDiscord, patch_discord

JSON = dict[str, Any]
#: Interactions in flight at once, measured interactions, and warm-up interactions.
CONCURRENCY = 50
INTERACTIONS = 1000
WARMUP = 100
#: Distinct users sending them: the bot's per-user cooldown (8 per 20 s) must not trigger.
USERS = 500
TIMEOUT = 60.0


class _PingClient(discord.Client):
    """The baseline: one slash command that answers at once without any work."""

    def __init__(self) -> None:
        super().__init__(intents=discord.Intents.none())
        self.tree = app_commands.CommandTree(self)

        @self.tree.command(name="ping", description="pong")
        async def ping(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("pong")


async def _no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    """discord.py waits 5 s before identifying; the fake does not need it."""


async def _connect(fake: FakeDiscord, client: discord.Client) -> asyncio.Task[None]:
    setattr(client, "before_identify_hook", _no_identify_delay)  # noqa: B010
    await client.login(fake.token)
    task = asyncio.create_task(client.connect(reconnect=True))
    await fake.wait_until_connected(TIMEOUT)
    await asyncio.wait_for(client.wait_until_ready(), TIMEOUT)
    return task


async def _answer(fake: FakeDiscord, payload: JSON) -> None:
    """Send one interaction and wait until its answer is back."""
    since = len(fake.requests)
    interaction_id = int(payload["id"])
    await fake.dispatch_interaction(payload)
    callback = await fake.wait_for_request(
        lambda r: r.route == "interaction_callback" and r.interaction_id == interaction_id,
        TIMEOUT,
        since=since,
    )
    if callback.json["type"] == CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE:
        await fake.wait_for_request(
            lambda r: r.route == "execute_webhook" and r.interaction_id == interaction_id,
            TIMEOUT,
            since=callback.index,
        )


async def _rate(fake: FakeDiscord, make: Callable[[int], JSON], count: int) -> float:
    """Interactions answered per second with `CONCURRENCY` in flight."""
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(number: int) -> None:
        async with gate:
            await _answer(fake, make(number))

    start = time.perf_counter()
    await asyncio.gather(*(one(n) for n in range(count)))
    return count / (time.perf_counter() - start)


async def _measure(fake: FakeDiscord, client: discord.Client, make: Callable[[int], JSON]) -> float:
    task = await _connect(fake, client)
    try:
        tree: app_commands.CommandTree[Any] = client.tree  # type: ignore[attr-defined]
        await tree.sync()
        await _rate(fake, make, WARMUP)
        return await _rate(fake, lambda n: make(WARMUP + n), INTERACTIONS)
    finally:
        await client.close()
        await asyncio.wait_for(task, TIMEOUT)


def _bot(work: Path, scratch: Path) -> CampaignBot:
    settings = dataclasses.replace(
        default_settings(scratch), data_dir=work / "data", index_dir=work / "index", shard_count=1
    )
    return CampaignBot(settings, guild_ready_timeout=0.05)


async def _run_one(work: Path, questions: list[str] | None) -> float:
    """Interactions per second for /ask (or, without questions, for the ping baseline)."""
    fake = FakeDiscord()
    await fake.start()
    try:
        with patch_discord(fake), tempfile.TemporaryDirectory() as scratch:
            os.environ[TOKEN_ENV] = fake.token
            os.environ.pop(USAGE_SECRET_ENV, None)
            users = [fake.make_user(f"user-{n}") for n in range(USERS)]
            if questions is None:
                return await _measure(
                    fake,
                    _PingClient(),
                    lambda n: fake.make_slash_interaction("ping", user=users[n % USERS]),
                )
            return await _measure(
                fake,
                _bot(work, Path(scratch)),
                lambda n: fake.make_slash_interaction(
                    "ask", {"question": questions[n % len(questions)]}, user=users[n % USERS]
                ),
            )
    finally:
        await fake.stop()
        if fake.internal_errors:
            raise RuntimeError("fake Discord errors: " + "; ".join(fake.internal_errors[:3]))


async def _run(work: Path, questions: list[str]) -> JSON:
    return {"baseline": await _run_one(work, None), "bot": await _run_one(work, questions)}


def e2e(work: Path, questions: list[str]) -> JSON:
    """Interactions per second for /ask through the fake, and for the ping baseline."""
    rates = asyncio.run(_run(work, questions))
    return {
        "interactions_per_second": rates["bot"],
        "interactions_per_second_stat": {"median": rates["bot"], "p99": rates["bot"]},
        "baseline_per_second": rates["baseline"],
        "baseline_per_second_stat": {"median": rates["baseline"], "p99": rates["baseline"]},
        "concurrency": CONCURRENCY,
        "interactions": INTERACTIONS,
    }
