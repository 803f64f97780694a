"""The running knowledge base: corpus, name table and search index, served off the event loop.

Whoosh and answer building are blocking work, so every call runs on one worker thread that
owns the searcher (and refreshes it after commits). Front ends call `await engine.run(...)`
from asyncio, or the plain methods from the CLI.

Each server sees the bundled corpus plus its own moderators' entries. A server without
entries shares the bundled view; a server with entries gets its own view, built on first
use and again after each of its changes: its entries laid over the bundled view
(bot.core.views), in time proportional to the entries, sharing the reader's tables.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from bot.core.kb.corpus import KnowledgeBase, ParsedFiles, check_records, load_corpus
from bot.core.kb.layered import Change, detached, layer
from bot.core.kb.models import EntityRecord
from bot.core.moderation.stores import EntryStore, entry_store
from bot.core.scope import Scope
from bot.core.search.index import IndexHealth, Progress, SearchIndex, SyncReport
from bot.core.search.names import NameIndex
from bot.core.snapshot import (
    PARSED_FILE,
    SNAPSHOT_FILE,
    Parsed,
    code_digest,
    file_digests,
    freeze_loaded,
    load_parsed,
    load_snapshot,
    paused_gc,
    save_parsed,
    save_snapshot,
)
from bot.core.views.build import server_view, warm
from bot.core.views.changed_files import lay_changed_files

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Seconds between checks whether another process (the CLI twin) changed a server's entries.
FRESHNESS_INTERVAL = 2.0

#: What the bundled data was loaded from: the loading code's digest, each file's digest.
_Taken = tuple[str, dict[str, str]]


class Engine:
    """Owns the knowledge base, the community entries and the index for the process."""

    def __init__(
        self,
        data_dir: Path,
        index_dir: Path,
        lock_timeout: float = 10.0,
        max_query_length: int = 300,
        community_dir: Path | None = None,
        database_url: str | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.index_dir = index_dir
        self.max_query_length = max_query_length
        self.index = SearchIndex(index_dir, lock_timeout)
        # The moderators' entries: files under community_dir, or PostgreSQL when a database
        # URL is set (shared by every process on every host; see docs/deploying.md).
        self.community: EntryStore | None = entry_store(community_dir, database_url, lock_timeout)
        self.kb = KnowledgeBase()
        self.names = NameIndex(())
        self._guild_records: dict[int, list[EntityRecord]] = {}
        self._views: dict[int, Scope] = {}
        self._views_lock = threading.Lock()
        self._seen_change: dict[int, int] = {}
        self._checked_at: dict[int, float] = {}
        self._from_snapshot = False
        self._parsed: Parsed = {}
        #: Set when the snapshot is older than what was loaded: written at `close`.
        self._stale_snapshot: _Taken | None = None
        #: The reader tables computed at load: the snapshot keeps these and no others, as
        #: only the code that shapes them (`warm.SHAPING_MODULES`) invalidates it.
        self._warmed: frozenset[str] = frozenset()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")

    # Start-up ------------------------------------------------------------------------

    def start(self, progress: Progress | None = None) -> SyncReport:
        """Load and validate data/ and the community entries, then sync the index (blocking)."""
        taken_of = self._load()
        report = self.index.open(self._index_kb(), progress)
        self._save_snapshot(taken_of)
        freeze_loaded()
        if report.changed:
            log.info(
                "search index synced: %d added, %d updated, %d removed%s",
                report.added,
                report.updated,
                report.removed,
                " (rebuilt)" if report.rebuilt else "",
            )
        return report

    def rebuild(self, progress: Progress | None = None) -> SyncReport:
        """Recreate the index from data/ and the community entries (blocking).

        The data is loaded before the index lock is taken, so a moderator's change saved in
        between would be missing from the rebuilt index: the data is loaded again afterwards
        and the index synced with it (nothing to do when nothing changed).
        """
        self._load()
        report = self.index.rebuild(self._index_kb(), progress)
        taken_of = self._load()
        self.index.sync(self._index_kb())
        self._save_snapshot(taken_of)
        return report

    def inspect(self) -> IndexHealth:
        """Load the data and compare the index with it, leaving the index as it is (blocking)."""
        self._load()
        return self.index.inspect(self._index_kb())

    def _load(self) -> _Taken:
        """Load everything; return what the bundled data was loaded from."""
        taken_of = self._load_bundled()
        self._guild_records.clear()
        self._views.clear()
        if self.community is not None:
            undone = self.community.recover()
            if undone:
                log.warning("rolled back %d unfinished moderator change(s)", undone)
            for guild_id in self.community.guilds():
                # Mark first: a change finishing while the files are read is then seen as
                # new by the next refresh instead of being marked seen but never loaded.
                self._seen_change[guild_id] = self.community.latest_change(guild_id)
                self._guild_records[guild_id] = self._load_guild(guild_id)
        return taken_of

    def _load_bundled(self) -> _Taken:
        """Load data/ into `kb` and `names`, from the snapshot when there is one.

        The snapshot is used as it is when it is of the same data; when a few files changed,
        only those are parsed and laid over it; else every file is loaded.
        """
        with paused_gc():
            code, files = code_digest(), file_digests(self.data_dir)
            cached = load_snapshot(self.index_dir / SNAPSHOT_FILE, code)
            self._from_snapshot = cached is not None and cached.files == files
            laid, self._parsed = None, {}
            if cached is not None and not self._from_snapshot:
                parsed = load_parsed(self.index_dir / PARSED_FILE, code)
                laid = lay_changed_files(cached, self.data_dir, files, parsed)
            if cached is not None and self._from_snapshot:
                self.kb, self.names = cached.kb, cached.names
            elif laid is not None:
                self.kb, self.names, self._parsed = laid
                self._from_snapshot = True  # the snapshot stays; the parsed files go beside
            else:
                self.kb = load_corpus(self.data_dir)
                self.names = NameIndex(self.kb.entities())
                # The reader's tables, built now and kept in the snapshot (see answers.warm).
                warm(self.kb)
            self._warmed = self.kb.derived_names()
            # Frozen before collection resumes, which would otherwise walk the million
            # objects just loaded once more (a third of a second at 100,000 entities).
            freeze_loaded()
        return code, files

    def _save_snapshot(self, taken_of: _Taken) -> None:
        """Snapshot `kb` and `names` once the index is ready (a rebuild wipes its directory).

        After a start that laid changed files over the snapshot, what they parsed to is
        kept beside it for now (writing a snapshot of 100,000 entities takes seconds), and
        the snapshot itself is written when the engine closes (`close`).
        """
        if self._from_snapshot and (self.index_dir / SNAPSHOT_FILE).exists():
            if self._parsed:
                save_parsed(self.index_dir / PARSED_FILE, taken_of[0], self._parsed)
                self._stale_snapshot = taken_of
            return
        self._write_snapshot(taken_of)

    def _write_snapshot(self, taken_of: _Taken) -> None:
        code, files = taken_of
        self._stale_snapshot = None
        if file_digests(self.data_dir) != files:
            return  # data/ changed while loading: the next start loads it afresh
        (self.index_dir / PARSED_FILE).unlink(missing_ok=True)
        kept = detached(self.kb, keep=self._warmed)
        save_snapshot(self.index_dir / SNAPSHOT_FILE, code, files, kept, self.names)

    def _load_guild(self, guild_id: int) -> list[EntityRecord]:
        """A server's valid entries; broken files are skipped with a log line, not fatal.

        Checked against the bundled knowledge base as it is loaded, not loaded with it again.
        """
        assert self.community is not None  # noqa: S101
        parsed = self.community.parse_guild(guild_id)
        for problem in parsed.problems:
            log.error("skipping a community entry: %s", problem)
        bad_files = {p.path for p in parsed.problems}
        while True:
            check = ParsedFiles(
                records=[r for r in parsed.records if r.location.path not in bad_files],
                references=[r for r in parsed.references if r.path not in bad_files],
            )
            records, problems = check_records(check, self.kb.records)
            if not problems:
                return list(records.values())
            newly_bad = {p.path for p in problems} - bad_files
            for problem in problems:
                log.error("skipping a community entry: %s", problem)
            if not newly_bad:
                return []
            bad_files |= newly_bad

    def _index_kb(self) -> KnowledgeBase:
        """Every entity of every server, for the index (documents carry their guild)."""
        if not self._guild_records:
            return self.kb
        everything = [r for records in self._guild_records.values() for r in records]
        return layer(self.kb, Change(tuple(everything)), merge_additions=False)

    # Scopes --------------------------------------------------------------------------

    def scope(self, guild_id: int | None = None) -> Scope:
        """What a server (or a DM, guild None) can see."""
        if guild_id is None or not self._guild_records.get(guild_id):
            return Scope(self.kb, self.names, self.index, guild_id, self.max_query_length)
        with self._views_lock:
            view = self._views.get(guild_id)
            if view is None:
                kb, names = server_view(self.kb, self.names, self._guild_records[guild_id])
                view = Scope(kb, names, self.index, guild_id, self.max_query_length)
                self._views[guild_id] = view
            return view

    def guild_records(self, guild_id: int) -> list[EntityRecord]:
        """A server's own entries."""
        return list(self._guild_records.get(guild_id, ()))

    def refresh_if_changed(self, guild_id: int | None, force: bool = False) -> None:
        """Reload a server's entries if another process changed them (worker thread only).

        The change log's newest id per server is the freshness mark; it is read at most every
        FRESHNESS_INTERVAL seconds per server unless `force` (moderators' writes).
        """
        if guild_id is None or self.community is None:
            return
        now = time.monotonic()
        if not force and now - self._checked_at.get(guild_id, 0.0) < FRESHNESS_INTERVAL:
            return
        self._checked_at[guild_id] = now
        latest = self.community.latest_change(guild_id)
        if latest != self._seen_change.get(guild_id, 0):
            self.reload_guild(guild_id)
            self._seen_change[guild_id] = latest

    def mark_seen(self, guild_id: int) -> None:
        """Record that this process's view includes every change logged so far."""
        if self.community is not None:
            self._seen_change[guild_id] = self.community.latest_change(guild_id)

    def reload_guild(self, guild_id: int) -> None:
        """Re-read one server's entries after a change and update the index for them only."""
        old = {r.entity.id: r.content_hash for r in self._guild_records.get(guild_id, ())}
        records = self._load_guild(guild_id)
        self._guild_records[guild_id] = records
        with self._views_lock:
            self._views.pop(guild_id, None)
        new = {r.entity.id: r.content_hash for r in records}
        changed = [eid for eid, digest in new.items() if old.get(eid) != digest]
        removed = [eid for eid in old if eid not in new]
        if changed or removed:
            view = self.scope(guild_id).kb if records else self.kb
            self.index.apply(view, changed, removed)

    # Running work --------------------------------------------------------------------

    def call(
        self, function: Callable[..., T], guild_id: int | None, *args: object, **kwargs: object
    ) -> T:
        """Run an answer function for a server, blocking (CLI)."""
        self.refresh_if_changed(guild_id)
        return function(self.scope(guild_id), *args, **kwargs)

    async def run(
        self, function: Callable[..., T], guild_id: int | None, *args: object, **kwargs: object
    ) -> T:
        """Run an answer function on the search thread without blocking the event loop."""

        def work() -> T:
            self.refresh_if_changed(guild_id)
            return function(self.scope(guild_id), *args, **kwargs)

        return await asyncio.get_running_loop().run_in_executor(self._executor, work)

    async def run_blocking(self, function: Callable[[], T]) -> T:
        """Run any blocking call on the search thread (index writes, moderation)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, function)

    def close(self) -> None:
        """Stop the worker thread, close the index and the change log.

        After a start that laid changed data files over the snapshot, the snapshot of what
        was loaded is written now, so the next start needs no parsing at all.
        """
        self._executor.shutdown(wait=True, cancel_futures=True)
        if self._stale_snapshot is not None:
            self._write_snapshot(self._stale_snapshot)
        self.index.close()
        if self.community is not None:
            self.community.close()
