"""`campaign-bot run` and `campaign-bot sync` against the fake Discord."""

from __future__ import annotations

import asyncio
import os
import re
import socket
from pathlib import Path

import pytest
import yarl

from bot.config import TOKEN_ENV, Settings, load_settings
from bot.discord_app import runner
from bot.discord_app.client import USAGE_SECRET_ENV
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.helpers import run_bot_argv
from tests.e2e.test_bot import COMMAND_NAMES, TREE_NAMES


@pytest.fixture
def bot_settings(
    tmp_path: Path, fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """Settings with every path in tmp_path and the fake's token in the environment."""
    monkeypatch.setenv(TOKEN_ENV, fake_discord.token)
    monkeypatch.delenv(USAGE_SECRET_ENV, raising=False)
    return load_settings(env={}, cwd=tmp_path)


#: A routine log record (the CLI logs at INFO by default); anything else is the CLI talking.
INFO_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (DEBUG|INFO) ")


async def run_cli(
    api_base: str, gateway: str | yarl.URL, cwd: Path, token: str
) -> tuple[int, list[str]]:
    """`campaign-bot run` in a subprocess (the fake keeps serving); exit code, stderr lines.

    Routine INFO log records are left out of the lines.
    """
    env = {**os.environ, TOKEN_ENV: token}
    env.pop(USAGE_SECRET_ENV, None)
    process = await asyncio.create_subprocess_exec(
        *run_bot_argv(api_base, gateway),
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode is not None
    lines = stderr.decode().strip().splitlines()
    return process.returncode, [line for line in lines if not INFO_RECORD.match(line)]


async def test_run_with_rejected_token_exits_2_in_one_line(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    """A token Discord answers with 401 ends `run` with exit code 2 and one line, no traceback."""
    code, lines = await run_cli(
        fake_discord.api_base, fake_discord.gateway_url, tmp_path, "not-the-token"
    )
    assert (code, lines) == (2, ["campaign-bot: Discord rejected the token in DISCORD_TOKEN."])
    [me] = fake_discord.requests_to("GET", "/users/@me")
    assert me.status == 401


async def test_run_with_discord_unreachable_exits_3_in_one_line(tmp_path: Path) -> None:
    """When nothing answers at Discord's address, `run` says so in one line, exit code 3."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    nowhere = f"127.0.0.1:{port}"
    code, lines = await run_cli(
        f"http://{nowhere}/api/v10", f"ws://{nowhere}/gateway", tmp_path, "any-token"
    )
    assert code == 3
    [line] = lines
    assert line.startswith("campaign-bot: could not reach Discord: ")


def test_run_without_token_exits_2_in_one_line(
    bot_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without DISCORD_TOKEN, `run` says how to set it and exits 2 before connecting."""
    monkeypatch.delenv(TOKEN_ENV)
    assert runner.run_bot(bot_settings) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("campaign-bot: DISCORD_TOKEN is not set")


def test_sync_without_token_exits_2(
    bot_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sync` without a token fails the same way as `run`."""
    monkeypatch.setenv(TOKEN_ENV, "   ")
    assert runner.sync_commands(bot_settings, None) == 2
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err


async def test_sync_to_one_guild_pushes_the_commands(
    fake_discord: FakeDiscord, bot_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    """`campaign-bot sync --guild ID` puts every command on that guild only."""
    assert fake_discord.default_guild is not None
    guild_id = fake_discord.default_guild.id
    code = await asyncio.to_thread(runner.sync_commands, bot_settings, guild_id)
    assert code == 0
    assert capsys.readouterr().out.strip() == (
        f"synced {len(TREE_NAMES)} commands to server {guild_id}"
    )
    stored = fake_discord.guild_commands[guild_id].values()
    assert {c["name"] for c in stored} == TREE_NAMES
    assert all(c["description_localizations"]["ko"] for c in stored if c["name"] in COMMAND_NAMES)
    assert fake_discord.global_commands == {}
    assert not fake_discord.sessions, "sync must not open a gateway session"


async def test_sync_globally(fake_discord: FakeDiscord, bot_settings: Settings) -> None:
    """`_sync` without a guild pushes the commands globally and returns how many."""
    count = len(await runner._sync(bot_settings, fake_discord.token, None))
    assert count == len(TREE_NAMES)
    assert {c["name"] for c in fake_discord.global_commands.values()} == TREE_NAMES


async def test_sync_with_rejected_token_exits_2(
    fake_discord: FakeDiscord,
    bot_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`sync` with a token Discord rejects is one line and exit code 2."""
    monkeypatch.setenv(TOKEN_ENV, "wrong")
    assert await asyncio.to_thread(runner.sync_commands, bot_settings, None) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "campaign-bot: Discord rejected the token in DISCORD_TOKEN."
    ]
