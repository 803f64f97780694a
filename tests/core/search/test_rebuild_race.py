"""Real `campaign-bot` processes racing over one index directory.

Several `index rebuild` run at once, a few rounds over, while a `search` starts among them.
Each rebuild must finish (one after another) or say in one line that the index is busy;
none may print a traceback; afterwards the index holds exactly one document per entity
and a search lists each hit once. Before the maintenance lock, two rebuilds both wrote
into one directory: tracebacks, and now and then every document twice.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.service import Actor, Moderation
from bot.core.search.index.files import maintenance_lock
from tests.core.search.helpers import double

GUILD = 1
ROUNDS = 3
RACERS = 3
#: Seconds a racer waits for the others' rebuilds: enough on a loaded two-core machine.
RACE_LOCK_TIMEOUT = "120"


@dataclass
class Run:
    """One finished child process."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str
    seconds: float


def _env(lock_timeout: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPAIGN_BOT_")}
    env["CAMPAIGN_BOT_INDEX_LOCK_TIMEOUT"] = lock_timeout
    # Relative to each child's working folder, `home`: where `_engine` looks.
    env["CAMPAIGN_BOT_INDEX_DIR"], env["CAMPAIGN_BOT_COMMUNITY_DIR"] = "index", "data/community"
    return env


def _spawn(
    home: Path, *args: str, lock_timeout: str = RACE_LOCK_TIMEOUT
) -> tuple[subprocess.Popen[str], float]:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli.main", *args],
        cwd=home,
        env=_env(lock_timeout),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, time.monotonic()


def _finish(started: tuple[subprocess.Popen[str], float]) -> Run:
    process, at = started
    out, err = process.communicate(timeout=300)
    return Run(
        tuple(map(str, process.args))[3:],
        process.returncode,
        out,
        err,  # type: ignore[arg-type]
        time.monotonic() - at,
    )


def _engine(home: Path) -> Engine:
    return Engine(bundled_data_dir(), home / "index", community_dir=home / "data" / "community")


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    """A working directory whose index also holds a server's own demand and signatory."""
    engine = _engine(tmp_path)
    engine.start()
    moderation = Moderation(engine)
    source = "https://example.org/race-golf"
    moderation.add(
        GUILD,
        Actor(1, "mod"),
        "demand",
        {"letter": "2018", "text": "Stop building golf courses.", "source": source},
    )
    moderation.add(
        GUILD,
        Actor(1, "mod"),
        "signatory",
        {"letter": "2018", "organization": "Amnesty", "source": source},
    )
    engine.close()
    yield tmp_path


def _assert_one_line_busy_or_done(run: Run) -> None:
    assert "Traceback" not in run.err, run.err
    if run.code == 0:
        assert "index rebuilt" in run.out
    else:
        assert run.code == 2 and "busy" in run.err, (run.code, run.err)
        assert len(run.err.strip().splitlines()) == 1, run.err


def test_racing_rebuilds_leave_one_document_per_entity(home: Path) -> None:
    """Rounds of simultaneous rebuilds (and a search among them): no traceback, no double."""
    times: list[float] = []
    for _ in range(ROUNDS):
        racers = [_spawn(home, "index", "rebuild") for _ in range(RACERS)]
        reader = _spawn(home, "search", "golf", "--guild", str(GUILD), "--json")
        runs = [_finish(p) for p in racers]
        searched = _finish(reader)
        times += [r.seconds for r in (*runs, searched)]
        for run in runs:
            _assert_one_line_busy_or_done(run)
        assert any(r.code == 0 for r in runs)
        assert searched.code == 0 and "Traceback" not in searched.err, searched.err
        ids = [i["entity_id"] for s in json.loads(searched.out)["sections"] for i in s["items"]]
        assert ids and len(ids) == len(set(ids))
        health = _engine(home).inspect()
        assert health.healthy, health.describe()
        assert health.duplicates == 0 and health.documents == health.entities
    status = _finish(_spawn(home, "index", "status"))
    assert status.code == 0 and "up to date" in status.out
    print(
        f"\n{ROUNDS} rounds of {RACERS} rebuilds and a search: worst process "
        f"{max(times):.1f} s, mean {sum(times) / len(times):.1f} s"
    )


def test_rebuild_while_another_holds_the_index_says_busy(home: Path) -> None:
    """A rebuild that cannot get the index in time says so in one line, exit 2."""
    with maintenance_lock(home / "index", timeout=5):
        run = _finish(_spawn(home, "index", "rebuild", lock_timeout="0.5"))
    assert run.code == 2 and "Traceback" not in run.err
    assert run.err.count("\n") == 1 and "busy" in run.err
    assert _engine(home).inspect().healthy


def test_status_reports_a_doubled_index_and_the_next_start_heals_it(home: Path) -> None:
    """`index status` exits 1 naming the duplicates; any command then rebuilds it."""
    engine = _engine(home)
    engine.start()
    double(home / "index", engine._index_kb(), trusted_hashes=True)
    engine.close()
    status = _finish(_spawn(home, "index", "status"))
    assert status.code == 1 and "duplicate" in status.out and "Traceback" not in status.err
    searched = _finish(_spawn(home, "search", "golf", "--guild", str(GUILD), "--json"))
    assert searched.code == 0, searched.err
    ids = [i["entity_id"] for s in json.loads(searched.out)["sections"] for i in s["items"]]
    assert ids and len(ids) == len(set(ids))
    status = _finish(_spawn(home, "index", "status"))
    assert status.code == 0 and "up to date" in status.out
