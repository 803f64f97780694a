"""`campaign-bot run` and `campaign-bot sync`: start the bot or push its commands.

A missing or rejected token is one line on stderr and exit code 2, never a traceback;
so is Discord being unreachable, with exit code 3 (worth retrying later).
SIGINT and SIGTERM close the gateway, the usage log and the index cleanly.
While it runs, the bot rewrites its heartbeat file (`campaign-bot health` reads it) and,
when `log_file` is set, also logs to that file, rotated by size.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import logging.handlers
import signal
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import discord
from discord import app_commands

from bot.config import TOKEN_ENV, Settings
from bot.discord_app.client import CampaignBot
from bot.discord_app.heartbeat import HeartbeatWriter

log = logging.getLogger(__name__)
T = TypeVar("T")

EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE = 0, 3, 2  # as bot/cli/exits.py
#: The same records as on stderr (bot/cli/main.py), so a log file reads like the terminal.
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Failures to reach Discord at all: no network, DNS, or Discord's own servers failing.
_UNREACHABLE = (aiohttp.ClientError, discord.DiscordServerError, discord.GatewayNotFound)


def _token(settings: Settings) -> str | None:
    token = settings.token
    if token is None:
        print(
            f"campaign-bot: {TOKEN_ENV} is not set; export the bot token from the "
            "Discord developer portal (see README).",
            file=sys.stderr,
        )
    return token


def _talk_to_discord(work: Coroutine[Any, Any, T]) -> T | int:
    """Run `work`; on failure print one line and return an exit code (an int).

    A rejected token or an unreachable Discord is never a traceback.
    """
    try:
        return asyncio.run(work)
    except discord.LoginFailure:
        print("campaign-bot: Discord rejected the token in DISCORD_TOKEN.", file=sys.stderr)
        return EXIT_USAGE
    except _UNREACHABLE as exc:
        print(f"campaign-bot: could not reach Discord: {exc}", file=sys.stderr)
        return EXIT_UNREACHABLE
    except discord.PrivilegedIntentsRequired:  # pragma: no cover - we request none
        print("campaign-bot: Discord refused the requested intents.", file=sys.stderr)
        return EXIT_USAGE
    except discord.HTTPException as exc:
        print(f"campaign-bot: Discord refused the request: {exc}", file=sys.stderr)
        return EXIT_USAGE


def run_bot(settings: Settings) -> int:
    """Run until interrupted. Returns the process exit code."""
    token = _token(settings)
    if token is None:
        return EXIT_USAGE
    if settings.log_file is not None:
        try:
            log_to_file(settings.log_file, settings.log_max_bytes, settings.log_backups)
        except OSError as exc:
            print(
                f"campaign-bot: cannot write the log file {settings.log_file}: "
                f"{exc.strerror or exc}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    return _talk_to_discord(_run(settings, token))


def log_to_file(path: Path, max_bytes: int, backups: int) -> logging.Handler:
    """Send every log record of this process to `path` as well, rotated by size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logging.getLogger().addHandler(handler)
    return handler


async def _run(settings: Settings, token: str) -> int:
    bot = CampaignBot(settings)
    heartbeat = HeartbeatWriter(bot, settings.heartbeat_file, settings.health_interval)
    await heartbeat.write_state("starting")
    try:
        # Broken data is reported before any connection is attempted (CorpusError → exit 2).
        await bot.prepare()
        await _serve(bot, token, heartbeat)
    finally:
        # Whatever ended the run, the heartbeat says so at once instead of going stale.
        await heartbeat.stop()
    return EXIT_OK


async def _serve(bot: CampaignBot, token: str, heartbeat: HeartbeatWriter) -> None:
    """Connect and serve until SIGINT or SIGTERM, or until the connection fails for good."""
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    async with bot:
        heartbeat.start()
        runner = asyncio.create_task(bot.start(token))
        stopper = asyncio.create_task(stopping.wait())
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if stopper in done:
            log.info("shutting down")
            await heartbeat.stop()  # before the engine closes under its probe
            await bot.close()
            # A shard waiting to reconnect sleeps through close() (its wait grows to
            # minutes); everything is closed by now, so stop waiting for it.
            runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await runner
            return
        else:
            stopper.cancel()
        await runner  # re-raises LoginFailure and friends


def sync_commands(settings: Settings, guild_id: int | None) -> int:
    """Push the command tree globally (up to an hour to appear) or to one server (instant)."""
    token = _token(settings)
    if token is None:
        return EXIT_USAGE
    synced = _talk_to_discord(_sync(settings, token, guild_id))
    if isinstance(synced, int):
        return synced
    count = len(synced)
    where = f"server {guild_id}" if guild_id else "every server (global)"
    print(f"synced {count} commands to {where}")
    return EXIT_OK


async def _sync(
    settings: Settings, token: str, guild_id: int | None
) -> list[app_commands.AppCommand]:
    bot = CampaignBot(settings, start_engine=False)
    async with bot:
        await bot.login(token)  # runs setup_hook, which adds the cogs
        guild = discord.Object(guild_id) if guild_id else None
        if guild is not None:
            bot.tree.copy_global_to(guild=guild)
        return await bot.tree.sync(guild=guild)
