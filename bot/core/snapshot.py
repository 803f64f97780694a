"""A snapshot of the validated knowledge base and its name table, for a fast start.

Parsing and validating 100,000 entities of YAML takes most of a minute; unpickling what the
last load produced takes a second or two. The snapshot is keyed by a digest of every data
file's path and bytes and of the source of the modules that shape it (models, validation,
YAML reading, the name table), so it is used only when a full load would produce exactly
the same knowledge base. It lives in the index directory, which is derived and disposable:
a missing, stale or unreadable snapshot only means a full load.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bot.core.answers import warm
from bot.core.kb import corpus, knowledge, models, schema, yamlsource
from bot.core.kb.corpus import KnowledgeBase, data_files
from bot.core.search import names
from bot.core.search.names import NameIndex
from bot.core.views import names as view_names
from bot.core.views import roles as view_roles

log = logging.getLogger(__name__)

#: The snapshot's file name inside the index directory.
SNAPSHOT_FILE = "corpus-snapshot.pickle"

#: Modules whose code decides what a load produces; editing one invalidates snapshots.
_SHAPING_MODULES = (corpus, knowledge, models, names, schema, yamlsource,
                    *warm.SHAPING_MODULES, warm, view_names, view_roles)


def fingerprint(data_dir: Path) -> str:
    """A digest of the data files (paths and bytes) and of the code that loads them."""
    digest = hashlib.sha256(repr(sys.version_info[:2]).encode())
    for module in _SHAPING_MODULES:
        digest.update(Path(module.__file__ or "").read_bytes())
    for path in data_files(data_dir):
        content = path.read_bytes()
        digest.update(f"\0{path.relative_to(data_dir)}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def load_snapshot(path: Path, expected: str) -> tuple[KnowledgeBase, NameIndex] | None:
    """The snapshot at `path` if it was taken of data with fingerprint `expected`."""
    try:
        with path.open("rb") as handle, paused_gc():
            # The index directory is ours alone, like the pickles Whoosh keeps there.
            stored = pickle.load(handle)  # noqa: S301
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged snapshot is only a slower start
        log.warning("ignoring unreadable corpus snapshot %s (%s)", path, exc)
        return None
    if not isinstance(stored, tuple) or len(stored) != 3 or stored[0] != expected:
        return None
    _, kb, name_index = stored
    if not isinstance(kb, KnowledgeBase) or not isinstance(name_index, NameIndex):
        return None
    return kb, name_index


def save_snapshot(path: Path, taken_of: str, kb: KnowledgeBase, name_index: NameIndex) -> None:
    """Write a snapshot atomically (temporary file, then rename); failures are only logged."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((taken_of, kb, name_index), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp_name, path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.warning("could not write corpus snapshot %s (%s)", path, exc)


def freeze_loaded() -> None:
    """Exempt every object alive now from future cyclic garbage collections (`gc.freeze`).

    A loaded knowledge base is millions of long-lived objects without reference cycles;
    each full collection would walk all of them again (100 ms and more at 100,000
    entities, while answers and the event loop wait). Frozen objects are still freed by
    reference counting when they are dropped, as a reloaded knowledge base is.
    """
    gc.freeze()


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Suspend the cyclic garbage collector while building many long-lived objects.

    Loading creates hundreds of thousands of objects and no garbage cycles; every
    collection on the way would walk all of them again (it doubles the load time).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
