"""Pytest fixtures for end-to-end tests against the local fake Discord.

``fake_discord``
    A started :class:`~tests.e2e.fake_discord.FakeDiscord` with ``discord.http.Route.BASE`` and
    ``DiscordWebSocket.DEFAULT_GATEWAY`` monkeypatched to it (restored afterwards).  Configure it
    (``shard_count``, ``add_guild()``, ``token``...) before starting a client.  The test fails if
    the fake hit an internal error.

``start_client``
    An async callable ``await start_client(client, *, token=None, wait_ready=True,
    skip_identify_delay=True, timeout=10.0)`` that logs ``client`` in against the fake, runs
    ``client.connect()`` in a task, waits until every shard is connected (and, by default, until
    the client's ``on_ready``), and returns the client.  Every client started this way is closed
    at teardown and its connect task awaited; an exception that ended the task is re-raised.

Make clients fast to become ready by passing ``guild_ready_timeout=0.05`` (discord.py waits that
long after the last GUILD_CREATE before ``on_ready``; the default is 2 s).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import pickle
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import discord
import pytest

from bot.config import TOKEN_ENV, Settings, load_settings
from bot.core import engine as engine_module
from bot.core.engine import Engine
from bot.core.kb.corpus import KnowledgeBase, bundled_data_dir, load_corpus
from bot.core.usage.log import USAGE_SECRET_ENV
from bot.discord_app.client import CampaignBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.helpers import check_message, sent_messages

ClientT = TypeVar("ClientT", bound=discord.Client)


class StartClient(Protocol):
    """Signature of the callable yielded by the ``start_client`` fixture."""

    async def __call__(
        self,
        client: ClientT,
        *,
        token: str | None = None,
        wait_ready: bool = True,
        skip_identify_delay: bool = True,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> ClientT:
        """Log ``client`` in, connect it to the fake and return it once connected."""
        ...


async def _no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    """Replace discord.py's ``before_identify_hook`` (5 s sleep before every non-first IDENTIFY)."""


@pytest.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A started fake Discord that discord.py is patched to use."""
    fake = FakeDiscord()
    await fake.start()
    fake.apply_patches(monkeypatch)
    try:
        yield fake
    finally:
        await fake.stop()
    if fake.internal_errors:
        pytest.fail("fake Discord internal errors:\n" + "\n".join(fake.internal_errors))


@pytest.fixture
async def start_client(fake_discord: FakeDiscord) -> AsyncIterator[StartClient]:
    """Start discord.py clients against ``fake_discord``; close them at teardown."""
    started: list[tuple[discord.Client, asyncio.Task[None] | None]] = []

    async def start(
        client: ClientT,
        *,
        token: str | None = None,
        wait_ready: bool = True,
        skip_identify_delay: bool = True,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> ClientT:
        if skip_identify_delay:
            # An instance attribute shadows the method; discord.py looks it up on the instance.
            setattr(client, "before_identify_hook", _no_identify_delay)  # noqa: B010
        started.append((client, None))  # closed at teardown even if login fails
        await client.login(token or fake_discord.token)
        task = asyncio.create_task(client.connect(reconnect=True), name="discord-client-connect")
        started[-1] = (client, task)
        waits: list[Any] = [fake_discord.wait_until_connected(timeout)]
        if wait_ready:
            waits.append(asyncio.wait_for(client.wait_until_ready(), timeout))
        for wait in waits:
            waiter = asyncio.ensure_future(wait)
            done, _ = await asyncio.wait({waiter, task}, return_when=asyncio.FIRST_COMPLETED)
            if waiter not in done:
                waiter.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await waiter
                task.result()  # re-raises why connect() ended
                raise RuntimeError("client.connect() returned before the client was connected")
            waiter.result()
        return client

    yield start

    errors: list[BaseException] = []
    for client, task in reversed(started):
        await client.close()
        if task is None:
            continue
        try:
            await asyncio.wait_for(task, 10.0)
        except Exception as exc:
            errors.append(exc)
    if errors:
        raise errors[0]


# -- The real bot against the fake -------------------------------------------------------------


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the bundled data, built once and copied into each test's directory."""
    directory = tmp_path_factory.mktemp("e2e-index") / "index"
    engine = Engine(bundled_data_dir(), directory)
    engine.start()
    engine.close()
    return directory


@pytest.fixture(scope="session")
def bundled_pickle() -> bytes:
    """The bundled corpus, parsed once (YAML parsing is most of the bot's start-up time)."""
    return pickle.dumps(load_corpus(bundled_data_dir()))


@pytest.fixture
def cached_corpus(bundled_pickle: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine gets a fresh copy of the parsed bundled corpus instead of re-reading YAML."""
    real = getattr(engine_module, "load_corpus", None)
    if real is None:  # the engine loads some other way: start-up is slower, nothing breaks
        return

    def load(directory: Path) -> KnowledgeBase:
        if Path(directory) == bundled_data_dir():
            return cast(KnowledgeBase, pickle.loads(bundled_pickle))  # noqa: S301 - our own
        return real(directory)

    monkeypatch.setattr(engine_module, "load_corpus", load)


@pytest.fixture
def bot_settings(
    tmp_path: Path,
    built_index: Path,
    fake_discord: FakeDiscord,
    cached_corpus: None,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Settings]:
    """Settings with every path in tmp_path, one shard, and the fake's token in the env.

    Afterwards every message the bot sent is checked for pings and embed limits.
    """
    monkeypatch.setenv(TOKEN_ENV, fake_discord.token)
    monkeypatch.delenv(USAGE_SECRET_ENV, raising=False)
    settings = load_settings(env={}, cwd=tmp_path)
    shutil.copytree(built_index, settings.index_dir)
    yield dataclasses.replace(settings, shard_count=1)
    for body in sent_messages(fake_discord):
        check_message(body)


@pytest.fixture
async def bot(
    fake_discord: FakeDiscord, start_client: StartClient, bot_settings: Settings
) -> CampaignBot:
    """The running bot with its commands synced globally."""
    running = await start_client(CampaignBot(bot_settings, guild_ready_timeout=0.05))
    await running.tree.sync()
    return running
