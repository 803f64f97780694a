"""The Whoosh index of every entity: schema, sync by content hash, and safe queries.

The index is derived from data/ and disposable. At start it is synced by content hash, so
only changed entities are rewritten; a missing or corrupt index is rebuilt from nothing.
User text never reaches Whoosh's query parser: it is analysed into plain terms and turned
into a query object here, so no field, wildcard, range, regex or boost syntax can apply.
"""

from __future__ import annotations

import heapq
import logging
import marshal
import os
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import (
    Analyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemmingAnalyzer,
    StopFilter,
)
from whoosh.analysis.filters import STOP_WORDS
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.highlight import ContextFragmenter, UppercaseFormatter
from whoosh.idsets import BitSet
from whoosh.index import LockError
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.searching import Searcher
from whoosh.writing import PostingPool, SegmentWriter

from bot.core.errors import IndexBusyError
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Entity, EntityKind
from bot.core.search.text import entity_body, entity_names

log = logging.getLogger(__name__)

#: Guild value of the bundled corpus; community entries carry their server's id.
BUNDLED_GUILD = "0"
#: Words that shape a question but never say what it is about.
QUESTION_WORDS = frozenset(
    {"who", "what", "which", "when", "where", "why", "how", "did", "does", "do", "said", "say",
     "says", "tell", "me", "about", "please", "there", "any", "know", "find", "show", "list"}
)
#: Most terms taken from one query; the rest of a very long text is ignored.
MAX_QUERY_TERMS = 24
#: A term found in more than this share of documents is too common to rank on
#: ("north", "korea", "human", "right", "letter") unless it is all the user typed.
COMMON_TERM_SHARE = 0.30
#: Beside Whoosh's files: every entity's content hash as of one commit generation, so a sync
#: compares hashes without unpickling every stored document (1 s at 100,000 entities).
#: marshal: ten times faster than JSON both ways, and Whoosh keeps pickles here anyway.
HASHES_FILE = "entity-hashes.marshal"
#: A rebuild of at least this many documents is split over worker processes, one per CPU;
#: below it, starting the processes costs more than it saves.
PARALLEL_BUILD_MIN_DOCS = 5000
#: Tag of the hashes file's layout; a file of another layout is ignored.
HASHES_FORMAT = "campaign-bot-hashes-1"
#: Searches remembered until the next commit (least recently used dropped first).
RESULTS_CACHE_SIZE = 2048

#: Names are not stemmed, but "the", "of" and "what" must not make a question match every
#: "Committee of the …" (questions are full sentences).
_NAME_ANALYZER: Analyzer = RegexTokenizer(r"\w+") | LowercaseFilter() | StopFilter(
    stoplist=STOP_WORDS | QUESTION_WORDS, minsize=1
)
_BODY_ANALYZER: Analyzer = StemmingAnalyzer(stoplist=STOP_WORDS | QUESTION_WORDS)


#: Where Whoosh keeps the body's unstemmed words for "did you mean" (see build_schema).
SPELLING_FIELD = "spell_body"


def build_schema() -> Schema:
    """One document per entity."""
    return Schema(
        # The entity id: the unique key that update_document replaces and sync compares.
        key=ID(stored=True, unique=True),
        # Entity kind, so a search can be narrowed to letters, people, quotes...
        kind=ID(stored=True),
        # "0" for the bundled corpus, else the server id: every search filters on it so a
        # server never sees another's entries.
        guild=ID(stored=True),
        # Content hash of the entity's YAML: start-up sync rewrites only what changed.
        hash=ID(stored=True),
        # Names, aliases, abbreviations and titles; not stemmed (names are not words) and
        # boosted, so a hit on a name outranks a passing mention in a summary.
        names=TEXT(analyzer=_NAME_ANALYZER, field_boost=3.0),
        # Everything else a user might search for, stemmed; unstemmed words are kept for
        # the spelling corrector that powers "did you mean".
        body=TEXT(analyzer=_BODY_ANALYZER, spelling=True),
    )


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


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked result."""

    entity_id: str
    kind: EntityKind
    score: float
    snippet: str


@dataclass(frozen=True, slots=True)
class SearchResults:
    """Hits plus spelling suggestions when there were none."""

    hits: tuple[SearchHit, ...]
    suggestions: tuple[str, ...] = ()
    ignored_terms: tuple[str, ...] = ()


Progress = Callable[[int, int], None]


class SearchIndex:
    """A Whoosh index directory: open, sync, rebuild, update and search.

    Not thread-safe by itself: `bot.core.engine.Engine` calls it from one worker thread.
    Writers take Whoosh's file lock, so a second process waits `lock_timeout` seconds and
    then fails with `IndexBusyError`.
    """

    def __init__(self, directory: Path, lock_timeout: float = 10.0) -> None:
        self.directory = directory
        self.lock_timeout = lock_timeout
        self._index: whoosh_index.Index | None = None
        self._searcher: Searcher | None = None
        self._lock = threading.RLock()
        #: Content hash per entity id as of commit generation `_hashes_generation`.
        self._hashes: dict[str, str] | None = None
        self._hashes_generation = -1
        self._hashes_saved = False
        #: Derived from the current searcher; `_refresh` forgets them.
        self._filters: dict[tuple[str, ...], BitSet] = {}
        self._guilds: list[str] | None = None
        self._spelling: list[str] | None = None
        self._results: OrderedDict[tuple[object, ...], tuple[KnowledgeBase, SearchResults]] = (
            OrderedDict())

    # Lifecycle -----------------------------------------------------------------------

    def open(self, kb: KnowledgeBase, progress: Progress | None = None) -> SyncReport:
        """Open the index and sync it with `kb`; rebuild it when missing or corrupt."""
        with self._lock:
            if not whoosh_index.exists_in(str(self.directory)):
                log.info("search index missing at %s; building it", self.directory)
                return self.rebuild(kb, progress)
            try:
                self._index = _storage(self.directory).open_index()
                if set(self._index.schema.names()) != set(build_schema().names()):
                    raise ValueError("schema changed")
                return self.sync(kb, progress)
            except IndexBusyError:
                raise
            except Exception as exc:  # any damage means: rebuild from data/
                log.warning("search index at %s unreadable (%s); rebuilding", self.directory, exc)
                self._drop()
                return self.rebuild(kb, progress)

    def rebuild(self, kb: KnowledgeBase, progress: Progress | None = None) -> SyncReport:
        """Recreate the index from nothing."""
        with self._lock:
            self._drop()
            if self.directory.exists():
                shutil.rmtree(self.directory)
            self.directory.mkdir(parents=True, exist_ok=True)
            self._index = _storage(self.directory).create_index(build_schema())
            records = list(kb.records.values())
            writer = self._writer(_build_processes(len(records)))
            try:
                for done, record in enumerate(records, start=1):
                    writer.add_document(**_document(kb, record.entity, record.content_hash))
                    if progress and (done % 500 == 0 or done == len(records)):
                        progress(done, len(records))
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._refresh()
            self._save_hashes({r.entity.id: r.content_hash for r in records}, writer.generation)
            return SyncReport(added=len(records), rebuilt=True)

    def sync(self, kb: KnowledgeBase, progress: Progress | None = None) -> SyncReport:
        """Rewrite only the entities whose content hash changed; delete the vanished."""
        with self._lock:
            indexed = self._stored_hashes()
            records = kb.records
            changed = [eid for eid, record in records.items()
                       if indexed.get(eid) != record.content_hash]
            removed = [eid for eid in indexed if eid not in records]
            if not changed and not removed:
                self._refresh()
                if not self._hashes_saved:  # read from the documents: save for next time
                    self._save_hashes(indexed, self._hashes_generation)
                return SyncReport()
            added = sum(1 for eid in changed if eid not in indexed)
            self.apply(kb, changed, removed, progress)
            return SyncReport(added=added, updated=len(changed) - added, removed=len(removed))

    def apply(self, kb: KnowledgeBase, changed: Iterable[str], removed: Iterable[str],
              progress: Progress | None = None) -> None:
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
                    writer.update_document(**_document(kb, record.entity, record.content_hash))
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

    def close(self) -> None:
        """Save the hashes file if a commit left it behind, then close searcher and index."""
        with self._lock:
            if self._hashes is not None and not self._hashes_saved:
                try:
                    self._save_hashes(self._hashes, self._hashes_generation)
                except OSError as exc:  # only the next start is slower
                    log.warning("could not save %s (%s)", HASHES_FILE, exc)
            self._drop()

    def _writer(self, processes: int = 1) -> whoosh_index.IndexWriter:
        assert self._index is not None  # noqa: S101 - open() or rebuild() ran first
        try:
            if processes > 1:
                # One segment per worker, not merged: merging would redo most of the work.
                return _ParallelWriter(self._index, procs=processes, multisegment=True,
                                       timeout=self.lock_timeout)
            writer = self._index.writer(timeout=self.lock_timeout)
            writer.pool = _spelling_once_pool(writer)
            return writer
        except LockError:
            raise IndexBusyError(
                f"the search index at {self.directory} is locked by another writer; "
                f"gave up after {self.lock_timeout:g} s"
            ) from None

    def _refresh(self) -> None:
        """Point the searcher at the latest commit.

        A fresh searcher rather than `Searcher.refresh()`: Whoosh's refresh compares
        generations and misses a commit that only deleted documents.
        """
        assert self._index is not None  # noqa: S101
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = self._index.searcher()
        self._forget_derived()

    def _forget_derived(self) -> None:
        self._filters, self._guilds, self._spelling = {}, None, None
        self._results = OrderedDict()

    def _drop(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        if self._index is not None:
            self._index.close()
        self._index = None
        self._forget_derived()
        self._hashes, self._hashes_generation, self._hashes_saved = None, -1, False

    def _index_generation(self) -> int:
        assert self._index is not None  # noqa: S101
        return int(self._index.latest_generation())

    def _stored_hashes(self) -> dict[str, str]:
        """Content hash per indexed entity, as cheaply as it can be known.

        Remembered, else from the hashes file, else read from every stored document. The
        first two count only for the latest generation, so a commit by another process (or
        a crash before the file was written) is never mistaken for the current state.
        """
        generation = self._index_generation()
        if self._hashes is not None and self._hashes_generation == generation:
            return self._hashes
        hashes = _read_hashes_file(self.directory / HASHES_FILE, generation)
        self._hashes_saved = hashes is not None
        if hashes is None:
            assert self._index is not None  # noqa: S101
            with self._index.reader() as reader:
                hashes = {fields["key"]: fields["hash"] for _, fields in reader.iter_docs()}
        self._hashes, self._hashes_generation = hashes, generation
        return hashes

    def _save_hashes(self, hashes: dict[str, str], generation: int) -> None:
        """Remember the hashes of commit `generation`, and write them beside the index."""
        self._hashes, self._hashes_generation = hashes, generation
        self._hashes_saved = True
        atomic_write_bytes(self.directory / HASHES_FILE,
                           marshal.dumps((HASHES_FORMAT, generation, hashes)))

    @property
    def searcher(self) -> Searcher:
        """The current searcher (refreshed after every commit)."""
        if self._searcher is None:
            raise RuntimeError("search index is not open")
        return self._searcher

    def document_count(self) -> int:
        """How many documents the index holds."""
        return self.searcher.doc_count()

    # Queries -------------------------------------------------------------------------

    def search(
        self,
        kb: KnowledgeBase,
        text: str,
        guild_id: int | None = None,
        kinds: tuple[EntityKind, ...] = (),
        limit: int = 10,
        max_length: int = 300,
    ) -> SearchResults:
        """Rank entities for free text. Never raises on odd input; bounded work.

        Results are remembered per knowledge-base view until the next commit: questions
        repeat, and a common-word query scores thousands of documents in pure Python.
        """
        with self._lock:
            text = text[:max_length]
            key = (text, guild_id, tuple(kinds), limit)
            cached = self._results.get(key)
            if cached is not None and cached[0] is kb:
                self._results.move_to_end(key)
                return cached[1]
            found = self._search(kb, text, guild_id, kinds, limit)
            self._results[key] = (kb, found)
            if len(self._results) > RESULTS_CACHE_SIZE:
                self._results.popitem(last=False)
            return found

    def _search(self, kb: KnowledgeBase, text: str, guild_id: int | None,
                kinds: tuple[EntityKind, ...], limit: int) -> SearchResults:
        with self._lock:
            terms = _unique(t.text for t in _BODY_ANALYZER(text))[:MAX_QUERY_TERMS]
            name_terms = _unique(t.text for t in _NAME_ANALYZER(text))[:MAX_QUERY_TERMS]
            if not terms and not name_terms:
                return SearchResults(hits=())
            searcher = self.searcher
            kept, ignored = self._drop_common(terms)
            subqueries: list[wq.Query] = [wq.Term("body", t) for t in kept]
            subqueries += [wq.Term("names", t) for t in name_terms if t not in ignored]
            if not subqueries:
                return SearchResults(hits=(), ignored_terms=tuple(ignored))
            results = searcher.search(wq.Or(subqueries), limit=limit,
                                      filter=self._kinds_filter(kinds),
                                      mask=self._other_guilds(guild_id))
            results.fragmenter = ContextFragmenter(maxchars=160, surround=50)
            results.formatter = UppercaseFormatter()
            hits = []
            for hit in results:
                entity = kb.get(hit["key"])
                if entity is None:  # index ahead of a view that cannot see it
                    continue
                snippet = hit.highlights("body", text=entity_body(kb, entity), top=2)
                hits.append(SearchHit(hit["key"], hit["kind"], float(hit.score), snippet))
            suggestions: tuple[str, ...] = ()
            if not hits:
                suggestions = self._suggest(text)
            return SearchResults(tuple(hits), suggestions, tuple(ignored))

    def _drop_common(self, terms: list[str]) -> tuple[list[str], list[str]]:
        searcher = self.searcher
        total = max(searcher.doc_count(), 1)
        common = [t for t in terms if searcher.doc_frequency("body", t) / total > COMMON_TERM_SHARE]
        kept = [t for t in terms if t not in common]
        if not kept:  # the user typed only common words: rank on them after all
            return terms, []
        return kept, common

    def _kinds_filter(self, kinds: tuple[EntityKind, ...]) -> BitSet | None:
        """The documents of these kinds (None: every kind), remembered until the next commit.

        Collecting a filter walks its posting lists: 30,000 quotes at 100,000 entities.
        """
        if not kinds:
            return None
        key = tuple(sorted(kinds))
        docs = self._filters.get(key)
        if docs is None:
            searcher = self.searcher
            query = wq.Or([wq.Term("kind", k) for k in key])
            docs = BitSet(searcher.docs_for_query(query), size=searcher.doc_count_all())
            self._filters[key] = docs
        return docs

    def _other_guilds(self, guild_id: int | None) -> wq.Query | None:
        """A mask of the documents of servers other than `guild_id`: they never show.

        Every document has exactly one guild value, so masking the other servers' documents
        keeps exactly the bundled corpus and this server's entries, and costs as many
        documents as the other servers have, not the whole corpus as a filter would.
        """
        allowed = {BUNDLED_GUILD, str(guild_id)}
        if self._guilds is None:
            self._guilds = list(self.searcher.reader().field_terms("guild"))
        others = [g for g in self._guilds if g not in allowed]
        return wq.Or([wq.Term("guild", g) for g in others]) if others else None

    def _suggest(self, text: str) -> tuple[str, ...]:
        suggestions: list[str] = []
        for word in _unique(t.text for t in _NAME_ANALYZER(text))[:MAX_QUERY_TERMS]:
            if len(word) < 4 or self.searcher.doc_frequency("body", word):
                continue
            # One edit for short words: "qwe" is not a typo of "jae".
            for candidate in self._corrections(word, maxdist=1 if len(word) < 7 else 2):
                if candidate != word and candidate not in suggestions:
                    suggestions.append(candidate)
        return tuple(suggestions[:3])

    def _corrections(self, word: str, maxdist: int, limit: int = 1) -> list[str]:
        """What Whoosh's corrector for the body field suggests, computed at C speed.

        Whoosh's `ReaderCorrector` runs a pure-Python edit distance against every word of
        the field's spelling list (0.1 s per word at 100,000 entities). Its distance is
        the optimal-string-alignment Damerau–Levenshtein distance, which is rapidfuzz's
        `OSA`; candidates are scored and ranked exactly as `Corrector.suggest` does: by
        frequency in the body field, then by word.
        """
        reader = self.searcher.reader()
        scored = []
        for candidate, _, _ in process.extract(word, self._spelling_words(), scorer=OSA.distance,
                                               score_cutoff=maxdist, limit=None):
            frequency = reader.frequency("body", candidate) or 1
            scored.append((0 - (maxdist + (1.0 / frequency * 0.5)), candidate))
        best = heapq.nlargest(limit, scored)
        return [candidate for _, candidate in sorted(best, key=lambda x: (0 - x[0], x[1]))]

    def _spelling_words(self) -> list[str]:
        """Every word of the body's spelling field, remembered until the next commit."""
        if self._spelling is None:
            self._spelling = list(self.searcher.reader().field_terms(SPELLING_FIELD))
        return self._spelling


class _SpellingOncePool(PostingPool):
    """Whoosh's posting pool, keeping each spelling word once per segment.

    Whoosh files every distinct unstemmed word of every document as a posting of
    document 0 in the body's spelling field, so "north" is written once per document.
    Only that field's word list is ever read (`SearchIndex._spelling_words`), so the
    repeats change nothing but cost a third of the build: sorting and writing them.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._spelled: set[bytes] = set()

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """Add a posting, unless it repeats a spelling word already in this segment."""
        if item[0] == SPELLING_FIELD:
            if item[1] in self._spelled:
                return
            self._spelled.add(item[1])
        super().add(item)


class _SpellingOnceSubWriter(SubWriterTask):
    """A build worker process whose segment writer keeps spelling words once."""

    def _process_file(self, filename: str, doc_count: int) -> None:
        if not isinstance(self.writer.pool, _SpellingOncePool):  # still empty: swap it
            self.writer.pool = _spelling_once_pool(self.writer)
        super()._process_file(filename, doc_count)


class _ParallelWriter(MpWriter):
    """Whoosh's multi-process writer with `_SpellingOnceSubWriter` workers."""

    def _new_task(self) -> SubWriterTask:
        task = _SpellingOnceSubWriter(self.storage, self.indexname, self.jobqueue,
                                      self.resultqueue, self.subargs, self.multisegment)
        self.tasks.append(task)
        task.start()
        return task


def _spelling_once_pool(writer: SegmentWriter) -> _SpellingOncePool:
    """A fresh pool for `writer` (Whoosh ignores its `poolclass` argument)."""
    return _SpellingOncePool(writer.temp_storage(), writer.newsegment,
                             limitmb=writer.pool.limit // (1024 * 1024))


def _storage(directory: Path) -> FileStorage:
    """The index directory, read with plain file reads rather than memory maps.

    Whoosh maps whole segment files into memory by default, and the pages it touches count
    as the process's resident memory: 180 MB at 100,000 entities. Plain reads served by the
    OS page cache answer as fast and leave that memory to the cache.
    """
    return FileStorage(str(directory), supports_mmap=False)


def _build_processes(documents: int) -> int:
    """Worker processes for building an index of `documents` documents."""
    if documents < PARALLEL_BUILD_MIN_DOCS:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _read_hashes_file(path: Path, generation: int) -> dict[str, str] | None:
    """The hashes file's table if it describes `generation`, else None."""
    try:
        stored = marshal.loads(path.read_bytes())  # noqa: S302 - our own file, like Whoosh's
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == HASHES_FORMAT
            and stored[1] == generation and isinstance(stored[2], dict)):
        return None
    hashes: dict[str, str] = stored[2]
    return hashes


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file and a rename (a crash leaves old or new)."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _document(kb: KnowledgeBase, entity: Entity, digest: str) -> dict[str, str]:
    record = kb.records[entity.id]
    guild = BUNDLED_GUILD if entity.guild_id is None else str(entity.guild_id)
    return {
        "key": entity.id,
        "kind": record.kind,
        "guild": guild,
        "hash": digest,
        "names": " ".join(entity_names(kb, entity)),
        "body": entity_body(kb, entity),
    }


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
