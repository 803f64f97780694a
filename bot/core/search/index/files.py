"""The index directory beyond Whoosh's own files: the hashes table, the lock, the wipe.

Rebuilds and syncs of one directory run one at a time across processes: each holds an OS
file lock (released by the kernel if its process dies) on a file that is never deleted
while the directory is in use, so a second `campaign-bot index rebuild` waits for the first
instead of both writing into the same directory.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh.util.filelock import try_for

from bot.core.errors import IndexBusyError
from bot.core.search.index.schema import storage

#: Beside Whoosh's files: every entity's content hash as of one commit generation, so a sync
#: compares hashes without unpickling every stored document (1 s at 100,000 entities).
#: marshal: ten times faster than JSON both ways, and Whoosh keeps pickles here anyway.
HASHES_FILE = "entity-hashes.marshal"
#: Tag of the hashes file's layout; a file of another layout is ignored.
HASHES_FORMAT = "campaign-bot-hashes-1"
#: Held while the index is synced or rebuilt. Whoosh's own write lock is not enough: a
#: rebuild of a damaged index deletes files, and a lock must outlive that.
MAINTENANCE_LOCK = "MAINTENANCE_LOCK"
#: How often a waiting process tries the lock again.
_LOCK_POLL = 0.05


@contextmanager
def maintenance_lock(directory: Path, timeout: float) -> Iterator[None]:
    """Hold the directory's maintenance lock, waiting up to `timeout` s for it.

    Raises `IndexBusyError` (one line, for the user) when another process keeps it longer.
    """
    directory.mkdir(parents=True, exist_ok=True)
    lock = storage(directory).lock(MAINTENANCE_LOCK)
    if not try_for(lock.acquire, timeout, _LOCK_POLL):
        raise IndexBusyError(
            f"the search index at {directory} is busy: another process is rebuilding or "
            f"syncing it (waited {timeout:g} s); try again when it has finished"
        )
    try:
        yield
    finally:
        lock.release()


def wipe(directory: Path) -> None:
    """Delete every file of the index directory except lock files, which others may hold."""
    directory.mkdir(parents=True, exist_ok=True)
    for path in directory.iterdir():
        if path.is_dir():
            continue  # not ours: Whoosh keeps no folders here
        if not path.name.endswith("LOCK"):
            path.unlink(missing_ok=True)


def read_hashes_file(path: Path, generation: int) -> dict[str, str] | None:
    """The hashes file's table if it describes `generation`, else None."""
    try:
        stored = marshal.loads(path.read_bytes())  # noqa: S302 - our own file, like Whoosh's
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (
        isinstance(stored, tuple)
        and len(stored) == 3
        and stored[0] == HASHES_FORMAT
        and stored[1] == generation
        and isinstance(stored[2], dict)
    ):
        return None
    hashes: dict[str, str] = stored[2]
    return hashes


def write_hashes_file(path: Path, generation: int, hashes: dict[str, str]) -> None:
    """Write the table of commit `generation` atomically."""
    atomic_write_bytes(path, marshal.dumps((HASHES_FORMAT, generation, hashes)))


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
