"""Helpers shared by the end-to-end tests of the bot: reading what it sent, checking limits."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from typing import Any

import yarl

from bot.config import Settings
from bot.core.answers.answer import Answer
from tests.e2e.fake_discord import CallbackType, FakeDiscord, RecordedRequest

JSON = dict[str, Any]

#: `campaign-bot run` in a new interpreter with both of discord.py's addresses patched, as
#: FakeDiscord.apply_patches does in-process: argv[1] is the API base, argv[2] the gateway.
_RUN_AGAINST = """
import sys
import discord.gateway
import discord.http
import yarl
discord.http.Route.BASE = sys.argv[1]
discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(sys.argv[2])
from bot.cli.main import main
raise SystemExit(main(["run"]))
"""

EPHEMERAL = 64
#: Discord's embed limits, checked on every embed the bot sends.
LIMITS = {
    "title": 256,
    "description": 4096,
    "fields": 25,
    "field_name": 256,
    "field_value": 1024,
    "footer": 2048,
    "author": 256,
    "total": 6000,
}


def run_bot_argv(api_base: str, gateway: str | yarl.URL) -> list[str]:
    """The argv of `campaign-bot run` in a subprocess that talks to these addresses only.

    The gateway is patched too: a shard that cannot resume reconnects to the default
    gateway, which would otherwise be the real Discord (a DNS lookup that may hang).
    """
    return [sys.executable, "-c", _RUN_AGAINST, api_base, str(gateway)]


def check_embed(embed: JSON) -> None:
    """Assert one embed is inside every Discord limit."""
    title = embed.get("title") or ""
    description = embed.get("description") or ""
    fields = embed.get("fields") or []
    footer = (embed.get("footer") or {}).get("text") or ""
    author = (embed.get("author") or {}).get("name") or ""
    assert len(title) <= LIMITS["title"], f"title of {len(title)}"
    assert len(description) <= LIMITS["description"], f"description of {len(description)}"
    assert len(fields) <= LIMITS["fields"], f"{len(fields)} fields"
    for field in fields:
        assert 0 < len(field["name"]) <= LIMITS["field_name"], field["name"][:60]
        assert 0 < len(field["value"]) <= LIMITS["field_value"], field["name"]
    assert len(footer) <= LIMITS["footer"]
    assert len(author) <= LIMITS["author"]
    total = (
        len(title)
        + len(description)
        + len(footer)
        + len(author)
        + sum(len(f["name"]) + len(f["value"]) for f in fields)
    )
    assert total <= LIMITS["total"], f"embed of {total} characters"


def check_message(body: JSON) -> None:
    """Assert a message body pings nobody and every embed in it fits Discord's limits."""
    assert body.get("allowed_mentions", {}).get("parse") == [], body.get("allowed_mentions")
    for key in ("users", "roles"):
        assert not body["allowed_mentions"].get(key)
    for embed in body.get("embeds") or []:
        check_embed(embed)


def sent_messages(fake: FakeDiscord) -> list[JSON]:
    """Every message body the bot sent: replies, page updates, follow-ups and edits."""
    bodies = []
    for request in fake.requests:
        if request.route == "interaction_callback" and request.json["type"] in (
            CallbackType.CHANNEL_MESSAGE_WITH_SOURCE,
            CallbackType.UPDATE_MESSAGE,
        ):
            bodies.append(request.json["data"])
        elif request.route in {
            "execute_webhook",
            "edit_webhook_message",
            "create_message",
            "edit_message",
        }:
            bodies.append(request.json)
    return bodies


def embed_text(embed: JSON) -> str:
    """Title, description, fields and footer of an embed as one string."""
    parts = [embed.get("title") or "", embed.get("description") or ""]
    parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields") or []]
    parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(parts)


def field(embed: JSON, name: str) -> str | None:
    """The value of the first field called `name`, or None."""
    return next((f["value"] for f in embed.get("fields") or [] if f["name"] == name), None)


def buttons(message: JSON) -> dict[str, JSON]:
    """The message's buttons by label."""
    return {
        button.get("label") or "": button
        for row in message.get("components") or []
        for button in row["components"]
    }


async def answer_of(
    fake: FakeDiscord,
    payload: JSON,
    timeout: float = 5.0,  # noqa: ASYNC109
) -> tuple[JSON, RecordedRequest]:
    """Dispatch an interaction; return the message that answers it and the request that sent it.

    An immediate reply is the callback itself; a deferred one is the first follow-up.
    """
    callback = await fake.run_interaction(payload, timeout)
    assert callback.status == 200, callback.response
    if callback.json["type"] != CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE:
        return callback.json["data"], callback
    followup = await fake.wait_for_request(
        lambda r: r.interaction_id == int(payload["id"]) and r.route == "execute_webhook", timeout
    )
    assert followup.status == 200, followup.response
    return followup.json, followup


async def run_command(
    fake: FakeDiscord, name: str, options: JSON | None = None, **context: Any
) -> JSON:
    """Run a slash command and return the one embed of its answer."""
    message, _ = await answer_of(fake, fake.make_slash_interaction(name, options, **context))
    [embed] = message["embeds"]
    return embed


def usage_rows(settings: Settings) -> list[sqlite3.Row]:
    """Every usage row the bot wrote, oldest first (read after the bot closed)."""
    with sqlite3.connect(settings.usage_db) as db:
        db.row_factory = sqlite3.Row
        return db.execute("SELECT * FROM usage ORDER BY id").fetchall()


def vote_rows(settings: Settings) -> list[sqlite3.Row]:
    """Every feedback vote the bot wrote."""
    with sqlite3.connect(settings.usage_db) as db:
        db.row_factory = sqlite3.Row
        return db.execute("SELECT * FROM votes").fetchall()


def fail_with(exception: Exception) -> Callable[..., Answer]:
    """An answer function that raises `exception`."""

    def answer(*args: object, **kwargs: object) -> Answer:
        raise exception

    return answer


def fixed(answer: Answer) -> Callable[..., Answer]:
    """An answer function that always returns `answer`."""

    def function(*args: object, **kwargs: object) -> Answer:
        return answer

    return function


def percentile(values: list[float], fraction: float) -> float:
    """The value at `fraction` of the sorted list (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# -- Connect and sync ----------------------------------------------------------------------
