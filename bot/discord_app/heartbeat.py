"""The running bot's heartbeat: sample its health every few seconds and write it to a file.

What is sampled: which of this process's shards have an open gateway connection, the
heartbeat latency Discord reports, the last gateway event seen, whether the search worker
answers a probe within one interval (a worker stuck on a query shows here), and the usage
log's dropped and pending rows. `health.check` turns the file into a verdict.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from bot.discord_app.health import Heartbeat, State, write_heartbeat

if TYPE_CHECKING:
    from bot.discord_app.client import CampaignBot

log = logging.getLogger(__name__)


class HeartbeatWriter:
    """Writes the bot's heartbeat to `path` every `interval` seconds while started."""

    def __init__(self, bot: CampaignBot, path: Path, interval: float) -> None:
        self.bot = bot
        self.path = path
        self.interval = interval
        self._last_event: tuple[float, str] | None = None
        self._task: asyncio.Task[None] | None = None
        self._write_failed = False
        # One thread writes, in the order writes are asked for: cancelling the sampler does
        # not stop a write already running, and that late "running" must not land after
        # "stopped".
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heartbeat")
        # Every gateway dispatch passes here (discord.py sends it without debug events on).
        bot.add_listener(self.note_gateway_event, "on_socket_event_type")

    async def note_gateway_event(self, event_type: str) -> None:
        """Remember when the last gateway event arrived, and which."""
        self._last_event = (time.time(), event_type)

    async def write_state(self, state: State) -> None:
        """Write a heartbeat that only says `state` (starting or stopped)."""
        await self._write(
            Heartbeat(state=state, written_at=time.time(), interval=self.interval, pid=os.getpid())
        )

    def start(self) -> None:
        """Start writing a sampled heartbeat every interval, the first one now."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="heartbeat-writer")

    async def stop(self) -> None:
        """Stop the writer and leave a heartbeat saying the bot stopped on purpose."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.write_state("stopped")

    async def sample(self) -> Heartbeat:
        """The bot's health now."""
        bot = self.bot
        expected: list[int] = []
        if bot.shard_count is not None:
            expected = sorted(bot.shard_ids) if bot.shard_ids else list(range(bot.shard_count))
        connected = sorted(
            shard_id for shard_id, shard in bot.shards.items() if not shard.is_closed()
        )
        latency = bot.latency  # nan until a shard has connected
        engine_ok, probe_ms, entities = await self._probe_engine()
        usage = bot.usage
        return Heartbeat(
            state="running",
            written_at=time.time(),
            interval=self.interval,
            pid=os.getpid(),
            shards_expected=expected if bot.is_ready() else [],
            shards_connected=connected,
            latency_ms=None if math.isnan(latency) else round(latency * 1000, 1),
            last_gateway_event_at=self._last_event[0] if self._last_event else None,
            last_gateway_event=self._last_event[1] if self._last_event else None,
            engine_ok=engine_ok,
            engine_probe_ms=probe_ms,
            entities=entities,
            usage_dropped=usage.dropped if usage is not None else 0,
            usage_pending=usage.pending if usage is not None else 0,
        )

    async def _probe_engine(self) -> tuple[bool, float | None, int]:
        """Whether the search worker ran a trivial job within one interval; and how fast."""
        engine = self.bot.engine
        started = time.perf_counter()
        try:
            # The probe queues behind real work on the one worker thread: that is the point.
            entities = await asyncio.wait_for(
                engine.run_blocking(lambda: len(engine.kb.records)), self.interval
            )
        except TimeoutError:
            return False, None, 0
        except RuntimeError:  # the worker was shut down: the bot is closing
            return False, None, 0
        probe_ms = round((time.perf_counter() - started) * 1000, 1)
        return entities > 0, probe_ms, entities

    async def _run(self) -> None:
        while True:
            started = time.monotonic()
            await self._write(await self.sample())
            await asyncio.sleep(max(self.interval - (time.monotonic() - started), 0))

    async def _write(self, beat: Heartbeat) -> None:
        """Write off the event loop; a failing disk is logged once, never stops the bot."""
        try:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(self._writer, write_heartbeat, self.path, beat)
        except OSError as exc:
            if not self._write_failed:
                log.warning("cannot write the heartbeat %s: %s", self.path, exc)
            self._write_failed = True
        else:
            if self._write_failed:
                log.warning("the heartbeat %s is written again", self.path)
            self._write_failed = False
