"""Buttons still answer after the bot restarts.

Each test sends a message with buttons, closes the bot, starts a new client against the
same fake Discord and the same state directory, and presses a button on the old message:
an answer shows the right page (made again from the state in the button's id), records the
vote, or says its pages expired; a moderator's confirmation says it expired and changes
nothing. Never an interaction left unanswered.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.cogs import questions
from bot.config import Settings
from bot.core.answers.answer import Answer, Item, Section
from bot.core.moderation.service import Moderation
from bot.discord_app.client import CampaignBot
from bot.discord_app.expired import EXPIRED
from tests.e2e.conftest import StartClient
from tests.e2e.fake_discord import (
    DEFAULT_MEMBER_PERMISSIONS,
    CallbackType,
    FakeDiscord,
    RecordedRequest,
)
from tests.e2e.helpers import EPHEMERAL, JSON, answer_of, buttons, fixed, vote_rows
from tests.e2e.test_draft import RELEASE

#: A question too long for a button's id (Discord allows 100 characters).
LONG_QUESTION = (
    "Which organisations signed the open letter that asked Kim Jong-un to let "
    "in the UN special rapporteur and the ICRC?"
)


async def restart(bot: CampaignBot, settings: Settings, start_client: StartClient) -> CampaignBot:
    """Close the bot, then start a new one with the same settings (state directory)."""
    await bot.close()
    return await start_client(CampaignBot(settings, guild_ready_timeout=0.05))


async def ask(fake: FakeDiscord, name: str, options: JSON) -> tuple[JSON, JSON]:
    """Run a slash command; return its payload and the message the fake now holds."""
    payload = fake.make_slash_interaction(name, options)
    await answer_of(fake, payload)
    message = fake.original_message(payload["id"])
    assert message is not None
    return payload, message


async def press(fake: FakeDiscord, message: JSON, label: str, **context: Any) -> RecordedRequest:
    """Press a button on the message as the fake holds it now; the callback must be 200."""
    current = fake.messages[int(message["id"])]
    payload = fake.make_component_interaction(
        buttons(current)[label]["custom_id"], current, **context
    )
    callback = await fake.run_interaction(payload)
    assert callback.status == 200, callback.response
    return callback


def footer(callback: RecordedRequest) -> str:
    """The page footer of the message a page button updated."""
    assert callback.json["type"] == CallbackType.UPDATE_MESSAGE, callback.json
    [embed] = callback.json["data"]["embeds"]
    return str(embed["footer"]["text"])


async def test_page_buttons_show_the_same_page_after_a_restart(
    fake_discord: FakeDiscord, bot: CampaignBot, bot_settings: Settings, start_client: StartClient
) -> None:
    """Next on an answer sent before the restart shows the page the old process showed."""
    _, message = await ask(fake_discord, "signatories", {"letter": "2012"})
    before = await press(fake_discord, message, "›")
    page_two = before.json["data"]["embeds"][0]
    await press(fake_discord, message, "‹")
    assert bot.answers.get(int(message["interaction_metadata"]["id"])) is not None

    restarted = await restart(bot, bot_settings, start_client)
    assert restarted.answers.get(int(message["interaction_metadata"]["id"])) is None
    after = await press(fake_discord, message, "›")
    assert after.json["data"]["embeds"][0] == page_two
    pages = int(footer(after).split("/")[1].split()[0])
    last = await press(fake_discord, message, "≫")
    assert footer(last).startswith(f"Page {pages}/{pages}")
    assert buttons(fake_discord.messages[int(message["id"])])["›"]["disabled"]


async def test_stranger_still_cannot_turn_pages_after_a_restart(
    fake_discord: FakeDiscord, bot: CampaignBot, bot_settings: Settings, start_client: StartClient
) -> None:
    """The asker is read from the message itself, so the rule survives the restart."""
    _, message = await ask(fake_discord, "signatories", {"letter": "2012"})
    await restart(bot, bot_settings, start_client)
    before = fake_discord.messages[int(message["id"])]["embeds"]
    reply = await press(fake_discord, message, "›", user=fake_discord.make_user("stranger"))
    assert reply.json["type"] == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE
    assert reply.json["data"]["flags"] == EPHEMERAL
    assert "Only the person who asked" in reply.json["data"]["content"]
    assert fake_discord.messages[int(message["id"])]["embeds"] == before


async def test_vote_after_a_restart_is_recorded_with_its_question(
    fake_discord: FakeDiscord, bot: CampaignBot, bot_settings: Settings, start_client: StartClient
) -> None:
    """A vote on an old answer is keyed by that answer and keeps what was asked."""
    payload, message = await ask(fake_discord, "signatories", {"letter": "2012"})
    restarted = await restart(bot, bot_settings, start_client)
    reply = await press(fake_discord, message, "Not helpful")
    assert reply.json["data"]["flags"] == EPHEMERAL
    assert reply.json["data"]["content"].startswith("Thanks — recorded as not helpful.")
    await restarted.close()
    [vote] = vote_rows(bot_settings)
    assert vote["answer_id"] == payload["id"] and vote["helpful"] == 0
    assert vote["question"] == "2012"


async def test_pages_whose_question_did_not_fit_expire_politely(
    fake_discord: FakeDiscord,
    bot: CampaignBot,
    bot_settings: Settings,
    start_client: StartClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Too long a question for the id: pages turn while the bot runs, then say "expired"."""
    items = tuple(Item(f"Organisation {n}", "A signatory.") for n in range(30))
    monkeypatch.setattr(
        questions,
        "ask_question",
        fixed(
            Answer(
                "ask",
                "Who signed",
                lead=("Thirty organisations signed.",),
                sections=(Section("Signatories", items),),
            )
        ),
    )
    _, message = await ask(fake_discord, "ask", {"question": LONG_QUESTION})
    assert all(len(b["custom_id"]) <= 100 for b in buttons(message).values())
    assert footer(await press(fake_discord, message, "›")).startswith("Page 2/")

    await restart(bot, bot_settings, start_client)
    reply = await press(fake_discord, message, "›")
    assert reply.json["type"] == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE
    assert reply.json["data"]["flags"] == EPHEMERAL
    assert reply.json["data"]["content"] == (
        "These pages have expired (the bot restarted since). Run /ask again to get a fresh "
        "copy you can page through."
    )
    thanks = await press(fake_discord, message, "Helpful")
    assert thanks.json["data"]["content"].startswith("Thanks — recorded as helpful.")


async def test_a_preview_confirmed_after_a_restart_changes_nothing(
    fake_discord: FakeDiscord, bot: CampaignBot, bot_settings: Settings, start_client: StartClient
) -> None:
    """Apply on a draft preview from before the restart: "expired", and nothing written."""
    mod = {
        "user": fake_discord.make_user("mod"),
        "member_permissions": DEFAULT_MEMBER_PERMISSIONS | (1 << 5),
    }
    upload = fake_discord.make_attachment("release.html", RELEASE)
    payload = fake_discord.make_slash_interaction("kb", {"file": upload}, subcommand="draft", **mod)
    await answer_of(fake_discord, payload, timeout=30)
    preview = fake_discord.original_message(payload["id"])
    assert preview is not None
    apply = next(label for label in buttons(preview) if label.startswith("Apply"))

    restarted = await restart(bot, bot_settings, start_client)
    reply = await press(fake_discord, preview, apply, **mod)
    assert reply.json["type"] == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE
    assert reply.json["data"]["content"] == EXPIRED
    assert reply.json["data"]["flags"] == EPHEMERAL
    assert fake_discord.default_guild is not None
    assert Moderation(restarted.engine).entries(fake_discord.default_guild.id) == []
