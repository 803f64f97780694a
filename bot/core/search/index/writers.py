"""Whoosh writers for the index: one at a time, spelling words kept once, parallel builds."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import PostingPool, SegmentWriter

from bot.core.errors import IndexBusyError
from bot.core.search.index.schema import SPELLING_FIELD

#: A rebuild of at least this many documents is split over worker processes, one per CPU;
#: below it, starting the processes costs more than it saves.
PARALLEL_BUILD_MIN_DOCS = 5000


def open_writer(
    index: whoosh_index.Index, directory: Path, timeout: float, processes: int = 1
) -> whoosh_index.IndexWriter:
    """A writer holding Whoosh's write lock; `IndexBusyError` after `timeout` seconds."""
    try:
        if processes > 1:
            # One segment per worker, not merged: merging would redo most of the work.
            return _ParallelWriter(index, procs=processes, multisegment=True, timeout=timeout)
        writer = index.writer(timeout=timeout)
        writer.pool = _spelling_once_pool(writer)
        return writer
    except LockError:
        raise IndexBusyError(
            f"the search index at {directory} is locked by another writer; "
            f"gave up after {timeout:g} s"
        ) from None


def build_processes(documents: int) -> int:
    """Worker processes for building an index of `documents` documents."""
    if documents < PARALLEL_BUILD_MIN_DOCS:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


class _SpellingOncePool(PostingPool):
    """Whoosh's posting pool, keeping each spelling word once per segment.

    Whoosh files every distinct unstemmed word of every document as a posting of
    document 0 in the body's spelling field, so "north" is written once per document.
    Only that field's word list is ever read (the corrector behind "did you mean"), so
    the repeats change nothing but cost a third of the build: sorting and writing them.
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
        task = _SpellingOnceSubWriter(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        self.tasks.append(task)
        task.start()
        return task


def _spelling_once_pool(writer: SegmentWriter) -> _SpellingOncePool:
    """A fresh pool for `writer` (Whoosh ignores its `poolclass` argument)."""
    return _SpellingOncePool(
        writer.temp_storage(), writer.newsegment, limitmb=writer.pool.limit // (1024 * 1024)
    )
