"""The fake Discord works with an unmodified discord.py client.

A tiny client with a handful of application commands is defined here (the real bot's cogs have
their own e2e tests); each test drives it through the fake and asserts on the recorded HTTP.
"""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Callable
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands

from tests.e2e.conftest import StartClient
from tests.e2e.fake_discord import (
    CallbackType,
    FakeDiscord,
    InteractionType,
    running_fake_discord,
)

CAMPAIGNS = ["Free the Press", "Stop Torture", "Climate Justice", "Free Speech Now"]


class ConfirmView(discord.ui.View):
    """One button that edits the message it is attached to."""

    @discord.ui.button(label="Confirm", style=discord.ButtonStyle.success, custom_id="confirm")
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """Replace the message content and drop the buttons (callback type 7)."""
        await interaction.response.edit_message(content="Confirmed", view=None)
        self.stop()


class FeedbackModal(discord.ui.Modal, title="Feedback"):
    """A modal with one text input."""

    body: discord.ui.TextInput = discord.ui.TextInput(label="Your feedback", custom_id="body")

    def __init__(self) -> None:
        super().__init__(custom_id="feedback-modal")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Thank the user ephemerally."""
        await interaction.response.send_message(f"Thanks: {self.body.value}", ephemeral=True)


def build_tree(client: discord.Client, errors: list[BaseException]) -> app_commands.CommandTree:
    """The tiny client's commands."""
    tree = app_commands.CommandTree(client)

    @tree.error
    async def on_error(
        interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        errors.append(error)

    @tree.command(description="Answer with a message and an embed")
    @app_commands.describe(text="What to echo")
    async def ping(interaction: discord.Interaction, text: str = "hi") -> None:
        embed = discord.Embed(title="Pong", description=text, colour=0x2ECC71)
        await interaction.response.send_message(f"pong: {text}", embed=embed)

    @tree.command(description="Defer, send a follow-up with a file, then edit the original")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send(
            "step 1", file=discord.File(io.BytesIO(b"hello world"), filename="hello.txt")
        )
        await interaction.edit_original_response(content="done")
        await interaction.followup.send("extra", ephemeral=True)

    async def campaign_autocomplete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [
            app_commands.Choice(name=c, value=c.lower().replace(" ", "-"))
            for c in CAMPAIGNS
            if current.lower() in c.lower()
        ]

    @tree.command(description="Look up a campaign")
    @app_commands.autocomplete(campaign=campaign_autocomplete)
    async def search(interaction: discord.Interaction, campaign: str, limit: int = 3) -> None:
        await interaction.response.send_message(f"{campaign} (limit {limit})")

    @tree.command(description="Show a confirm button")
    async def buttons(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("Pick one", view=ConfirmView())

    @tree.command(description="Open a feedback modal")
    async def feedback(interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(FeedbackModal())

    @tree.command(description="Where am I?")
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    @app_commands.allowed_installs(guilds=True, users=True)
    async def whoami(interaction: discord.Interaction) -> None:
        where = "DM" if interaction.guild_id is None else f"guild {interaction.guild_id}"
        install = "user" if interaction.is_user_integration() else "guild"
        await interaction.response.send_message(
            f"{interaction.user.name} in {where} ({install} install)", ephemeral=True
        )

    @tree.command(description="Greet a member")
    async def greet(interaction: discord.Interaction, member: discord.Member) -> None:
        await interaction.response.send_message(f"Hello {member.display_name}")

    return tree


class TinyClient(discord.Client):
    """A plain client with an application command tree (no privileged intents)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(intents=discord.Intents.default(), guild_ready_timeout=0.05, **kwargs)
        self.command_errors: list[BaseException] = []
        self.tree = build_tree(self, self.command_errors)


class TinyShardedClient(discord.AutoShardedClient):
    """The same commands on an auto-sharded client (shard count from GET /gateway/bot)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(intents=discord.Intents.default(), guild_ready_timeout=0.05, **kwargs)
        self.command_errors: list[BaseException] = []
        self.tree = build_tree(self, self.command_errors)


async def wait_until(predicate: Callable[[], bool], timeout: float = 2.0) -> None:  # noqa: ASYNC109
    """Poll ``predicate`` until it holds (for client-side effects after the fake answered)."""
    async with asyncio.timeout(timeout):
        while not predicate():  # noqa: ASYNC110 - client-side state has no event to await
            await asyncio.sleep(0.005)


@pytest.fixture
async def client(fake_discord: FakeDiscord, start_client: StartClient) -> TinyClient:
    """A connected, ready TinyClient whose commands are synced globally."""
    bot = await start_client(TinyClient())
    await bot.tree.sync()
    return bot


# ---------------------------------------------------------------------------------------------


async def test_connect_identify_and_ready(
    fake_discord: FakeDiscord, start_client: StartClient
) -> None:
    """Login hits users/@me and application info; the gateway session gets READY and guilds."""
    bot = await start_client(TinyClient())

    assert bot.is_ready()
    assert bot.user is not None and bot.user.id == fake_discord.application_id
    assert bot.application_id == fake_discord.application_id
    assert fake_discord.default_guild is not None
    guild = bot.get_guild(fake_discord.default_guild.id)
    assert guild is not None and guild.name == "Fake Guild"
    assert {c.name for c in guild.text_channels} == {"general", "campaigns"}
    # Without the members intent GUILD_CREATE carries only the bot's own member, as on Discord.
    assert guild.me is not None and guild.member_count == 3
    assert guild.get_member(int(fake_discord.default_user["id"])) is None

    assert fake_discord.requests_to("GET", "/users/@me")[0].status == 200
    assert fake_discord.requests_to("GET", "/oauth2/applications/@me")[0].status == 200
    [upgrade] = [r for r in fake_discord.requests if r.route == "gateway"]
    assert upgrade.query["v"] == "10" and upgrade.query["encoding"] == "json"
    # discord.py asks for zstd-stream when a zstd module is importable, else zlib-stream.
    assert upgrade.query["compress"] in {"zlib-stream", "zstd-stream"}

    [session] = fake_discord.sessions.values()
    assert session.live and session.shard_count == 1
    assert session.intents == discord.Intents.default().value
    # discord.py beats right after HELLO (before IDENTIFY) and the fake ACKs.
    recv_ops = [f.op for f in fake_discord.gateway_log if f.direction == "recv"]
    assert recv_ops[:2] == [1, 2]
    sent = [f.t for f in fake_discord.gateway_log if f.direction == "send" and f.op == 0]
    assert sent[:2] == ["READY", "GUILD_CREATE"]
    assert fake_discord.unknown_requests == []


async def test_tree_sync_stores_commands_with_ids(
    fake_discord: FakeDiscord, start_client: StartClient
) -> None:
    """tree.sync() PUTs the commands; the fake stores them and returns generated ids."""
    bot = await start_client(TinyClient())
    synced = await bot.tree.sync()

    [put] = fake_discord.requests_to("PUT", f"/applications/{fake_discord.application_id}/commands")
    assert put.status == 200
    assert {c["name"] for c in put.json} == {
        "ping",
        "slow",
        "search",
        "buttons",
        "feedback",
        "whoami",
        "greet",
    }
    stored = {c["name"]: c for c in fake_discord.global_commands.values()}
    assert {c.name: c.id for c in synced} == {n: int(c["id"]) for n, c in stored.items()}
    assert stored["search"]["options"][0]["autocomplete"] is True

    # A second sync keeps ids; guild sync stores separately.
    again = await bot.tree.sync()
    assert {c.id for c in again} == {c.id for c in synced}
    assert fake_discord.default_guild is not None
    guild = discord.Object(fake_discord.default_guild.id)
    bot.tree.copy_global_to(guild=guild)
    guild_synced = await bot.tree.sync(guild=guild)
    assert {c.guild_id for c in guild_synced} == {guild.id}
    assert len(fake_discord.guild_commands[guild.id]) == len(synced)
    # The builder now targets the guild copy of the command (data.id and data.guild_id).
    payload = fake_discord.make_slash_interaction("ping")
    assert payload["data"]["guild_id"] == str(guild.id)
    assert payload["data"]["id"] == fake_discord.find_command("ping", guild_id=guild.id)["id"]


async def test_slash_command_message_response(
    fake_discord: FakeDiscord, client: TinyClient
) -> None:
    """A slash command answered with callback type 4: content and embed are recorded."""
    payload = fake_discord.make_slash_interaction("ping", {"text": "hello"})
    assert payload["data"]["id"] == fake_discord.find_command("ping")["id"]

    reply = await fake_discord.run_interaction(payload)

    assert reply.status == 200
    assert reply.query == {"with_response": "1"}  # discord.py >= 2.5 always asks for the body
    assert reply.json["type"] == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE
    data = reply.json["data"]
    assert data["content"] == "pong: hello"
    [embed] = data["embeds"]
    assert embed["title"] == "Pong" and embed["description"] == "hello"
    assert embed["color"] == 0x2ECC71
    assert reply.response["resource"]["message"]["content"] == "pong: hello"

    original = fake_discord.original_message(payload["id"])
    assert original is not None and original["type"] == 20
    assert original["interaction_metadata"]["name"] == "ping"
    assert client.command_errors == []


async def test_defer_followup_and_edit_original(
    fake_discord: FakeDiscord, client: TinyClient
) -> None:
    """Type 5, then a multipart follow-up with a file, an edit of @original, a second follow-up."""
    payload = fake_discord.make_slash_interaction("slow")
    callback = await fake_discord.run_interaction(payload)
    assert callback.json == {"type": CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE}
    assert callback.response["interaction"]["response_message_loading"] is True

    last = await fake_discord.wait_for_request(
        lambda r: (
            r.interaction_id == int(payload["id"])
            and r.method == "POST"
            and r.route == "execute_webhook"
            and r.json.get("content") == "extra"
        )
    )
    assert last.status == 200

    steps = [(r.method, r.route) for r in fake_discord.interaction_responses(payload["id"])]
    assert steps == [
        ("POST", "interaction_callback"),
        ("POST", "execute_webhook"),
        ("PATCH", "edit_webhook_message"),
        ("POST", "execute_webhook"),
    ]
    followup = fake_discord.interaction_responses(payload["id"])[1]
    assert followup.query["wait"] == "1"
    assert followup.json["content"] == "step 1"
    [upload] = followup.files
    assert (upload.field_name, upload.filename, upload.data) == (
        "files[0]",
        "hello.txt",
        b"hello world",
    )

    # The first follow-up replaced the "thinking" message; the edit then changed its content.
    original = fake_discord.original_message(payload["id"])
    assert original is not None
    assert original["content"] == "done" and original["flags"] == 0
    assert [a["filename"] for a in original["attachments"]] == ["hello.txt"]
    [extra] = fake_discord.followup_messages(payload["id"])
    assert extra["content"] == "extra" and extra["flags"] == 64

    # The attachment URL is served by the fake.
    attachment = discord.Attachment(data=original["attachments"][0], state=client._connection)
    assert await attachment.read() == b"hello world"
    assert client.command_errors == []


async def test_autocomplete_returns_choices(fake_discord: FakeDiscord, client: TinyClient) -> None:
    """An autocomplete interaction (type 4) is answered with callback type 8 and choices."""
    payload = fake_discord.make_autocomplete_interaction(
        "search", {"campaign": "free", "limit": 5}, focused="campaign"
    )
    [_, focused] = sorted(payload["data"]["options"], key=lambda o: o["name"] == "campaign")
    assert focused == {"name": "campaign", "type": 3, "value": "free", "focused": True}

    reply = await fake_discord.run_interaction(payload)

    assert reply.json["type"] == CallbackType.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    assert reply.json["data"]["choices"] == [
        {"name": "Free the Press", "value": "free-the-press"},
        {"name": "Free Speech Now", "value": "free-speech-now"},
    ]
    assert fake_discord.interaction_record(payload["id"]).autocomplete_choices is not None

    # The chosen value then runs the command itself.
    run = fake_discord.make_slash_interaction("search", {"campaign": "free-the-press"})
    reply = await fake_discord.run_interaction(run)
    assert reply.json["data"]["content"] == "free-the-press (limit 3)"


async def test_button_click_updates_message(fake_discord: FakeDiscord, client: TinyClient) -> None:
    """A view's button: the click (type 3) is answered by updating the message (type 7)."""
    command = fake_discord.make_slash_interaction("buttons")
    reply = await fake_discord.run_interaction(command)
    [row] = reply.json["data"]["components"]
    [button] = row["components"]
    assert button["custom_id"] == "confirm"

    message = fake_discord.original_message(command["id"])
    assert message is not None
    click = fake_discord.make_component_interaction("confirm", message)
    update = await fake_discord.run_interaction(click)

    assert update.json["type"] == CallbackType.UPDATE_MESSAGE
    assert update.json["data"]["content"] == "Confirmed"
    assert update.json["data"]["components"] == []
    updated = fake_discord.messages[int(message["id"])]
    assert updated["content"] == "Confirmed" and updated["components"] == []
    assert client.command_errors == []


async def test_modal_round_trip(fake_discord: FakeDiscord, client: TinyClient) -> None:
    """A command opens a modal (type 9); its submission (type 5) is answered ephemerally."""
    opened = await fake_discord.run_interaction(fake_discord.make_slash_interaction("feedback"))
    assert opened.json["type"] == CallbackType.MODAL
    modal = opened.json["data"]
    assert modal["custom_id"] == "feedback-modal" and modal["title"] == "Feedback"

    submit = fake_discord.make_modal_submit_interaction(modal["custom_id"], {"body": "great"})
    assert submit["type"] == InteractionType.MODAL_SUBMIT
    reply = await fake_discord.run_interaction(submit)
    assert reply.json["data"]["content"] == "Thanks: great"
    assert reply.json["data"]["flags"] == 64


async def test_dm_and_user_install_contexts(fake_discord: FakeDiscord, client: TinyClient) -> None:
    """DM interactions carry ``user`` (no guild); user installs set integration owners."""
    dm = fake_discord.make_slash_interaction("whoami", dm=True)
    assert "member" not in dm and "guild_id" not in dm and dm["context"] == 1
    reply = await fake_discord.run_interaction(dm)
    assert reply.json["data"]["content"] == "tester in DM (guild install)"

    user_dm = fake_discord.make_slash_interaction("whoami", dm=True, context=2, user_install=True)
    assert user_dm["authorizing_integration_owners"] == {"1": fake_discord.default_user["id"]}
    reply = await fake_discord.run_interaction(user_dm)
    assert reply.json["data"]["content"] == "tester in DM (user install)"

    in_guild = fake_discord.make_slash_interaction("whoami", user_install=True)
    reply = await fake_discord.run_interaction(in_guild)
    assert reply.json["data"]["content"].endswith(f"guild {in_guild['guild_id']} (user install)")
    assert client.command_errors == []


async def test_member_option_is_resolved(fake_discord: FakeDiscord, client: TinyClient) -> None:
    """User options are sent as ids with ``resolved`` users and members."""
    friend = fake_discord.make_user("friend")
    assert fake_discord.default_guild is not None
    fake_discord.add_member(fake_discord.default_guild, friend, nick="Buddy")
    payload = fake_discord.make_slash_interaction(
        "greet", {"member": friend}, member_permissions=discord.Permissions(8)
    )
    assert payload["member"]["permissions"] == "8"
    assert payload["data"]["resolved"]["members"][friend["id"]]["nick"] == "Buddy"
    reply = await fake_discord.run_interaction(payload)
    assert reply.json["data"]["content"] == "Hello Buddy"


async def test_drop_connection_then_resume(fake_discord: FakeDiscord, client: TinyClient) -> None:
    """After an abnormal close the client RESUMEs; an interaction sent meanwhile is answered."""
    [session] = fake_discord.sessions.values()
    assert await fake_discord.drop_connection() == 1
    assert not fake_discord.is_connected()

    # Dispatched while the client is away: kept in the backlog and replayed on RESUME.
    payload = fake_discord.make_slash_interaction("ping", {"text": "again"})
    reply = await fake_discord.run_interaction(payload)
    assert reply.json["data"]["content"] == "pong: again"
    await fake_discord.wait_until_connected()
    assert session.resumes == 1
    assert any(f.op == 6 for f in fake_discord.gateway_log if f.direction == "recv")
    resumes = [
        r for r in fake_discord.requests if r.route == "gateway" and r.path.endswith("resume")
    ]
    assert len(resumes) == 1  # through READY's resume_gateway_url

    # A clean close code works too, and the session keeps answering.
    await fake_discord.drop_connection(code=4000)
    await fake_discord.wait_until_connected()
    reply = await fake_discord.run_interaction(fake_discord.make_slash_interaction("ping"))
    assert reply.json["data"]["content"] == "pong: hi"
    assert session.resumes == 2 and len(fake_discord.sessions) == 1
    assert client.command_errors == []


async def test_auto_sharded_client_two_shards(
    fake_discord: FakeDiscord, start_client: StartClient
) -> None:
    """GET /gateway/bot says 2 shards; both identify and get the interactions of their guilds."""
    fake_discord.shard_count = 2
    assert fake_discord.default_guild is not None
    first = fake_discord.default_guild
    other_shard = 1 - fake_discord.shard_for_guild(first.id, 2)
    second = fake_discord.add_guild("Second Guild", shard_id=other_shard, shard_count=2)

    bot = await start_client(TinyShardedClient())
    await bot.tree.sync()

    assert bot.shard_count == 2 and sorted(bot.shards) == [0, 1]
    assert fake_discord.requests_to("GET", "/gateway/bot")[0].status == 200
    identified = sorted(tuple(s.identify["shard"]) for s in fake_discord.sessions.values())
    assert identified == [(0, 2), (1, 2)]
    assert {g.id for g in bot.guilds} == {first.id, second.id}

    for guild in (first, second):
        payload = fake_discord.make_slash_interaction(
            "ping", {"text": guild.name}, guild_id=guild.id
        )
        reply = await fake_discord.run_interaction(payload)
        assert reply.json["data"]["content"] == f"pong: {guild.name}"
        shard = (guild.id >> 22) % 2
        [frame] = [
            f
            for f in fake_discord.gateway_log
            if f.t == "INTERACTION_CREATE" and f.d["id"] == payload["id"]
        ]
        assert frame.shard_id == shard
        assert bot.get_guild(guild.id).shard_id == shard
    assert bot.command_errors == []


async def test_bad_token_is_rejected(fake_discord: FakeDiscord) -> None:
    """A token the fake does not accept gets 401, which discord.py turns into LoginFailure."""
    bot = TinyClient()
    try:
        with pytest.raises(discord.LoginFailure):
            await bot.login("not-the-right-token")
    finally:
        await bot.close()
    [me] = fake_discord.requests_to("GET", "/users/@me")
    assert me.status == 401 and me.headers["Authorization"] == "Bot not-the-right-token"


async def test_unknown_route_is_recorded_as_404(
    fake_discord: FakeDiscord, client: TinyClient
) -> None:
    """Routes the fake does not implement answer a Discord-style 404 and are recorded."""
    with pytest.raises(discord.NotFound) as caught:
        await client.http.request(discord.http.Route("GET", "/guilds/{guild_id}/bans", guild_id=1))
    assert caught.value.status == 404
    [unknown] = fake_discord.unknown_requests
    assert (unknown.method, unknown.path) == ("GET", "/guilds/1/bans")


async def test_callback_errors_are_discord_like(
    fake_discord: FakeDiscord, client: TinyClient
) -> None:
    """Over-long content, a second callback and injected errors fail like Discord does."""
    payload = fake_discord.make_slash_interaction("ping", {"text": "x" * 2100})
    reply = await fake_discord.run_interaction(payload)
    assert reply.status == 400
    assert reply.response["code"] == 50035
    [error] = reply.response["errors"]["data"]["content"]["_errors"]
    assert error["code"] == "BASE_TYPE_MAX_LENGTH"
    await wait_until(lambda: len(client.command_errors) == 1)
    assert isinstance(client.command_errors[0], app_commands.CommandInvokeError)
    assert isinstance(client.command_errors[0].original, discord.HTTPException)

    # Answering an interaction twice.
    ok = fake_discord.make_slash_interaction("ping")
    await fake_discord.run_interaction(ok)
    url = f"{fake_discord.api_base}/interactions/{ok['id']}/{ok['token']}/callback"
    async with aiohttp.ClientSession() as session:
        async with session.post(url, json={"type": 4, "data": {"content": "again"}}) as resp:
            assert resp.status == 400
            assert (await resp.json())["code"] == 40060

    # An injected error reaches the command as discord.Forbidden.
    fake_discord.inject_error("POST", r"/interactions/\d+/[^/]+/callback", status=403)
    reply = await fake_discord.run_interaction(fake_discord.make_slash_interaction("ping"))
    assert reply.status == 403
    await wait_until(lambda: len(client.command_errors) == 2)
    assert isinstance(client.command_errors[1].original, discord.Forbidden)


async def test_running_fake_discord_without_pytest_fixtures() -> None:
    """``running_fake_discord()`` patches discord.py for its block and restores it after."""
    before = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    async with running_fake_discord() as fake:
        assert discord.http.Route.BASE == fake.api_base
        bot = TinyClient()
        task: asyncio.Task[None] | None = None
        try:
            await bot.login(fake.token)
            task = asyncio.create_task(bot.connect())
            await fake.wait_until_connected()
            reply = await fake.run_interaction(fake.make_slash_interaction("ping"))
            assert reply.json["data"]["content"] == "pong: hi"
        finally:
            await bot.close()
            if task is not None:
                await task
    assert (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == before


async def test_burst_of_100_interactions(fake_discord: FakeDiscord, client: TinyClient) -> None:
    """100 interactions dispatched at once are all answered (a smoke check, not a benchmark)."""
    payloads = [fake_discord.make_slash_interaction("ping", {"text": str(i)}) for i in range(100)]
    started = time.perf_counter()
    replies = await asyncio.wait_for(
        asyncio.gather(*(fake_discord.run_interaction(p, timeout=10.0) for p in payloads)), 10.0
    )
    elapsed = time.perf_counter() - started
    print(f"\n100 concurrent interactions answered in {elapsed * 1000:.0f} ms")

    assert [r.json["data"]["content"] for r in replies] == [f"pong: {i}" for i in range(100)]
    assert all(r.status == 200 for r in replies)
    assert elapsed < 10.0
    assert client.command_errors == []
