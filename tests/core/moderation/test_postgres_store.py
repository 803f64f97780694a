"""The PostgreSQL entry store across processes.

Racing writers, a killed writer, notifications to other hosts, and the database going down
and coming back.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.core.moderation.postgres import PostgresCommunityStore
from bot.core.storage.postgres import DatabaseUnavailableError
from tests.core.moderation.stores import GUILD, add, organization
from tests.postgres import set_reachable

ROOT = Path(__file__).resolve().parents[3]
WRITERS, EACH = 6, 8


def writer(url: str, first: int, what: str) -> subprocess.Popen[str]:
    """Start a writer process (see pg_writer)."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.core.moderation.pg_writer", url, str(GUILD), str(first),
         what], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def wait_for(condition: object, seconds: float = 10.0) -> bool:
    """Poll `condition()` until true or the deadline; whether it became true."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_writers_on_several_hosts_all_land(postgres_url: str) -> None:
    """Six processes adding eight entries each at once: all 48 land, each logged once."""
    procs = [writer(postgres_url, w * 100, str(EACH)) for w in range(WRITERS)]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * WRITERS, [err for _, err in outputs]
    acknowledged = {line for out, _ in outputs for line in out.split()}
    assert len(acknowledged) == WRITERS * EACH

    store = PostgresCommunityStore(postgres_url, listen=False)
    history = store.changelog.history(GUILD, limit=1000)
    assert {c.batch for c in history} == acknowledged
    ids = {r.entity.id for r in store.parse_guild(GUILD).records}
    assert ids == {organization(GUILD, w * 100 + n)[0] for w in range(WRITERS) for n in range(EACH)}
    assert store.changelog.pending() == []
    store.close()


def test_a_killed_writer_leaves_nothing_and_frees_the_lock(postgres_url: str) -> None:
    """A writer killed mid-batch leaves no row and no pending change; others write at once."""
    store = PostgresCommunityStore(postgres_url, lock_timeout=10, listen=False)
    add(store, GUILD, 1)  # creates the tables
    proc = writer(postgres_url, 50, "hang")
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    proc.kill()
    proc.wait()
    add(store, GUILD, 2)
    assert store.read_entry(GUILD, "organization", organization(GUILD, 50)[0]) is None
    assert store.changelog.pending() == []
    assert len(store.changelog.history(GUILD)) == 2
    store.close()


def test_another_hosts_change_is_noticed_through_notify(postgres_url: str) -> None:
    """A store listening learns of another process's change without asking the database."""
    watcher = PostgresCommunityStore(postgres_url)
    assert watcher.latest_change(GUILD) == 0  # starts the listener
    assert watcher._listener is not None and watcher._listener.wait_listening(10)
    proc = writer(postgres_url, 1, "1")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert wait_for(lambda: watcher._listener.mark(GUILD) not in (None, 0))  # type: ignore[union-attr]
    assert watcher.latest_change(GUILD) == watcher.changelog.latest_id(GUILD) > 0
    watcher.close()


def test_while_the_database_is_down_reads_go_on_and_writes_fail_clearly(
    postgres_url: str,
) -> None:
    """Down: entries already read are served, a write fails in one line; up: both work."""
    store = PostgresCommunityStore(postgres_url, listen=False)
    add(store, GUILD, 1)
    served = store.parse_guild(GUILD)
    mark = store.latest_change(GUILD)

    set_reachable(postgres_url, False)
    try:
        assert store.parse_guild(GUILD) is served
        assert store.latest_change(GUILD) == mark
        with pytest.raises(DatabaseUnavailableError) as caught:
            add(store, GUILD, 2)
        assert "\n" not in str(caught.value) and "nothing was changed" in str(caught.value)
    finally:
        set_reachable(postgres_url, True)

    add(store, GUILD, 2)
    assert len(store.parse_guild(GUILD).records) == 2
    assert store.latest_change(GUILD) > mark
    store.close()


def test_the_listener_reconnects_after_an_outage(postgres_url: str) -> None:
    """After the database comes back the listener listens again and catches up."""
    watcher = PostgresCommunityStore(postgres_url)
    watcher.latest_change(GUILD)
    listener = watcher._listener
    assert listener is not None and listener.wait_listening(10)
    set_reachable(postgres_url, False)
    assert wait_for(lambda: listener.mark(GUILD) is None)
    set_reachable(postgres_url, True)
    writer_store = PostgresCommunityStore(postgres_url, listen=False)
    add(writer_store, GUILD, 1)  # while the listener may still be reconnecting
    assert wait_for(lambda: listener.mark(GUILD) == writer_store.changelog.latest_id(GUILD))
    writer_store.close()
    watcher.close()
