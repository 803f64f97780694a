"""The running knowledge base: corpus, name table and search index, served off the event loop.

Whoosh and answer building are blocking work, so every call runs on one worker thread that
owns the searcher (and refreshes it after commits). Front ends call `await engine.run(...)`
from asyncio, or the plain methods from the CLI.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ParamSpec, TypeVar

from bot.core.corpus import KnowledgeBase, load_corpus
from bot.core.names import NameIndex
from bot.core.scope import Scope
from bot.core.search import Progress, SearchIndex, SyncReport

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


class Engine:
    """Owns the knowledge base and its index for the life of the process."""

    def __init__(self, data_dir: Path, index_dir: Path, lock_timeout: float = 10.0,
                 max_query_length: int = 300) -> None:
        self.data_dir = data_dir
        self.max_query_length = max_query_length
        self.index = SearchIndex(index_dir, lock_timeout)
        self.kb = KnowledgeBase()
        self.names = NameIndex(())
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")

    def start(self, progress: Progress | None = None) -> SyncReport:
        """Load and validate data/, then open the index and sync it (blocking)."""
        self.kb = load_corpus(self.data_dir)
        self.names = NameIndex(self.kb.entities())
        report = self.index.open(self.kb, progress)
        if report.changed:
            log.info("search index synced: %d added, %d updated, %d removed%s",
                     report.added, report.updated, report.removed,
                     " (rebuilt)" if report.rebuilt else "")
        return report

    def rebuild(self, progress: Progress | None = None) -> SyncReport:
        """Recreate the index from data/ (blocking)."""
        self.kb = load_corpus(self.data_dir)
        self.names = NameIndex(self.kb.entities())
        return self.index.rebuild(self.kb, progress)

    def scope(self, guild_id: int | None = None) -> Scope:
        """What a server (or a DM, guild None) can see."""
        return Scope(self.kb, self.names, self.index, guild_id, self.max_query_length)

    def call(self, function: Callable[..., T], guild_id: int | None, *args: object,
             **kwargs: object) -> T:
        """Run an answer function for a server, blocking (CLI)."""
        return function(self.scope(guild_id), *args, **kwargs)

    async def run(self, function: Callable[..., T], guild_id: int | None, *args: object,
                  **kwargs: object) -> T:
        """Run an answer function on the search thread without blocking the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._executor, lambda: function(self.scope(guild_id), *args, **kwargs)
        )

    async def run_blocking(self, function: Callable[[], T]) -> T:
        """Run any blocking call on the search thread (index writes, autocomplete)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, function)

    def close(self) -> None:
        """Stop the worker thread and close the index."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        self.index.close()
