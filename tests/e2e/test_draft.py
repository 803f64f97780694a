"""/kb draft and the "Draft knowledge-base entries" message command through the fake Discord.

A moderator hands the bot a press release (an attachment, a URL served on loopback, or a
message); the bot shows the /kb import dry run of the draft with its YAML attached, and
writes nothing before Apply. Bad input is one ephemeral line, logged as invalid input.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bot.cogs.kb import draft as draft_module
from bot.config import Settings
from bot.core.moderation.service import Moderation
from bot.discord_app.client import CampaignBot
from tests.e2e.conftest import StartClient
from tests.e2e.fake_discord import DEFAULT_MEMBER_PERMISSIONS, FakeDiscord, FakeGuild
from tests.e2e.helpers import (
    EPHEMERAL,
    JSON,
    answer_of,
    buttons,
    check_message,
    embed_text,
    sent_messages,
    usage_rows,
)

FIXTURES = Path(__file__).resolve().parents[1] / "core" / "drafts" / "fixtures"
RELEASE = (FIXTURES / "release.html").read_bytes()
STATEMENT = (FIXTURES / "statement.md").read_text()
MANAGE_SERVER = 1 << 5


class _Pages(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        """/release: the press release; /slow: a byte a tenth of a second, for two seconds."""
        if self.path == "/release":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(RELEASE)))
            self.end_headers()
            self.wfile.write(RELEASE)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(20):  # past the 0.5 s timeout, and short: teardown waits for the thread
            try:
                self.wfile.write(b"c")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.1)


@pytest.fixture(scope="module")
def pages() -> Iterator[str]:
    """A web server on loopback; its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def other_guild(fake_discord: FakeDiscord) -> FakeGuild:
    """A second server the bot is in."""
    return fake_discord.add_guild("Other Guild")


@pytest.fixture
async def bot(
    fake_discord: FakeDiscord,
    start_client: StartClient,
    bot_settings: Settings,
    other_guild: FakeGuild,
) -> AsyncIterator[CampaignBot]:
    """The running bot, commands synced; afterwards every message it sent is checked."""
    running = await start_client(CampaignBot(bot_settings, guild_ready_timeout=0.05))
    await running.tree.sync()
    yield running
    for body in sent_messages(fake_discord):
        check_message(body)


def moderator(fake: FakeDiscord) -> JSON:
    """Interaction context of a member with Manage Server."""
    return {
        "user": fake.make_user("mod"),
        "member_permissions": DEFAULT_MEMBER_PERMISSIONS | MANAGE_SERVER,
    }


def guild_of(fake: FakeDiscord) -> int:
    """The id of the fake's default server."""
    assert fake.default_guild is not None
    return fake.default_guild.id


def entries(bot: CampaignBot, guild: int) -> list[tuple[str, str, str]]:
    """The server's own entries, read straight from the core."""
    return Moderation(bot.engine).entries(guild)


async def draft(fake: FakeDiscord, options: JSON, **context: Any) -> JSON:
    """Run /kb draft; return the message the fake holds for its reply."""
    payload = fake.make_slash_interaction("kb", options, subcommand="draft", **context)
    await answer_of(fake, payload, timeout=30)
    message = fake.original_message(payload["id"])
    assert message is not None
    return message


async def press(fake: FakeDiscord, message: JSON, label: str, **context: Any) -> JSON:
    """Press a button of the message; return the message as the fake holds it after."""
    button = buttons(fake.messages[int(message["id"])])[label]
    payload = fake.make_component_interaction(
        button["custom_id"], fake.messages[int(message["id"])], **context
    )
    callback = await fake.run_interaction(payload)
    assert callback.status == 200, callback.response
    if callback.json["type"] not in (4, 7):  # deferred: wait for the edit
        await fake.wait_for_request(
            lambda r: r.interaction_id == int(payload["id"]) and r.route == "edit_webhook_message"
        )
    return fake.messages[int(message["id"])]


def message_with(fake: FakeDiscord, content: str = "", attachments: tuple[JSON, ...] = ()) -> JSON:
    """A member's message in the default server's channel, as the fake would hold it."""
    assert fake.default_guild is not None
    message = fake._blank_message(
        channel_id=fake.default_guild.text_channel_id, guild_id=fake.default_guild.id
    )
    message.update(
        author=fake.make_user("press-officer"), content=content, attachments=list(attachments)
    )
    fake.messages[int(message["id"])] = message
    return message


async def menu(fake: FakeDiscord, target: JSON, **context: Any) -> JSON:
    """Run the message command on `target`; return the reply the fake holds."""
    payload = fake.make_context_menu_interaction(
        draft_module.MENU_NAME, target_message=target, **context
    )
    await answer_of(fake, payload, timeout=30)
    reply = fake.original_message(payload["id"])
    assert reply is not None
    return reply


async def search(fake: FakeDiscord, guild: int, query: str) -> JSON:
    """The first embed of what /search answers in a server."""
    payload = fake.make_slash_interaction("search", {"query": query}, guild_id=guild)
    message, _ = await answer_of(fake, payload)
    return dict(message["embeds"][0])


def assert_preview(message: JSON) -> str:
    """A draft preview: ephemeral, the drafted changes, Apply and Cancel, the YAML attached."""
    assert message["flags"] & EPHEMERAL
    [embed] = message["embeds"]
    assert embed["title"].startswith("Draft preview: ")
    assert "nothing is written until you apply" in embed["footer"]["text"]
    labels = set(buttons(message))
    apply = next(label for label in labels if label.startswith("Apply "))
    assert labels == {apply, "Cancel"}
    assert [a["filename"] for a in message["attachments"]] == ["kb-draft.yaml"]
    return apply


# -- The flow ------------------------------------------------------------------------------


async def test_attachment_draft_applies_in_that_server_only(
    fake_discord: FakeDiscord, bot: CampaignBot, bot_settings: Settings, other_guild: FakeGuild
) -> None:
    """Preview (nothing written), Apply (one import), then searchable here and not there."""
    mod, guild = moderator(fake_discord), guild_of(fake_discord)
    upload = fake_discord.make_attachment("release.html", RELEASE)
    preview = await draft(fake_discord, {"file": upload}, **mod)
    apply = assert_preview(preview)
    text = embed_text(preview["embeds"][0])
    assert "+ add letter: Joint letter to Isaias Afwerki" in text
    assert "+ add person: Anna Lindqvist" in text and "check: " in text
    attached = fake_discord.attachment_data[int(preview["attachments"][0]["id"])].data
    assert b"Isaias Afwerki" in attached and attached.startswith(b"# Draft from:")
    assert entries(bot, guild) == []

    done = await press(fake_discord, preview, apply, **mod)
    assert done["content"].startswith("Imported ") and done["components"] == []
    assert len(entries(bot, guild)) >= 6
    here = await search(fake_discord, guild, "Anna Lindqvist")
    assert here["title"] != "Nothing found" and "Nordic Rights Forum" in embed_text(here)
    there = await search(fake_discord, other_guild.id, "Anna Lindqvist")
    assert there["title"] == "Nothing found"
    await bot.close()
    rows = [
        (r["command"], r["outcome"]) for r in usage_rows(bot_settings) if r["command"] == "kb draft"
    ]
    assert rows == [("kb draft", "answered")]


async def test_cancel_writes_nothing(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """Cancel answers that nothing changed, and nothing did."""
    mod = moderator(fake_discord)
    upload = fake_discord.make_attachment("release.html", RELEASE)
    preview = await draft(fake_discord, {"file": upload}, **mod)
    assert_preview(preview)
    done = await press(fake_discord, preview, "Cancel", **mod)
    assert done["content"] == "Cancelled: nothing was changed."
    assert entries(bot, guild_of(fake_discord)) == []


async def test_only_the_invoker_can_apply(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """Another moderator's press is refused; the preview and the data stay as they were."""
    upload = fake_discord.make_attachment("release.html", RELEASE)
    preview = await draft(fake_discord, {"file": upload}, **moderator(fake_discord))
    apply = assert_preview(preview)
    other = {
        "user": fake_discord.make_user("other-mod"),
        "member_permissions": DEFAULT_MEMBER_PERMISSIONS | MANAGE_SERVER,
    }
    after = await press(fake_discord, preview, apply, **other)
    assert set(buttons(after)) == {apply, "Cancel"}
    assert entries(bot, guild_of(fake_discord)) == []


async def test_non_moderator_is_refused(
    fake_discord: FakeDiscord, bot: CampaignBot, bot_settings: Settings
) -> None:
    """A member without Manage Server gets one refusal, from the command and the menu."""
    upload = fake_discord.make_attachment("release.html", RELEASE)
    member = {"user": fake_discord.make_user("member")}
    reply = await draft(fake_discord, {"file": upload}, **member)
    assert reply["flags"] & EPHEMERAL and "Only this server's moderators" in reply["content"]
    menu_reply = await menu(fake_discord, message_with(fake_discord, STATEMENT), **member)
    assert "Only this server's moderators" in menu_reply["content"]
    assert not [r for r in fake_discord.requests if r.route == "attachment"]
    assert entries(bot, guild_of(fake_discord)) == []
    await bot.close()
    assert [r["outcome"] for r in usage_rows(bot_settings)] == ["refused", "refused"]


async def test_menu_drafts_a_messages_text(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """The message command drafts the message's own text (markdown), previewed the same way."""
    reply = await menu(
        fake_discord, message_with(fake_discord, STATEMENT), **moderator(fake_discord)
    )
    assert_preview(reply)
    assert "Nguyen Xuan Phuc" in embed_text(reply["embeds"][0])


async def test_menu_drafts_a_messages_text_attachment(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """A message with a short note and an .html file: the file is the document."""
    image = fake_discord.make_attachment("photo.png", b"\x89PNG\r\n")
    release = fake_discord.make_attachment("release.html", RELEASE)
    reply = await menu(
        fake_discord,
        message_with(fake_discord, "Here is the release.", (image, release)),
        **moderator(fake_discord),
    )
    assert_preview(reply)
    assert "Isaias Afwerki" in embed_text(reply["embeds"][0])


async def test_url_on_loopback_is_drafted_when_allowed(
    fake_discord: FakeDiscord, bot: CampaignBot, pages: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the tests' allowance a page on loopback is fetched, off the loop, and drafted."""
    monkeypatch.setattr(draft_module, "ALLOW_PRIVATE_URLS", True)
    preview = await draft(fake_discord, {"url": f"{pages}/release"}, **moderator(fake_discord))
    assert_preview(preview)
    assert "Isaias Afwerki" in embed_text(preview["embeds"][0])


# -- Bad input: one ephemeral line, nothing written, logged as invalid -----------------------

HOSTILE: list[Any] = [
    pytest.param({"file": ("notes.txt", b"\x00\x01binary" * 50)}, "binary file", id="binary"),
    pytest.param(
        {"file": ("report.pdf", b"%PDF-1.4")}, "not a document the drafter reads", id="pdf"
    ),
    pytest.param({"file": ("short.txt", b"Hello there.")}, "No article text", id="no-article"),
    pytest.param(
        {"file": ("huge.html", b"<p>x</p>", 3_000_000)}, "a draft takes at most", id="too-large"
    ),
    pytest.param({"url": "http://127.0.0.1:9/page"}, "private, loopback", id="loopback"),
    pytest.param({"url": "ftp://example.org/x"}, "Give an http:// or https:// URL", id="not-http"),
    pytest.param({}, "Attach a .txt, .md or .html file", id="nothing"),
    pytest.param(
        {"file": ("a.txt", b"x" * 100), "url": "https://example.org/"}, "not both", id="both"
    ),
]


@pytest.mark.parametrize(("given", "says"), HOSTILE)
async def test_bad_input_is_one_ephemeral_line(
    fake_discord: FakeDiscord,
    bot: CampaignBot,
    bot_settings: Settings,
    given: dict[str, Any],
    says: str,
) -> None:
    """Each kind of bad input: one line saying what is wrong; nothing downloaded too early."""
    options: JSON = {}
    if "file" in given:
        name, data, *claimed = given["file"]
        options["file"] = fake_discord.make_attachment(name, data)
        if claimed:
            options["file"]["size"] = claimed[0]
    if "url" in given:
        options["url"] = given["url"]
    reply = await draft(fake_discord, options, **moderator(fake_discord))
    assert reply["flags"] & EPHEMERAL and not reply.get("embeds")
    assert "\n" not in reply["content"] and says in reply["content"]
    if given.get("file", ("",))[0].endswith((".pdf", "huge.html")):
        assert not [r for r in fake_discord.requests if r.route == "attachment"]
    assert entries(bot, guild_of(fake_discord)) == []
    await bot.close()
    assert [r["outcome"] for r in usage_rows(bot_settings)] == ["invalid"]


async def test_slow_page_is_stopped_at_the_timeout(
    fake_discord: FakeDiscord, bot: CampaignBot, pages: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that drips bytes is given up after the timeout, in one line."""
    monkeypatch.setattr(draft_module, "ALLOW_PRIVATE_URLS", True)
    monkeypatch.setattr(draft_module, "DRAFT_TIMEOUT", 0.5)
    reply = await draft(fake_discord, {"url": f"{pages}/slow"}, **moderator(fake_discord))
    assert reply["content"].startswith("Drafting took longer than")
    assert entries(bot, guild_of(fake_discord)) == []


async def test_message_without_text_is_refused_in_one_line(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """A message with only an image has nothing to draft."""
    image = fake_discord.make_attachment("photo.png", b"\x89PNG\r\n")
    reply = await menu(
        fake_discord, message_with(fake_discord, "", (image,)), **moderator(fake_discord)
    )
    assert reply["content"].startswith("That message has no text")
