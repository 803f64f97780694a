"""/about through the fake Discord: what the bot knows here, and its Korean names."""

from __future__ import annotations

from bot import __version__
from bot.cogs.kb.draft import MENU_NAME
from bot.discord_app.client import CampaignBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.helpers import JSON, answer_of, buttons, embed_text


def synced(fake: FakeDiscord) -> dict[str, JSON]:
    """The globally synced commands by name."""
    [put] = fake.requests_to("PUT", f"/applications/{fake.application_id}/commands")
    return {command["name"]: command for command in put.json}


async def test_about_lists_the_letters_and_how_to_add_more(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """The card names the version, the letters with counts, examples and /kb draft."""
    payload = fake_discord.make_slash_interaction("about")
    message, _ = await answer_of(fake_discord, payload)
    text = "\n".join(embed_text(embed) for embed in message["embeds"])
    assert message["embeds"][0]["title"] == f"About campaign-bot {__version__}"
    assert "Here I know 3 letters" in text
    assert "52 organizations" in text and "76 co-signers" in text
    assert "Who signed the 2018 letter?" in text
    stored = fake_discord.original_message(payload["id"])
    assert stored is not None
    assert {"Helpful", "Not helpful"} <= set(buttons(stored))


async def test_about_works_in_direct_messages(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """Like every reading command, /about answers outside servers too."""
    message, _ = await answer_of(
        fake_discord, fake_discord.make_slash_interaction("about", dm=True)
    )
    assert message["embeds"][0]["title"].startswith("About campaign-bot")


async def test_new_commands_have_korean_names(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """/about, /kb draft and the message command are localised; /quotes' about keeps its own."""
    commands = synced(fake_discord)
    assert commands["about"]["name_localizations"] == {"ko": "소개"}
    assert commands["about"]["description_localizations"]["ko"]
    quotes_about = {o["name"]: o for o in commands["quotes"]["options"]}["about"]
    assert quotes_about["name_localizations"] == {"ko": "주제"}
    draft = {o["name"]: o for o in commands["kb"]["options"]}["draft"]
    assert draft["name_localizations"] == {"ko": "초안"}
    assert {o["name"]: o["name_localizations"]["ko"] for o in draft["options"]} == {
        "file": "파일",
        "url": "주소",
    }
    menu = commands[MENU_NAME]
    assert menu["type"] == 3 and menu["name_localizations"] == {"ko": "지식베이스 항목 초안 만들기"}
    assert menu["contexts"] == [0] and int(menu["default_member_permissions"]) == 1 << 5
