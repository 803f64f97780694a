"""/stats for moderators and /privacy forget-me, through the fake Discord."""

from __future__ import annotations

import sqlite3
from typing import Any

import discord
import pytest

from bot.config import Settings
from bot.core.answers import kinds as answers
from bot.discord_app.client import CampaignBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.helpers import (
    EPHEMERAL,
    answer_of,
    fail_with,
    run_command,
    usage_rows,
)

MANAGE_GUILD = discord.Permissions(manage_guild=True)


async def ask_some(fake: FakeDiscord, user: dict) -> None:
    for question in (
        "who signed the 2018 letter",
        "who signed the 2018 letter",
        "zzqx unknown thing",
    ):
        await run_command(fake, "ask", {"question": question}, user=user)


async def test_stats_shows_gaps_and_a_chart_to_moderators(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """A moderator gets an ephemeral report with the gap list and a PNG chart attached."""
    await ask_some(fake_discord, fake_discord.default_user)
    payload = fake_discord.make_slash_interaction(
        "stats", {"days": 7}, member_permissions=MANAGE_GUILD
    )
    message, request = await answer_of(fake_discord, payload)
    assert message["flags"] & EPHEMERAL, message
    assert "embeds" in message, message
    text = str(message["embeds"])
    assert "3 commands" in text and "zzqx unknown thing" in text
    assert "who signed the 2018 letter" in text
    assert message["embeds"][0]["image"]["url"] == "attachment://daily-use.png"
    [chart] = request.files
    assert chart.filename == "daily-use.png" and chart.data.startswith(b"\x89PNG")


async def test_stats_is_refused_to_members(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """Without Manage Server or the moderator role, /stats is an ephemeral refusal."""
    payload = fake_discord.make_slash_interaction("stats", member_permissions=0)
    callback = await fake_discord.run_interaction(payload)
    assert callback.json["data"]["flags"] & EPHEMERAL
    assert "Only this server's moderators" in callback.json["data"]["content"]


async def test_refusals_and_mistakes_are_not_counted_as_failures(
    fake_discord: FakeDiscord,
    bot: CampaignBot,
    bot_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A member's refused /stats, a moderator's typo and a broken file are not failures."""
    moderator: dict[str, Any] = {
        "user": fake_discord.make_user("mod"),
        "member_permissions": MANAGE_GUILD,
    }
    await run_command(fake_discord, "ask", {"question": "who signed the 2018 letter"})
    await run_command(fake_discord, "ask", {"question": "zzqx unknown thing"})
    await fake_discord.run_interaction(
        fake_discord.make_slash_interaction("stats", member_permissions=0)
    )
    for options, sub in (({"change": 99}, "undo"), ({"entry": "no-such-entry"}, "remove")):
        await answer_of(
            fake_discord,
            fake_discord.make_slash_interaction("kb", options, subcommand=sub, **moderator),
        )
    monkeypatch.setattr(answers, "person", fail_with(RuntimeError("boom")))
    await fake_discord.run_interaction(fake_discord.make_slash_interaction("person", {"name": "x"}))
    payload = fake_discord.make_slash_interaction("stats", {"days": 7}, **moderator)
    message, _ = await answer_of(fake_discord, payload)
    assert (
        "Answered: 1. Nothing found: 1. Refused: 1. Invalid input: 2. Failed: 1."
        in message["embeds"][0]["description"]
    )
    await bot.close()
    assert [(r["command"], r["outcome"]) for r in usage_rows(bot_settings)] == [
        ("ask", "answered"),
        ("ask", "nothing_found"),
        ("stats", "refused"),
        ("kb undo", "invalid"),
        ("kb remove", "invalid"),
        ("person", "error"),
        ("stats", "answered"),
    ]


async def test_forget_me_deletes_exactly_the_callers_rows(
    fake_discord: FakeDiscord, bot: CampaignBot, bot_settings: Settings
) -> None:
    """forget-me removes the caller's rows, keeps others', and is not logged itself."""
    alice = fake_discord.make_user("alice")
    bob = fake_discord.make_user("bob")
    await ask_some(fake_discord, alice)
    await run_command(fake_discord, "ask", {"question": "who is hrw"}, user=bob)
    payload = fake_discord.make_slash_interaction("privacy", subcommand="forget-me", user=alice)
    message, _ = await answer_of(fake_discord, payload)
    assert message["flags"] & EPHEMERAL
    assert "Deleted 3 usage-log rows" in message["content"]
    await bot.close()
    with sqlite3.connect(bot_settings.usage_db) as db:
        rows = db.execute("SELECT command FROM usage").fetchall()
    assert rows == [("ask",)]


@pytest.mark.parametrize("dm", [True])
async def test_forget_me_works_in_dms(
    fake_discord: FakeDiscord, bot: CampaignBot, dm: bool
) -> None:
    """The privacy command is available outside servers too."""
    payload = fake_discord.make_slash_interaction("privacy", subcommand="forget-me", dm=dm)
    message, _ = await answer_of(fake_discord, payload)
    assert "Deleted 0 usage-log rows" in message["content"]
