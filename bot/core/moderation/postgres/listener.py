"""LISTEN/NOTIFY: how a process learns within a moment that another host changed entries.

A daemon thread holds its own connection, LISTENs on the change channel and keeps every
server's newest change id. Writers NOTIFY in the transaction that applies a batch, so the
message arrives exactly when the rows are visible. After a lost connection the thread
reconnects by itself and reads every server's mark again, since messages sent while it was
away are gone. While it is not listening, `mark` says so and the store asks the database.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import Final

import psycopg

from bot.core.moderation.postgres.schema import CHANNEL
from bot.core.storage.postgres import DB_ERRORS, connect, redact_url

log = logging.getLogger(__name__)

#: Seconds between reconnection attempts, doubling up to the last.
_BACKOFF: Final = (0.5, 1.0, 2.0, 5.0)
#: Seconds one wait for messages lasts, so `stop` is noticed.
_POLL: Final = 0.5


class ChangeListener:
    """Every server's newest change id, kept current from the database's notifications."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._marks: dict[int, int] = {}
        self._lock = threading.Lock()
        self._listening = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kb-change-listener", daemon=True)
        self._started = False

    def start(self) -> None:
        """Start listening in the background (once)."""
        if not self._started:
            self._started = True
            self._thread.start()

    def wait_listening(self, timeout: float) -> bool:
        """Wait until the listener is connected; whether it is."""
        return self._listening.wait(timeout)

    def mark(self, guild_id: int) -> int | None:
        """The server's newest change id, or None while not listening (ask the database)."""
        if not self._listening.is_set():
            return None
        with self._lock:
            return self._marks.get(guild_id, 0)

    def stop(self) -> None:
        """Stop the thread and close its connection."""
        self._stop.set()
        if self._started:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                with connect(self._url) as db:
                    db.execute(f"LISTEN {CHANNEL}")
                    # After LISTEN, so nothing committed between the two is missed.
                    marks = _current_marks(db)
                    with self._lock:
                        self._marks = marks
                    self._listening.set()
                    if attempt:
                        log.info("Listening for other hosts' changes again.")
                    attempt = 0
                    self._listen(db)
            except DB_ERRORS as exc:
                if self._listening.is_set() or attempt == 0:
                    log.warning(
                        "Not listening for other hosts' changes (%s): %s; retrying.",
                        redact_url(self._url),
                        " ".join(str(exc).split()),
                    )
                self._listening.clear()
                self._stop.wait(_BACKOFF[min(attempt, len(_BACKOFF) - 1)])
                attempt += 1
        self._listening.clear()

    def _listen(self, db: psycopg.Connection) -> None:
        while not self._stop.is_set():
            for message in db.notifies(timeout=_POLL):
                self._note(message.payload)
        with contextlib.suppress(*DB_ERRORS):
            db.execute(f"UNLISTEN {CHANNEL}")

    def _note(self, payload: str) -> None:
        guild, _, change = payload.partition(":")
        if not (guild.isdigit() and change.isdigit()):
            return  # not ours; the channel name is public to every database user
        with self._lock:
            self._marks[int(guild)] = max(self._marks.get(int(guild), 0), int(change))


def _current_marks(db: psycopg.Connection) -> dict[int, int]:
    """Every server's newest finished change id (none before the tables exist)."""
    exists = db.execute("SELECT to_regclass('community_changes') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return {}
    rows = db.execute(
        "SELECT guild_id, MAX(id) FROM community_changes "
        "WHERE status <> 'pending' GROUP BY guild_id"
    ).fetchall()
    return {int(guild): int(latest) for guild, latest in rows}
