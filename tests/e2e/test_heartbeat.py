"""The heartbeat of the real bot against the fake Discord, and `campaign-bot health` on it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import TOKEN_ENV
from bot.core.usage.log import USAGE_SECRET_ENV
from bot.discord_app.client import CampaignBot
from bot.discord_app.health import (
    Heartbeat,
    HeartbeatError,
    check,
    problems,
    read_heartbeat,
    write_heartbeat,
)
from bot.discord_app.heartbeat import HeartbeatWriter
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.helpers import run_bot_argv

HEALTH = "from bot.cli.main import main; raise SystemExit(main(['health']))"
#: How long a test waits for something the bot does on its own before failing.
DEADLINE = 60.0


async def test_heartbeat_of_a_connected_bot_is_healthy(bot: CampaignBot, tmp_path: Path) -> None:
    """Connected to the fake, the bot's heartbeat shows its shard, events, engine and log."""
    writer = HeartbeatWriter(bot, tmp_path / "health.json", interval=1.0)
    await writer.note_gateway_event("GUILD_CREATE")  # the real ones came before it listened
    sample = await writer.sample()
    assert sample.state == "running"
    assert (sample.shards_expected, sample.shards_connected) == ([0], [0])
    assert sample.engine_ok and sample.entities == len(bot.engine.kb.records) > 0
    assert sample.last_gateway_event == "GUILD_CREATE"
    assert sample.latency_ms is None or sample.latency_ms >= 0
    assert sample.usage_dropped == 0
    writer.start()
    await wait_for_heartbeat(writer.path, lambda beat: beat.state == "running")
    healthy, line = await asyncio.to_thread(check, writer.path)
    assert healthy, line
    assert line.startswith("healthy: 1/1 shards connected")
    await writer.stop()
    assert read_heartbeat(writer.path).state == "stopped"


async def test_gateway_events_are_noted(
    bot: CampaignBot, fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    """A gateway dispatch the bot receives becomes the heartbeat's last gateway event."""
    writer = HeartbeatWriter(bot, tmp_path / "health.json", interval=1.0)
    await fake_discord.run_interaction(
        fake_discord.make_slash_interaction("letter", {"letter": "2018"})
    )
    sample = await writer.sample()
    assert sample.last_gateway_event == "INTERACTION_CREATE"
    assert sample.last_gateway_event_at is not None


async def test_a_stuck_search_worker_makes_the_engine_unhealthy(
    bot: CampaignBot, tmp_path: Path
) -> None:
    """While the one search thread is blocked, the probe times out and says so."""
    writer = HeartbeatWriter(bot, tmp_path / "health.json", interval=1.0)
    release = threading.Event()
    blocked = asyncio.ensure_future(bot.engine.run_blocking(release.wait))
    try:
        sample = await writer.sample()
    finally:
        release.set()
        await blocked
    assert not sample.engine_ok
    assert "the search engine did not answer" in " ".join(
        check_sample(sample, tmp_path / "stuck.json")
    )
    assert (await writer.sample()).engine_ok, "a freed worker answers again"


async def test_usage_log_drops_are_reported(bot: CampaignBot, tmp_path: Path) -> None:
    """Rows the usage log lost are counted in the heartbeat."""
    assert bot.usage is not None
    bot.usage.dropped = 3  # what a full queue or a broken database leaves behind
    sample = await HeartbeatWriter(bot, tmp_path / "health.json", interval=1.0).sample()
    assert sample.usage_dropped == 3


def check_sample(sample: Heartbeat, path: Path) -> list[str]:
    """The problems `campaign-bot health` would report for `sample`."""
    write_heartbeat(path, sample)
    return problems(read_heartbeat(path), sample.written_at)


async def wait_for_heartbeat(path: Path, ready: Callable[[Heartbeat], bool]) -> Heartbeat:
    """The first heartbeat at `path` for which `ready(beat)` is true (bounded by DEADLINE)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + DEADLINE
    while True:
        try:
            beat = read_heartbeat(path)
        except HeartbeatError:  # not written yet
            beat = None
        if beat is not None and ready(beat):
            return beat
        if loop.time() > deadline:
            pytest.fail(f"no such heartbeat at {path} within {DEADLINE} s: {beat}")
        await asyncio.sleep(0.1)


def state_env(tmp_path: Path, token: str) -> dict[str, str]:
    """An environment with every piece of state, the log and the heartbeat in tmp_path."""
    env = {**os.environ, TOKEN_ENV: token}
    env.pop(USAGE_SECRET_ENV, None)
    env.update(
        {
            "CAMPAIGN_BOT_STATE_DIR": str(tmp_path / "state"),
            "CAMPAIGN_BOT_HEALTH_INTERVAL": "1",
            "CAMPAIGN_BOT_LOG_FILE": str(tmp_path / "logs" / "campaign-bot.log"),
        }
    )
    return env


async def health(cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """`campaign-bot health` in a subprocess: its exit code and its output."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        HEALTH,
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), DEADLINE)
    assert process.returncode is not None
    return process.returncode, output.decode()


async def start_run(
    fake: FakeDiscord, cwd: Path, env: dict[str, str]
) -> asyncio.subprocess.Process:
    """`campaign-bot run` in a subprocess against the fake Discord; stderr on a pipe."""
    return await asyncio.create_subprocess_exec(
        *run_bot_argv(fake.api_base, fake.gateway_url),
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_run_and_health_as_an_operator_sees_them(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    """`campaign-bot run` writes its heartbeat and log; `health` says 0 while it serves, 1 after.

    Two real processes: the bot against the fake Discord, and the command an operator (or a
    container's HEALTHCHECK) runs beside it.
    """
    env = state_env(tmp_path, fake_discord.token)
    heartbeat = tmp_path / "state" / "health.json"
    assert await health(tmp_path, env) == (
        1,
        f"unhealthy: no heartbeat at {heartbeat}: the bot is not running here, or has not "
        "started yet\n",
    )
    bot = await start_run(fake_discord, tmp_path, env)
    try:
        await wait_for_heartbeat(heartbeat, lambda beat: beat.shards_expected == [0])
        code, line = await health(tmp_path, env)
        assert code == 0, line
        assert line.startswith("healthy: 1/1 shards connected") and line.count("\n") == 1
        bot.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(bot.communicate(), DEADLINE)
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()
    assert bot.returncode == 0, stderr.decode()
    code, line = await health(tmp_path, env)
    assert code == 1 and line.startswith("unhealthy: stopped (pid ")
    log = (tmp_path / "logs" / "campaign-bot.log").read_text("utf-8")
    assert " INFO bot.discord_app.client: knowledge base ready: " in log
    assert " INFO bot.discord_app.runner: shutting down" in log


async def test_run_stopped_by_a_failure_says_stopped(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    """A run that ends on a rejected token leaves 'stopped', not a heartbeat that goes stale."""
    env = state_env(tmp_path, "not-the-token")
    bot = await start_run(fake_discord, tmp_path, env)
    assert await asyncio.wait_for(bot.wait(), DEADLINE) == 2
    assert read_heartbeat(tmp_path / "state" / "health.json").state == "stopped"


async def test_sigterm_stops_a_bot_retrying_an_unreachable_gateway(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    """SIGTERM ends the run promptly even while the shard waits to reconnect.

    discord.py sleeps between reconnect attempts and its close() does not wake that
    sleep; a service manager's stop must not hang until it gives up and kills the bot.
    """
    env = state_env(tmp_path, fake_discord.token)
    env["PYTHONFAULTHANDLER"] = "1"  # SIGABRT prints where every thread is
    heartbeat = tmp_path / "state" / "health.json"
    bot = await start_run(fake_discord, tmp_path, env)
    try:
        await wait_for_heartbeat(heartbeat, lambda beat: beat.shards_expected == [0])
        await fake_discord.stop()  # Discord goes away: the shard starts retrying
        await asyncio.sleep(25)  # several attempts: the wait between them has grown
        bot.send_signal(signal.SIGTERM)
        try:
            _, stderr = await asyncio.wait_for(bot.communicate(), 10)
        except TimeoutError:
            bot.send_signal(signal.SIGABRT)
            _, stderr = await bot.communicate()
            pytest.fail(f"running 10 s after SIGTERM; its threads:\n{stderr.decode()[-6000:]}")
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()
    assert bot.returncode == 0, stderr.decode()
    assert read_heartbeat(heartbeat).state == "stopped"
