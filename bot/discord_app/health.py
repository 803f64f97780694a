"""The heartbeat file: what the running bot says about itself, and the verdict read from it.

`campaign-bot run` rewrites a small JSON file every `health_interval` seconds (see
`heartbeat.HeartbeatWriter`); `campaign-bot health` reads it and says in one line whether the
bot is healthy. A file, not a port: it needs no listener and no open firewall, works the same
under systemd and in a container's HEALTHCHECK, and a hung bot shows as a stale file.

This module never imports discord, so `campaign-bot health` starts fast.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

#: Bumped when a field changes meaning; a reader refuses a version it does not know.
FORMAT_VERSION = 1
#: A heartbeat is a few hundred bytes; anything much larger is not ours.
MAX_HEARTBEAT_BYTES = 64_000
#: A heartbeat older than this many intervals means the bot is hung or gone.
STALE_AFTER_INTERVALS = 3
#: ...and never sooner than this many seconds, so a 1 s interval survives a slow disk.
STALE_FLOOR_SECONDS = 10.0
#: Longest interval a heartbeat may claim (as the setting allows), so a damaged file
#: cannot claim to be fresh for a year.
MAX_INTERVAL_SECONDS = 3_600.0

State = Literal["starting", "running", "stopped"]
STATES: tuple[State, ...] = ("starting", "running", "stopped")


class HeartbeatError(Exception):
    """The heartbeat file is missing, unreadable or not a heartbeat; the message says which."""


@dataclass(frozen=True, slots=True)
class Heartbeat:
    """One sample of the bot's health, as written to the heartbeat file."""

    state: State
    written_at: float  # Unix time: the reader is another process, maybe another clock owner
    interval: float  # seconds until the next heartbeat
    pid: int
    shards_expected: list[int] = field(default_factory=list)
    shards_connected: list[int] = field(default_factory=list)
    latency_ms: float | None = None  # heartbeat round trip to Discord, averaged over shards
    last_gateway_event_at: float | None = None  # Unix time of the last gateway dispatch
    last_gateway_event: str | None = None  # its type, e.g. INTERACTION_CREATE
    engine_ok: bool = False  # the search worker answered a probe in time
    engine_probe_ms: float | None = None
    entities: int = 0  # entities in the loaded knowledge base
    usage_dropped: int = 0  # usage-log rows lost since start (the log never fails an answer)
    usage_pending: int = 0  # usage-log rows queued, not yet written

    def to_json(self) -> str:
        """The file's text."""
        return json.dumps({"version": FORMAT_VERSION, **dataclasses.asdict(self)}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Heartbeat:
        """Parse and check a heartbeat file's text; HeartbeatError says what is wrong."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise HeartbeatError(f"not JSON ({exc})") from None
        if not isinstance(data, dict):
            raise HeartbeatError("not a JSON object")
        if data.get("version") != FORMAT_VERSION:
            raise HeartbeatError(
                f"format version {data.get('version')!r}, expected {FORMAT_VERSION}"
            )
        values = {}
        for spec in dataclasses.fields(cls):
            if spec.name not in data:
                raise HeartbeatError(f"'{spec.name}' is missing")
            if not _VALID[spec.name](data[spec.name]):
                raise HeartbeatError(f"'{spec.name}' has an impossible value")
            values[spec.name] = data[spec.name]
        return cls(**values)


def _count(value: Any) -> bool:
    return type(value) is int and value >= 0


def _number(value: Any) -> bool:
    """A finite number, not negative (JSON has no NaN, but Python's json reads one)."""
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < float("inf")
    )


def _shard_ids(value: Any) -> bool:
    return isinstance(value, list) and len(value) <= 100_000 and all(map(_count, value))


#: What each field accepts; a damaged or foreign file is refused rather than half-believed.
_VALID: dict[str, Callable[[Any], bool]] = {
    "state": lambda v: v in STATES,
    "written_at": _number,
    "interval": lambda v: _number(v) and 0 < v <= MAX_INTERVAL_SECONDS,
    "pid": _count,
    "shards_expected": _shard_ids,
    "shards_connected": _shard_ids,
    "latency_ms": lambda v: v is None or _number(v),
    "last_gateway_event_at": lambda v: v is None or _number(v),
    "last_gateway_event": lambda v: v is None or (isinstance(v, str) and len(v) <= 100),
    "engine_ok": lambda v: isinstance(v, bool),
    "engine_probe_ms": lambda v: v is None or _number(v),
    "entities": _count,
    "usage_dropped": _count,
    "usage_pending": _count,
}


def write_heartbeat(path: Path, beat: Heartbeat) -> None:
    """Replace the heartbeat file atomically: a reader sees the old or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(beat.to_json())
        os.chmod(temporary, 0o644)  # mkstemp makes it 0600; `health` may run as another user
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_heartbeat(path: Path) -> Heartbeat:
    """The heartbeat in `path`; HeartbeatError if missing, too large or malformed."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_HEARTBEAT_BYTES + 1)
    except FileNotFoundError:
        raise HeartbeatError(
            f"no heartbeat at {path}: the bot is not running here, or has not started yet"
        ) from None
    except OSError as exc:
        raise HeartbeatError(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_HEARTBEAT_BYTES:
        raise HeartbeatError(
            f"{path} is larger than a heartbeat ({MAX_HEARTBEAT_BYTES:,} bytes at most)"
        )
    try:
        return Heartbeat.from_json(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise HeartbeatError(f"{path} is not a heartbeat: not UTF-8") from None
    except HeartbeatError as exc:
        raise HeartbeatError(f"{path} is not a heartbeat: {exc}") from None


def stale_after(beat: Heartbeat) -> float:
    """Seconds after which `beat` no longer vouches for the bot."""
    return max(STALE_AFTER_INTERVALS * beat.interval, STALE_FLOOR_SECONDS)


def problems(beat: Heartbeat, now: float) -> list[str]:
    """What is wrong with the bot according to `beat`, read at Unix time `now`; [] if healthy."""
    age = now - beat.written_at
    if beat.state == "stopped":
        return [f"stopped (pid {beat.pid}) at {_clock(beat.written_at)}"]
    found = []
    if age > stale_after(beat):
        found.append(
            f"heartbeat is {_seconds(age)} old, expected every "
            f"{_seconds(beat.interval)}: the bot is hung or gone"
        )
    if beat.state == "starting":
        found.append(f"starting (pid {beat.pid}): loading the knowledge base")
        return found
    missing = sorted(set(beat.shards_expected) - set(beat.shards_connected))
    if not beat.shards_expected:
        found.append("not ready yet: connecting to Discord")
    elif missing:
        found.append(
            f"{len(beat.shards_expected) - len(missing)}/{len(beat.shards_expected)} "
            f"shards connected (down: {', '.join(map(str, missing))})"
        )
    if not beat.engine_ok:
        found.append(f"the search engine did not answer within {_seconds(beat.interval)}")
    return found


def describe(beat: Heartbeat, now: float) -> str:
    """One line for an operator: the verdict first, then the numbers behind it."""
    found = problems(beat, now)
    age = f"heartbeat {_seconds(max(now - beat.written_at, 0))} old"
    if found:
        return f"unhealthy: {'; '.join(found)} ({age})"
    parts = [f"{len(beat.shards_connected)}/{len(beat.shards_expected)} shards connected"]
    if beat.latency_ms is not None:
        parts.append(f"latency {beat.latency_ms:.0f} ms")
    if beat.last_gateway_event_at is not None:
        parts.append(
            f"last gateway event {_seconds(max(now - beat.last_gateway_event_at, 0))}"
            f" ago ({beat.last_gateway_event})"
        )
    parts.append(
        f"engine ok ({beat.entities:,} entities, probe {beat.engine_probe_ms or 0:.0f} ms)"
    )
    parts.append(f"usage log {beat.usage_dropped:,} dropped, {beat.usage_pending:,} pending")
    return f"healthy: {', '.join(parts)}; {age}"


def check(path: Path, now: float | None = None) -> tuple[bool, str]:
    """Whether the bot writing `path` is healthy, and one line saying why."""
    try:
        beat = read_heartbeat(path)
    except HeartbeatError as exc:
        return False, f"unhealthy: {exc}"
    now = time.time() if now is None else now
    return not problems(beat, now), describe(beat, now)


def _seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 10 else f"{value:.1f} s"


def _clock(stamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(stamp))
