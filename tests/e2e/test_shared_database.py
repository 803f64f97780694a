"""Two bot processes and the CLI, each on its own "host", sharing one PostgreSQL database.

Each process has its own state folder (index, heartbeat: no shared filesystem) and the same
database_url and usage secret. Bot A runs shard 0 and bot B shard 1 of two, both connected
to the fake Discord on loopback. The CLI, a third host, adds entries; each bot answers
them in its own server within seconds, the CLI undoes one and the bot stops answering it,
history lists every host's change, and the CLI's statistics count both bots' commands.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import TOKEN_ENV
from bot.core.usage.log import USAGE_SECRET_ENV
from tests.e2e.fake_discord import FakeDiscord, FakeGuild
from tests.e2e.helpers import answer_of, embed_text, run_bot_argv

ROOT = Path(__file__).resolve().parents[2]
SHARED_KEY = "shared-usage-secret-for-every-host-0123456789"
SOURCE = "https://example.org/shared-database"
#: How long another host may take to answer a change: "within a couple of seconds", with
#: room for two cores shared by three processes and the test.
PROPAGATION_DEADLINE = 15.0


def host_env(home: Path, url: str, **settings: str) -> dict[str, str]:
    """The environment of one host: its own state folder, the shared database and secret."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPAIGN_BOT_")}
    env.update(
        {
            "CAMPAIGN_BOT_STATE_DIR": str(home),
            "CAMPAIGN_BOT_DATABASE_URL": url,
            USAGE_SECRET_ENV: SHARED_KEY,
            "CAMPAIGN_BOT_LOG_LEVEL": "WARNING",
        }
    )
    env.update({f"CAMPAIGN_BOT_{k.upper()}": v for k, v in settings.items()})
    return env


def cli(home: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`campaign-bot ARGS` on the CLI's host."""
    home.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", *args],
        cwd=home,
        env=host_env(home, url),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def usage_total(home: Path, url: str, guild: FakeGuild | None) -> int:
    """Commands the shared usage log holds for one server (or all) today, via the CLI."""
    where = ["--guild", str(guild.id)] if guild else []
    return int(json.loads(cli(home, url, "stats", "--json", "--days", "1", *where).stdout)["total"])


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A fake Discord with two shards (the bots run in other processes: no patching here)."""
    running = FakeDiscord(shard_count=2)
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


async def start_bot(
    fake: FakeDiscord, home: Path, built_index: Path, url: str, shard: int
) -> asyncio.subprocess.Process:
    """`campaign-bot run` for one shard of two, on its own host."""
    shutil.copytree(built_index, home / "index")  # creates home too
    env = host_env(home, url, shard_count="2", shard_ids=str(shard))
    env[TOKEN_ENV] = fake.token
    # stderr goes to a file: an unread pipe fills up and blocks the bot's logging, and so
    # the bot, mid-test.
    with (home / "stderr.log").open("wb") as stderr:
        return await asyncio.create_subprocess_exec(
            *run_bot_argv(fake.api_base, fake.gateway_url),
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=stderr,
        )


async def stop(bot: asyncio.subprocess.Process, home: Path) -> str:
    """SIGTERM, as systemd stops the bot; SIGKILL if it has not exited in 30 s. Its stderr."""
    if bot.returncode is None:
        bot.terminate()
    try:
        await asyncio.wait_for(bot.wait(), 30)
    except TimeoutError:
        bot.kill()
        await bot.wait()
    return (home / "stderr.log").read_text("utf-8", errors="replace")


#: /search commands sent per server, to check the shared statistics count every one.
SENT: Counter[int] = Counter()


async def search_text(fake: FakeDiscord, guild: FakeGuild, query: str) -> str:
    """The text of the bot's answer to /search in a server."""
    SENT[guild.id] += 1
    payload = fake.make_slash_interaction("search", {"query": query}, guild_id=guild.id)
    message, _ = await answer_of(fake, payload, timeout=20)
    return " ".join(embed_text(embed) for embed in message.get("embeds", []))


async def until_answered(
    fake: FakeDiscord, guild: FakeGuild, query: str, name: str, present: bool
) -> float:
    """Ask until the answer does (or no longer does) name `name`; seconds it took."""
    started = time.monotonic()
    while True:
        if (name in await search_text(fake, guild, query)) == present:
            return time.monotonic() - started
        assert time.monotonic() - started < PROPAGATION_DEADLINE, f"{name} never {present}"
        await asyncio.sleep(0.2)


async def test_two_bots_and_the_cli_share_one_database(
    fake: FakeDiscord, tmp_path: Path, built_index: Path, postgres_url: str
) -> None:
    """The CLI's changes are answered by the right bot; history, undo, statistics see all."""
    guild_a = fake.add_guild("Shard zero", shard_id=0)
    guild_b = fake.add_guild("Shard one", shard_id=1)
    homes = [tmp_path / f"bot-{n}" for n in (0, 1)]
    bots = [
        await start_bot(fake, home, built_index, postgres_url, n) for n, home in enumerate(homes)
    ]
    try:
        connected = asyncio.ensure_future(fake.wait_until_connected(60, shard_ids=[0, 1]))
        exited = [asyncio.ensure_future(bot.wait()) for bot in bots]
        await asyncio.wait([connected, *exited], return_when=asyncio.FIRST_COMPLETED)
        for waiter in exited:
            waiter.cancel()
        if not connected.done():
            connected.cancel()
            pytest.fail(
                "a bot exited before connecting: "
                + " | ".join(
                    [(await stop(bot, home))[-2000:] for bot, home in zip(bots, homes, strict=True)]
                )
            )
        connected.result()
        cli_home = tmp_path / "cli"
        cli(
            cli_home,
            postgres_url,
            "kb",
            "add-org",
            "--guild",
            str(guild_a.id),
            "--name",
            "Zanzibar Rights Forum",
            "--source",
            SOURCE,
        )
        cli(
            cli_home,
            postgres_url,
            "kb",
            "add-org",
            "--guild",
            str(guild_b.id),
            "--name",
            "Pemba Justice Network",
            "--source",
            SOURCE,
        )

        seconds_a = await until_answered(fake, guild_a, "Zanzibar", "Zanzibar Rights Forum", True)
        seconds_b = await until_answered(fake, guild_b, "Pemba", "Pemba Justice Network", True)
        assert "Pemba Justice Network" not in await search_text(fake, guild_a, "Pemba")
        assert "Zanzibar Rights Forum" not in await search_text(fake, guild_b, "Zanzibar")

        history = cli(cli_home, postgres_url, "kb", "history", "--guild", str(guild_a.id))
        [line] = [x for x in history.stdout.splitlines() if x.startswith("#") and "Zanzibar" in x]
        change = {"id": re.match(r"#(\d+) ", line).group(1)}  # type: ignore[union-attr]
        cli(cli_home, postgres_url, "kb", "undo", str(change["id"]), "--guild", str(guild_a.id))
        undone = await until_answered(fake, guild_a, "Zanzibar", "Zanzibar Rights Forum", False)

        # Each bot's usage writer flushes every second; then the CLI's statistics count
        # both bots' commands, per server and together.
        deadline = time.monotonic() + PROPAGATION_DEADLINE
        while True:
            counted = [usage_total(cli_home, postgres_url, guild) for guild in (guild_a, guild_b)]
            if counted == [SENT[guild_a.id], SENT[guild_b.id]] or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
        assert counted == [SENT[guild_a.id], SENT[guild_b.id]]
        assert usage_total(cli_home, postgres_url, None) == sum(counted)
    finally:
        errors = [await stop(bot, home) for bot, home in zip(bots, homes, strict=True)]
    assert [bot.returncode for bot in bots] == [0, 0], errors
    print(
        f"answered on shard 0 after {seconds_a:.1f} s, on shard 1 after {seconds_b:.1f} s, "
        f"undo after {undone:.1f} s"
    )
