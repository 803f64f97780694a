"""The real bot (every cog, the real engine and usage log) driven through the fake Discord.

Each test starts `CampaignBot` against the fake with its index and usage database in the
test's temporary directory, syncs the command tree, sends real interactions and asserts on
the HTTP bodies discord.py sent back. Every message the bot sent in a test is checked at
teardown: no pings allowed, every embed inside Discord's limits.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import statistics
import time
from collections.abc import Iterator
from typing import Any

import pytest

from bot.cogs import COGS, questions
from bot.cogs.kb.draft import MENU_NAME
from bot.config import Settings
from bot.core.answers import kinds as answers
from bot.core.answers.answer import Answer, Citation, Item, Section
from bot.discord_app.client import CampaignBot
from tests.e2e.conftest import StartClient
from tests.e2e.fake_discord import CallbackType, FakeDiscord
from tests.e2e.helpers import (
    EPHEMERAL,
    JSON,
    answer_of,
    buttons,
    check_embed,
    check_message,
    embed_text,
    fail_with,
    field,
    fixed,
    percentile,
    run_command,
    usage_rows,
    vote_rows,
)

#: The read commands; every cog's commands, and the draft message command, make the tree.
COMMAND_NAMES = {
    "ask",
    "search",
    "letter",
    "letters",
    "signatories",
    "demands",
    "quotes",
    "person",
    "org",
    "compare",
    "about",
}
TREE_NAMES = {command.name for cog in COGS for command in cog.__cog_app_commands__} | {MENU_NAME}


async def test_sync_stores_every_command_with_options(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """tree.sync pushes every command with descriptions, options and read-only contexts."""
    stored = {c["name"]: c for c in fake_discord.global_commands.values()}
    assert set(stored) == TREE_NAMES and COMMAND_NAMES <= TREE_NAMES
    for command in (stored[name] for name in COMMAND_NAMES):
        assert command["description"]
        assert command["contexts"] == [0, 1, 2] and command["integration_types"] == [0, 1]
        for option in command.get("options") or []:
            assert option["description"], (command["name"], option["name"])
    signatories = {o["name"]: o for o in stored["signatories"]["options"]}
    assert signatories["letter"]["required"] and signatories["letter"]["autocomplete"]
    assert not signatories["country"].get("required")
    letters = {o["name"]: o for o in stored["letters"]["options"]}
    assert letters["year"]["type"] == 4 and letters["year"]["min_value"] == 1900


async def test_sync_carries_korean_localizations(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """Every read command and option in the synced payload has a Korean name and description."""
    [put] = fake_discord.requests_to("PUT", f"/applications/{fake_discord.application_id}/commands")
    for command in (c for c in put.json if c["name"] in COMMAND_NAMES):
        assert command["name_localizations"]["ko"], command["name"]
        assert command["description_localizations"]["ko"], command["name"]
        for option in command.get("options") or []:
            assert option["name_localizations"]["ko"], (command["name"], option["name"])
            assert option["description_localizations"]["ko"], (command["name"], option["name"])
    by_name = {c["name"]: c for c in put.json}
    assert by_name["signatories"]["name_localizations"] == {"ko": "서명단체"}


async def test_guild_sync_gives_interactions_guild_command_ids(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """Commands copied to a guild are stored there and interactions target those ids."""
    assert fake_discord.default_guild is not None
    guild_id = fake_discord.default_guild.id
    guild = bot.get_guild(guild_id)
    assert guild is not None
    bot.tree.copy_global_to(guild=guild)
    await bot.tree.sync(guild=guild)
    assert {c["name"] for c in fake_discord.guild_commands[guild_id].values()} == TREE_NAMES
    payload = fake_discord.make_slash_interaction("letter", {"letter": "2018"})
    assert payload["data"]["guild_id"] == str(guild_id)
    message, _ = await answer_of(fake_discord, payload)
    assert "Kim Jong Un" in message["embeds"][0]["title"]


# -- Every command's reply -----------------------------------------------------------------

COMMAND_CASES = [
    pytest.param(
        "ask",
        {"question": "Who signed the 2018 letter?"},
        ["Who signed", "Human Rights Watch", "52"],
        id="ask",
    ),
    pytest.param(
        "search", {"query": "prison camps"}, ["Search: prison camps", "**prison**"], id="search"
    ),
    pytest.param(
        "letter",
        {"letter": "2018"},
        ["Kim Jong Un", "7 June 2018", "Human Rights Watch"],
        id="letter",
    ),
    pytest.param("letters", {}, ["timeline", "2012", "7 June 2018"], id="letters"),
    pytest.param(
        "letters",
        {"year": 2018, "signed_by": "hrw"},
        ["Letters in 2018, signed by Human Rights Watch", "1 letter"],
        id="letters-filtered",
    ),
    pytest.param(
        "signatories",
        {"letter": "2018"},
        ["Who signed", "Human Rights Watch", "Christian Solidarity Worldwide", "52"],
        id="signatories",
    ),
    pytest.param(
        "signatories",
        {"letter": "2012", "country": "Thailand"},
        ["Burma Partnership", "from Thailand"],
        id="signatories-country",
    ),
    pytest.param(
        "demands",
        {"letter": "2018"},
        ["What it asked for", "United Nations human rights recommendations"],
        id="demands",
    ),
    pytest.param(
        "quotes",
        {"person": "Quintana"},
        ["Quotes by Tomas Ojea Quintana", "I don't think that there is a dilemma"],
        id="quotes",
    ),
    pytest.param(
        "person", {"name": "kim jong un"}, ["Kim Jong Un", "North Korean leader"], id="person"
    ),
    pytest.param("org", {"name": "hrw"}, ["Human Rights Watch", "HRW"], id="org"),
    pytest.param(
        "compare",
        {"letter_a": "2012", "letter_b": "2018"},
        ["Signed both", "Human Rights Watch", "Christian Solidarity Worldwide"],
        id="compare",
    ),
]


@pytest.mark.parametrize(("name", "options", "expected"), COMMAND_CASES)
async def test_command_replies_with_cited_embed(
    fake_discord: FakeDiscord, bot: CampaignBot, name: str, options: JSON, expected: list[str]
) -> None:
    """Each command answers publicly with one in-limit embed holding the facts and sources."""
    message, request = await answer_of(
        fake_discord, fake_discord.make_slash_interaction(name, options)
    )
    check_message(message)
    assert not (message.get("flags") or 0) & EPHEMERAL
    assert request.route == "interaction_callback"  # answered at once, no "thinking…"
    [embed] = message["embeds"]
    text = embed_text(embed)
    for fragment in expected:
        assert fragment in text, f"{fragment!r} not in {name} reply:\n{text[:1500]}"
    assert field(embed, "Sources"), f"{name} reply has no sources"
    assert set(buttons(message)) >= {"Helpful", "Not helpful"}


async def test_signatories_excludes_other_countries(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """The country filter keeps only that country's signatories."""
    embed = await run_command(
        fake_discord, "signatories", {"letter": "2012", "country": "Thailand"}
    )
    assert "Burma Partnership" in embed["description"]
    named = embed["description"].split("**Named signatories**")[1].split("**Notes**")[0]
    assert "Burma Partnership" in named and "Amnesty International" not in named
    assert "footer" not in embed  # one page only


async def test_quotes_reply_attributes_the_speaker(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """Quotes show the speaker's role, the occasion and the source they come from."""
    embed = await run_command(fake_discord, "quotes", {"person": "Quintana"})
    assert "UN special rapporteur" in embed["description"]
    assert "Geneva" in embed["description"]
    sources = field(embed, "Sources")
    assert sources is not None and "Radio Free Asia" in sources


# -- Mentions --------------------------------------------------------------------------

MENTIONS = "@everyone <@123456789012345678> <@&234567890123456789> @here"


async def test_user_text_with_mentions_never_pings(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """A query full of mentions is echoed escaped and sent with mentions disabled."""
    message, _ = await answer_of(
        fake_discord, fake_discord.make_slash_interaction("search", {"query": MENTIONS})
    )
    assert message["allowed_mentions"] == {"parse": []}
    [embed] = message["embeds"]
    escaped = "@\u200beveryone <@\u200b123456789012345678> <@\u200b&234567890123456789>"
    assert embed["title"].startswith(f"Search: {escaped}")
    text = embed_text(embed) + (message.get("content") or "")
    for raw in ("@everyone", "@here", "<@123456789012345678>", "<@&234567890123456789>"):
        assert raw not in text


async def test_corpus_text_with_mentions_never_pings(
    fake_discord: FakeDiscord, bot: CampaignBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mentions inside knowledge-base text are escaped in every part of the embed."""
    hostile = Answer(
        kind="person",
        title=f"Who {MENTIONS}",
        lead=(f"Lead {MENTIONS}",),
        sections=(Section(f"Heading {MENTIONS}", (Item(f"Item {MENTIONS}", MENTIONS, (1,)),)),),
        sources=(Citation(1, "s", f"Publisher {MENTIONS}", MENTIONS, "2018"),),
        suggestions=(f"Ask {MENTIONS}",),
        notes=(MENTIONS,),
    )
    monkeypatch.setattr(answers, "person", fixed(hostile))
    message, _ = await answer_of(
        fake_discord, fake_discord.make_slash_interaction("person", {"name": "x"})
    )
    assert message["allowed_mentions"] == {"parse": []}
    text = embed_text(message["embeds"][0])
    for part in ("Who", "Lead", "Heading", "Item", "Publisher", "Ask"):
        assert f"{part} @\u200beveryone <@\u200b123456789012345678>" in text, part
    for raw in ("@everyone", "@here", "<@123456789012345678>", "<@&234567890123456789>"):
        assert raw not in text


# -- Errors ------------------------------------------------------------------------------


async def test_failing_answer_gives_short_ephemeral_error(
    fake_discord: FakeDiscord,
    bot: CampaignBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An exception in the core is a short ephemeral reply and a logged traceback."""
    monkeypatch.setattr(answers, "signatories", fail_with(RuntimeError("index exploded")))
    with caplog.at_level(logging.ERROR, logger="bot.discord_app.errors"):
        message, _ = await answer_of(
            fake_discord, fake_discord.make_slash_interaction("signatories", {"letter": "2018"})
        )
    assert message["flags"] == EPHEMERAL
    assert message["content"] == "Something went wrong while answering. The error has been logged."
    assert "index exploded" not in message["content"] and not message.get("embeds")
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.exc_info is not None
    assert "index exploded" in caplog.text and "Traceback" in caplog.text


async def test_failing_ask_is_ephemeral_too(
    fake_discord: FakeDiscord, bot: CampaignBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The free-text router failing is handled the same way as any answer function."""
    monkeypatch.setattr(questions, "ask_question", fail_with(ValueError("bad route")))
    message, _ = await answer_of(
        fake_discord, fake_discord.make_slash_interaction("ask", {"question": "who?"})
    )
    assert message["flags"] == EPHEMERAL and "went wrong" in message["content"]


async def test_error_after_defer_stays_ephemeral(
    fake_discord: FakeDiscord, bot: CampaignBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow answer that then fails does not leave a public error or "thinking…" message."""

    def slow_failure(*args: object, **kwargs: object) -> Answer:
        time.sleep(0.1)
        raise RuntimeError("slow and broken")

    monkeypatch.setattr(questions, "DEFER_AFTER", 0.02)
    monkeypatch.setattr(answers, "letter", slow_failure)
    payload = fake_discord.make_slash_interaction("letter", {"letter": "2018"})
    callback = await fake_discord.run_interaction(payload)
    assert callback.json["type"] == CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    await fake_discord.wait_for_request(
        lambda r: r.interaction_id == int(payload["id"]) and r.route == "execute_webhook"
    )
    visible = [
        m
        for m in [
            fake_discord.original_message(payload["id"]),
            *fake_discord.followup_messages(payload["id"]),
        ]
        if m is not None
    ]
    assert visible, "the error message was not delivered"
    for message in visible:
        assert message["flags"] & EPHEMERAL, message
    assert any("went wrong" in (m.get("content") or "") for m in visible)


async def test_slow_answer_is_deferred_then_delivered(
    fake_discord: FakeDiscord, bot: CampaignBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer slower than DEFER_AFTER shows "thinking…" and replaces it with the answer."""
    real = answers.letter

    def slow_letter(*args: Any, **kwargs: Any) -> Answer:
        time.sleep(0.1)
        return real(*args, **kwargs)

    monkeypatch.setattr(questions, "DEFER_AFTER", 0.02)
    monkeypatch.setattr(answers, "letter", slow_letter)
    payload = fake_discord.make_slash_interaction("letter", {"letter": "2018"})
    message, request = await answer_of(fake_discord, payload)
    assert request.route == "execute_webhook"
    assert "Kim Jong Un" in message["embeds"][0]["title"]
    original = fake_discord.original_message(payload["id"])
    assert original is not None and original["embeds"] and not original["flags"] & EPHEMERAL


async def test_cooldown_says_when_to_retry(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """The ninth quick command from one user is refused ephemerally with a retry time."""
    payloads = [fake_discord.make_slash_interaction("letter", {"letter": "2018"}) for _ in range(9)]
    replies = [await fake_discord.run_interaction(p) for p in payloads]
    assert all(r.json["type"] == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE for r in replies)
    assert all(r.json["data"]["embeds"] for r in replies[:8])
    refusal = replies[8].json["data"]
    assert refusal["flags"] == EPHEMERAL
    assert refusal["content"] == "Slow down a little — try again in 20 s."  # 8 per 20 s
    other = fake_discord.make_user("someone-else")
    reply = await fake_discord.run_interaction(
        fake_discord.make_slash_interaction("letter", {"letter": "2018"}, user=other)
    )
    assert reply.json["data"]["embeds"], "another user is not slowed down"


# -- Autocomplete -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "option", "typed", "expected"),
    [
        ("org", "name", "hrw", "Human Rights Watch"),
        ("person", "name", "kim jong", "Kim Jong Un"),
        ("person", "name", "quintanna", "Tomas Ojea Quintana"),
        ("letter", "letter", "2018", "2018 — "),
        ("signatories", "letter", "moon", "Moon Jae-in"),
        ("letters", "signed_by", "amnesty", "Amnesty International"),
        ("quotes", "person", "rubio", "Marco Rubio"),
    ],
)
async def test_autocomplete_is_forgiving(
    fake_discord: FakeDiscord,
    bot: CampaignBot,
    command: str,
    option: str,
    typed: str,
    expected: str,
) -> None:
    """Abbreviations, partial names, typos and years find the entity first, quickly."""
    payload = fake_discord.make_autocomplete_interaction(command, {option: typed}, focused=option)
    started = time.monotonic()
    reply = await fake_discord.run_interaction(payload)
    latency = reply.completed_at - started
    print(f"\nautocomplete {command}/{option} {typed!r}: {latency * 1000:.1f} ms")
    assert reply.json["type"] == CallbackType.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    choices = reply.json["data"]["choices"]
    assert 0 < len(choices) <= 25
    assert expected in choices[0]["name"], choices[:3]
    assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert latency < 0.5


async def test_autocomplete_choice_answers_the_command(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """The value of an autocomplete choice (an id) is accepted by the command itself."""
    reply = await fake_discord.run_interaction(
        fake_discord.make_autocomplete_interaction("letter", {"letter": "2018"}, focused="letter")
    )
    value = reply.json["data"]["choices"][0]["value"]
    embed = await run_command(fake_discord, "letter", {"letter": value})
    assert "7 June 2018" in embed["description"]


async def test_autocomplete_empty_input_lists_at_most_25(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """With nothing typed yet the choices are capped at Discord's 25."""
    reply = await fake_discord.run_interaction(
        fake_discord.make_autocomplete_interaction("org", {}, focused="name")
    )
    assert reply.status == 200
    assert 0 < len(reply.json["data"]["choices"]) <= 25


# -- Pagination and feedback ----------------------------------------------------------------


def page_count(embed: JSON) -> int:
    """N of an embed's "Page i/N" footer."""
    return int(embed["footer"]["text"].split("/")[1].split()[0])


async def long_answer(fake: FakeDiscord) -> tuple[JSON, JSON]:
    """Ask for the 2012 signatories (39 names); return the payload and the sent message."""
    payload = fake.make_slash_interaction("signatories", {"letter": "2012"})
    await answer_of(fake, payload)
    message = fake.original_message(payload["id"])
    assert message is not None
    return payload, message


async def test_long_answer_has_page_buttons(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """39 signatories at 10 per page (then the notes) make several pages with buttons."""
    _, message = await long_answer(fake_discord)
    [embed] = message["embeds"]
    pages = page_count(embed)
    assert pages >= 4 and embed["footer"]["text"] == f"Page 1/{pages}"
    found = buttons(message)
    assert {"≪", "‹", f"1/{pages}", "›", "≫", "Helpful", "Not helpful"} <= set(found)
    assert found["‹"]["disabled"] and found["≪"]["disabled"] and found[f"1/{pages}"]["disabled"]
    assert not found["›"]["disabled"]
    assert embed["description"].count("\n**") >= 10


async def test_next_page_by_asker_updates_message(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """The asker's click on next is answered with an update (type 7) showing page 2."""
    _, message = await long_answer(fake_discord)
    click = fake_discord.make_component_interaction(buttons(message)["›"]["custom_id"], message)
    update = await fake_discord.run_interaction(click)
    assert update.json["type"] == CallbackType.UPDATE_MESSAGE
    [embed] = update.json["data"]["embeds"]
    pages = page_count(message["embeds"][0])
    assert embed["footer"]["text"] == f"Page 2/{pages}"
    assert field(embed, "Sources"), "page 2 lists its own sources"
    assert f"2/{pages}" in buttons(update.json["data"])
    stored = fake_discord.messages[int(message["id"])]
    assert stored["embeds"][0]["footer"]["text"] == f"Page 2/{pages}"


async def test_every_page_fits_and_cites(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """Walking to the last page shows each page inside the limits with its sources."""
    _, message = await long_answer(fake_discord)
    footers = [message["embeds"][0]["footer"]["text"]]
    pages = page_count(message["embeds"][0])
    for _ in range(pages - 1):
        current = fake_discord.messages[int(message["id"])]
        click = fake_discord.make_component_interaction(buttons(current)["›"]["custom_id"], current)
        update = await fake_discord.run_interaction(click)
        [embed] = update.json["data"]["embeds"]
        check_embed(embed)
        assert field(embed, "Sources")
        footers.append(embed["footer"]["text"])
    assert footers == [f"Page {n}/{pages}" for n in range(1, pages + 1)]
    assert buttons(fake_discord.messages[int(message["id"])])["›"]["disabled"]


async def test_page_click_by_another_user_is_refused(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """Somebody else's click gets an ephemeral refusal and the message does not change."""
    _, message = await long_answer(fake_discord)
    before = fake_discord.messages[int(message["id"])]["embeds"]
    stranger = fake_discord.make_user("stranger")
    click = fake_discord.make_component_interaction(
        buttons(message)["›"]["custom_id"], message, user=stranger
    )
    reply = await fake_discord.run_interaction(click)
    assert reply.json["type"] == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE
    assert reply.json["data"]["flags"] == EPHEMERAL
    assert "Only the person who asked" in reply.json["data"]["content"]
    assert fake_discord.messages[int(message["id"])]["embeds"] == before
    assert not [
        r
        for r in fake_discord.requests
        if r.route == "interaction_callback" and r.json["type"] == CallbackType.UPDATE_MESSAGE
    ]


@pytest.mark.parametrize(
    ("label", "helpful", "reply"),
    [
        ("Helpful", 1, "Thanks — recorded as helpful."),
        ("Not helpful", 0, "Thanks — recorded as not helpful."),
    ],
)
async def test_vote_is_recorded_and_acknowledged(
    fake_discord: FakeDiscord,
    bot: CampaignBot,
    bot_settings: Settings,
    label: str,
    helpful: int,
    reply: str,
) -> None:
    """A feedback button replies ephemerally and stores the vote in the usage log."""
    payload, message = await long_answer(fake_discord)
    click = fake_discord.make_component_interaction(buttons(message)[label]["custom_id"], message)
    answer = await fake_discord.run_interaction(click)
    assert answer.json["data"]["flags"] == EPHEMERAL
    assert answer.json["data"]["content"].startswith(reply)
    await bot.close()
    [vote] = vote_rows(bot_settings)
    assert vote["answer_id"] == payload["id"] and vote["helpful"] == helpful
    assert vote["question"] == "2012" and vote["guild_id"] == int(payload["guild_id"])
    assert str(fake_discord.default_user["id"]) not in vote["user_hash"]


async def test_changed_vote_replaces_the_first(
    fake_discord: FakeDiscord, bot: CampaignBot, bot_settings: Settings
) -> None:
    """Voting again on the same answer changes the vote rather than adding one."""
    _, message = await long_answer(fake_discord)
    for label in ("Helpful", "Not helpful"):
        click = fake_discord.make_component_interaction(
            buttons(message)[label]["custom_id"], message
        )
        last = await fake_discord.run_interaction(click)
    assert "(vote changed)" in last.json["data"]["content"]
    await bot.close()
    [vote] = vote_rows(bot_settings)
    assert vote["helpful"] == 0


# -- Nothing found -------------------------------------------------------------------------


async def test_nothing_found_suggests_questions(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """A question the knowledge base cannot answer gets a grey embed with suggestions."""
    embed = await run_command(fake_discord, "ask", {"question": "zzqx flibbertigibbet"})
    assert embed["title"] == "Nothing found"
    suggestions = field(embed, "Did you mean")
    assert suggestions and suggestions.startswith("• ")
    assert embed["color"] == 0x969696


async def test_unknown_letter_lists_the_letters_there_are(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """A letter that does not exist is answered with the letters that do."""
    embed = await run_command(fake_discord, "signatories", {"letter": "1999"})
    assert embed["title"] == "Nothing found" and "1999" in embed["description"]
    suggestions = field(embed, "Did you mean")
    assert suggestions is not None and "(2018-06-07)" in suggestions


# -- Where commands run --------------------------------------------------------------------

READ_COMMANDS: list[tuple[str, JSON]] = [
    ("ask", {"question": "who signed the 2018 letter"}),
    ("search", {"query": "torture"}),
    ("letter", {"letter": "2012"}),
    ("letters", {}),
    ("signatories", {"letter": "2018"}),
    ("demands", {"letter": "2019"}),
    ("quotes", {"person": "quintana"}),
    ("person", {"name": "Quintana"}),
    ("org", {"name": "CSW"}),
    ("compare", {"letter_a": "2012", "letter_b": "2018"}),
]


@pytest.mark.parametrize(
    ("context", "channel_kind"),
    [
        ({"dm": True}, "dm"),
        ({"dm": True, "context": 2, "user_install": True}, "private"),
        ({"user_install": True}, "user-install"),
    ],
)
async def test_read_commands_work_outside_guild_installs(
    fake_discord: FakeDiscord,
    bot: CampaignBot,
    bot_settings: Settings,
    context: JSON,
    channel_kind: str,
) -> None:
    """In a DM, a group DM and as a user-installed app every read command answers."""
    for name, options in READ_COMMANDS:
        # One user per command: ten commands from one user would hit the cooldown.
        reader = fake_discord.make_user(f"reader-{name}")
        embed = await run_command(fake_discord, name, options, user=reader, **context)
        assert embed["title"] != "Nothing found", name
        assert field(embed, "Sources"), name
    await bot.close()
    rows = usage_rows(bot_settings)
    assert [r["command"] for r in rows] == [name for name, _ in READ_COMMANDS]
    assert {r["channel_kind"] for r in rows} == {channel_kind}


# -- Gateway -------------------------------------------------------------------------------


async def test_dropped_connection_is_survived(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """After the gateway drops, the bot resumes and answers queued and new interactions."""
    assert await fake_discord.drop_connection() == 1
    queued = await run_command(fake_discord, "org", {"name": "hrw"})
    await fake_discord.wait_until_connected()
    later = await run_command(fake_discord, "person", {"name": "Quintana"})
    assert queued["title"] == "Human Rights Watch"
    assert later["title"] == "Tomas Ojea Quintana"
    assert sum(s.resumes for s in fake_discord.sessions.values()) == 1


async def test_two_shards_answer_their_guilds(
    fake_discord: FakeDiscord, start_client: StartClient, bot_settings: Settings
) -> None:
    """With shard_count=2 both shards connect and each answers its own guild's commands."""
    fake_discord.shard_count = 2
    assert fake_discord.default_guild is not None
    first = fake_discord.default_guild
    second = fake_discord.add_guild(
        "Second Guild", shard_id=1 - fake_discord.shard_for_guild(first.id, 2), shard_count=2
    )
    sharded = await start_client(
        CampaignBot(dataclasses.replace(bot_settings, shard_count=2), guild_ready_timeout=0.05)
    )
    await sharded.tree.sync()
    assert sharded.shard_count == 2 and sorted(sharded.shards) == [0, 1]
    assert sorted(tuple(s.identify["shard"]) for s in fake_discord.sessions.values()) == [
        (0, 2),
        (1, 2),
    ]
    seen_shards = set()
    for guild in (first, second):
        payload = fake_discord.make_slash_interaction("org", {"name": "hrw"}, guild_id=guild.id)
        message, _ = await answer_of(fake_discord, payload)
        assert message["embeds"][0]["title"] == "Human Rights Watch"
        [frame] = [
            f
            for f in fake_discord.gateway_log
            if f.t == "INTERACTION_CREATE" and f.d["id"] == payload["id"]
        ]
        seen_shards.add(frame.shard_id)
    assert seen_shards == {0, 1}


# -- Load ------------------------------------------------------------------------------

BURST_QUESTIONS = [
    "Who signed the 2018 letter?",
    "What did the 2012 letter demand?",
    "Who is Quintana?",
    "Which letters did HRW sign?",
    "How many organisations signed the 2018 letter?",
    "torture prison camps",
    "What did the letter to Moon Jae-in ask?",
    "Who is Kim Jong Un?",
    "What is ICNK?",
    "What did Marco Rubio say?",
    "Who signed the 2012 letter?",
    "What did the UN special rapporteur say?",
    "Which organisations are from Japan?",
    "Compare the 2012 and 2018 letters",
    "political prisoners",
]


async def test_burst_of_100_asks_answered_within_3_seconds(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """100 concurrent /ask interactions from 100 users are all answered inside 3 s each."""
    payloads = [
        fake_discord.make_slash_interaction(
            "ask",
            {"question": f"{BURST_QUESTIONS[i % len(BURST_QUESTIONS)]}"},
            user=fake_discord.make_user(f"user{i}"),
        )
        for i in range(100)
    ]
    dispatched: dict[int, float] = {}

    async def one(payload: JSON) -> tuple[float, JSON]:
        dispatched[int(payload["id"])] = time.monotonic()
        message, request = await answer_of(fake_discord, payload, timeout=10.0)
        return request.completed_at - dispatched[int(payload["id"])], message

    results = await asyncio.gather(*(one(p) for p in payloads))
    latencies = [latency for latency, _ in results]
    print(
        f"\n100 /ask burst: p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms"
    )
    assert all(message["embeds"] for _, message in results)
    assert max(latencies) <= 3.0


# -- Usage log -------------------------------------------------------------------------


async def test_each_command_is_logged_once(
    fake_discord: FakeDiscord, bot: CampaignBot, bot_settings: Settings
) -> None:
    """Every command leaves exactly one usage row with its name and outcome."""
    for name, options in READ_COMMANDS:
        await run_command(
            fake_discord, name, options, user=fake_discord.make_user(f"reader-{name}")
        )
    await run_command(fake_discord, "letter", {"letter": "1999"})
    await bot.close()
    rows = usage_rows(bot_settings)
    assert [r["command"] for r in rows] == [name for name, _ in READ_COMMANDS] + ["letter"]
    assert [r["outcome"] for r in rows] == ["answered"] * len(READ_COMMANDS) + ["nothing_found"]
    assert all(r["guild_id"] == fake_discord.default_guild.id for r in rows)  # type: ignore[union-attr]
    assert all(r["channel_kind"] == "guild" for r in rows)
    assert rows[4]["result_count"] == 2  # the two named signatories of 2018
    assert json.loads(rows[-1]["params"]) == {"letter": "1999"}


async def test_refused_and_failed_commands_are_logged(
    fake_discord: FakeDiscord,
    bot: CampaignBot,
    bot_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cooldown refusal and an internal error are logged as refused and error."""
    for _ in range(9):
        await fake_discord.run_interaction(
            fake_discord.make_slash_interaction("org", {"name": "hrw"})
        )
    monkeypatch.setattr(answers, "person", fail_with(RuntimeError("boom")))
    other = fake_discord.make_user("other")
    await fake_discord.run_interaction(
        fake_discord.make_slash_interaction("person", {"name": "x"}, user=other)
    )
    await bot.close()
    rows = usage_rows(bot_settings)
    assert [(r["command"], r["outcome"]) for r in rows] == (
        [("org", "answered")] * 8 + [("org", "refused"), ("person", "error")]
    )
    assert len({r["user_hash"] for r in rows}) == 2


async def test_usage_log_failure_does_not_fail_answers(
    fake_discord: FakeDiscord, bot: CampaignBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If recording usage raises, the user still gets the answer."""
    assert bot.usage is not None

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(bot.usage, "record", broken)
    monkeypatch.setattr(bot.usage, "record_vote", broken)
    _, message = await long_answer(fake_discord)
    assert message["embeds"][0]["title"].startswith("Who signed")
    click = fake_discord.make_component_interaction(
        buttons(message)["Helpful"]["custom_id"], message
    )
    reply = await fake_discord.run_interaction(click)
    assert reply.json["data"]["content"].startswith("Thanks")


def test_helpers_reject_over_limit_embeds() -> None:
    """The limit checker itself catches each kind of oversized embed."""
    good: JSON = {"title": "t", "description": "d", "fields": [{"name": "n", "value": "v"}]}
    check_embed(good)
    bad_cases: Iterator[JSON] = iter(
        [
            {**good, "title": "x" * 257},
            {**good, "description": "x" * 4097},
            {**good, "fields": [{"name": "n", "value": "v"}] * 26},
            {**good, "fields": [{"name": "x" * 257, "value": "v"}]},
            {**good, "fields": [{"name": "n", "value": "x" * 1025}]},
            {**good, "footer": {"text": "x" * 2049}},
            {**good, "description": "x" * 4000, "fields": [{"name": "n", "value": "x" * 1000}] * 3},
        ]
    )
    for case in bad_cases:
        with pytest.raises(AssertionError):
            check_embed(case)
    with pytest.raises(AssertionError):
        check_message({"content": "hi"})
