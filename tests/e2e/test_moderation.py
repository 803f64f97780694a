"""/kb through the fake Discord: moderators curate their server's knowledge base.

The real bot (every cog, the real engine on the bundled data, community entries and index
in the test's temporary directory) answers real interactions; each test asserts on what
discord.py sent back and on the files and change log the core wrote.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cogs.kb import steps as kb_steps
from bot.config import Settings
from bot.core.moderation.changes import ChangeSet
from bot.core.moderation.service import Actor, Moderation
from bot.discord_app import moderation_views
from bot.discord_app.client import CampaignBot
from tests.e2e.conftest import StartClient
from tests.e2e.fake_discord import (
    DEFAULT_MEMBER_PERMISSIONS,
    CallbackType,
    FakeDiscord,
    FakeGuild,
    RecordedRequest,
)
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

MANAGE_SERVER = 1 << 5
MODERATOR_ROLE = "Campaign curators"
#: A source every form accepts.
SOURCE = "https://example.org/statement"
QUOTE_TEXT = "Zanzibar accountability now, said plainly."


# -- Fixtures ------------------------------------------------------------------------------


@pytest.fixture
def settings(bot_settings: Settings) -> Settings:
    """The shared bot settings with a moderator role configured."""
    return dataclasses.replace(bot_settings, moderator_role=MODERATOR_ROLE)


@pytest.fixture
def curator_role(fake_discord: FakeDiscord) -> int:
    """A role named like settings.moderator_role, without Manage Server."""
    assert fake_discord.default_guild is not None
    role = fake_discord.add_role(
        fake_discord.default_guild, MODERATOR_ROLE, permissions=DEFAULT_MEMBER_PERMISSIONS
    )
    return int(role["id"])


@pytest.fixture
def other_guild(fake_discord: FakeDiscord) -> FakeGuild:
    """A second server the bot is in."""
    return fake_discord.add_guild("Other Guild")


@pytest.fixture
async def bot(
    fake_discord: FakeDiscord,
    start_client: StartClient,
    settings: Settings,
    curator_role: int,
    other_guild: FakeGuild,
) -> AsyncIterator[CampaignBot]:
    """The running bot, commands synced; afterwards every message it sent is checked."""
    running = await start_client(CampaignBot(settings, guild_ready_timeout=0.05))
    await running.tree.sync()
    yield running
    for body in sent_messages(fake_discord):
        check_message(body)


def moderator(fake: FakeDiscord, name: str = "mod") -> JSON:
    """Interaction context of a member with Manage Server."""
    return {
        "user": fake.make_user(name),
        "member_permissions": DEFAULT_MEMBER_PERMISSIONS | MANAGE_SERVER,
    }


# -- Helpers -------------------------------------------------------------------------------


def community_files(settings: Settings) -> list[Path]:
    """Every entry file moderators' changes wrote."""
    return sorted(settings.community_dir.rglob("*.yaml"))


def history(bot: CampaignBot, guild_id: int) -> list[ChangeSet]:
    """The server's changes (one per action), newest first, read straight from the core."""
    return Moderation(bot.engine).history(guild_id, limit=500)


def form_inputs(modal: JSON) -> dict[str, JSON]:
    """A modal's text inputs by custom_id."""
    found = {}
    for row in modal["components"]:
        for component in row.get("components") or [row.get("component")]:
            if component and component.get("type") == 4:
                found[component["custom_id"]] = component
    return found


async def kb(
    fake: FakeDiscord, sub: str, options: JSON | None = None, **context: Any
) -> RecordedRequest:
    """Run /kb <sub> and return its callback request."""
    payload = fake.make_slash_interaction("kb", options, subcommand=sub, **context)
    callback = await fake.run_interaction(payload)
    assert callback.status == 200, callback.response
    return callback


async def kb_reply(
    fake: FakeDiscord, sub: str, options: JSON | None = None, **context: Any
) -> JSON:
    """Run /kb <sub> and return the (ephemeral) message that answers it."""
    payload = fake.make_slash_interaction("kb", options, subcommand=sub, **context)
    message, _ = await answer_of(fake, payload)
    return message


async def open_form(
    fake: FakeDiscord, sub: str, options: JSON | None = None, **context: Any
) -> JSON:
    """Run /kb <sub>, which must answer with a modal; return the modal."""
    callback = await kb(fake, sub, options, **context)
    assert callback.json["type"] == CallbackType.MODAL, callback.json
    modal: JSON = callback.json["data"]
    return modal


async def submit(fake: FakeDiscord, modal: JSON, values: dict[str, str], **context: Any) -> JSON:
    """Submit a modal as Discord would (every input, prefilled ones kept); return the reply."""
    sent = {cid: component.get("value") or "" for cid, component in form_inputs(modal).items()}
    sent.update(values)
    payload = fake.make_modal_submit_interaction(modal["custom_id"], sent, **context)
    message, _ = await answer_of(fake, payload)
    return message


async def click(fake: FakeDiscord, message: JSON, label: str, **context: Any) -> JSON:
    """Press the button labelled `label` on `message`; return the message as updated."""
    button = buttons(message)[label]
    stored = fake.messages[int(message["id"])]
    payload = fake.make_component_interaction(button["custom_id"], stored, **context)
    callback = await fake.run_interaction(payload)
    assert callback.status == 200, callback.response
    if callback.json["type"] in (
        CallbackType.UPDATE_MESSAGE,
        CallbackType.CHANNEL_MESSAGE_WITH_SOURCE,
    ):
        return dict(callback.json["data"])
    edit = await fake.wait_for_request(
        lambda r: r.interaction_id == int(payload["id"]) and r.route == "edit_webhook_message"
    )
    return dict(edit.json)


async def reply_message(
    fake: FakeDiscord, sub: str, options: JSON | None = None, **context: Any
) -> JSON:
    """Run /kb <sub> and return the stored message (with ids, for pressing its buttons)."""
    payload = fake.make_slash_interaction("kb", options, subcommand=sub, **context)
    await answer_of(fake, payload)
    message = fake.original_message(payload["id"])
    assert message is not None
    return message


async def add_quote(
    fake: FakeDiscord, mod: JSON, text: str = QUOTE_TEXT, person: str = "Kim Jong Un", **values: str
) -> JSON:
    """Add a quote through /kb add-quote and its form; return the confirmation."""
    modal = await open_form(fake, "add-quote", {"person": person}, **mod)
    return await submit(fake, modal, {"text": text, "source": SOURCE, **values}, **mod)


async def quotes_text(fake: FakeDiscord, guild_id: int, person: str = "Kim Jong Un") -> str:
    """What /quotes answers for `person` in a server, as one string."""
    payload = fake.make_slash_interaction("quotes", {"person": person}, guild_id=guild_id)
    message, _ = await answer_of(fake, payload)
    return "\n".join(embed_text(e) for e in message["embeds"])


def default_guild(fake: FakeDiscord) -> int:
    """The id of the fake's default server."""
    assert fake.default_guild is not None
    return fake.default_guild.id


# -- Tests ---------------------------------------------------------------------------------


async def test_kb_is_a_guild_only_group_hidden_from_non_managers(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """/kb syncs as a server-only group, Manage Server by default, with every CLI twin."""
    kb_command = fake_discord.find_command("kb")
    assert kb_command is not None
    assert kb_command["contexts"] == [0] and kb_command["integration_types"] == [0]
    assert kb_command["default_member_permissions"] == str(MANAGE_SERVER)
    assert {o["name"] for o in kb_command["options"]} == {
        "add-letter",
        "add-quote",
        "add-signatory",
        "add-demand",
        "add-person",
        "add-org",
        "edit",
        "remove",
        "list",
        "import",
        "export",
        "draft",
        "history",
        "undo",
    }
    for sub in kb_command["options"]:
        assert sub["name_localizations"]["ko"] and sub["description_localizations"]["ko"]
        for option in sub.get("options") or []:
            assert option["description"], (sub["name"], option["name"])
            assert option["name_localizations"]["ko"], (sub["name"], option["name"])


async def test_moderator_adds_quote_seen_only_in_that_server(
    fake_discord: FakeDiscord, bot: CampaignBot, other_guild: FakeGuild
) -> None:
    """A quote added through the form is found by /quotes here, marked ✦, and not elsewhere."""
    mod = moderator(fake_discord)
    reply = await add_quote(fake_discord, mod)
    assert reply["flags"] & EPHEMERAL
    assert reply["content"].startswith("Added quote") and "change #" in reply["content"]

    here = await quotes_text(fake_discord, default_guild(fake_discord))
    assert "Zanzibar accountability now" in here
    assert "✦" in here and "added by this server's moderators" in here
    elsewhere = await quotes_text(fake_discord, other_guild.id)
    assert "Zanzibar" not in elsewhere


async def test_non_moderator_is_refused_and_nothing_changes(
    fake_discord: FakeDiscord, bot: CampaignBot, settings: Settings
) -> None:
    """A plain member gets an ephemeral refusal from every /kb command; nothing is written."""
    upload = fake_discord.make_attachment("entries.yaml", b"quotes: []\n")
    commands: list[tuple[str, JSON]] = [
        ("add-quote", {"person": "Kim Jong Un"}),
        ("add-signatory", {"letter": "2018", "organization": "HRW", "source": SOURCE}),
        ("import", {"file": upload}),
        ("export", {}),
        ("undo", {"change": 1}),
        ("history", {}),
    ]
    for sub, options in commands:
        message = await kb_reply(fake_discord, sub, options)
        assert message["flags"] & EPHEMERAL, sub
        assert message["content"].startswith("Only this server's moderators"), sub
        assert MODERATOR_ROLE in message["content"]
    assert not settings.community_dir.exists()
    assert not [r for r in fake_discord.requests if r.route == "attachment"]


async def test_form_submitted_after_losing_rights_changes_nothing(
    fake_discord: FakeDiscord, bot: CampaignBot, settings: Settings
) -> None:
    """Rights are checked again when the form comes back, not only when it opened."""
    mod = moderator(fake_discord)
    modal = await open_form(fake_discord, "add-quote", {"person": "Kim Jong Un"}, **mod)
    demoted = {**mod, "member_permissions": DEFAULT_MEMBER_PERMISSIONS}
    reply = await submit(fake_discord, modal, {"text": QUOTE_TEXT, "source": SOURCE}, **demoted)
    assert reply["flags"] & EPHEMERAL
    assert reply["content"].startswith("Only this server's moderators")
    assert community_files(settings) == []


async def test_moderator_role_grants_access_without_manage_server(
    fake_discord: FakeDiscord, bot: CampaignBot, curator_role: int
) -> None:
    """A member with the configured role (and no Manage Server) may add entries."""
    curator = {"user": fake_discord.make_user("curator"), "roles": [curator_role]}
    modal = await open_form(fake_discord, "add-person", {}, **curator)
    assert set(form_inputs(modal)) == {"name", "aliases", "role", "description", "source"}
    reply = await submit(
        fake_discord, modal, {"name": "Zanzibar Quill", "source": SOURCE}, **curator
    )
    assert reply["content"].startswith("Added person “Zanzibar Quill”")
    [change] = [c for c in history(bot, default_guild(fake_discord)) if c.kind == "person"]
    assert change.actor_name == "curator"


async def test_entry_autocomplete_lists_own_entries_to_moderators_only(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """`entry` completes this server's entries for moderators, nothing for anyone else."""
    mod = moderator(fake_discord)
    await add_quote(fake_discord, mod)

    async def choices(**context: Any) -> list[JSON]:
        payload = fake_discord.make_autocomplete_interaction(
            "kb", {"entry": "zanz"}, focused="entry", subcommand="edit", **context
        )
        callback = await fake_discord.run_interaction(payload)
        assert callback.json["type"] == CallbackType.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
        return list(callback.json["data"]["choices"])

    [choice] = await choices(**mod)
    assert choice["name"].startswith("quote: Zanzibar accountability")
    assert choice["value"].startswith(f"g{default_guild(fake_discord)}-quote-")
    assert await choices() == []


async def test_edit_form_is_prefilled_and_saves_the_change(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """/kb edit opens a form holding the current values; submitting it changes the quote."""
    mod = moderator(fake_discord)
    guild = default_guild(fake_discord)
    await add_quote(fake_discord, mod, date="2019-01-01", occasion="Press briefing")
    [(entry_id, _, _)] = Moderation(bot.engine).entries(guild)

    modal = await open_form(fake_discord, "edit", {"entry": entry_id}, **mod)
    assert modal["title"] == "Edit quote"
    values = {cid: c.get("value") for cid, c in form_inputs(modal).items()}
    assert values == {
        "text": QUOTE_TEXT,
        "date": "2019-01-01",
        "occasion": "Press briefing",
        "about": None,
        "source": SOURCE,
    }
    reply = await submit(fake_discord, modal, {"text": "Zanzibar, edited words."}, **mod)
    assert reply["content"].startswith("Edited quote")

    text = await quotes_text(fake_discord, guild)
    assert "Zanzibar, edited words." in text and QUOTE_TEXT not in text
    assert "Press briefing" in text  # a field left as it was keeps its value


async def test_remove_after_confirm_then_undo_brings_it_back(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """Remove asks first; confirmed, the quote is gone; /kb undo of that change restores it."""
    mod = moderator(fake_discord)
    guild = default_guild(fake_discord)
    await add_quote(fake_discord, mod)
    [(entry_id, _, _)] = Moderation(bot.engine).entries(guild)

    question = await reply_message(fake_discord, "remove", {"entry": entry_id}, **mod)
    assert question["content"].startswith("Remove the quote “Zanzibar accountability")
    assert set(buttons(question)) == {"Remove", "Cancel"}
    assert "Zanzibar" in await quotes_text(fake_discord, guild)  # nothing yet
    done = await click(fake_discord, question, "Remove", **mod)
    assert done["content"].startswith("Removed quote") and done["components"] == []
    assert "Zanzibar" not in await quotes_text(fake_discord, guild)

    removal = history(bot, guild)[0]
    assert removal.action == "remove"
    reply = await kb_reply(fake_discord, "undo", {"change": removal.id}, **mod)
    assert reply["content"].startswith(f"Undid change #{removal.id}")
    assert "Zanzibar accountability now" in await quotes_text(fake_discord, guild)


async def test_only_the_invoker_can_confirm_a_removal(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """Another moderator pressing Remove is refused ephemerally and the entry stays."""
    mod = moderator(fake_discord)
    guild = default_guild(fake_discord)
    await add_quote(fake_discord, mod)
    [(entry_id, _, _)] = Moderation(bot.engine).entries(guild)
    question = await reply_message(fake_discord, "remove", {"entry": entry_id}, **mod)

    refusal = await click(fake_discord, question, "Remove", **moderator(fake_discord, "other"))
    assert refusal["flags"] & EPHEMERAL
    assert refusal["content"].startswith("Only the moderator who ran this command")
    assert len(Moderation(bot.engine).entries(guild)) == 1


IMPORT_YAML = yaml.safe_dump(
    {
        "quotes": [
            {
                "id": "quote-imported",
                "speaker": "kim-jong-un",
                "text": "Zanzibar imported words.",
                "kind": "verbatim",
                "sources": ["src-a"],
            }
        ],
        "sources": [{"id": "src-a", "publisher": "Example", "title": "A statement", "url": SOURCE}],
    }
).encode()


async def test_import_shows_a_dry_run_then_applies_on_confirm(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """An import previews its changes, writes nothing until Apply, then adds them all."""
    mod = moderator(fake_discord)
    guild = default_guild(fake_discord)
    upload = fake_discord.make_attachment("entries.yaml", IMPORT_YAML)
    preview = await reply_message(fake_discord, "import", {"file": upload}, **mod)
    [embed] = preview["embeds"]
    assert embed["title"] == "Import preview: entries.yaml"
    assert embed["description"] == "+ add quote: Zanzibar imported words."
    assert "1 change, 0 unchanged" in embed["footer"]["text"]
    assert set(buttons(preview)) == {"Apply 1 change", "Cancel"}
    assert history(bot, guild) == []

    done = await click(fake_discord, preview, "Apply 1 change", **mod)
    assert done["content"].startswith("Imported 1 entry") and done["components"] == []
    assert "Zanzibar imported words." in await quotes_text(fake_discord, guild)


@pytest.mark.parametrize(
    ("filename", "data", "problem"),
    [
        pytest.param("broken.yaml", b"quotes:\n  - id: [unclosed\n", "invalid YAML", id="bad-yaml"),
        pytest.param(
            "ghost.yaml",
            IMPORT_YAML.replace(b"kim-jong-un", b"nobody-at-all"),
            "nobody-at-all",
            id="unknown-person",
        ),
        pytest.param(
            "wrong.csv", b"kind,id,colour\nquote,q1,blue\n", "CSV columns", id="csv-columns"
        ),
        pytest.param("notes.txt", b"hello", "Import a .yaml, .yml or .csv file", id="extension"),
    ],
)
async def test_broken_import_lists_problems_and_changes_nothing(
    fake_discord: FakeDiscord,
    bot: CampaignBot,
    settings: Settings,
    filename: str,
    data: bytes,
    problem: str,
) -> None:
    """A broken file is answered with its problems, ephemerally; nothing is written."""
    upload = fake_discord.make_attachment(filename, data)
    message = await kb_reply(fake_discord, "import", {"file": upload}, **moderator(fake_discord))
    assert message["flags"] & EPHEMERAL
    assert message["content"].startswith("Nothing was changed")
    assert problem in message["content"]
    assert community_files(settings) == []


@pytest.mark.parametrize("claimed", [None, 10], ids=["honest-size", "understated-size"])
async def test_oversized_import_is_refused(
    fake_discord: FakeDiscord, bot: CampaignBot, settings: Settings, claimed: int | None
) -> None:
    """Past import_max_bytes a file is refused: unread when its size says so, else after."""
    bot.settings = dataclasses.replace(bot.settings, import_max_bytes=100)
    upload = fake_discord.make_attachment("big.yaml", b"#" * 500)
    if claimed is not None:
        upload["size"] = claimed
    message = await kb_reply(fake_discord, "import", {"file": upload}, **moderator(fake_discord))
    assert "500 bytes; the limit is 100" in message["content"]
    downloads = [r for r in fake_discord.requests if r.route == "attachment"]
    assert len(downloads) == (0 if claimed is None else 1)
    assert community_files(settings) == []


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
async def test_export_reimports_as_nothing_to_change(
    fake_discord: FakeDiscord, bot: CampaignBot, fmt: str
) -> None:
    """The export is an attachment; importing it back into the same server changes nothing."""
    mod = moderator(fake_discord)
    guild = default_guild(fake_discord)
    await add_quote(fake_discord, mod, occasion="Press briefing")
    payload = fake_discord.make_slash_interaction("kb", {"format": fmt}, subcommand="export", **mod)
    message, request = await answer_of(fake_discord, payload)
    assert message["flags"] & EPHEMERAL and "1 entry of this server" in message["content"]
    [upload] = request.files
    assert upload.filename == f"kb-{guild}-server.{fmt}"
    assert b"Zanzibar accountability now" in upload.data

    again = fake_discord.make_attachment(upload.filename, upload.data)
    reply = await kb_reply(fake_discord, "import", {"file": again}, **mod)
    assert reply["content"].startswith("Nothing to change: the 1 entries")
    assert len(history(bot, guild)) == 1  # the quote with its source, nothing since


async def test_signatory_with_unknown_organization_creates_it_after_confirm(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """An unknown organization is offered for creation; confirmed, org and signatory exist."""
    mod = moderator(fake_discord)
    guild = default_guild(fake_discord)
    options = {"letter": "2018", "organization": "Zanzibar Rights Forum", "source": SOURCE}
    question = await reply_message(fake_discord, "add-signatory", options, **mod)
    assert (
        "No organization in the knowledge base matches “Zanzibar Rights Forum”"
        in (question["content"])
    )
    label = "Create organization Zanzibar Rights Forum and add it"
    assert set(buttons(question)) == {label, "Cancel"}

    done = await click(fake_discord, question, label, **mod)
    assert "Added organization “Zanzibar Rights Forum”" in done["content"]
    assert "Added signatory" in done["content"]
    kinds = sorted(kind for _, kind, _ in Moderation(bot.engine).entries(guild))
    assert kinds == ["organization", "signatory"]
    payload = fake_discord.make_slash_interaction("signatories", {"letter": "2018"})
    message, _ = await answer_of(fake_discord, payload)
    assert "Zanzibar Rights Forum" in "\n".join(embed_text(e) for e in message["embeds"])


async def test_signatory_with_unknown_organization_cancelled_changes_nothing(
    fake_discord: FakeDiscord, bot: CampaignBot, settings: Settings
) -> None:
    """Cancel on the create-organization question writes nothing."""
    mod = moderator(fake_discord)
    options = {"letter": "2018", "organization": "Zanzibar Rights Forum", "source": SOURCE}
    question = await reply_message(fake_discord, "add-signatory", options, **mod)
    done = await click(fake_discord, question, "Cancel", **mod)
    assert done["content"] == "Cancelled: nothing was changed." and done["components"] == []
    assert community_files(settings) == []


async def test_invalid_form_lists_every_problem_and_writes_nothing(
    fake_discord: FakeDiscord, bot: CampaignBot, settings: Settings
) -> None:
    """A bad date, a missing source and a too-long text are all reported at once."""
    mod = moderator(fake_discord)
    modal = await open_form(fake_discord, "add-quote", {"person": "Kim Jong Un"}, **mod)
    reply = await submit(
        fake_discord, modal, {"text": "x" * 2001, "date": "13/45/2019", "source": ""}, **mod
    )
    assert reply["flags"] & EPHEMERAL
    content = reply["content"]
    assert content.startswith("Nothing was changed — 3 problems to fix:")
    assert "2001 characters; at most 2000" in content
    assert "Date “13/45/2019”" in content
    assert "Source: required." in content
    assert community_files(settings) == []
    assert history(bot, default_guild(fake_discord)) == []


async def test_rejected_form_reopens_with_what_was_typed(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """ "Fix and resubmit" reopens the form holding the rejected values, so nothing is lost."""
    mod = moderator(fake_discord)
    modal = await open_form(fake_discord, "add-quote", {"person": "Kim Jong Un"}, **mod)
    payload = fake_discord.make_modal_submit_interaction(
        modal["custom_id"],
        {"text": QUOTE_TEXT, "date": "someday", "occasion": "", "source": SOURCE},
        **mod,
    )
    await answer_of(fake_discord, payload)
    rejected = fake_discord.original_message(payload["id"])
    assert rejected is not None

    button = buttons(rejected)["Fix and resubmit"]
    press = fake_discord.make_component_interaction(button["custom_id"], rejected, **mod)
    callback = await fake_discord.run_interaction(press)
    assert callback.json["type"] == CallbackType.MODAL
    again = form_inputs(callback.json["data"])
    assert again["text"]["value"] == QUOTE_TEXT and again["date"]["value"] == "someday"
    reply = await submit(fake_discord, callback.json["data"], {"date": "2019"}, **mod)
    assert reply["content"].startswith("Added quote")


async def test_concurrent_adds_all_land(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """Ten moderators submitting add-demand forms at once: all ten demands are saved."""
    guild = default_guild(fake_discord)
    mods = [moderator(fake_discord, f"mod{i}") for i in range(10)]
    modals = [
        await open_form(fake_discord, "add-demand", {"letter": "2018"}, **mod) for mod in mods
    ]
    replies = await asyncio.gather(
        *(
            submit(
                fake_discord,
                modal,
                {"text": f"Zanzibar demand number {i}.", "source": SOURCE},
                **mod,
            )
            for i, (modal, mod) in enumerate(zip(modals, mods, strict=True))
        )
    )
    assert all(r["content"].startswith("Added demand") for r in replies)
    kinds = [kind for _, kind, _ in Moderation(bot.engine).entries(guild)]
    assert kinds == ["demand"] * 10
    assert len([c for c in history(bot, guild) if c.kind == "demand"]) == 10


async def test_other_server_cannot_see_edit_remove_or_undo(
    fake_discord: FakeDiscord, bot: CampaignBot, other_guild: FakeGuild
) -> None:
    """Another server's moderators get no completion and "no entry"/"no change" answers."""
    await add_quote(fake_discord, moderator(fake_discord))
    [(entry_id, _, _)] = Moderation(bot.engine).entries(default_guild(fake_discord))
    change = history(bot, default_guild(fake_discord))[0].id
    outsider = {**moderator(fake_discord, "outsider"), "guild_id": other_guild.id}

    payload = fake_discord.make_autocomplete_interaction(
        "kb", {"entry": ""}, focused="entry", subcommand="edit", **outsider
    )
    callback = await fake_discord.run_interaction(payload)
    assert callback.json["data"]["choices"] == []
    for sub in ("edit", "remove"):
        unknown = await kb_reply(fake_discord, sub, {"entry": entry_id + "x"}, **outsider)
        theirs = await kb_reply(fake_discord, sub, {"entry": entry_id}, **outsider)
        assert theirs["content"] == unknown["content"].replace(entry_id + "x", entry_id)
        assert "This server has no entry" in theirs["content"]
    reply = await kb_reply(fake_discord, "undo", {"change": change}, **outsider)
    assert f"This server has no change #{change}." in reply["content"]
    assert len(Moderation(bot.engine).entries(default_guild(fake_discord))) == 1


async def test_history_lists_changes_with_undone_marks(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """/kb history shows who did what, before → after, and which change undid which."""
    mod = moderator(fake_discord)
    await add_quote(fake_discord, mod)
    quote = history(bot, default_guild(fake_discord))[0].id
    await kb_reply(fake_discord, "undo", {"change": quote}, **mod)
    undo = history(bot, default_guild(fake_discord))[0].id

    message = await kb_reply(fake_discord, "history", {}, **mod)
    [embed] = message["embeds"]
    lines = [line for line in embed["description"].splitlines() if line.startswith("**#")]
    details = embed["description"]
    assert "removed: speaker “kim-jong-un”" in details  # the undo, field by field
    assert "created: speaker “kim-jong-un”, text “Zanzibar" in details  # the add
    assert lines[0].startswith(f"**#{undo}**") and f"(undoes #{quote})" in lines[0]
    assert f"undone~~ by #{undo}" in lines[1] and "mod — Added quote" in lines[1]
    assert len(lines) == 2 and "(and its source)" in lines[1]  # one change, not two


async def test_unknown_person_is_reported_before_the_form_opens(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """A person nobody knows is refused at once, so no text is typed in vain."""
    message = await kb_reply(
        fake_discord, "add-quote", {"person": "Zzyzx Qwv"}, **moderator(fake_discord)
    )
    assert message["flags"] & EPHEMERAL
    assert "No person matches “Zzyzx Qwv”" in message["content"]


@pytest.mark.parametrize(
    ("options", "fields"),
    [
        pytest.param({}, {"title", "date", "recipient", "summary", "source"}, id="no-recipient"),
        pytest.param(
            {"recipient": "Kim Jong Un"},
            {"title", "date", "summary", "source"},
            id="recipient-given",
        ),
    ],
)
async def test_add_letter_asks_the_recipient_only_when_not_given(
    fake_discord: FakeDiscord, bot: CampaignBot, options: JSON, fields: set[str]
) -> None:
    """The letter form asks what the options left out, and the letter is then listed."""
    mod = moderator(fake_discord)
    modal = await open_form(fake_discord, "add-letter", options, **mod)
    assert set(form_inputs(modal)) == fields
    assert form_inputs(modal)["summary"]["style"] == 2  # a paragraph input for long text
    reply = await submit(
        fake_discord,
        modal,
        {
            "title": "Zanzibar joint letter",
            "date": "2024-05-01",
            "recipient": "Kim Jong Un",
            "summary": "Coalition asks for access.",
            "source": SOURCE,
        },
        **mod,
    )
    assert reply["content"].startswith("Added letter “Zanzibar joint letter”")
    payload = fake_discord.make_slash_interaction("letters", {"year": 2024})
    message, _ = await answer_of(fake_discord, payload)
    assert "Zanzibar joint letter" in embed_text(message["embeds"][0])


async def test_list_shows_the_servers_entries_with_ids(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """/kb list names each of the server's own entries with its id."""
    mod = moderator(fake_discord)
    assert "no entries of its own" in (await kb_reply(fake_discord, "list", {}, **mod))["content"]
    await add_quote(fake_discord, mod)
    [(entry_id, _, _)] = Moderation(bot.engine).entries(default_guild(fake_discord))
    [embed] = (await kb_reply(fake_discord, "list", {}, **mod))["embeds"]
    assert embed["title"] == "This server's entries (1) and sources (1)"
    assert f"`{entry_id}`" in embed["description"] and "**source**" in embed["description"]


def change_lines(description: str) -> list[str]:
    """The history's change headlines (each may be followed by its field changes)."""
    return [line for line in description.splitlines() if line.startswith("**#")]


async def test_long_history_is_paginated(fake_discord: FakeDiscord, bot: CampaignBot) -> None:
    """More changes than a page holds come as pages with buttons, each saying which it is."""
    mod = moderator(fake_discord)
    for i in range(13):  # thirteen changes (an import would be one)
        Moderation(bot.engine).add(
            default_guild(fake_discord),
            Actor(1, "mod"),
            "demand",
            {"letter": "2018", "text": f"Zanzibar demand {i}.", "source": SOURCE},
        )

    message = await reply_message(fake_discord, "history", {}, **mod)
    [embed] = message["embeds"]
    assert embed["title"] == "Changes (13)" and embed["footer"]["text"] == "Page 1/2"
    assert len(change_lines(embed["description"])) == 10
    second = await click(fake_discord, message, "›", **mod)
    assert second["embeds"][0]["footer"]["text"] == "Page 2/2"
    assert len(change_lines(second["embeds"][0]["description"])) == 3


async def test_slow_changes_are_acknowledged_then_confirmed(
    fake_discord: FakeDiscord, bot: CampaignBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the core is slow, a form submission and a confirm press are deferred first."""
    monkeypatch.setattr(kb_steps, "DEFER_AFTER", 0.0)
    mod = moderator(fake_discord)
    modal = await open_form(fake_discord, "add-quote", {"person": "Kim Jong Un"}, **mod)
    payload = fake_discord.make_modal_submit_interaction(
        modal["custom_id"],
        {"text": QUOTE_TEXT, "date": "", "occasion": "", "source": SOURCE},
        **mod,
    )
    callback = await fake_discord.run_interaction(payload)
    assert callback.json["type"] == CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    assert callback.json["data"]["flags"] == EPHEMERAL
    followup = await fake_discord.wait_for_request(
        lambda r: r.interaction_id == int(payload["id"]) and r.route == "execute_webhook"
    )
    assert followup.json["content"].startswith("Added quote")

    [(entry_id, _, _)] = Moderation(bot.engine).entries(default_guild(fake_discord))
    question = await reply_message(fake_discord, "remove", {"entry": entry_id}, **mod)
    press = fake_discord.make_component_interaction(
        buttons(question)["Remove"]["custom_id"], question, **mod
    )
    callback = await fake_discord.run_interaction(press)
    assert callback.json["type"] == CallbackType.DEFERRED_UPDATE_MESSAGE
    edit = await fake_discord.wait_for_request(
        lambda r: r.interaction_id == int(press["id"]) and r.route == "edit_webhook_message"
    )
    assert edit.json["content"].startswith("Removed quote") and edit.json["components"] == []


async def test_a_second_press_does_not_apply_twice(
    fake_discord: FakeDiscord, bot: CampaignBot
) -> None:
    """Pressing Apply again (a stale copy of the message) is told the choice was made."""
    mod = moderator(fake_discord)
    guild = default_guild(fake_discord)
    upload = fake_discord.make_attachment("entries.yaml", IMPORT_YAML)
    preview = await reply_message(fake_discord, "import", {"file": upload}, **mod)
    stale = dict(preview)
    await click(fake_discord, preview, "Apply 1 change", **mod)
    again = await click(fake_discord, stale, "Apply 1 change", **mod)
    assert again["flags"] & EPHEMERAL and again["content"] == "That was already decided."
    assert len(history(bot, guild)) == 1  # one quote with its source, applied once


async def test_unanswered_confirmation_switches_off(
    fake_discord: FakeDiscord, bot: CampaignBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Confirm buttons nobody presses are disabled at the timeout; nothing is written."""
    monkeypatch.setattr(moderation_views, "VIEW_TIMEOUT", 0.2)
    upload = fake_discord.make_attachment("entries.yaml", IMPORT_YAML)
    payload = fake_discord.make_slash_interaction(
        "kb", {"file": upload}, subcommand="import", **moderator(fake_discord)
    )
    await answer_of(fake_discord, payload)
    edit = await fake_discord.wait_for_request(
        lambda r: r.interaction_id == int(payload["id"]) and r.route == "edit_webhook_message"
    )
    assert all(button["disabled"] for button in buttons(edit.json).values())
    assert community_files(settings) == []


async def test_each_kb_command_is_logged_once_with_its_outcome(
    fake_discord: FakeDiscord, bot: CampaignBot, settings: Settings
) -> None:
    """A flow (command, form, button) is one usage row: answered, refused or invalid."""
    mod = moderator(fake_discord)
    await add_quote(fake_discord, mod)
    await kb_reply(fake_discord, "history", {})
    await kb_reply(fake_discord, "undo", {"change": 99}, **mod)
    await bot.close()
    rows = [(r["command"], r["outcome"]) for r in usage_rows(settings)]
    assert rows == [("kb add-quote", "answered"), ("kb history", "refused"), ("kb undo", "invalid")]
