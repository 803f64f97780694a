"""A local fake of Discord (REST API v10 + JSON gateway) for end-to-end tests.

The fake is an :mod:`aiohttp` web server bound to ``127.0.0.1`` on a random free port.  An
*unmodified* discord.py 2.x client talks to it once two class attributes are patched:

* ``discord.http.Route.BASE`` -> :attr:`FakeDiscord.api_base` (every REST call, including the
  interaction webhooks, is built from it), and
* ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY`` -> :attr:`FakeDiscord.gateway_url`
  (a plain :class:`discord.Client` connects there; an :class:`discord.AutoShardedClient` asks
  ``GET /gateway/bot`` for the URL and the shard count instead).

:meth:`FakeDiscord.apply_patches` does both with a ``pytest.MonkeyPatch``;
:func:`patch_discord` and :func:`running_fake_discord` do it without pytest.

What is faked
-------------
Gateway (``/gateway``; ``resume_gateway_url`` points at ``/gateway/resume``):
    HELLO, heartbeat ACK, IDENTIFY -> READY + one GUILD_CREATE per guild of that shard,
    RESUME -> replay of missed dispatches + RESUMED (unknown session -> INVALID_SESSION),
    sequence numbers, ``shard: [id, count]``, GUILD_MEMBERS_CHUNK for op 8, transport
    compression ``zlib-stream`` (zlib with ``Z_SYNC_FLUSH`` after every frame) and ``zstd-stream``
    (one flushed block per frame; only when a zstd implementation is importable, which is exactly
    when discord.py asks for it).  A bad token in IDENTIFY/RESUME closes with 4004.

REST (under ``/api/v{n}``):
    users/@me, users/{id}, (oauth2/)applications/@me, gateway, gateway/bot, global and guild
    application commands (bulk overwrite, list, create, get, edit, delete; ids are generated
    and kept stable per name), interaction callbacks (types 1, 4, 5, 6, 7, 8, 9, 12, honouring
    ``?with_response=1`` which discord.py >= 2.5 always sends), the interaction webhooks
    (``@original`` and follow-up messages: get/edit/delete/execute), and a few channel routes
    (get channel, create/get/edit/delete message, typing).  JSON and ``multipart/form-data``
    (``payload_json`` + ``files[n]``) bodies are accepted; uploaded files become attachments
    served back from ``/attachments/...``.  ``Authorization: Bot <token>`` is checked (401 for
    any other token).  Unknown routes are recorded and answered with a Discord-style 404.
    Message and command bodies are validated against Discord's main limits (2000-character
    content, 10 embeds, 6000 embed characters, 25 choices, name rules, ...) and rejected with
    the usual ``50035 Invalid Form Body`` errors so that tests notice what Discord would refuse.

Driving a test
--------------
::

    payload = fake.make_slash_interaction("ping", {"text": "hi"})
    reply = await fake.run_interaction(payload)      # dispatch + wait for the callback
    assert reply.json["type"] == 4
    assert reply.json["data"]["content"] == "pong: hi"
    # Later steps of the same interaction (follow-ups, edits of @original):
    fake.interaction_responses(payload["id"])        # every recorded request of that interaction
    fake.original_message(payload["id"])             # current state of the original response

Everything that reaches the fake is recorded in :attr:`FakeDiscord.requests`
(:class:`RecordedRequest`) and every gateway frame in :attr:`FakeDiscord.gateway_log`.

Behaviour worth knowing
-----------------------
* Like Discord, the first follow-up after a DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE (type 5)
  replaces the "thinking" message (same id, ephemeral as chosen at defer time); later
  follow-ups are new messages.  After DEFERRED_UPDATE_MESSAGE / UPDATE_MESSAGE (6/7),
  ``@original`` is the message the component is on.
* A callback answers ``{"interaction": {...}, "resource": {"type", "message"}}`` only with
  ``?with_response=1`` (else 204); discord.py takes ``response_message_id`` from it to attach
  views, so component tests need it.
* Without the privileged GUILD_MEMBERS intent GUILD_CREATE carries only the bot's own member.
* Dispatches sent while a shard is disconnected are kept (last 2000) and replayed on RESUME.
* Internal errors of the fake are answered with 400 (discord.py retries 5xx with long sleeps)
  and collected in :attr:`FakeDiscord.internal_errors`.

Client tips: pass ``guild_ready_timeout=0.05`` (``on_ready`` otherwise waits 2 s after the last
GUILD_CREATE), and neutralise ``before_identify_hook`` (it sleeps 5 s before every IDENTIFY but
the first, e.g. for shard 1) -- the ``start_client`` fixture in ``conftest.py`` does the latter.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import datetime as dt
import itertools
import json
import logging
import mimetypes
import re
import socket
import time
import traceback
import zlib
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import quote

import yarl
from aiohttp import BodyPartReader, WSMsgType, web

__all__ = [
    "ALL_PERMISSIONS",
    "DEFAULT_APP_PERMISSIONS",
    "DEFAULT_MEMBER_PERMISSIONS",
    "DEFAULT_TOKEN",
    "CallbackType",
    "DiscordHTTPError",
    "FakeDiscord",
    "FakeGuild",
    "GatewayFrame",
    "GatewaySession",
    "InteractionRecord",
    "InteractionType",
    "RecordedFile",
    "RecordedRequest",
    "patch_discord",
    "running_fake_discord",
]

log = logging.getLogger(__name__)

JSON = dict[str, Any]
"""A JSON object as sent over the wire."""

DEFAULT_TOKEN = "fake-discord-bot-token"  # noqa: S105
"""The bot token the fake accepts unless another one is configured."""

DISCORD_EPOCH_MS = 1420070400000
API_VERSION = 10
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024

# -- permission bits (https://discord.com/developers/docs/topics/permissions) -------------------
_P_CREATE_INSTANT_INVITE = 1 << 0
_P_ADMINISTRATOR = 1 << 3
_P_ADD_REACTIONS = 1 << 6
_P_VIEW_CHANNEL = 1 << 10
_P_SEND_MESSAGES = 1 << 11
_P_MANAGE_MESSAGES = 1 << 13
_P_EMBED_LINKS = 1 << 14
_P_ATTACH_FILES = 1 << 15
_P_READ_MESSAGE_HISTORY = 1 << 16
_P_USE_EXTERNAL_EMOJIS = 1 << 18
_P_CONNECT = 1 << 20
_P_SPEAK = 1 << 21
_P_CHANGE_NICKNAME = 1 << 26
_P_USE_APPLICATION_COMMANDS = 1 << 31
_P_CREATE_PUBLIC_THREADS = 1 << 35
_P_SEND_MESSAGES_IN_THREADS = 1 << 38
_P_MODERATE_MEMBERS = 1 << 40

ALL_PERMISSIONS = (1 << 53) - 1
"""Every permission bit; what owners and administrators get."""

DEFAULT_MEMBER_PERMISSIONS = (
    _P_CREATE_INSTANT_INVITE
    | _P_ADD_REACTIONS
    | _P_VIEW_CHANNEL
    | _P_SEND_MESSAGES
    | _P_EMBED_LINKS
    | _P_ATTACH_FILES
    | _P_READ_MESSAGE_HISTORY
    | _P_USE_EXTERNAL_EMOJIS
    | _P_CONNECT
    | _P_SPEAK
    | _P_CHANGE_NICKNAME
    | _P_USE_APPLICATION_COMMANDS
    | _P_CREATE_PUBLIC_THREADS
    | _P_SEND_MESSAGES_IN_THREADS
)
"""The ``@everyone`` permissions of a fresh guild: what a plain member has."""

DEFAULT_APP_PERMISSIONS = DEFAULT_MEMBER_PERMISSIONS
"""``app_permissions`` sent with interactions unless a test overrides it."""

_MODERATOR_PERMISSIONS = DEFAULT_MEMBER_PERMISSIONS | _P_MANAGE_MESSAGES | _P_MODERATE_MEMBERS

# -- message flags ---------------------------------------------------------------------------
_F_SUPPRESS_EMBEDS = 1 << 2
_F_EPHEMERAL = 1 << 6
_F_LOADING = 1 << 7
_F_SUPPRESS_NOTIFICATIONS = 1 << 12
_F_IS_COMPONENTS_V2 = 1 << 15
_SETTABLE_FLAGS = _F_SUPPRESS_EMBEDS | _F_SUPPRESS_NOTIFICATIONS | _F_IS_COMPONENTS_V2

# -- gateway opcodes -------------------------------------------------------------------------
_OP_DISPATCH = 0
_OP_HEARTBEAT = 1
_OP_IDENTIFY = 2
_OP_PRESENCE_UPDATE = 3
_OP_VOICE_STATE_UPDATE = 4
_OP_RESUME = 6
_OP_RECONNECT = 7
_OP_REQUEST_GUILD_MEMBERS = 8
_OP_INVALID_SESSION = 9
_OP_HELLO = 10
_OP_HEARTBEAT_ACK = 11

_INTENT_GUILD_MEMBERS = 1 << 1

_BACKLOG_LIMIT = 2000
_API_PREFIX = re.compile(r"^/api/v(\d+)(/.*)?$")
_FILES_FIELD = re.compile(r"^files\[(\d+)\]$")
_COMMAND_NAME = re.compile(r"^[-_'\w]{1,32}$")


class InteractionType:
    """Interaction types (``type`` of an INTERACTION_CREATE payload)."""

    PING = 1
    APPLICATION_COMMAND = 2
    MESSAGE_COMPONENT = 3
    APPLICATION_COMMAND_AUTOCOMPLETE = 4
    MODAL_SUBMIT = 5


class CallbackType:
    """Interaction callback types (``type`` of ``POST /interactions/{id}/{token}/callback``)."""

    PONG = 1
    CHANNEL_MESSAGE_WITH_SOURCE = 4
    DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5
    DEFERRED_UPDATE_MESSAGE = 6
    UPDATE_MESSAGE = 7
    APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = 8
    MODAL = 9
    PREMIUM_REQUIRED = 10
    LAUNCH_ACTIVITY = 12


_ALLOWED_CALLBACKS: dict[int, frozenset[int]] = {
    InteractionType.PING: frozenset({CallbackType.PONG}),
    InteractionType.APPLICATION_COMMAND: frozenset({4, 5, 9, 10, 12}),
    InteractionType.MESSAGE_COMPONENT: frozenset({4, 5, 6, 7, 9, 10, 12}),
    InteractionType.APPLICATION_COMMAND_AUTOCOMPLETE: frozenset({8}),
    InteractionType.MODAL_SUBMIT: frozenset({4, 5, 6, 7, 10}),
}


# =============================================================================================
# Records
# =============================================================================================


@dataclass
class RecordedFile:
    """A file uploaded in a ``multipart/form-data`` request."""

    field_name: str
    """The form field, e.g. ``files[0]``."""
    filename: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        """Length of :attr:`data` in bytes."""
        return len(self.data)


@dataclass
class RecordedRequest:
    """One HTTP request the fake received (REST, gateway upgrade or attachment download).

    Requests are appended to :attr:`FakeDiscord.requests` once they have been answered, so
    :attr:`status` and :attr:`response` are always filled in; :attr:`received_at` is the time the
    request arrived.
    """

    index: int
    """Position in arrival order (0-based, unique per fake)."""
    method: str
    path: str
    """Path relative to the API base (``/users/@me``); the raw path for non-API requests."""
    raw_path: str
    """The path as requested, e.g. ``/api/v10/users/@me``."""
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    """Parsed JSON body; for multipart requests the parsed ``payload_json`` field."""
    files: list[RecordedFile]
    form: dict[str, str]
    """Other (non-file, non-``payload_json``) multipart fields."""
    body: bytes
    """The raw body for non-multipart requests."""
    received_at: float
    """``time.monotonic()`` when the request arrived."""
    received_wall: dt.datetime
    """Wall-clock (UTC) time when the request arrived."""
    api_version: int | None = None
    route: str | None = None
    """Name of the matched route (``interaction_callback``, ...); ``None`` for unknown routes."""
    params: dict[str, str] = field(default_factory=dict)
    """Path parameters of the matched route."""
    status: int = 0
    response: Any = None
    """The JSON the fake answered with (``None`` for empty bodies)."""
    completed_at: float = 0.0
    interaction_id: int | None = None
    """The interaction this request belongs to (callbacks and interaction webhooks)."""
    interaction_token: str | None = None

    @property
    def text(self) -> str:
        """The raw body decoded as UTF-8 (empty for multipart requests)."""
        return self.body.decode("utf-8", "replace")

    @property
    def duration(self) -> float:
        """Seconds the fake spent answering this request."""
        return self.completed_at - self.received_at

    def __repr__(self) -> str:
        return f"<RecordedRequest #{self.index} {self.method} {self.path} -> {self.status}>"


@dataclass
class GatewayFrame:
    """A gateway frame sent (``direction == "send"``) or received (``"recv"``) by the fake."""

    direction: str
    session_id: str | None
    shard_id: int | None
    op: int | None
    t: str | None
    s: int | None
    d: Any
    time: float


@dataclass
class InteractionRecord:
    """What the fake knows about an interaction it dispatched (or was told about)."""

    id: int
    token: str
    type: int
    payload: JSON
    responded: bool = False
    callback_type: int | None = None
    original_message_id: int | None = None
    followup_message_ids: list[int] = field(default_factory=list)
    autocomplete_choices: list[JSON] | None = None
    """Choices of an autocomplete result (callback type 8)."""
    modal: JSON | None = None
    """The modal sent with callback type 9."""


@dataclass
class FakeGuild:
    """A guild the fake sends to the client in GUILD_CREATE."""

    id: int
    name: str
    owner_id: int
    locale: str = "en-US"
    roles: list[JSON] = field(default_factory=list)
    channels: list[JSON] = field(default_factory=list)
    members: dict[int, JSON] = field(default_factory=dict)
    features: list[str] = field(default_factory=list)
    joined_at: str = ""

    @property
    def everyone_role_id(self) -> int:
        """The ``@everyone`` role, whose id is the guild id."""
        return self.id

    @property
    def text_channel_id(self) -> int:
        """The first text channel (``#general`` in the default guild)."""
        for channel in self.channels:
            if channel["type"] == 0:
                return int(channel["id"])
        raise LookupError(f"guild {self.id} has no text channel")

    def channel(self, channel_id: int) -> JSON | None:
        """Return the channel payload with this id, if the guild has it."""
        return next((c for c in self.channels if int(c["id"]) == int(channel_id)), None)

    def channel_named(self, name: str) -> JSON:
        """Return the channel payload with this name."""
        for channel in self.channels:
            if channel.get("name") == name:
                return channel
        raise LookupError(f"guild {self.id} has no channel {name!r}")

    def role(self, role_id: int) -> JSON | None:
        """Return the role payload with this id, if the guild has it."""
        return next((r for r in self.roles if int(r["id"]) == int(role_id)), None)

    def role_named(self, name: str) -> JSON:
        """Return the role payload with this name."""
        for role in self.roles:
            if role["name"] == name:
                return role
        raise LookupError(f"guild {self.id} has no role {name!r}")

    def member_permissions(self, user_id: int, roles: Iterable[int] | None = None) -> int:
        """Compute guild-level permissions of a member (owner and administrator get all)."""
        if int(user_id) == self.owner_id:
            return ALL_PERMISSIONS
        member = self.members.get(int(user_id))
        role_ids = [
            int(r) for r in (roles if roles is not None else (member or {}).get("roles", []))
        ]
        everyone = self.role(self.id)
        value = int(everyone["permissions"]) if everyone is not None else 0
        for role_id in role_ids:
            role = self.role(role_id)
            if role is not None:
                value |= int(role["permissions"])
        return ALL_PERMISSIONS if value & _P_ADMINISTRATOR else value

    def payload(self, *, member_ids: Iterable[int] | None = None) -> JSON:
        """The full GUILD_CREATE payload.

        Args:
            member_ids: Only include these members (Discord sends just the bot's own member
                unless the client has the privileged GUILD_MEMBERS intent); default all.
        """
        wanted = None if member_ids is None else {int(m) for m in member_ids}
        members = [m for uid, m in self.members.items() if wanted is None or uid in wanted]
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "icon_hash": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "region": None,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "widget_enabled": False,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": copy.deepcopy(self.roles),
            "emojis": [],
            "stickers": [],
            "features": list(self.features),
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": str(self.text_channel_id) if self.channels else None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "max_presences": None,
            "max_members": 500000,
            "max_video_channel_users": 25,
            "vanity_url_code": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": self.locale,
            "nsfw_level": 0,
            "nsfw": False,
            "premium_progress_bar_enabled": False,
            "incidents_data": None,
            "joined_at": self.joined_at,
            "large": False,
            "lazy": True,
            "unavailable": False,
            "member_count": len(self.members),
            "voice_states": [],
            "members": copy.deepcopy(members),
            "channels": copy.deepcopy(self.channels),
            "threads": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }


@dataclass
class GatewaySession:
    """A gateway session (one per IDENTIFY; survives RESUMEs)."""

    session_id: str
    shard_id: int
    shard_count: int
    identify: JSON
    seq: int = 0
    backlog: list[JSON] = field(default_factory=list)
    connection: _Connection | None = None
    live: bool = False
    """True once READY (or RESUMED) has been sent on the current connection."""
    resumes: int = 0
    heartbeats: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def intents(self) -> int | None:
        """The intents value the client identified with."""
        return self.identify.get("intents")


class DiscordHTTPError(Exception):
    """An error answer shaped like Discord's: ``{"message": ..., "code": ..., "errors": ...}``."""

    def __init__(self, status: int, code: int, message: str, errors: JSON | None = None) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> JSON:
        """The JSON error body."""
        body: JSON = {"message": self.message, "code": self.code}
        if self.errors:
            body["errors"] = self.errors
        return body


class _FormErrors:
    """Collects ``Invalid Form Body`` errors as Discord nests them."""

    def __init__(self, prefix: Sequence[str | int] = ()) -> None:
        self.tree: JSON = {}
        self.prefix = list(prefix)

    def add(self, path: Sequence[str | int], code: str, message: str) -> None:
        node = self.tree
        for part in [*self.prefix, *path]:
            node = node.setdefault(str(part), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def max_length(self, path: Sequence[str | int], value: Any, limit: int) -> None:
        if value is not None and len(value) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def raise_if_any(self) -> None:
        if self.tree:
            raise DiscordHTTPError(400, 50035, "Invalid Form Body", self.tree)


def _form_error(path: Sequence[str | int], code: str, message: str) -> DiscordHTTPError:
    """A single ``50035 Invalid Form Body`` error at ``path``."""
    errors = _FormErrors()
    errors.add(path, code, message)
    return DiscordHTTPError(400, 50035, "Invalid Form Body", errors.tree)


# =============================================================================================
# Gateway transport
# =============================================================================================


class _Compressor(Protocol):
    def compress(self, data: bytes) -> bytes: ...


class _ZlibStreamCompressor:
    """``compress=zlib-stream``: one zlib context per connection, Z_SYNC_FLUSH per frame."""

    def __init__(self) -> None:
        self._ctx = zlib.compressobj()

    def compress(self, data: bytes) -> bytes:
        return self._ctx.compress(data) + self._ctx.flush(zlib.Z_SYNC_FLUSH)


class _ZstdStreamCompressor:
    """``compress=zstd-stream``: one zstd stream per connection, a flushed block per frame."""

    def __init__(self) -> None:
        try:
            import zstandard
        except ImportError:
            from compression import zstd

            compressor = zstd.ZstdCompressor()
            mode = zstd.ZstdCompressor.FLUSH_BLOCK
            self._compress: Callable[[bytes], bytes] = lambda d: compressor.compress(d, mode)
        else:
            obj = zstandard.ZstdCompressor().compressobj()
            flush = zstandard.COMPRESSOBJ_FLUSH_BLOCK
            self._compress = lambda d: obj.compress(d) + obj.flush(flush)

    def compress(self, data: bytes) -> bytes:
        return self._compress(data)


class _Connection:
    """One websocket connection of a client to the fake gateway."""

    def __init__(
        self,
        fake: FakeDiscord,
        ws: web.WebSocketResponse,
        request: web.Request,
        compressor: _Compressor | None,
    ) -> None:
        self.fake = fake
        self.ws = ws
        self.transport = request.transport
        self.path = request.path
        self.compressor = compressor
        self.session: GatewaySession | None = None
        self.lock = asyncio.Lock()
        self.closed = False

    async def send(self, frame: JSON) -> None:
        """Encode (and compress) one frame and send it; silently drops it if the socket is gone."""
        data = json.dumps(frame, separators=(",", ":"), ensure_ascii=False)
        async with self.lock:
            if self.closed or self.ws.closed:
                return
            session = self.session
            self.fake._log_frame("send", session, frame)
            try:
                if self.compressor is None:
                    await self.ws.send_str(data)
                else:
                    await self.ws.send_bytes(self.compressor.compress(data.encode("utf-8")))
            except (ConnectionError, RuntimeError) as exc:
                log.debug("fake gateway: send failed (%s); connection is going away", exc)
                self.closed = True

    async def close(self, code: int, message: str = "") -> None:
        """Close the websocket with a close frame."""
        self.closed = True
        with contextlib.suppress(ConnectionError, RuntimeError):
            await self.ws.close(code=code, message=message.encode())

    def abort(self) -> None:
        """Kill the TCP connection without a close frame (an abnormal closure, 1006)."""
        self.closed = True
        if self.transport is not None:
            self.transport.abort()


# =============================================================================================
# Routing helpers
# =============================================================================================


@dataclass
class _Call:
    record: RecordedRequest
    params: dict[str, str]

    @property
    def body(self) -> JSON:
        """The JSON body as an object (empty when absent)."""
        return self.record.json if isinstance(self.record.json, dict) else {}


_AUTH_BOT = "bot"  # Authorization: Bot <token> required
_AUTH_NONE = "none"  # not required (checked when present)


@dataclass
class _Route:
    method: str
    pattern: re.Pattern[str]
    handler: Callable[[_Call], tuple[int, Any]]
    name: str
    auth: str = _AUTH_BOT


@dataclass
class _InjectedError:
    method: str
    path: re.Pattern[str]
    status: int
    body: Any
    times: int


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _perm_str(value: Any) -> str:
    """Permissions as Discord sends them: a decimal string (accepts int, str, Permissions)."""
    if value is None:
        return "0"
    if hasattr(value, "value"):
        value = value.value
    return str(int(value))


# =============================================================================================
# The fake
# =============================================================================================


class FakeDiscord:
    """A fake Discord REST API + gateway on loopback.

    Create it, :meth:`start` it, point discord.py at it (:meth:`apply_patches`), connect a client,
    then drive interactions with the ``make_*_interaction`` builders and
    :meth:`dispatch_interaction` / :meth:`run_interaction`, and inspect :attr:`requests`.

    Configuration attributes may be changed after construction and before the client connects:
    :attr:`token`, :attr:`shard_count` (what ``GET /gateway/bot`` reports),
    :attr:`heartbeat_interval_ms`, :attr:`validate` (Discord-like body validation).
    """

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        shard_count: int = 1,
        heartbeat_interval_ms: int = 41250,
        bot_name: str = "FakeBot",
        application_flags: int = 0,
        default_guild: bool = True,
        validate: bool = True,
        host: str = "127.0.0.1",
    ) -> None:
        """Configure the fake; nothing listens until :meth:`start`.

        Args:
            token: The only bot token accepted (REST ``Authorization`` and IDENTIFY).
            shard_count: Shard count reported by ``GET /gateway/bot``.
            heartbeat_interval_ms: Interval announced in HELLO.
            bot_name: Username of the bot user.
            application_flags: ``flags`` of the application (READY and application info).
            default_guild: Create "Fake Guild" (#general, roles, owner/bot/tester members).
            validate: Reject message/command bodies Discord would reject (``50035``).
            host: Interface to bind; keep the loopback default.
        """
        self.token = token
        self.shard_count = shard_count
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.application_flags = application_flags
        self.validate = validate
        self.host = host

        self._last_ms = 0
        self._increment = 0
        self._session_counter = itertools.count(1)

        self.users: dict[int, JSON] = {}
        """Every user the fake knows, by id."""
        self.application_id = self._snowflake()
        self.bot_user: JSON = self.make_user(bot_name, bot=True, user_id=self.application_id)
        """The bot's user (its id equals :attr:`application_id`)."""
        self.owner_user: JSON = self.make_user("fake-owner")
        """Owner of the application and of the default guild."""
        self.default_user: JSON = self.make_user("tester")
        """The user who invokes interactions unless a builder is given ``user=``."""

        self.guilds: dict[int, FakeGuild] = {}
        """Guilds sent in GUILD_CREATE, by id."""
        self.dm_channels: dict[int, JSON] = {}
        """DM channels between the bot and a user, by user id."""
        self.messages: dict[int, JSON] = {}
        """Every message the fake holds (interaction responses, follow-ups, channel messages)."""
        self.attachment_data: dict[int, RecordedFile] = {}
        """Bytes of uploaded / made attachments, by attachment id."""
        self.global_commands: dict[int, JSON] = {}
        """Global application commands, by id, in registration order."""
        self.guild_commands: dict[int, dict[int, JSON]] = {}
        """Guild application commands: guild id -> command id -> command."""
        self.interactions: dict[int, InteractionRecord] = {}
        """Interactions the fake dispatched, by id."""
        self._interactions_by_token: dict[str, InteractionRecord] = {}

        self.requests: list[RecordedRequest] = []
        """Every answered HTTP request, in completion order."""
        self.gateway_log: list[GatewayFrame] = []
        """Every gateway frame sent or received."""
        self.sessions: dict[str, GatewaySession] = {}
        """All gateway sessions ever identified, by session id."""
        self._sessions_by_shard: dict[int, GatewaySession] = {}
        self._connections: set[_Connection] = set()
        self.internal_errors: list[str] = []
        """Tracebacks of bugs in the fake itself (answered with 400); should stay empty."""

        self._request_counter = itertools.count()
        self._request_waiters: list[
            tuple[Callable[[RecordedRequest], bool], asyncio.Future[Any]]
        ] = []
        self._injected: list[_InjectedError] = []
        self._state_event: asyncio.Event | None = None
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._routes = self._build_routes()

        self.default_guild: FakeGuild | None = (
            self.add_guild("Fake Guild") if default_guild else None
        )
        """The guild created by default (``None`` when ``default_guild=False``)."""

    # ---------------------------------------------------------------------------------------
    # lifecycle
    # ---------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Start listening on a random free port of :attr:`host`."""
        if self._runner is not None:
            raise RuntimeError("FakeDiscord is already started")
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._handle_gateway)
        app.router.add_get("/gateway/resume", self._handle_gateway)
        app.router.add_get(
            "/attachments/{channel_id}/{attachment_id}/{filename}", self._handle_attachment
        )
        app.router.add_route("*", "/{tail:.*}", self._handle_http)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=2.0)
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, 0))
        self._port = sock.getsockname()[1]
        site = web.SockSite(runner, sock)
        await site.start()
        self._runner = runner
        self._state_event = asyncio.Event()
        log.debug("fake discord listening on %s", self.http_base)

    async def stop(self) -> None:
        """Close every gateway connection and stop the server."""
        for conn in list(self._connections):
            await conn.close(1001, "fake discord shutting down")
        for session in self.sessions.values():
            session.connection = None
            session.live = False
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        for _, future in self._request_waiters:
            if not future.done():
                future.cancel()
        self._request_waiters.clear()

    async def __aenter__(self) -> FakeDiscord:
        """Start the fake (it does not patch discord.py; see :func:`running_fake_discord`)."""
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        """Stop the fake."""
        await self.stop()

    @property
    def port(self) -> int:
        """The TCP port the fake listens on."""
        if self._port is None:
            raise RuntimeError("FakeDiscord is not started")
        return self._port

    @property
    def http_base(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://{self.host}:{self.port}"

    @property
    def api_base(self) -> str:
        """The value for ``discord.http.Route.BASE`` (``http://127.0.0.1:<port>/api/v10``)."""
        return f"{self.http_base}/api/v{API_VERSION}"

    @property
    def gateway_url(self) -> yarl.URL:
        """The value for ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``."""
        return yarl.URL(f"ws://{self.host}:{self.port}/gateway")

    @property
    def resume_gateway_url(self) -> str:
        """The ``resume_gateway_url`` sent in READY."""
        return f"ws://{self.host}:{self.port}/gateway/resume"

    def apply_patches(self, monkeypatch: Any) -> None:
        """Point discord.py at this fake using ``monkeypatch.setattr`` (undone by pytest).

        Any object with a ``setattr(target, name, value)`` method works.
        """
        import discord.gateway
        import discord.http

        monkeypatch.setattr(discord.http.Route, "BASE", self.api_base)
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", self.gateway_url)

    # ---------------------------------------------------------------------------------------
    # ids and world building
    # ---------------------------------------------------------------------------------------

    def _snowflake(self) -> int:
        """A new, unique snowflake with the current timestamp (strictly increasing)."""
        now = int(time.time() * 1000)
        if now > self._last_ms:
            self._last_ms, self._increment = now, 0
        else:
            self._increment += 1
            if self._increment >= 4096:
                self._last_ms, self._increment = self._last_ms + 1, 0
        return ((self._last_ms - DISCORD_EPOCH_MS) << 22) | (1 << 17) | self._increment

    def new_id(self) -> int:
        """Return a fresh snowflake (for ids a test makes up)."""
        return self._snowflake()

    def make_user(self, username: str, *, bot: bool = False, user_id: int | None = None) -> JSON:
        """Create (and remember) a user payload."""
        uid = user_id if user_id is not None else self._snowflake()
        user: JSON = {
            "id": str(uid),
            "username": username,
            "discriminator": "0",
            "global_name": None if bot else username.title(),
            "avatar": None,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
            "bot": bot,
            "system": False,
            "public_flags": 0,
            "flags": 0,
        }
        self.users[uid] = user
        return user

    def add_guild(
        self,
        name: str = "Fake Guild",
        *,
        shard_id: int | None = None,
        shard_count: int | None = None,
        locale: str = "en-US",
        members: Iterable[JSON] = (),
    ) -> FakeGuild:
        """Create a guild with #general, a category, roles and the owner, bot and tester.

        Args:
            name: Guild name.
            shard_id: Pick an id that lands on this shard (``(id >> 22) % shard_count``).
            shard_count: Shard count for ``shard_id`` (default: :attr:`shard_count`).
            locale: ``preferred_locale``; sent as ``guild_locale`` in interactions.
            members: Extra users (payloads from :meth:`make_user`) to add as plain members.
        """
        guild_id = self._snowflake()
        if shard_id is not None:
            count = shard_count or self.shard_count
            if not 0 <= shard_id < count:
                raise ValueError(f"shard_id {shard_id} out of range for {count} shards")
            while (guild_id >> 22) % count != shard_id:
                self._last_ms += 1  # move to the next millisecond: the shard bits change
                self._increment = -1
                guild_id = self._snowflake()
        guild = FakeGuild(
            id=guild_id,
            name=name,
            owner_id=int(self.owner_user["id"]),
            locale=locale,
            joined_at=_now_iso(),
        )
        guild.roles = [
            self._role_payload(guild_id, "@everyone", DEFAULT_MEMBER_PERMISSIONS, 0),
            self._role_payload(self._snowflake(), "Moderator", _MODERATOR_PERMISSIONS, 2),
            self._role_payload(self._snowflake(), "Member", DEFAULT_MEMBER_PERMISSIONS, 1),
            {
                **self._role_payload(
                    self._snowflake(), self.bot_user["username"], DEFAULT_APP_PERMISSIONS, 3
                ),
                "managed": True,
                "tags": {"bot_id": str(self.application_id)},
            },
        ]
        category_id = self._snowflake()
        guild.channels = [
            self._channel_payload(guild_id, category_id, "Text Channels", 4, 0, None),
            self._channel_payload(guild_id, self._snowflake(), "general", 0, 0, category_id),
            self._channel_payload(guild_id, self._snowflake(), "campaigns", 0, 1, category_id),
        ]
        self.guilds[guild_id] = guild
        self.add_member(guild, self.owner_user)
        self.add_member(guild, self.bot_user, roles=[int(guild.roles[3]["id"])])
        self.add_member(guild, self.default_user, roles=[int(guild.roles[2]["id"])])
        for user in members:
            self.add_member(guild, user)
        return guild

    def add_member(
        self,
        guild: FakeGuild | int,
        user: JSON,
        *,
        roles: Iterable[int] = (),
        nick: str | None = None,
    ) -> JSON:
        """Add ``user`` to ``guild`` (before the client connects) and return the member."""
        guild = self._guild(guild)
        self.users.setdefault(int(user["id"]), user)
        member: JSON = {
            "user": user,
            "nick": nick,
            "avatar": None,
            "banner": None,
            "roles": [str(r) for r in roles],
            "joined_at": _now_iso(),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        guild.members[int(user["id"])] = member
        return member

    def add_channel(
        self, guild: FakeGuild | int, name: str, *, type: int = 0, parent_id: int | None = None
    ) -> JSON:
        """Add a channel (default: text) to ``guild`` and return its payload."""
        guild = self._guild(guild)
        channel = self._channel_payload(
            guild.id, self._snowflake(), name, type, len(guild.channels), parent_id
        )
        guild.channels.append(channel)
        return channel

    def add_role(self, guild: FakeGuild | int, name: str, permissions: int = 0) -> JSON:
        """Add a role to ``guild`` and return its payload."""
        guild = self._guild(guild)
        role = self._role_payload(self._snowflake(), name, permissions, len(guild.roles))
        guild.roles.append(role)
        return role

    def dm_channel(self, user: JSON | None = None) -> JSON:
        """Return (creating it) the DM channel between the bot and ``user``."""
        user = user or self.default_user
        uid = int(user["id"])
        if uid not in self.dm_channels:
            self.dm_channels[uid] = {
                "id": str(self._snowflake()),
                "type": 1,
                "recipients": [user],
                "last_message_id": None,
                "flags": 0,
            }
        return self.dm_channels[uid]

    def make_attachment(
        self,
        filename: str,
        data: bytes,
        *,
        content_type: str | None = None,
        channel_id: int | None = None,
    ) -> JSON:
        """Create an attachment served by the fake (for attachment options and messages)."""
        rec = RecordedFile(
            field_name="",
            filename=filename,
            content_type=content_type
            or mimetypes.guess_type(filename)[0]
            or "application/octet-stream",
            data=data,
        )
        return self._store_attachment(channel_id or 0, rec, {})

    def _guild(self, guild: FakeGuild | int | None) -> FakeGuild:
        if isinstance(guild, FakeGuild):
            return guild
        if guild is None:
            if self.default_guild is None:
                raise LookupError("no default guild; pass guild_id or use add_guild()")
            return self.default_guild
        try:
            return self.guilds[int(guild)]
        except KeyError:
            raise LookupError(f"unknown guild {guild}") from None

    def shard_for_guild(self, guild_id: int, shard_count: int | None = None) -> int:
        """``(guild_id >> 22) % shard_count`` (default: the count the client identified with)."""
        count = shard_count or self._active_shard_count()
        return (int(guild_id) >> 22) % count

    @staticmethod
    def _role_payload(role_id: int, name: str, permissions: int, position: int) -> JSON:
        return {
            "id": str(role_id),
            "name": name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": position,
            "permissions": str(permissions),
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }

    @staticmethod
    def _channel_payload(
        guild_id: int, channel_id: int, name: str, type: int, position: int, parent_id: int | None
    ) -> JSON:
        channel: JSON = {
            "id": str(channel_id),
            "type": type,
            "guild_id": str(guild_id),
            "name": name,
            "position": position,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": str(parent_id) if parent_id else None,
            "flags": 0,
        }
        if type in (0, 5):
            channel.update(topic=None, last_message_id=None, rate_limit_per_user=0)
        return channel

    def _application_payload(self) -> JSON:
        return {
            "id": str(self.application_id),
            "name": self.bot_user["username"],
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": self.application_flags,
            "owner": self.owner_user,
            "team": None,
            "bot": self.bot_user,
            "hook": True,
            "interactions_endpoint_url": None,
            "redirect_uris": [],
            "rpc_origins": [],
            "tags": [],
            "approximate_guild_count": len(self.guilds),
            "approximate_user_install_count": 0,
            "integration_types_config": {"0": {}, "1": {}},
        }

    # ---------------------------------------------------------------------------------------
    # gateway
    # ---------------------------------------------------------------------------------------

    def _log_frame(self, direction: str, session: GatewaySession | None, frame: JSON) -> None:
        self.gateway_log.append(
            GatewayFrame(
                direction=direction,
                session_id=session.session_id if session else None,
                shard_id=session.shard_id if session else None,
                op=frame.get("op"),
                t=frame.get("t"),
                s=frame.get("s"),
                d=frame.get("d"),
                time=time.monotonic(),
            )
        )

    def _state_changed(self) -> None:
        if self._state_event is not None:
            self._state_event.set()
            self._state_event = asyncio.Event()

    async def _handle_gateway(self, request: web.Request) -> web.StreamResponse:
        record = await self._start_record(request)
        record.route = "gateway"
        encoding = request.query.get("encoding", "json")
        compress = request.query.get("compress")
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        self._finish_record(record, 101, None)
        compressor: _Compressor | None = None
        if compress == "zlib-stream":
            compressor = _ZlibStreamCompressor()
        elif compress == "zstd-stream":
            try:
                compressor = _ZstdStreamCompressor()
            except ImportError:
                await ws.close(code=4000, message=b"zstd-stream not available in the fake")
                return ws
        elif compress is not None:
            await ws.close(code=4000, message=b"unknown compression")
            return ws
        if encoding != "json":
            await ws.close(code=4002, message=b"only encoding=json is supported by the fake")
            return ws
        conn = _Connection(self, ws, request, compressor)
        self._connections.add(conn)
        try:
            await conn.send(
                {
                    "op": _OP_HELLO,
                    "d": {"heartbeat_interval": self.heartbeat_interval_ms, "_trace": ["fake"]},
                    "s": None,
                    "t": None,
                }
            )
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    raw: str | bytes = msg.data
                elif msg.type is WSMsgType.BINARY:
                    raw = msg.data
                else:
                    break
                try:
                    frame = json.loads(raw)
                except ValueError:
                    await conn.close(4002, "Error while decoding payload.")
                    break
                self._log_frame("recv", conn.session, frame)
                try:
                    await self._on_gateway_frame(conn, frame)
                except Exception:  # a bug in the fake: keep serving, report at teardown
                    self.internal_errors.append(traceback.format_exc())
                    log.exception("fake gateway failed on %r", frame)
        finally:
            conn.closed = True
            self._connections.discard(conn)
            session = conn.session
            if session is not None and session.connection is conn:
                session.connection = None
                session.live = False
                self._state_changed()
        return ws

    async def _on_gateway_frame(self, conn: _Connection, frame: JSON) -> None:
        op = frame.get("op")
        data = frame.get("d")
        if op == _OP_HEARTBEAT:
            if conn.session is not None:
                conn.session.heartbeats += 1
            await conn.send({"op": _OP_HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == _OP_IDENTIFY:
            await self._identify(conn, data or {})
        elif op == _OP_RESUME:
            await self._resume(conn, data or {})
        elif op in (_OP_PRESENCE_UPDATE, _OP_VOICE_STATE_UPDATE):
            pass  # recorded in gateway_log
        elif op == _OP_REQUEST_GUILD_MEMBERS:
            await self._request_members(conn, data or {})
        else:
            await conn.close(4001, "Unknown opcode.")

    async def _identify(self, conn: _Connection, data: JSON) -> None:
        if conn.session is not None:
            await conn.close(4005, "Already authenticated.")
            return
        if data.get("token") != self.token:
            await conn.close(4004, "Authentication failed.")
            return
        shard = data.get("shard")
        shard_id, shard_count = (int(shard[0]), int(shard[1])) if shard else (0, 1)
        if shard_count < 1 or not 0 <= shard_id < shard_count:
            await conn.close(4010, "Invalid shard.")
            return
        session = GatewaySession(
            session_id=f"fake-session-{next(self._session_counter)}",
            shard_id=shard_id,
            shard_count=shard_count,
            identify=copy.deepcopy(data),
        )
        self.sessions[session.session_id] = session
        old = self._sessions_by_shard.get(shard_id)
        self._sessions_by_shard[shard_id] = session
        if old is not None and old.connection is not None and old.connection is not conn:
            await old.connection.close(4000, "Session replaced.")
        guilds = [g for g in self.guilds.values() if (g.id >> 22) % shard_count == shard_id]
        ready: JSON = {
            "v": API_VERSION,
            "user": {**self.bot_user, "verified": True, "mfa_enabled": False, "email": None},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.resume_gateway_url,
            "application": {"id": str(self.application_id), "flags": self.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "auth": {},
            "_trace": ["fake"],
        }
        if shard:
            ready["shard"] = [shard_id, shard_count]
        async with session.lock:
            conn.session = session
            session.connection = conn
            await self._send_dispatch(session, "READY", ready)
            members_intent = bool(int(data.get("intents") or 0) & _INTENT_GUILD_MEMBERS)
            for guild in guilds:
                only = None if members_intent else [self.application_id]
                await self._send_dispatch(session, "GUILD_CREATE", guild.payload(member_ids=only))
            session.live = True
        self._state_changed()

    async def _resume(self, conn: _Connection, data: JSON) -> None:
        if data.get("token") != self.token:
            await conn.close(4004, "Authentication failed.")
            return
        session = self.sessions.get(str(data.get("session_id")))
        if session is None or self._sessions_by_shard.get(session.shard_id) is not session:
            await conn.send({"op": _OP_INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        previous = session.connection
        if previous is not None and previous is not conn:
            await previous.close(4000, "Session resumed elsewhere.")
        seq = int(data.get("seq") or 0)
        async with session.lock:
            conn.session = session
            session.connection = conn
            for frame in session.backlog:
                if frame["s"] > seq:
                    await conn.send(frame)
            await self._send_dispatch(session, "RESUMED", {"_trace": ["fake"]})
            session.resumes += 1
            session.live = True
        self._state_changed()

    async def _request_members(self, conn: _Connection, data: JSON) -> None:
        session = conn.session
        if session is None:
            await conn.close(4003, "Not authenticated.")
            return
        guild = self.guilds.get(int(data.get("guild_id", 0)))
        if guild is None:
            return
        wanted = {int(u) for u in data.get("user_ids") or []}
        members = [m for uid, m in guild.members.items() if not wanted or uid in wanted]
        chunk: JSON = {
            "guild_id": str(guild.id),
            "members": copy.deepcopy(members),
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        async with session.lock:
            await self._send_dispatch(session, "GUILD_MEMBERS_CHUNK", chunk)

    async def _send_dispatch(self, session: GatewaySession, event: str, data: Any) -> int:
        """Assign a sequence number, keep the frame for replay, send it if connected.

        Caller holds ``session.lock``.
        """
        session.seq += 1
        frame = {"op": _OP_DISPATCH, "t": event, "s": session.seq, "d": data}
        session.backlog.append(frame)
        if len(session.backlog) > _BACKLOG_LIMIT:
            del session.backlog[: len(session.backlog) - _BACKLOG_LIMIT]
        if session.connection is not None:
            await session.connection.send(frame)
        return session.seq

    def _active_shard_count(self) -> int:
        if self._sessions_by_shard:
            return max(s.shard_count for s in self._sessions_by_shard.values())
        return self.shard_count

    def session_for_shard(self, shard_id: int) -> GatewaySession | None:
        """The current session of ``shard_id`` (``None`` if it never identified)."""
        return self._sessions_by_shard.get(shard_id)

    async def dispatch(
        self,
        event: str,
        data: Any,
        *,
        shard_id: int | None = None,
        guild_id: int | None = None,
    ) -> int:
        """Send a DISPATCH event and return its sequence number.

        The shard is ``shard_id`` if given, else the guild's shard, else shard 0.  While the
        shard's connection is down the event is kept and replayed when the client resumes.

        Raises:
            RuntimeError: no client ever identified on that shard.
        """
        if shard_id is None:
            shard_id = self.shard_for_guild(guild_id) if guild_id else 0
        session = self._sessions_by_shard.get(shard_id)
        if session is None:
            raise RuntimeError(
                f"no gateway session on shard {shard_id}; connect a client (and "
                "await fake.wait_until_connected()) before dispatching"
            )
        async with session.lock:
            return await self._send_dispatch(session, event, data)

    def register_interaction(self, payload: JSON) -> InteractionRecord:
        """Remember an interaction payload so its callback and webhooks are accepted.

        :meth:`dispatch_interaction` calls this; call it directly only for payloads delivered
        some other way.
        """
        record = InteractionRecord(
            id=int(payload["id"]),
            token=payload["token"],
            type=int(payload["type"]),
            payload=copy.deepcopy(payload),
        )
        self.interactions[record.id] = record
        self._interactions_by_token[record.token] = record
        message = payload.get("message")
        if message is not None and int(message["id"]) not in self.messages:
            self.messages[int(message["id"])] = copy.deepcopy(message)
        return record

    async def dispatch_interaction(self, payload: JSON) -> JSON:
        """Send INTERACTION_CREATE to the session of the interaction's shard; return ``payload``.

        The shard is ``(guild_id >> 22) % shard_count`` (shard 0 for DMs).
        """
        self.register_interaction(payload)
        guild_id = int(payload["guild_id"]) if payload.get("guild_id") else None
        await self.dispatch("INTERACTION_CREATE", payload, guild_id=guild_id)
        return payload

    async def run_interaction(self, payload: JSON, timeout: float = 5.0) -> RecordedRequest:  # noqa: ASYNC109
        """Dispatch ``payload`` and wait for (and return) its callback request."""
        await self.dispatch_interaction(payload)
        return await self.wait_for_interaction_response(int(payload["id"]), timeout)

    async def drop_connection(self, shard_id: int | None = None, *, code: int | None = None) -> int:
        """Close gateway connection(s) abnormally so the client reconnects and RESUMEs.

        Args:
            shard_id: Only this shard (default: every connected shard).
            code: Close with this close code (e.g. 4000) instead of killing the TCP connection
                without a close frame (which the client sees as 1006).

        Returns:
            How many connections were dropped.
        """
        dropped = 0
        for sid, session in list(self._sessions_by_shard.items()):
            if shard_id is not None and sid != shard_id:
                continue
            conn = session.connection
            if conn is None:
                continue
            session.connection = None
            session.live = False
            if code is None:
                conn.abort()
            else:
                await conn.close(code, "dropped by test")
            dropped += 1
        self._state_changed()
        return dropped

    async def request_reconnect(self, shard_id: int = 0) -> None:
        """Send op 7 RECONNECT (the client closes and resumes)."""
        session = self._sessions_by_shard.get(shard_id)
        if session is not None and session.connection is not None:
            await session.connection.send({"op": _OP_RECONNECT, "d": None, "s": None, "t": None})

    async def invalidate_session(self, shard_id: int = 0, *, resumable: bool = False) -> None:
        """Send op 9 INVALID_SESSION; unless ``resumable`` the session is forgotten.

        Note that discord.py then re-IDENTIFIES through ``before_identify_hook``, which sleeps
        5 s by default (see ``conftest.start_client``).
        """
        session = self._sessions_by_shard.get(shard_id)
        if session is None or session.connection is None:
            return
        if not resumable:
            self.sessions.pop(session.session_id, None)
        await session.connection.send(
            {"op": _OP_INVALID_SESSION, "d": resumable, "s": None, "t": None}
        )

    def is_connected(self, shard_ids: Iterable[int] | None = None) -> bool:
        """Whether every shard (default: all shards the client identified for) is live."""
        if not self._sessions_by_shard:
            return False
        ids = list(shard_ids) if shard_ids is not None else range(self._active_shard_count())
        return all((s := self._sessions_by_shard.get(sid)) is not None and s.live for sid in ids)

    async def wait_until_connected(
        self,
        timeout: float = 10.0,  # noqa: ASYNC109
        *,
        shard_ids: Iterable[int] | None = None,
    ) -> None:
        """Wait until every shard has received READY (+ GUILD_CREATEs) or RESUMED.

        After :meth:`drop_connection` this waits for the client to come back.
        """
        ids = list(shard_ids) if shard_ids is not None else None
        try:
            async with asyncio.timeout(timeout):
                while not self.is_connected(ids):
                    assert self._state_event is not None, "FakeDiscord is not started"
                    await self._state_event.wait()
        except TimeoutError:
            raise TimeoutError(
                f"client not connected within {timeout}s; sessions: "
                + ", ".join(
                    f"shard {s.shard_id}: live={s.live}" for s in self._sessions_by_shard.values()
                )
            ) from None

    wait_until_ready = wait_until_connected
    """Alias of :meth:`wait_until_connected` (READY and GUILD_CREATEs are sent together)."""

    # ---------------------------------------------------------------------------------------
    # recorded requests
    # ---------------------------------------------------------------------------------------

    @property
    def unknown_requests(self) -> list[RecordedRequest]:
        """Requests that matched no route (answered with 404)."""
        return [r for r in self.requests if r.route is None]

    def requests_to(self, method: str, path: str | re.Pattern[str]) -> list[RecordedRequest]:
        """Requests with this method whose API path equals (or fully matches) ``path``."""
        if isinstance(path, str):
            return [r for r in self.requests if r.method == method and r.path == path]
        return [r for r in self.requests if r.method == method and path.fullmatch(r.path)]

    async def wait_for_request(
        self,
        predicate: Callable[[RecordedRequest], bool],
        timeout: float = 5.0,  # noqa: ASYNC109
        *,
        since: int = 0,
    ) -> RecordedRequest:
        """Return the first answered request (from index ``since`` on) matching ``predicate``.

        Already recorded requests are checked first, then new ones as they are answered.
        """
        for record in self.requests:
            if record.index >= since and predicate(record):
                return record
        future: asyncio.Future[RecordedRequest] = asyncio.get_running_loop().create_future()

        def check(record: RecordedRequest) -> bool:
            return record.index >= since and predicate(record)

        entry = (check, future)
        self._request_waiters.append(entry)
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            recent = ", ".join(f"{r.method} {r.path} -> {r.status}" for r in self.requests[-5:])
            raise TimeoutError(
                f"no matching request within {timeout}s (last requests: {recent or 'none'})"
            ) from None
        finally:
            with contextlib.suppress(ValueError):
                self._request_waiters.remove(entry)

    async def wait_for_interaction_response(
        self,
        interaction_id: int | str,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> RecordedRequest:
        """Wait for the callback (``POST /interactions/{id}/{token}/callback``) of one."""
        iid = int(interaction_id)
        return await self.wait_for_request(
            lambda r: r.route == "interaction_callback" and r.interaction_id == iid, timeout
        )

    def interaction_responses(
        self, interaction_id: int | str | None = None, *, token: str | None = None
    ) -> list[RecordedRequest]:
        """All requests of one interaction (callback and webhook calls), in order.

        Pass the interaction id or its token.
        """
        if interaction_id is None and token is None:
            raise TypeError("pass interaction_id or token")
        if interaction_id is not None:
            iid = int(interaction_id)
            return [r for r in self.requests if r.interaction_id == iid]
        return [r for r in self.requests if r.interaction_token == token]

    def interaction_record(self, interaction_id: int | str) -> InteractionRecord:
        """The :class:`InteractionRecord` of a dispatched interaction."""
        return self.interactions[int(interaction_id)]

    def original_message(self, interaction_id: int | str) -> JSON | None:
        """Current state of the interaction's original response message (``None`` if none)."""
        record = self.interactions.get(int(interaction_id))
        if record is None or record.original_message_id is None:
            return None
        return self.messages.get(record.original_message_id)

    def followup_messages(self, interaction_id: int | str) -> list[JSON]:
        """Current state of the interaction's follow-up messages (deleted ones omitted)."""
        record = self.interactions[int(interaction_id)]
        return [self.messages[m] for m in record.followup_message_ids if m in self.messages]

    def inject_error(
        self,
        method: str,
        path: str,
        *,
        status: int = 500,
        body: Any = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` matching requests with an error instead of handling them.

        ``path`` is a regular expression matched against the API path.  Note that discord.py
        retries 500/502/504/524 (REST) and every 5xx (webhooks) with sleeps of 1 s and more.
        """
        if body is None:
            body = {"message": f"{status}: injected by test", "code": 0}
        self._injected.append(_InjectedError(method.upper(), re.compile(path), status, body, times))

    # ---------------------------------------------------------------------------------------
    # HTTP plumbing
    # ---------------------------------------------------------------------------------------

    async def _start_record(self, request: web.Request) -> RecordedRequest:
        json_body: Any = None
        files: list[RecordedFile] = []
        form: dict[str, str] = {}
        raw = b""
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader):
                    continue  # nested multipart: discord.py never sends it
                name = part.name or ""
                data = await part.read(decode=False)
                filename = part.filename
                if name == "payload_json":
                    json_body = json.loads(data)
                elif filename is not None or _FILES_FIELD.match(name):
                    files.append(
                        RecordedFile(
                            field_name=name,
                            filename=filename or name,
                            content_type=part.headers.get(
                                "Content-Type", "application/octet-stream"
                            ),
                            data=bytes(data),
                        )
                    )
                else:
                    form[name] = bytes(data).decode("utf-8", "replace")
        elif request.can_read_body:
            raw = await request.read()
            if raw:
                try:
                    json_body = json.loads(raw)
                except ValueError:
                    json_body = None
        return RecordedRequest(
            index=next(self._request_counter),
            method=request.method,
            path=request.path,
            raw_path=request.path,
            query=dict(request.query),
            headers=dict(request.headers),
            json=json_body,
            files=files,
            form=form,
            body=raw,
            received_at=time.monotonic(),
            received_wall=dt.datetime.now(dt.UTC),
        )

    def _finish_record(self, record: RecordedRequest, status: int, body: Any) -> None:
        record.status = status
        record.response = body
        record.completed_at = time.monotonic()
        self.requests.append(record)
        for check, future in list(self._request_waiters):
            if future.done():
                continue
            try:
                if check(record):
                    future.set_result(record)
            except Exception as exc:  # surface predicate bugs in the waiting test
                future.set_exception(exc)

    async def _handle_http(self, request: web.Request) -> web.StreamResponse:
        record = await self._start_record(request)
        status: int
        body: Any
        try:
            match = _API_PREFIX.match(request.path)
            if match is None:
                raise DiscordHTTPError(404, 0, "404: Not Found")
            record.api_version = int(match.group(1))
            record.path = match.group(2) or "/"
            route, params = self._match(request.method, record.path)
            if route is None:
                raise DiscordHTTPError(404, 0, "404: Not Found")
            record.route = route.name
            record.params = params
            self._associate_interaction(record)
            self._check_auth(request, route.auth)
            injected = self._take_injected(record)
            if injected is not None:
                status, body = injected
            else:
                status, body = route.handler(_Call(record, params))
        except DiscordHTTPError as exc:
            status, body = exc.status, exc.body()
        except Exception:
            self.internal_errors.append(traceback.format_exc())
            log.exception("fake discord failed on %s %s", request.method, request.path)
            # 400, not 500: discord.py retries 5xx with multi-second sleeps.
            status, body = 400, {"message": "fake discord internal error (see log)", "code": 0}
        self._finish_record(record, status, body)
        if body is None or status == 204:
            return web.Response(status=status)
        # Exactly "application/json": discord.py's json_or_text() compares the header verbatim.
        return web.Response(
            status=status,
            body=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )

    async def _handle_attachment(self, request: web.Request) -> web.StreamResponse:
        record = await self._start_record(request)
        record.route = "attachment"
        try:
            stored = self.attachment_data.get(int(request.match_info["attachment_id"]))
        except ValueError:
            stored = None
        if stored is None:
            self._finish_record(record, 404, None)
            return web.Response(status=404, text="404: Not Found")
        self._finish_record(record, 200, None)
        return web.Response(body=stored.data, content_type=stored.content_type)

    def _associate_interaction(self, record: RecordedRequest) -> None:
        """Tag callback and interaction-webhook requests with their interaction."""
        token = record.params.get("token")
        if token is None:
            return
        record.interaction_token = token
        if "interaction_id" in record.params:
            record.interaction_id = int(record.params["interaction_id"])
        elif (known := self._interactions_by_token.get(token)) is not None:
            record.interaction_id = known.id

    def _match(self, method: str, path: str) -> tuple[_Route | None, dict[str, str]]:
        for route in self._routes:
            if route.method == method:
                m = route.pattern.fullmatch(path)
                if m is not None:
                    return route, m.groupdict()
        return None, {}

    def _check_auth(self, request: web.Request, auth: str) -> None:
        header = request.headers.get("Authorization")
        if header is None:
            if auth == _AUTH_BOT:
                raise DiscordHTTPError(401, 0, "401: Unauthorized")
            return
        if header != f"Bot {self.token}":
            raise DiscordHTTPError(401, 0, "401: Unauthorized")

    def _take_injected(self, record: RecordedRequest) -> tuple[int, Any] | None:
        for item in self._injected:
            if item.method == record.method and item.path.fullmatch(record.path):
                item.times -= 1
                if item.times <= 0:
                    self._injected.remove(item)
                return item.status, copy.deepcopy(item.body)
        return None

    def _build_routes(self) -> list[_Route]:
        app = r"/applications/(?P<application_id>\d+)"
        guild_cmds = app + r"/guilds/(?P<guild_id>\d+)/commands"
        hook = r"/webhooks/(?P<application_id>\d+)/(?P<token>[^/]+)"
        channel = r"/channels/(?P<channel_id>\d+)"
        table: list[tuple[str, str, Callable[[_Call], tuple[int, Any]], str, str]] = [
            ("GET", r"/users/@me", self._get_me, "get_current_user", _AUTH_BOT),
            ("GET", r"/users/(?P<user_id>\d+)", self._get_user, "get_user", _AUTH_BOT),
            ("GET", r"/oauth2/applications/@me", self._get_app, "get_application", _AUTH_BOT),
            ("GET", r"/applications/@me", self._get_app, "get_application", _AUTH_BOT),
            ("GET", r"/gateway", self._get_gateway, "get_gateway", _AUTH_NONE),
            ("GET", r"/gateway/bot", self._get_gateway_bot, "get_gateway_bot", _AUTH_BOT),
            ("GET", app + r"/commands", self._list_commands, "list_commands", _AUTH_BOT),
            ("PUT", app + r"/commands", self._put_commands, "bulk_overwrite_commands", _AUTH_BOT),
            ("POST", app + r"/commands", self._post_command, "create_command", _AUTH_BOT),
            (
                "GET",
                app + r"/commands/(?P<command_id>\d+)",
                self._get_command,
                "get_command",
                _AUTH_BOT,
            ),
            (
                "PATCH",
                app + r"/commands/(?P<command_id>\d+)",
                self._patch_command,
                "edit_command",
                _AUTH_BOT,
            ),
            (
                "DELETE",
                app + r"/commands/(?P<command_id>\d+)",
                self._delete_command,
                "delete_command",
                _AUTH_BOT,
            ),
            ("GET", guild_cmds, self._list_commands, "list_guild_commands", _AUTH_BOT),
            ("PUT", guild_cmds, self._put_commands, "bulk_overwrite_guild_commands", _AUTH_BOT),
            ("POST", guild_cmds, self._post_command, "create_guild_command", _AUTH_BOT),
            (
                "GET",
                guild_cmds + r"/(?P<command_id>\d+)",
                self._get_command,
                "get_guild_command",
                _AUTH_BOT,
            ),
            (
                "PATCH",
                guild_cmds + r"/(?P<command_id>\d+)",
                self._patch_command,
                "edit_guild_command",
                _AUTH_BOT,
            ),
            (
                "DELETE",
                guild_cmds + r"/(?P<command_id>\d+)",
                self._delete_command,
                "delete_guild_command",
                _AUTH_BOT,
            ),
            (
                "POST",
                r"/interactions/(?P<interaction_id>\d+)/(?P<token>[^/]+)/callback",
                self._interaction_callback,
                "interaction_callback",
                _AUTH_NONE,
            ),
            (
                "GET",
                hook + r"/messages/(?P<message_id>@original|\d+)",
                self._get_webhook_message,
                "get_webhook_message",
                _AUTH_NONE,
            ),
            (
                "PATCH",
                hook + r"/messages/(?P<message_id>@original|\d+)",
                self._edit_webhook_message,
                "edit_webhook_message",
                _AUTH_NONE,
            ),
            (
                "DELETE",
                hook + r"/messages/(?P<message_id>@original|\d+)",
                self._delete_webhook_message,
                "delete_webhook_message",
                _AUTH_NONE,
            ),
            ("POST", hook, self._execute_webhook, "execute_webhook", _AUTH_NONE),
            ("GET", channel, self._get_channel, "get_channel", _AUTH_BOT),
            (
                "POST",
                channel + r"/messages",
                self._create_channel_message,
                "create_message",
                _AUTH_BOT,
            ),
            (
                "GET",
                channel + r"/messages/(?P<message_id>\d+)",
                self._get_channel_message,
                "get_message",
                _AUTH_BOT,
            ),
            (
                "PATCH",
                channel + r"/messages/(?P<message_id>\d+)",
                self._edit_channel_message,
                "edit_message",
                _AUTH_BOT,
            ),
            (
                "DELETE",
                channel + r"/messages/(?P<message_id>\d+)",
                self._delete_channel_message,
                "delete_message",
                _AUTH_BOT,
            ),
            ("POST", channel + r"/typing", lambda call: (204, None), "trigger_typing", _AUTH_BOT),
        ]
        return [_Route(m, re.compile(p), h, n, a) for m, p, h, n, a in table]

    # ---------------------------------------------------------------------------------------
    # REST: users, application, gateway
    # ---------------------------------------------------------------------------------------

    def _get_me(self, call: _Call) -> tuple[int, Any]:
        return 200, {**self.bot_user, "verified": True, "mfa_enabled": False, "email": None}

    def _get_user(self, call: _Call) -> tuple[int, Any]:
        user = self.users.get(int(call.params["user_id"]))
        if user is None:
            raise DiscordHTTPError(404, 10013, "Unknown User")
        return 200, user

    def _get_app(self, call: _Call) -> tuple[int, Any]:
        return 200, self._application_payload()

    def _get_gateway(self, call: _Call) -> tuple[int, Any]:
        return 200, {"url": str(self.gateway_url)}

    def _get_gateway_bot(self, call: _Call) -> tuple[int, Any]:
        return 200, {
            "url": str(self.gateway_url),
            "shards": self.shard_count,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 14400000,
                "max_concurrency": 1,
            },
        }

    # ---------------------------------------------------------------------------------------
    # REST: application commands
    # ---------------------------------------------------------------------------------------

    def _command_store(self, call: _Call) -> tuple[dict[int, JSON], int | None]:
        if int(call.params["application_id"]) != self.application_id:
            raise DiscordHTTPError(
                403, 20012, "You are not authorized to perform this action on this application"
            )
        guild_id = call.params.get("guild_id")
        if guild_id is None:
            return self.global_commands, None
        gid = int(guild_id)
        if gid not in self.guilds:
            raise DiscordHTTPError(403, 50001, "Missing Access")
        return self.guild_commands.setdefault(gid, {}), gid

    def _stored_command(self, cmd: JSON, guild_id: int | None, command_id: int) -> JSON:
        ctype = int(cmd.get("type") or 1)
        perms = cmd.get("default_member_permissions")
        out: JSON = {
            "id": str(command_id),
            "application_id": str(self.application_id),
            "version": str(self._snowflake()),
            "type": ctype,
            "name": cmd["name"],
            "name_localizations": cmd.get("name_localizations"),
            "description": cmd.get("description") or "",
            "description_localizations": cmd.get("description_localizations"),
            "default_member_permissions": None if perms is None else str(perms),
            "nsfw": bool(cmd.get("nsfw", False)),
        }
        if guild_id is None:
            out["dm_permission"] = cmd.get("dm_permission", True)
            out["contexts"] = cmd.get("contexts")
            out["integration_types"] = cmd.get("integration_types") or [0]
        else:
            out["guild_id"] = str(guild_id)
        if cmd.get("options"):
            out["options"] = copy.deepcopy(cmd["options"])
        return out

    def _validate_commands(self, commands: Sequence[Any]) -> None:
        if not self.validate:
            return
        errors = _FormErrors()
        seen: dict[tuple[int, str], int] = {}
        counts: dict[int, int] = {}
        for index, cmd in enumerate(commands):
            if not isinstance(cmd, dict) or not isinstance(cmd.get("name"), str):
                errors.add([index, "name"], "BASE_TYPE_REQUIRED", "This field is required")
                continue
            ctype = int(cmd.get("type") or 1)
            counts[ctype] = counts.get(ctype, 0) + 1
            key = (ctype, cmd["name"])
            if key in seen:
                errors.add(
                    [index, "name"],
                    "APPLICATION_COMMANDS_DUPLICATE_NAME",
                    f"Application command names must be unique ({cmd['name']})",
                )
            seen[key] = index
            self._validate_command(errors, [index], cmd, ctype)
        if counts.get(1, 0) > 100:
            errors.add([], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
        errors.raise_if_any()

    def _validate_command(
        self, errors: _FormErrors, path: list[str | int], cmd: JSON, ctype: int
    ) -> None:
        name = cmd["name"]
        if ctype == 1:
            if not _COMMAND_NAME.fullmatch(name) or name != name.lower():
                errors.add(
                    [*path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"
                )
            desc = cmd.get("description") or ""
            if not 1 <= len(desc) <= 100:
                errors.add(
                    [*path, "description"],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.",
                )
            self._validate_options(errors, [*path, "options"], cmd.get("options") or [], 0)
        else:
            if not 1 <= len(name) <= 32:
                errors.add(
                    [*path, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length."
                )
            if cmd.get("description"):
                errors.add(
                    [*path, "description"],
                    "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
                    "Context menu commands cannot have description",
                )

    def _validate_options(
        self, errors: _FormErrors, path: list[str | int], options: list[JSON], depth: int
    ) -> None:
        errors.max_length(path, options, 25)
        names: set[str] = set()
        seen_optional = False
        for i, opt in enumerate(options):
            opath = [*path, i]
            name = opt.get("name", "")
            if not _COMMAND_NAME.fullmatch(name) or name != name.lower():
                errors.add(
                    [*opath, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"
                )
            if name in names:
                errors.add(
                    [*opath, "name"],
                    "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                    "Option names must be unique",
                )
            names.add(name)
            if not 1 <= len(opt.get("description") or "") <= 100:
                errors.add(
                    [*opath, "description"],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.",
                )
            otype = int(opt.get("type", 0))
            if otype in (1, 2):
                if depth >= 2 or (otype == 2 and depth >= 1):
                    errors.add(
                        [*opath, "type"],
                        "APPLICATION_COMMAND_INVALID_OPTION_TYPE",
                        "Sub-command groups cannot be nested this deep",
                    )
                self._validate_options(
                    errors, [*opath, "options"], opt.get("options") or [], depth + 1
                )
                continue
            if opt.get("required"):
                if seen_optional:
                    errors.add(
                        [*opath, "required"],
                        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                        "Required options must be placed before non-required options",
                    )
            else:
                seen_optional = True
            choices = opt.get("choices")
            if choices is not None:
                errors.max_length([*opath, "choices"], choices, 25)
                for j, choice in enumerate(choices):
                    errors.max_length([*opath, "choices", j, "name"], choice.get("name"), 100)
                if opt.get("autocomplete"):
                    errors.add(
                        [*opath, "autocomplete"],
                        "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID",
                        "Autocomplete cannot be set if choices are present",
                    )

    def _list_commands(self, call: _Call) -> tuple[int, Any]:
        store, _ = self._command_store(call)
        return 200, list(store.values())

    def _put_commands(self, call: _Call) -> tuple[int, Any]:
        store, guild_id = self._command_store(call)
        commands = call.record.json
        if not isinstance(commands, list):
            raise _form_error([], "LIST_TYPE_CONVERT", "Only iterables may be used")
        self._validate_commands(commands)
        by_key = {(c["type"], c["name"]): int(c["id"]) for c in store.values()}
        new: dict[int, JSON] = {}
        for cmd in commands:
            key = (int(cmd.get("type") or 1), cmd["name"])
            cid = by_key.get(key) or int(cmd.get("id") or 0) or self._snowflake()
            new[cid] = self._stored_command(cmd, guild_id, cid)
        store.clear()
        store.update(new)
        return 200, list(store.values())

    def _post_command(self, call: _Call) -> tuple[int, Any]:
        store, guild_id = self._command_store(call)
        cmd = call.body
        self._validate_commands([cmd])
        key = (int(cmd.get("type") or 1), cmd["name"])
        existing = next(
            (int(c["id"]) for c in store.values() if (c["type"], c["name"]) == key), None
        )
        cid = existing or self._snowflake()
        store[cid] = self._stored_command(cmd, guild_id, cid)
        return (200 if existing else 201), store[cid]

    def _get_command(self, call: _Call) -> tuple[int, Any]:
        store, _ = self._command_store(call)
        cmd = store.get(int(call.params["command_id"]))
        if cmd is None:
            raise DiscordHTTPError(404, 10063, "Unknown application command")
        return 200, cmd

    def _patch_command(self, call: _Call) -> tuple[int, Any]:
        store, guild_id = self._command_store(call)
        cid = int(call.params["command_id"])
        if cid not in store:
            raise DiscordHTTPError(404, 10063, "Unknown application command")
        merged = {**store[cid], **call.body}
        self._validate_commands([merged])
        store[cid] = self._stored_command(merged, guild_id, cid)
        return 200, store[cid]

    def _delete_command(self, call: _Call) -> tuple[int, Any]:
        store, _ = self._command_store(call)
        if store.pop(int(call.params["command_id"]), None) is None:
            raise DiscordHTTPError(404, 10063, "Unknown application command")
        return 204, None

    def find_command(self, name: str, *, guild_id: int | None = None, type: int = 1) -> JSON | None:
        """Find a synced command: the guild's commands first (if ``guild_id``), then global."""
        if guild_id is not None:
            for cmd in self.guild_commands.get(int(guild_id), {}).values():
                if cmd["name"] == name and cmd["type"] == type:
                    return cmd
        for cmd in self.global_commands.values():
            if cmd["name"] == name and cmd["type"] == type:
                return cmd
        return None

    # ---------------------------------------------------------------------------------------
    # REST: messages
    # ---------------------------------------------------------------------------------------

    def _validate_message(
        self, body: JSON, message: JSON | None = None, prefix: Sequence[str] = ()
    ) -> None:
        if not self.validate:
            return
        errors = _FormErrors(prefix)
        content = body.get("content")
        if content is not None and not isinstance(content, str):
            errors.add(["content"], "BASE_TYPE_STRING", "Must be a string.")
        else:
            errors.max_length(["content"], content, 2000)
        embeds = body.get("embeds")
        if embeds:
            errors.max_length(["embeds"], embeds, 10)
            total = 0
            for i, embed in enumerate(embeds):
                total += self._validate_embed(errors, ["embeds", i], embed)
            if total > 6000:
                errors.add(
                    ["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000"
                )
        components = body.get("components")
        flags = int(body.get("flags") or (message or {}).get("flags") or 0)
        if components:
            if flags & _F_IS_COMPONENTS_V2:
                if body.get("content") or body.get("embeds"):
                    errors.add(
                        ["content"],
                        "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                        "The 'content' and 'embeds' fields cannot be used when using the "
                        "IS_COMPONENTS_V2 flag",
                    )
            else:
                errors.max_length(["components"], components, 5)
                for i, row in enumerate(components):
                    self._validate_row(errors, ["components", i], row)
        errors.raise_if_any()

    @staticmethod
    def _validate_embed(errors: _FormErrors, path: list[str | int], embed: JSON) -> int:
        size = 0
        for key, limit in (("title", 256), ("description", 4096)):
            value = embed.get(key)
            errors.max_length([*path, key], value, limit)
            size += len(value or "")
        fields = embed.get("fields") or []
        errors.max_length([*path, "fields"], fields, 25)
        for j, fld in enumerate(fields):
            for key, limit in (("name", 256), ("value", 1024)):
                value = fld.get(key)
                if not value:
                    errors.add(
                        [*path, "fields", j, key], "BASE_TYPE_REQUIRED", "This field is required"
                    )
                errors.max_length([*path, "fields", j, key], value, limit)
                size += len(value or "")
        footer = (embed.get("footer") or {}).get("text")
        errors.max_length([*path, "footer", "text"], footer, 2048)
        author = (embed.get("author") or {}).get("name")
        errors.max_length([*path, "author", "name"], author, 256)
        return size + len(footer or "") + len(author or "")

    @staticmethod
    def _validate_row(errors: _FormErrors, path: list[str | int], row: JSON) -> None:
        if row.get("type") != 1:
            errors.add(
                [*path, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1,).'
            )
            return
        items = row.get("components") or []
        errors.max_length([*path, "components"], items, 5)
        for k, item in enumerate(items):
            errors.max_length([*path, "components", k, "custom_id"], item.get("custom_id"), 100)
            errors.max_length([*path, "components", k, "label"], item.get("label"), 80)
            if item.get("options") is not None:
                errors.max_length([*path, "components", k, "options"], item["options"], 25)

    @staticmethod
    def _is_empty(message: JSON) -> bool:
        return not (
            (message.get("content") or "").strip()
            or message.get("embeds")
            or message.get("attachments")
            or message.get("components")
            or message.get("poll")
            or message.get("sticker_items")
        )

    def _store_attachment(self, channel_id: int, file: RecordedFile, entry: JSON) -> JSON:
        aid = self._snowflake()
        filename = entry.get("filename") or file.filename
        content_type = file.content_type
        if content_type in ("", "application/octet-stream"):
            content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        stored = RecordedFile(file.field_name, filename, content_type, file.data)
        self.attachment_data[aid] = stored
        url = f"{self.http_base}/attachments/{channel_id}/{aid}/{quote(filename)}"
        attachment: JSON = {
            "id": str(aid),
            "filename": filename,
            "size": len(file.data),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
            "flags": 0,
        }
        if entry.get("description"):
            attachment["description"] = entry["description"]
        if filename.startswith("SPOILER_"):
            attachment["flags"] = 1 << 3
        return attachment

    def _resolve_attachments(
        self, message: JSON, body: JSON, files: list[RecordedFile]
    ) -> list[JSON] | None:
        """The message's new attachment list, or ``None`` when unchanged."""
        by_index: dict[int, RecordedFile] = {}
        for position, file in enumerate(files):
            m = _FILES_FIELD.match(file.field_name)
            by_index[int(m.group(1)) if m else position] = file
        channel_id = int(message["channel_id"])
        existing = {str(a["id"]): a for a in message.get("attachments", [])}
        if body.get("attachments") is not None:
            result: list[JSON] = []
            used: set[int] = set()
            for i, entry in enumerate(body["attachments"]):
                key = str(entry.get("id"))
                if key in existing:
                    result.append(existing[key])
                elif key.isdigit() and int(key) in by_index:
                    used.add(int(key))
                    result.append(self._store_attachment(channel_id, by_index[int(key)], entry))
                else:
                    raise _form_error(
                        ["attachments", i],
                        "ATTACHMENT_NOT_FOUND",
                        f"Attachment data not found for id {key}",
                    )
            for index, file in sorted(by_index.items()):
                if index not in used:
                    result.append(self._store_attachment(channel_id, file, {}))
            return result
        if by_index:
            return list(message.get("attachments", [])) + [
                self._store_attachment(channel_id, f, {}) for _, f in sorted(by_index.items())
            ]
        return None

    def _apply_body(
        self,
        message: JSON,
        body: JSON,
        files: list[RecordedFile],
        *,
        creating: bool,
        prefix: Sequence[str] = (),
    ) -> JSON:
        """Return ``message`` updated with a create/edit body (validated; not stored).

        ``prefix`` is where the body sits in the request (``("data",)`` for callbacks), for
        the paths of validation errors.
        """
        self._validate_message(body, None if creating else message, prefix)
        updated = copy.deepcopy(message)
        if "content" in body:
            updated["content"] = body["content"] or ""
        if "embeds" in body:
            updated["embeds"] = [{"type": "rich", **e} for e in body["embeds"] or []]
        elif "embed" in body:
            updated["embeds"] = [{"type": "rich", **body["embed"]}] if body["embed"] else []
        if "components" in body:
            updated["components"] = copy.deepcopy(body["components"] or [])
        if body.get("poll"):
            updated["poll"] = copy.deepcopy(body["poll"])
        if "tts" in body:
            updated["tts"] = bool(body["tts"])
        requested = int(body.get("flags") or 0)
        if creating:
            updated["flags"] = int(updated.get("flags", 0)) | (requested & _SETTABLE_FLAGS)
        elif "flags" in body:
            keep = int(updated.get("flags", 0)) & ~(_SETTABLE_FLAGS | _F_LOADING)
            updated["flags"] = keep | (requested & _SETTABLE_FLAGS)
        if not creating:
            updated["flags"] = int(updated.get("flags", 0)) & ~_F_LOADING
            updated["edited_timestamp"] = _now_iso()
        attachments = self._resolve_attachments(updated, body, files)
        if attachments is not None:
            updated["attachments"] = attachments
        if self.validate and self._is_empty(updated):
            raise DiscordHTTPError(400, 50006, "Cannot send an empty message")
        return updated

    def _blank_message(
        self,
        *,
        channel_id: int,
        guild_id: int | None,
        msg_type: int = 0,
        interaction: InteractionRecord | None = None,
    ) -> JSON:
        message: JSON = {
            "id": str(self._snowflake()),
            "type": msg_type,
            "channel_id": str(channel_id),
            "author": self.bot_user,
            "content": "",
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "mention_channels": [],
            "attachments": [],
            "embeds": [],
            "components": [],
            "reactions": [],
            "pinned": False,
            "flags": 0,
        }
        if guild_id is not None:
            message["guild_id"] = str(guild_id)
        if interaction is not None:
            payload = interaction.payload
            user = payload.get("user") or payload.get("member", {}).get("user")
            message["webhook_id"] = str(self.application_id)
            message["application_id"] = str(self.application_id)
            message["interaction_metadata"] = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": user,
                "authorizing_integration_owners": payload.get("authorizing_integration_owners", {}),
            }
            if interaction.type == InteractionType.APPLICATION_COMMAND:
                message["interaction_metadata"]["name"] = payload["data"]["name"]
                message["interaction"] = {
                    "id": str(interaction.id),
                    "type": interaction.type,
                    "name": payload["data"]["name"],
                    "user": user,
                }
            if payload.get("message") is not None:
                message["interaction_metadata"]["interacted_message_id"] = payload["message"]["id"]
        return message

    def _interaction_message_type(self, interaction: InteractionRecord) -> int:
        if interaction.type == InteractionType.APPLICATION_COMMAND:
            return 20 if int(interaction.payload["data"].get("type", 1)) == 1 else 23
        return 19 if interaction.payload.get("message") else 0

    def _new_interaction_message(
        self,
        interaction: InteractionRecord,
        body: JSON,
        files: list[RecordedFile],
        *,
        loading: bool = False,
        prefix: Sequence[str] = (),
    ) -> JSON:
        payload = interaction.payload
        channel_id = int(payload.get("channel_id") or payload["channel"]["id"])
        guild_id = int(payload["guild_id"]) if payload.get("guild_id") else None
        message = self._blank_message(
            channel_id=channel_id,
            guild_id=guild_id,
            msg_type=self._interaction_message_type(interaction),
            interaction=interaction,
        )
        ephemeral = int(body.get("flags") or 0) & _F_EPHEMERAL
        if loading:
            message["flags"] = _F_LOADING | ephemeral
        else:
            message = self._apply_body(message, body, files, creating=True, prefix=prefix)
            message["flags"] |= ephemeral
        self.messages[int(message["id"])] = message
        return message

    # ---------------------------------------------------------------------------------------
    # REST: interaction callback + interaction webhooks
    # ---------------------------------------------------------------------------------------

    def _interaction_callback(self, call: _Call) -> tuple[int, Any]:
        iid = int(call.params["interaction_id"])
        token = call.params["token"]
        call.record.interaction_id = iid
        call.record.interaction_token = token
        interaction = self.interactions.get(iid)
        if interaction is None or interaction.token != token:
            raise DiscordHTTPError(404, 10062, "Unknown interaction")
        if interaction.responded:
            raise DiscordHTTPError(400, 40060, "Interaction has already been acknowledged.")
        body = call.body
        ctype = body.get("type")
        data = body.get("data") or {}
        if ctype not in _ALLOWED_CALLBACKS.get(interaction.type, frozenset()):
            raise _form_error(
                ["type"],
                "INTERACTION_CALLBACK_TYPE_INVALID",
                "Interaction callback type is invalid for this interaction type",
            )
        info: JSON = {"id": str(iid), "type": interaction.type}
        resource: JSON | None = None
        if ctype == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE:
            message = self._new_interaction_message(
                interaction, data, call.record.files, prefix=("data",)
            )
            interaction.original_message_id = int(message["id"])
            resource = {"type": ctype, "message": message}
        elif ctype == CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE:
            message = self._new_interaction_message(interaction, data, [], loading=True)
            interaction.original_message_id = int(message["id"])
            resource = {"type": ctype, "message": message}
        elif ctype in (CallbackType.DEFERRED_UPDATE_MESSAGE, CallbackType.UPDATE_MESSAGE):
            source = interaction.payload.get("message")
            if source is None:
                raise _form_error(["type"], "INTERACTION_CALLBACK_TYPE_INVALID", "No message")
            mid = int(source["id"])
            interaction.original_message_id = mid
            if ctype == CallbackType.UPDATE_MESSAGE:
                current: JSON = self.messages.get(mid) or source
                message = self._apply_body(
                    current, data, call.record.files, creating=False, prefix=("data",)
                )
                self.messages[mid] = message
                resource = {"type": ctype, "message": message}
            else:
                info["response_message_id"] = str(mid)
        elif ctype == CallbackType.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT:
            choices = data.get("choices") or []
            if self.validate:
                errors = _FormErrors()
                errors.max_length(["data", "choices"], choices, 25)
                for i, choice in enumerate(choices):
                    name = choice.get("name") or ""
                    if not 1 <= len(name) <= 100:
                        errors.add(
                            ["data", "choices", i, "name"],
                            "BASE_TYPE_BAD_LENGTH",
                            "Must be between 1 and 100 in length.",
                        )
                errors.raise_if_any()
            interaction.autocomplete_choices = copy.deepcopy(choices)
        elif ctype == CallbackType.MODAL:
            if self.validate:
                errors = _FormErrors()
                errors.max_length(["data", "title"], data.get("title"), 45)
                errors.max_length(["data", "custom_id"], data.get("custom_id"), 100)
                if not 1 <= len(data.get("components") or []) <= 5:
                    errors.add(
                        ["data", "components"],
                        "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 5 in length.",
                    )
                errors.raise_if_any()
            interaction.modal = copy.deepcopy(data)
        elif ctype == CallbackType.LAUNCH_ACTIVITY:
            resource = {"type": ctype, "activity_instance": {"id": f"i-{self._snowflake()}"}}
            info["activity_instance_id"] = resource["activity_instance"]["id"]
        interaction.responded = True
        interaction.callback_type = ctype
        if resource is not None and "message" in resource:
            msg = resource["message"]
            info["response_message_id"] = msg["id"]
            info["response_message_loading"] = bool(int(msg["flags"]) & _F_LOADING)
            info["response_message_ephemeral"] = bool(int(msg["flags"]) & _F_EPHEMERAL)
        if call.record.query.get("with_response", "").lower() not in ("1", "true"):
            return 204, None
        response: JSON = {"interaction": info}
        if resource is not None:
            response["resource"] = resource
        return 200, response

    def _webhook_interaction(self, call: _Call) -> InteractionRecord:
        token = call.params["token"]
        call.record.interaction_token = token
        interaction = self._interactions_by_token.get(token)
        if interaction is None or int(call.params["application_id"]) != self.application_id:
            raise DiscordHTTPError(404, 10015, "Unknown Webhook")
        call.record.interaction_id = interaction.id
        return interaction

    def _webhook_message_id(self, interaction: InteractionRecord, raw: str) -> int:
        if raw == "@original":
            mid = interaction.original_message_id
        else:
            mid = int(raw)
            if (
                mid != interaction.original_message_id
                and mid not in interaction.followup_message_ids
            ):
                mid = None
        if mid is None or mid not in self.messages:
            raise DiscordHTTPError(404, 10008, "Unknown Message")
        return mid

    def _get_webhook_message(self, call: _Call) -> tuple[int, Any]:
        interaction = self._webhook_interaction(call)
        return 200, self.messages[self._webhook_message_id(interaction, call.params["message_id"])]

    def _edit_webhook_message(self, call: _Call) -> tuple[int, Any]:
        interaction = self._webhook_interaction(call)
        mid = self._webhook_message_id(interaction, call.params["message_id"])
        message = self._apply_body(self.messages[mid], call.body, call.record.files, creating=False)
        self.messages[mid] = message
        return 200, message

    def _delete_webhook_message(self, call: _Call) -> tuple[int, Any]:
        interaction = self._webhook_interaction(call)
        mid = self._webhook_message_id(interaction, call.params["message_id"])
        del self.messages[mid]
        return 204, None

    def _execute_webhook(self, call: _Call) -> tuple[int, Any]:
        interaction = self._webhook_interaction(call)
        if not interaction.responded:
            # Discord only creates the interaction webhook once the interaction is acknowledged.
            raise DiscordHTTPError(404, 10015, "Unknown Webhook")
        body = call.body
        original = self.original_message(interaction.id)
        if original is not None and int(original["flags"]) & _F_LOADING:
            # The first follow-up after a deferred response replaces the "thinking" message.
            message = self._apply_body(original, body, call.record.files, creating=False)
            message["flags"] = (int(message["flags"]) & _F_EPHEMERAL) | (
                int(body.get("flags") or 0) & _SETTABLE_FLAGS
            )
            self.messages[int(message["id"])] = message
        else:
            message = self._new_interaction_message(interaction, body, call.record.files)
            interaction.followup_message_ids.append(int(message["id"]))
        if call.record.query.get("wait", "").lower() in ("1", "true"):
            return 200, message
        return 204, None

    # ---------------------------------------------------------------------------------------
    # REST: channels
    # ---------------------------------------------------------------------------------------

    def _find_channel(self, channel_id: int) -> tuple[JSON, int | None]:
        for guild in self.guilds.values():
            channel = guild.channel(channel_id)
            if channel is not None:
                return channel, guild.id
        for channel in self.dm_channels.values():
            if int(channel["id"]) == channel_id:
                return channel, None
        raise DiscordHTTPError(404, 10003, "Unknown Channel")

    def _channel_message(self, call: _Call) -> int:
        channel_id = int(call.params["channel_id"])
        self._find_channel(channel_id)
        mid = int(call.params["message_id"])
        message = self.messages.get(mid)
        if message is None or int(message["channel_id"]) != channel_id:
            raise DiscordHTTPError(404, 10008, "Unknown Message")
        return mid

    def _get_channel(self, call: _Call) -> tuple[int, Any]:
        channel, _ = self._find_channel(int(call.params["channel_id"]))
        return 200, channel

    def _create_channel_message(self, call: _Call) -> tuple[int, Any]:
        channel_id = int(call.params["channel_id"])
        channel, guild_id = self._find_channel(channel_id)
        if channel["type"] not in (0, 1, 3, 5, 10, 11, 12):
            raise DiscordHTTPError(400, 50008, "Cannot send messages in a non-text channel")
        message = self._blank_message(channel_id=channel_id, guild_id=guild_id)
        message = self._apply_body(message, call.body, call.record.files, creating=True)
        if call.body.get("message_reference"):
            message["type"] = 19
            message["message_reference"] = call.body["message_reference"]
        self.messages[int(message["id"])] = message
        return 200, message

    def _get_channel_message(self, call: _Call) -> tuple[int, Any]:
        return 200, self.messages[self._channel_message(call)]

    def _edit_channel_message(self, call: _Call) -> tuple[int, Any]:
        mid = self._channel_message(call)
        message = self._apply_body(self.messages[mid], call.body, call.record.files, creating=False)
        self.messages[mid] = message
        return 200, message

    def _delete_channel_message(self, call: _Call) -> tuple[int, Any]:
        del self.messages[self._channel_message(call)]
        return 204, None

    # ---------------------------------------------------------------------------------------
    # interaction payload builders
    # ---------------------------------------------------------------------------------------

    def _envelope(
        self,
        itype: int,
        data: JSON | None,
        *,
        guild_id: int | None = None,
        channel_id: int | None = None,
        user: JSON | None = None,
        member_permissions: Any = None,
        roles: Iterable[int] | None = None,
        nick: str | None = None,
        locale: str = "en-US",
        dm: bool = False,
        context: int | None = None,
        user_install: bool = False,
        integration_owners: Mapping[str, str] | None = None,
        app_permissions: Any = None,
        message: JSON | None = None,
        entitlements: Sequence[JSON] = (),
        extra: Mapping[str, Any] | None = None,
    ) -> JSON:
        user = user or self.default_user
        self.users.setdefault(int(user["id"]), user)
        iid = self._snowflake()
        payload: JSON = {
            "id": str(iid),
            "application_id": str(self.application_id),
            "type": itype,
            "token": f"fake-interaction-token-{iid}",
            "version": 1,
            "locale": locale,
            "app_permissions": _perm_str(
                DEFAULT_APP_PERMISSIONS if app_permissions is None else app_permissions
            ),
            "entitlements": list(entitlements),
            "entitlement_sku_ids": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        }
        if data is not None:
            payload["data"] = data
        if dm or (context in (1, 2) and guild_id is None):
            if channel_id is not None:
                channel = next(
                    (c for c in self.dm_channels.values() if int(c["id"]) == int(channel_id)),
                    None,
                ) or {
                    "id": str(channel_id),
                    "type": 1,
                    "recipients": [user],
                    "last_message_id": None,
                    "flags": 0,
                }
            else:
                channel = self.dm_channel(user)
            payload["user"] = user
            payload["context"] = 1 if context is None else context
            owners = {"1": str(user["id"])} if user_install else {"0": "0"}
        else:
            guild = self._guild(guild_id)
            found = guild.channel(guild.text_channel_id if channel_id is None else channel_id)
            if found is None:
                raise LookupError(f"guild {guild.id} has no channel {channel_id}")
            channel = copy.deepcopy(found)
            uid = int(user["id"])
            base = guild.members.get(uid)
            member = (
                copy.deepcopy(base)
                if base is not None
                else {
                    "nick": None,
                    "avatar": None,
                    "banner": None,
                    "roles": [],
                    "joined_at": _now_iso(),
                    "premium_since": None,
                    "deaf": False,
                    "mute": False,
                    "flags": 0,
                    "pending": False,
                    "communication_disabled_until": None,
                }
            )
            if roles is not None:
                member["roles"] = [str(r) for r in roles]
            if nick is not None:
                member["nick"] = nick
            perms = (
                guild.member_permissions(uid, [int(r) for r in member["roles"]])
                if member_permissions is None
                else member_permissions
            )
            member["user"] = user
            member["permissions"] = _perm_str(perms)
            channel["permissions"] = member["permissions"]
            payload.update(
                guild_id=str(guild.id),
                guild={"id": str(guild.id), "locale": guild.locale, "features": guild.features},
                guild_locale=guild.locale,
                member=member,
                context=0 if context is None else context,
            )
            owners = {"1": str(uid)} if user_install else {"0": str(guild.id)}
        payload["channel"] = channel
        payload["channel_id"] = channel["id"]
        payload["authorizing_integration_owners"] = dict(integration_owners or owners)
        if message is not None:
            payload["message"] = copy.deepcopy(message)
        if extra:
            payload.update(copy.deepcopy(dict(extra)))
        return payload

    def _command_data(
        self,
        name: str,
        ctype: int,
        guild_id: int | None,
        dm: bool,
    ) -> tuple[JSON, JSON | None]:
        lookup_guild = None
        if not dm:
            lookup_guild = (
                guild_id
                if guild_id is not None
                else (self.default_guild.id if self.default_guild else None)
            )
        cmd = self.find_command(name, guild_id=lookup_guild, type=ctype)
        data: JSON = {
            "id": cmd["id"] if cmd else str(self._snowflake()),
            "name": name,
            "type": ctype,
        }
        if cmd is not None and cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        return data, cmd

    @staticmethod
    def _schema_path(cmd: JSON | None, path: Sequence[str]) -> list[JSON] | None:
        """Option schema of the leaf command addressed by ``path`` (subcommand names)."""
        if cmd is None:
            return None
        options: list[JSON] = cmd.get("options") or []
        for part in path:
            nxt = next((o for o in options if o["name"] == part and o["type"] in (1, 2)), None)
            if nxt is None:
                return None
            options = nxt.get("options") or []
        return options

    @staticmethod
    def _infer_type(value: Any) -> int:
        if isinstance(value, bool):
            return 5
        if isinstance(value, int):
            return 4
        if isinstance(value, float):
            return 10
        if isinstance(value, dict):
            if "username" in value:
                return 6
            if "filename" in value:
                return 11
            if "permissions" in value and "color" in value:
                return 8
            if "type" in value:
                return 7
        return 3

    def _resolve_value(
        self, otype: int, value: Any, guild: FakeGuild | None, resolved: JSON
    ) -> Any:
        """Convert an option value and fill ``resolved`` for user/channel/role/attachments."""
        if otype == 3:
            return str(value)
        if otype == 4:
            return int(value)
        if otype == 5:
            return bool(value)
        if otype == 10:
            return value if isinstance(value, (int, float)) else float(value)
        if otype == 9:
            vid = int(value["id"]) if isinstance(value, dict) else int(value)
            is_user = (isinstance(value, dict) and "username" in value) or vid in self.users
            otype = 6 if is_user else 8
        if otype == 6:
            user = value if isinstance(value, dict) else self.users.get(int(value))
            if user is None:
                raise LookupError(f"unknown user {value}; create it with make_user()")
            resolved.setdefault("users", {})[user["id"]] = user
            if guild is not None and int(user["id"]) in guild.members:
                member = copy.deepcopy(guild.members[int(user["id"])])
                member.pop("user", None)
                member["permissions"] = _perm_str(guild.member_permissions(int(user["id"])))
                resolved.setdefault("members", {})[user["id"]] = member
            return user["id"]
        if otype == 7:
            channel = (
                value if isinstance(value, dict) else (guild.channel(int(value)) if guild else None)
            )
            if channel is None:
                raise LookupError(f"unknown channel {value}")
            entry = {k: channel[k] for k in ("id", "name", "type", "parent_id") if k in channel}
            entry["permissions"] = _perm_str(ALL_PERMISSIONS)
            resolved.setdefault("channels", {})[channel["id"]] = entry
            return channel["id"]
        if otype == 8:
            role = value if isinstance(value, dict) else (guild.role(int(value)) if guild else None)
            if role is None:
                raise LookupError(f"unknown role {value}")
            resolved.setdefault("roles", {})[role["id"]] = role
            return role["id"]
        if otype == 11:
            if not isinstance(value, dict):
                raise TypeError("attachment options take a payload from make_attachment()")
            resolved.setdefault("attachments", {})[value["id"]] = value
            return value["id"]
        return value

    def _build_options(
        self,
        values: Mapping[str, Any] | Sequence[JSON] | None,
        schema: list[JSON] | None,
        guild: FakeGuild | None,
        focused: str | None = None,
    ) -> tuple[list[JSON], JSON]:
        resolved: JSON = {}
        if values is None:
            values = {}
        if not isinstance(values, Mapping):
            return [copy.deepcopy(dict(v)) for v in values], resolved
        options: list[JSON] = []
        names = list(values)
        if focused is not None and focused not in values:
            names.append(focused)
        for name in names:
            value = values.get(name, "")
            spec = next((o for o in schema or [] if o["name"] == name), None)
            if name == focused:
                otype = spec["type"] if spec else 3
                options.append({"name": name, "type": otype, "value": value, "focused": True})
                continue
            otype = int(spec["type"]) if spec else self._infer_type(value)
            options.append(
                {
                    "name": name,
                    "type": otype,
                    "value": self._resolve_value(otype, value, guild, resolved),
                }
            )
        return options, resolved

    def _command_interaction(
        self,
        itype: int,
        name: str,
        options: Mapping[str, Any] | Sequence[JSON] | None,
        subcommand: str | None,
        focused: str | None,
        context: dict[str, Any],
    ) -> JSON:
        dm = bool(context.get("dm")) or (
            context.get("context") in (1, 2) and context.get("guild_id") is None
        )
        data, cmd = self._command_data(name, 1, context.get("guild_id"), dm)
        path = subcommand.split() if subcommand else []
        guild = None if dm else self._guild(context.get("guild_id"))
        opts, resolved = self._build_options(options, self._schema_path(cmd, path), guild, focused)
        for depth, part in reversed(list(enumerate(path))):
            otype = 2 if depth == 0 and len(path) == 2 else 1
            opts = [{"name": part, "type": otype, "options": opts}]
        if opts:
            data["options"] = opts
        if resolved:
            data["resolved"] = resolved
        return self._envelope(itype, data, **context)

    def make_slash_interaction(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[JSON] | None = None,
        *,
        subcommand: str | None = None,
        **context: Any,
    ) -> JSON:
        """Build an APPLICATION_COMMAND (type 2) chat-input interaction.

        ``data.id`` (and ``data.guild_id`` for guild commands) are those the fake assigned when
        the client synced; an unsynced command gets a fresh id (discord.py routes by name).

        Args:
            name: Top-level command name.
            options: ``{name: value}`` (types come from the synced command, else are inferred:
                bool/int/float/str, user payloads, role/channel payloads, attachment payloads
                from :meth:`make_attachment`; users, roles and channels may also be given by
                id) or a raw list of option objects.  ``resolved`` is filled in.
            subcommand: ``"sub"`` or ``"group sub"``.
            **context: Where and by whom, shared by all builders:
                ``guild_id`` (default guild), ``channel_id`` (its first text channel),
                ``user`` (:attr:`default_user`), ``member_permissions`` (int, str or
                ``discord.Permissions``; default computed from roles), ``roles``, ``nick``,
                ``locale`` ("en-US"), ``dm=True`` (bot DM: ``user`` instead of ``member``,
                context 1), ``context`` (0 guild, 1 bot DM, 2 private channel),
                ``user_install=True`` (``authorizing_integration_owners`` ``{"1": user_id}``),
                ``integration_owners``, ``app_permissions``, ``entitlements``, and ``extra``
                (top-level keys merged last).
        """
        return self._command_interaction(
            InteractionType.APPLICATION_COMMAND, name, options, subcommand, None, context
        )

    def make_autocomplete_interaction(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[JSON] | None = None,
        *,
        focused: str,
        subcommand: str | None = None,
        **context: Any,
    ) -> JSON:
        """Build an APPLICATION_COMMAND_AUTOCOMPLETE (type 4) interaction.

        ``focused`` names the option being typed; its value (``options[focused]``, default
        ``""``) is sent as typed with ``"focused": true``.  Other arguments as in
        :meth:`make_slash_interaction`.
        """
        return self._command_interaction(
            InteractionType.APPLICATION_COMMAND_AUTOCOMPLETE,
            name,
            options,
            subcommand,
            focused,
            context,
        )

    def make_context_menu_interaction(
        self,
        name: str,
        *,
        target_user: JSON | None = None,
        target_message: JSON | None = None,
        **context: Any,
    ) -> JSON:
        """Build a user (type 2) or message (type 3) context-menu command interaction."""
        if (target_user is None) == (target_message is None):
            raise TypeError("pass exactly one of target_user or target_message")
        ctype = 2 if target_user is not None else 3
        dm = bool(context.get("dm"))
        data, _ = self._command_data(name, ctype, context.get("guild_id"), dm)
        resolved: JSON = {}
        if target_user is not None:
            guild = None if dm else self._guild(context.get("guild_id"))
            data["target_id"] = self._resolve_value(6, target_user, guild, resolved)
        else:
            assert target_message is not None
            data["target_id"] = target_message["id"]
            resolved["messages"] = {target_message["id"]: copy.deepcopy(target_message)}
        data["resolved"] = resolved
        return self._envelope(InteractionType.APPLICATION_COMMAND, data, **context)

    def _message_arg(self, message: JSON | int | str) -> JSON:
        if isinstance(message, dict):
            return message
        try:
            return self.messages[int(message)]
        except KeyError:
            raise LookupError(f"the fake holds no message {message}") from None

    def _context_from_message(self, message: JSON, context: dict[str, Any]) -> dict[str, Any]:
        ctx = dict(context)
        if message.get("guild_id") and "guild_id" not in ctx and not ctx.get("dm"):
            ctx["guild_id"] = int(message["guild_id"])
            ctx.setdefault("channel_id", int(message["channel_id"]))
        elif not message.get("guild_id") and "guild_id" not in ctx:
            ctx.setdefault("dm", True)
        return ctx

    def make_component_interaction(
        self,
        custom_id: str,
        message: JSON | int | str,
        *,
        component_type: int = 2,
        values: Sequence[str] | None = None,
        **context: Any,
    ) -> JSON:
        """Build a MESSAGE_COMPONENT (type 3) interaction: a click on ``message``'s component.

        Args:
            custom_id: The component's ``custom_id`` (look it up in ``message["components"]``).
            message: The message carrying the component: a payload or an id the fake holds
                (e.g. ``fake.original_message(interaction_id)``).
            component_type: 2 button (default), 3/5/6/7/8 selects.
            values: Selected values for select menus.
            **context: As for :meth:`make_slash_interaction`; guild and channel default to
                the message's.
        """
        msg = self._message_arg(message)
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = list(values)
        ctx = self._context_from_message(msg, context)
        return self._envelope(InteractionType.MESSAGE_COMPONENT, data, message=msg, **ctx)

    def make_modal_submit_interaction(
        self,
        custom_id: str,
        components: Mapping[str, str] | Sequence[JSON],
        *,
        message: JSON | int | str | None = None,
        **context: Any,
    ) -> JSON:
        """Build a MODAL_SUBMIT (type 5) interaction.

        Args:
            custom_id: The modal's ``custom_id`` (see ``interaction_record(id).modal``).
            components: ``{text_input_custom_id: value}`` (sent as action rows of text inputs)
                or raw submitted components (e.g. type 18 labels).
            message: The message whose component opened the modal, if any.
            **context: As for :meth:`make_slash_interaction`.
        """
        if isinstance(components, Mapping):
            rows: list[JSON] = [
                {"type": 1, "components": [{"type": 4, "custom_id": cid, "value": value}]}
                for cid, value in components.items()
            ]
        else:
            rows = [copy.deepcopy(dict(c)) for c in components]
        data: JSON = {"custom_id": custom_id, "components": rows}
        msg = self._message_arg(message) if message is not None else None
        ctx = self._context_from_message(msg, context) if msg is not None else context
        return self._envelope(InteractionType.MODAL_SUBMIT, data, message=msg, **ctx)


# =============================================================================================
# Convenience context managers (non-pytest use)
# =============================================================================================


class _AttrPatcher:
    """A tiny stand-in for ``pytest.MonkeyPatch`` that can undo its ``setattr`` calls."""

    def __init__(self) -> None:
        self._undo: list[tuple[object, str, Any]] = []

    def setattr(self, target: object, name: str, value: Any) -> None:
        self._undo.append((target, name, getattr(target, name)))
        setattr(target, name, value)

    def undo(self) -> None:
        while self._undo:
            target, name, value = self._undo.pop()
            setattr(target, name, value)


@contextlib.contextmanager
def patch_discord(fake: FakeDiscord) -> Iterator[FakeDiscord]:
    """Point discord.py at a started ``fake`` for the duration of the ``with`` block."""
    patcher = _AttrPatcher()
    try:
        fake.apply_patches(patcher)
        yield fake
    finally:
        patcher.undo()


@contextlib.asynccontextmanager
async def running_fake_discord(**kwargs: Any) -> AsyncIterator[FakeDiscord]:
    """Start a :class:`FakeDiscord` (``kwargs`` go to its constructor) and patch discord.py."""
    fake = FakeDiscord(**kwargs)
    await fake.start()
    try:
        with patch_discord(fake):
            yield fake
    finally:
        await fake.stop()
