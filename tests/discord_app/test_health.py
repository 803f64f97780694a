"""The heartbeat file: written atomically, read back strictly, judged in one line."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from bot.discord_app.health import (
    MAX_HEARTBEAT_BYTES,
    Heartbeat,
    HeartbeatError,
    check,
    read_heartbeat,
    write_heartbeat,
)

NOW = 1_800_000_000.0


def beat(**changes: object) -> Heartbeat:
    """A healthy two-shard heartbeat written 5 s before NOW, with `changes`."""
    healthy = Heartbeat(
        state="running",
        written_at=NOW - 5,
        interval=30.0,
        pid=4321,
        shards_expected=[0, 1],
        shards_connected=[0, 1],
        latency_ms=41.5,
        last_gateway_event_at=NOW - 12,
        last_gateway_event="INTERACTION_CREATE",
        engine_ok=True,
        engine_probe_ms=0.4,
        entities=1234,
        usage_dropped=0,
        usage_pending=3,
    )
    return dataclasses.replace(healthy, **changes)  # type: ignore[arg-type]


def written(tmp_path: Path, heartbeat: Heartbeat) -> Path:
    path = tmp_path / "state" / "health.json"
    write_heartbeat(path, heartbeat)
    return path


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    """What the writer writes, the reader reads back unchanged, in a folder it created."""
    path = written(tmp_path, beat())
    assert read_heartbeat(path) == beat()
    assert [p.name for p in path.parent.iterdir()] == ["health.json"], "no temporary left"
    assert path.stat().st_mode & 0o777 == 0o644


def test_healthy_line_says_what_it_measured(tmp_path: Path) -> None:
    """A fresh, connected, responsive bot is healthy, and the line carries the numbers."""
    healthy, line = check(written(tmp_path, beat()), now=NOW)
    assert healthy
    assert line == (
        "healthy: 2/2 shards connected, latency 42 ms, last gateway event 12 s ago "
        "(INTERACTION_CREATE), engine ok (1,234 entities, probe 0 ms), usage log "
        "0 dropped, 3 pending; heartbeat 5.0 s old"
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"written_at": NOW - 91}, "heartbeat is 91 s old, expected every 30 s: the bot is hung"),
        ({"shards_connected": [1]}, "1/2 shards connected (down: 0)"),
        ({"shards_expected": [], "shards_connected": []}, "not ready yet: connecting to Discord"),
        ({"engine_ok": False}, "the search engine did not answer within 30 s"),
        ({"state": "starting"}, "starting (pid 4321): loading the knowledge base"),
        ({"state": "stopped"}, "stopped (pid 4321) at "),
    ],
)
def test_unhealthy_line_names_the_problem(
    tmp_path: Path, changes: dict[str, object], expected: str
) -> None:
    """Each way of being unhealthy is exit 1 and named in the one line."""
    healthy, line = check(written(tmp_path, beat(**changes)), now=NOW)
    assert not healthy
    assert line.startswith("unhealthy: ") and expected in line
    assert "\n" not in line


def test_stale_threshold_is_three_intervals_with_a_floor(tmp_path: Path) -> None:
    """Three intervals of silence are tolerated; a 1 s interval still gets 10 s."""
    assert check(written(tmp_path, beat(written_at=NOW - 90)), now=NOW)[0]
    assert not check(written(tmp_path, beat(written_at=NOW - 90.5)), now=NOW)[0]
    assert check(written(tmp_path, beat(interval=1.0, written_at=NOW - 10)), now=NOW)[0]
    assert not check(written(tmp_path, beat(interval=1.0, written_at=NOW - 11)), now=NOW)[0]


def test_missing_file_is_unhealthy_and_says_where(tmp_path: Path) -> None:
    """No heartbeat file: the bot is not running here, and the path is named."""
    healthy, line = check(tmp_path / "health.json")
    assert not healthy
    assert line == (
        f"unhealthy: no heartbeat at {tmp_path / 'health.json'}: the bot is not "
        "running here, or has not started yet"
    )


def valid_json() -> dict[str, object]:
    return json.loads(beat().to_json())


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[]", "not a JSON object"),
        (json.dumps({**valid_json(), "version": 2}).encode(), "format version 2, expected 1"),
        (json.dumps({**valid_json(), "state": "fine"}).encode(), "'state' has an impossible value"),
        (json.dumps({**valid_json(), "interval": 1e9}).encode(), "'interval' has an impossible"),
        (json.dumps({**valid_json(), "interval": 0}).encode(), "'interval' has an impossible"),
        (json.dumps({**valid_json(), "pid": True}).encode(), "'pid' has an impossible value"),
        (json.dumps({**valid_json(), "shards_connected": [-1]}).encode(), "'shards_connected'"),
        (json.dumps({**valid_json(), "written_at": "now"}).encode(), "'written_at' has an"),
        (json.dumps({**valid_json(), "latency_ms": float("nan")}).encode(), "'latency_ms' has"),
        (
            json.dumps({k: v for k, v in valid_json().items() if k != "engine_ok"}).encode(),
            "'engine_ok' is missing",
        ),
        (b" " * (MAX_HEARTBEAT_BYTES + 1), "larger than a heartbeat"),
    ],
)
def test_a_damaged_or_foreign_file_is_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    """Anything but a heartbeat of this format is unhealthy, with the reason, never believed."""
    path = tmp_path / "health.json"
    path.write_bytes(content)
    with pytest.raises(HeartbeatError, match=r"is not a heartbeat|larger than") as caught:
        read_heartbeat(path)
    assert reason in str(caught.value)
    healthy, line = check(path, now=NOW)
    assert not healthy and line.startswith(f"unhealthy: {path}")


def test_a_directory_in_its_place_is_unhealthy(tmp_path: Path) -> None:
    """A folder where the file should be is reported, not a traceback."""
    (tmp_path / "health.json").mkdir()
    healthy, line = check(tmp_path / "health.json", now=NOW)
    assert not healthy and "cannot read" in line


def test_replacing_never_shows_a_half_written_file(tmp_path: Path) -> None:
    """A rewrite goes through a temporary and a rename, so the old file stays whole until then."""
    path = written(tmp_path, beat())
    before = path.stat().st_ino
    write_heartbeat(path, beat(usage_pending=7))
    assert path.stat().st_ino != before, "rewritten in place"
    assert read_heartbeat(path).usage_pending == 7
