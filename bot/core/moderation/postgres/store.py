"""Moderators' entries as rows in PostgreSQL: `CommunityStore`'s interface for many hosts.

Each entry is one row holding the YAML text its file would hold, parsed by the same code
under the same display path (`<guild>/<section>/<id>.yaml`), so validation, messages and
exports are identical whichever store is used. Writers on every host take turns under one
session advisory lock (the database drops it if a writer dies, as the kernel drops a
`flock`); a batch's journal rows, entry rows, `applied` mark and NOTIFY are one transaction.

When the database is down, reads answer from what this process last read (a server's
entries stay served) and writes fail with `DatabaseUnavailableError`, one clear line; the
connection and the listener come back by themselves.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.core.errors import IndexBusyError
from bot.core.kb.corpus import ParsedFiles
from bot.core.kb.models import EntityKind
from bot.core.kb.schema import SECTION_OF
from bot.core.moderation.changelog import PlannedChange
from bot.core.moderation.postgres.changelog import PostgresChangeLog
from bot.core.moderation.postgres.listener import ChangeListener
from bot.core.moderation.postgres.schema import CHANNEL, COMPONENT, MIGRATIONS, WRITERS_LOCK
from bot.core.storage.postgres import DatabaseUnavailableError
from bot.core.storage.session import Session

log = logging.getLogger(__name__)

#: Seconds between tries for the writers' lock while another host holds it.
_LOCK_POLL = 0.05


class PostgresCommunityStore:
    """Reads and writes the moderators' entries and change log in a shared database."""

    def __init__(self, url: str, lock_timeout: float = 10.0, *, listen: bool = True) -> None:
        """`listen` starts the LISTEN thread on first use (the CLI's one-shot commands skip it)."""
        self.url = url
        self.lock_timeout = lock_timeout
        self._session = Session(url, COMPONENT, MIGRATIONS)
        self.changelog = PostgresChangeLog(self._session)
        self._listener = ChangeListener(url) if listen else None
        self._holder = threading.local()
        #: Per server: the entries last read, served while the database is down.
        self._last_parsed: dict[int, ParsedFiles] = {}
        #: Per server: the mark last returned, returned again while the database is down.
        self._last_mark: dict[int, int] = {}

    @property
    def root(self) -> Path:
        """Where display paths are relative to: nowhere on disk (for messages only)."""
        return Path(self._session.describe())

    # Reading -------------------------------------------------------------------------

    def guilds(self) -> list[int]:
        """Servers that have entries (none while the database is down: bundled data only)."""
        self._start_listening()
        try:
            with self._session.use() as db:
                rows = db.execute(
                    "SELECT DISTINCT guild_id FROM community_entries ORDER BY guild_id"
                ).fetchall()
        except DatabaseUnavailableError:
            return sorted(self._last_parsed)
        return [int(row[0]) for row in rows]

    def entry_path(self, guild_id: int, kind: EntityKind, entry_id: str) -> Path:
        """The display path an entry's problems are reported under, as files are."""
        return Path(str(guild_id), SECTION_OF[kind], f"{entry_id}.yaml")

    def read_entry(self, guild_id: int, kind: EntityKind, entry_id: str) -> str | None:
        """An entry's YAML text, or None when it does not exist."""
        with self._session.use() as db:
            row = db.execute(
                "SELECT body FROM community_entries WHERE guild_id = %s "
                "AND kind = %s AND entry_id = %s",
                (guild_id, kind, entry_id),
            ).fetchone()
        return str(row[0]) if row else None

    def parse_guild(self, guild_id: int) -> ParsedFiles:
        """Parse every entry of one server, read in one statement (so one snapshot).

        A writer (holding the lock) needs the truth and gets the error when the database is
        down; anyone else gets the entries last read, so answers keep being served.
        """
        try:
            with self._session.use() as db:
                rows = db.execute(
                    "SELECT kind, entry_id, body FROM community_entries "
                    "WHERE guild_id = %s ORDER BY kind, entry_id",
                    (guild_id,),
                ).fetchall()
        except DatabaseUnavailableError:
            if self._holding() or guild_id not in self._last_parsed:
                raise
            return self._last_parsed[guild_id]
        parsed = ParsedFiles()
        for kind, entry_id, body in rows:
            display = f"{guild_id}/{SECTION_OF[kind]}/{entry_id}.yaml"
            parsed.add_text(body, display, guild_id)
        self._last_parsed[guild_id] = parsed
        return parsed

    def latest_change(self, guild_id: int) -> int:
        """The newest finished change id of a server: from the listener, else the database.

        While the database is down this is the last mark returned, so nobody reloads what
        cannot be read and answers go on from what was loaded.
        """
        self._start_listening()
        mark = None
        if self._listener is not None and not self._holding():
            # A writer reads the database itself: the listener may be a moment behind a
            # commit made just before this writer took the lock.
            mark = self._listener.mark(guild_id)
        if mark is None:
            try:
                mark = self.changelog.latest_id(guild_id)
            except DatabaseUnavailableError:
                return self._last_mark.get(guild_id, 0)
        self._last_mark[guild_id] = mark
        return mark

    # Writing -------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """One writer at a time across every host; re-entrant in the holding thread."""
        if self._holding():
            yield
            return
        with self._session.pinned() as db:
            deadline = time.monotonic() + self.lock_timeout
            while not db.execute("SELECT pg_try_advisory_lock(%s)", (WRITERS_LOCK,)).fetchone()[0]:  # type: ignore[index]
                if time.monotonic() > deadline:
                    raise IndexBusyError(
                        "another change to the knowledge base is in progress; try again in a moment"
                    )
                time.sleep(_LOCK_POLL)
            self._holder.held = True
            try:
                yield
            finally:
                self._holder.held = False
                if not db.broken:  # a broken connection's lock died with its session
                    db.execute("SELECT pg_advisory_unlock(%s)", (WRITERS_LOCK,))

    def _holding(self) -> bool:
        return bool(getattr(self._holder, "held", False))

    def apply(
        self,
        guild_id: int,
        actor_id: int,
        actor_name: str,
        planned: list[PlannedChange],
        title: str | None = None,
    ) -> str:
        """Apply a batch in one transaction (journal, rows, applied, notify); its batch id.

        The caller holds `locked()` and has validated the batch against the current rows.
        """
        if not self._holding():
            raise RuntimeError("PostgresCommunityStore.apply needs the writers' lock (locked())")
        batch = uuid.uuid4().hex
        with self._session.use() as db, db.transaction():
            ids = self.changelog.begin(batch, guild_id, actor_id, actor_name, planned, title)
            for change in planned:
                if change.after is None:
                    db.execute(
                        "DELETE FROM community_entries WHERE guild_id = %s AND kind = %s "
                        "AND entry_id = %s",
                        (guild_id, change.kind, change.entry_id),
                    )
                else:
                    db.execute(
                        "INSERT INTO community_entries (guild_id, kind, entry_id, body) "
                        "VALUES (%s, %s, %s, %s) ON CONFLICT (guild_id, kind, entry_id) "
                        "DO UPDATE SET body = excluded.body",
                        (guild_id, change.kind, change.entry_id, change.after),
                    )
            self.changelog.finish(batch, "applied")
            # Delivered at commit, when the rows are visible to whoever reloads.
            db.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"{guild_id}:{max(ids, default=0)}"))
        return batch

    def recover(self) -> int:
        """Nothing to roll back: a batch is one transaction, undone by the database if cut."""
        return 0

    def close(self) -> None:
        """Stop listening and close the connection."""
        if self._listener is not None:
            self._listener.stop()
        self._session.close()

    def _start_listening(self) -> None:
        if self._listener is not None:
            self._listener.start()
