"""The Whoosh index of every entity: schema, sync by content hash, and safe queries.

The index is derived from data/ and disposable. At start it is synced by content hash, so
only changed entities are rewritten; a missing or corrupt index is rebuilt from nothing.
User text never reaches Whoosh's query parser: it is analysed into plain terms and turned
into a query object here, so no field, wildcard, range, regex or boost syntax can apply.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

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
from whoosh.highlight import ContextFragmenter, UppercaseFormatter
from whoosh.index import LockError
from whoosh.searching import Searcher

from bot.core.corpus import KnowledgeBase, atomic_write_text
from bot.core.errors import IndexBusyError
from bot.core.models import Entity, EntityKind
from bot.core.text import entity_body, entity_names

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
HASHES_FILE = "entity-hashes.json"
#: A rebuild of at least this many documents is split over worker processes, one per CPU;
#: below it, starting the processes costs more than it saves.
PARALLEL_BUILD_MIN_DOCS = 5000

#: Names are not stemmed, but "the", "of" and "what" must not make a question match every
#: "Committee of the …" (questions are full sentences).
_NAME_ANALYZER: Analyzer = RegexTokenizer(r"\w+") | LowercaseFilter() | StopFilter(
    stoplist=STOP_WORDS | QUESTION_WORDS, minsize=1
)
_BODY_ANALYZER: Analyzer = StemmingAnalyzer(stoplist=STOP_WORDS | QUESTION_WORDS)


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

    # Lifecycle -----------------------------------------------------------------------

    def open(self, kb: KnowledgeBase, progress: Progress | None = None) -> SyncReport:
        """Open the index and sync it with `kb`; rebuild it when missing or corrupt."""
        with self._lock:
            if not whoosh_index.exists_in(str(self.directory)):
                log.info("search index missing at %s; building it", self.directory)
                return self.rebuild(kb, progress)
            try:
                self._index = whoosh_index.open_dir(str(self.directory))
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
            self._index = whoosh_index.create_in(str(self.directory), build_schema())
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
            wanted = {eid: record.content_hash for eid, record in kb.records.items()}
            changed = [eid for eid, digest in wanted.items() if indexed.get(eid) != digest]
            removed = [eid for eid in indexed if eid not in wanted]
            if not changed and not removed:
                self._refresh()
                if not self._hashes_saved:  # read from the documents: save for next time
                    self._save_hashes(indexed, self._hashes_generation)
                return SyncReport()
            self.apply(kb, changed, removed, progress)
            added = sum(1 for eid in changed if eid not in indexed)
            return SyncReport(added=added, updated=len(changed) - added, removed=len(removed))

    def apply(self, kb: KnowledgeBase, changed: Iterable[str], removed: Iterable[str],
              progress: Progress | None = None) -> None:
        """Write the given entities from `kb` and delete the removed ids, in one commit."""
        with self._lock:
            changed, removed = list(changed), list(removed)
            hashes = dict(self._stored_hashes())
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
            self._save_hashes(hashes, writer.generation)

    def close(self) -> None:
        """Close the searcher and the index."""
        with self._lock:
            self._drop()

    def _writer(self, processes: int = 1) -> whoosh_index.IndexWriter:
        assert self._index is not None  # noqa: S101 - open() or rebuild() ran first
        try:
            if processes > 1:
                # One segment per worker, not merged: merging would redo most of the work.
                return self._index.writer(timeout=self.lock_timeout, procs=processes,
                                          multisegment=True)
            return self._index.writer(timeout=self.lock_timeout)
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

    def _drop(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        if self._index is not None:
            self._index.close()
        self._index = None
        self._hashes, self._hashes_generation, self._hashes_saved = None, -1, False

    def _index_generation(self) -> int:
        assert self._index is not None  # noqa: S101
        return int(self._index.latest_generation())

    def _stored_hashes(self) -> dict[str, str]:
        """Content hash per indexed entity: remembered, else from the hashes file, else read
        from every stored document. The first two count only for the latest generation, so
        a commit by another process (or a crash before the file was written) is never
        mistaken for the current state.
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
        payload = json.dumps({"generation": generation, "hashes": hashes}, ensure_ascii=False)
        atomic_write_text(self.directory / HASHES_FILE, payload)

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
        """Rank entities for free text. Never raises on odd input; bounded work."""
        with self._lock:
            text = text[:max_length]
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
            results = searcher.search(
                wq.Or(subqueries), limit=limit, filter=_scope_filter(guild_id, kinds)
            )
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

    def _suggest(self, text: str) -> tuple[str, ...]:
        corrector = self.searcher.corrector("body")
        suggestions: list[str] = []
        for word in _unique(t.text for t in _NAME_ANALYZER(text))[:MAX_QUERY_TERMS]:
            if len(word) < 4 or self.searcher.doc_frequency("body", word):
                continue
            # One edit for short words: "qwe" is not a typo of "jae".
            for candidate in corrector.suggest(word, limit=1, maxdist=1 if len(word) < 7 else 2):
                if candidate != word and candidate not in suggestions:
                    suggestions.append(candidate)
        return tuple(suggestions[:3])


def _build_processes(documents: int) -> int:
    """Worker processes for building an index of `documents` documents."""
    if documents < PARALLEL_BUILD_MIN_DOCS:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _read_hashes_file(path: Path, generation: int) -> dict[str, str] | None:
    """The hashes file's table if it describes `generation`, else None."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("generation") != generation:
        return None
    hashes = stored.get("hashes")
    return hashes if isinstance(hashes, dict) else None


def _scope_filter(guild_id: int | None, kinds: tuple[EntityKind, ...]) -> wq.Query:
    guilds: list[wq.Query] = [wq.Term("guild", BUNDLED_GUILD)]
    if guild_id is not None:
        guilds.append(wq.Term("guild", str(guild_id)))
    scope: wq.Query = wq.Or(guilds)
    if kinds:
        scope = wq.And([scope, wq.Or([wq.Term("kind", k) for k in kinds])])
    return scope


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
