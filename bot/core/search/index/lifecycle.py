"""The index's lifecycle: open, sync by content hash, rebuild, apply changes, search.

At start the index is synced by content hash, so only changed entities are rewritten; a
missing, unreadable or doubled index is rebuilt from nothing with one log line. Syncs and
rebuilds of one directory run one at a time across processes (`files.maintenance_lock`);
a rebuild replaces every segment in one commit, so a reader sees the old index or the new
one, never a mix.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import EmptyIndexError
from whoosh.searching import Searcher
from whoosh.writing import CLEAR

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import EntityKind
from bot.core.search.index.files import (
    HASHES_FILE,
    maintenance_lock,
    read_hashes_file,
    wipe,
    write_hashes_file,
)
from bot.core.search.index.health import IndexHealth, inspect_index
from bot.core.search.index.query import Queries, SearchResults
from bot.core.search.index.schema import build_schema, entity_document, storage
from bot.core.search.index.writers import build_processes, open_writer

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

#: What `_attach` says of a directory with no index in it.
_MISSING = "missing"


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What a sync or rebuild changed."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt: bool = False

    @property
    def changed(self) -> int:
        """How many documents were written or deleted."""
        return self.added + self.updated + self.removed


#: `mentions_any` looks at most this much text (it is asked about one place name).
_MAX_WORDS_TEXT = 200


class SearchIndex:
    """A Whoosh index directory: open, sync, rebuild, update and search.

    Calls are serialised by a lock; `bot.core.engine.Engine` makes them from one worker
    thread. Writers take Whoosh's file lock and syncs and rebuilds the maintenance lock, so
    a second process waits `lock_timeout` seconds for either and then fails with
    `IndexBusyError`.
    """

    def __init__(self, directory: Path, lock_timeout: float = 10.0) -> None:
        self.directory = directory
        self.lock_timeout = lock_timeout
        self._index: whoosh_index.Index | None = None
        self._queries: Queries | None = None
        #: The commit generation `_queries` searches (read before its searcher was opened).
        self._searched_generation = -1
        self._lock = threading.RLock()
        self._maintaining = False
        #: Content hash per entity id as of commit generation `_hashes_generation`.
        self._hashes: dict[str, str] | None = None
        self._hashes_generation = -1
        self._hashes_saved = False

    # Lifecycle -----------------------------------------------------------------------

    def open(self, kb: KnowledgeBase, progress: Progress | None = None) -> SyncReport:
        """Open the index and sync it with `kb`; rebuild it when missing, damaged or doubled."""
        with self._lock:
            if self._attach() is None:
                return self.sync(kb, progress)
            with self._maintenance():
                problem = self._attach()  # another process may have rebuilt it meanwhile
                if problem is None:
                    return self._sync_locked(kb, progress)
                if problem == _MISSING:
                    log.info("search index missing at %s; building it", self.directory)
                else:
                    log.warning(
                        "search index at %s unreadable (%s); rebuilding", self.directory, problem
                    )
                return self._rebuild_locked(kb, progress)

    def rebuild(self, kb: KnowledgeBase, progress: Progress | None = None) -> SyncReport:
        """Recreate the index from `kb` alone, one process at a time."""
        with self._lock, self._maintenance():
            return self._rebuild_locked(kb, progress)

    def sync(self, kb: KnowledgeBase, progress: Progress | None = None) -> SyncReport:
        """Rewrite only the entities whose content hash changed; delete the vanished."""
        with self._lock:
            if self._in_step(kb):
                return SyncReport()
            with self._maintenance():
                return self._sync_locked(kb, progress)

    def apply(
        self,
        kb: KnowledgeBase,
        changed: Iterable[str],
        removed: Iterable[str],
        progress: Progress | None = None,
    ) -> None:
        """Write the given entities from `kb` and delete the removed ids, in one commit."""
        with self._lock:
            changed, removed = list(changed), list(removed)
            hashes = self._stored_hashes()
            writer = self._writer()
            try:
                for eid in removed:
                    writer.delete_by_term("key", eid)
                for done, eid in enumerate(changed, start=1):
                    record = kb.records[eid]
                    writer.update_document(
                        **entity_document(kb, record.entity, record.content_hash)
                    )
                    if progress and (done % 500 == 0 or done == len(changed)):
                        progress(done, len(changed))
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._refresh()
            for eid in removed:
                hashes.pop(eid, None)
            hashes.update((eid, kb.records[eid].content_hash) for eid in changed)
            # Written at close (or by the next sync that changes nothing), not per commit:
            # at 100,000 entities writing it is a quarter of a one-entity sync. Until then
            # the file names an older generation, so it is never trusted by mistake.
            self._hashes, self._hashes_generation = hashes, writer.generation
            self._hashes_saved = False

    def inspect(self, kb: KnowledgeBase) -> IndexHealth:
        """What the directory holds against `kb`, read without changing anything."""
        return inspect_index(self.directory, kb)

    def close(self) -> None:
        """Save the hashes file if a commit left it behind, then close searcher and index."""
        with self._lock:
            if self._hashes is not None and not self._hashes_saved:
                try:
                    self._save_hashes(self._hashes, self._hashes_generation)
                except OSError as exc:  # only the next start is slower
                    log.warning("could not save %s (%s)", HASHES_FILE, exc)
            self._drop()

    def _attach(self) -> str | None:
        """Open the index and a searcher on it; None, or why it cannot be used."""
        self._drop()
        if not self.directory.is_dir():
            return _MISSING
        try:
            self._index = storage(self.directory).open_index()
            if set(self._index.schema.names()) != set(build_schema().names()):
                raise ValueError("schema changed")
            self._refresh()  # opens every segment: damage in them shows here
            return None
        except EmptyIndexError:
            self._drop()
            return _MISSING
        except Exception as exc:  # any damage at all (a garbage TOC, a torn segment)
            self._drop()
            return f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"

    def _in_step(self, kb: KnowledgeBase) -> bool:
        """True when the index already mirrors `kb`: one current document per entity."""
        indexed = self._stored_hashes()
        records = kb.records
        if self._document_count() != len(indexed) or len(indexed) != len(records):
            return False
        if any(indexed.get(eid) != record.content_hash for eid, record in records.items()):
            return False
        if self._searched_generation != self._hashes_generation:  # a commit since: see it
            self._refresh()
        if not self._hashes_saved:  # read from the documents: save for next time
            self._save_hashes(indexed, self._hashes_generation)
        return True

    def _sync_locked(self, kb: KnowledgeBase, progress: Progress | None) -> SyncReport:
        """Sync with the maintenance lock held: another process may have changed the index."""
        if self._in_step(kb):
            return SyncReport()
        indexed = self._stored_hashes()
        documents = self._document_count()
        if documents != len(indexed):
            # Two documents of one entity: left by rebuilds that once raced. Rebuilding is
            # the one way to know every entity has exactly one.
            log.warning(
                "search index at %s holds %d documents for %d entities (doubled or "
                "damaged); rebuilding",
                self.directory,
                documents,
                len(indexed),
            )
            return self._rebuild_locked(kb, progress)
        records = kb.records
        changed = [
            eid for eid, record in records.items() if indexed.get(eid) != record.content_hash
        ]
        removed = [eid for eid in indexed if eid not in records]
        added = sum(1 for eid in changed if eid not in indexed)
        self.apply(kb, changed, removed, progress)
        return SyncReport(added=added, updated=len(changed) - added, removed=len(removed))

    def _rebuild_locked(self, kb: KnowledgeBase, progress: Progress | None) -> SyncReport:
        """Rebuild with the maintenance lock held.

        A readable index is replaced in one commit that clears every old segment, under
        Whoosh's write lock, so a writer in another process (a moderator's change) waits
        rather than writing into files that vanish. Only damage wipes the directory.
        """
        if self._attach() is not None:
            self._drop()
            wipe(self.directory)
            self._index = storage(self.directory).create_index(build_schema())
        records = list(kb.records.values())
        writer = self._writer(build_processes(len(records)))
        try:
            for done, record in enumerate(records, start=1):
                writer.add_document(**entity_document(kb, record.entity, record.content_hash))
                if progress and (done % 500 == 0 or done == len(records)):
                    progress(done, len(records))
            writer.commit(mergetype=CLEAR)
        except BaseException:
            writer.cancel()
            raise
        self._refresh()
        self._save_hashes({r.entity.id: r.content_hash for r in records}, writer.generation)
        return SyncReport(added=len(records), rebuilt=True)

    @contextmanager
    def _maintenance(self) -> Iterator[None]:
        """Hold the cross-process maintenance lock (once: a nested call is a no-op)."""
        if self._maintaining:
            yield
            return
        with maintenance_lock(self.directory, self.lock_timeout):
            self._maintaining = True
            try:
                yield
            finally:
                self._maintaining = False

    def _writer(self, processes: int = 1) -> whoosh_index.IndexWriter:
        assert self._index is not None  # noqa: S101 - open() or rebuild() ran first
        return open_writer(self._index, self.directory, self.lock_timeout, processes)

    def _refresh(self) -> None:
        """Point the searcher at the latest commit.

        A fresh searcher rather than `Searcher.refresh()`: Whoosh's refresh compares
        generations and misses a commit that only deleted documents.
        """
        assert self._index is not None  # noqa: S101
        if self._queries is not None:
            self._queries.searcher.close()
            self._queries = None
        self._searched_generation = int(self._index.latest_generation())
        self._queries = Queries(self._index.searcher())

    def _drop(self) -> None:
        if self._queries is not None:
            self._queries.searcher.close()
        self._queries, self._searched_generation = None, -1
        if self._index is not None:
            self._index.close()
        self._index = None
        self._hashes, self._hashes_generation, self._hashes_saved = None, -1, False

    def _document_count(self) -> int:
        """Documents in the latest commit (read from its table of contents: cheap)."""
        assert self._index is not None  # noqa: S101
        return int(self._index.doc_count())

    def _stored_hashes(self) -> dict[str, str]:
        """Content hash per indexed entity, as cheaply as it can be known.

        Remembered, else from the hashes file, else read from every stored document. The
        first two count only for the latest generation, so a commit by another process (or
        a crash before the file was written) is never mistaken for the current state.
        """
        assert self._index is not None  # noqa: S101
        generation = int(self._index.latest_generation())
        if self._hashes is not None and self._hashes_generation == generation:
            return self._hashes
        hashes = read_hashes_file(self.directory / HASHES_FILE, generation)
        self._hashes_saved = hashes is not None
        if hashes is None:
            with self._index.reader() as reader:
                hashes = {fields["key"]: fields["hash"] for _, fields in reader.iter_docs()}
        self._hashes, self._hashes_generation = hashes, generation
        return hashes

    def _save_hashes(self, hashes: dict[str, str], generation: int) -> None:
        """Remember the hashes of commit `generation`, and write them beside the index."""
        self._hashes, self._hashes_generation = hashes, generation
        self._hashes_saved = True
        write_hashes_file(self.directory / HASHES_FILE, generation, hashes)

    @property
    def searcher(self) -> Searcher:
        """The current searcher (refreshed after every commit)."""
        if self._queries is None:
            raise RuntimeError("search index is not open")
        return self._queries.searcher

    def document_count(self) -> int:
        """How many documents the index holds."""
        return self.searcher.doc_count()

    # Queries -------------------------------------------------------------------------

    def mentions_any(self, text: str) -> bool:
        """Whether any indexed entity holds a word of `text` ("Vietnam" is in none)."""
        with self._lock:
            if self._queries is None:
                raise RuntimeError("search index is not open")
            return self._queries.mentions_any(text[:_MAX_WORDS_TEXT])

    def search(
        self,
        kb: KnowledgeBase,
        text: str,
        guild_id: int | None = None,
        kinds: tuple[EntityKind, ...] = (),
        limit: int = 10,
        max_length: int = 300,
    ) -> SearchResults:
        """Rank entities for free text. Never raises on odd input; bounded work."""
        with self._lock:
            if self._queries is None:
                raise RuntimeError("search index is not open")
            return self._queries.search(kb, text[:max_length], guild_id, tuple(kinds), limit)
