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
from collections.abc import AsyncIterator
from typing import Any, Protocol, TypeVar

import discord
import pytest

from tests.e2e.fake_discord import FakeDiscord

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
