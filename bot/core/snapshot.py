"""A snapshot of the validated knowledge base and its name table, for a fast start.

Parsing and validating 100,000 entities of YAML takes most of a minute; unpickling what the
last load produced takes a second or two. The snapshot records a digest of each data file's
bytes, and is keyed by a digest of the source of the modules that shape it (models,
validation, YAML reading, the name table, the reader's tables): with other code it is not
used at all. When some data files changed since it was taken, only those are parsed again
and laid over it (`bot.core.views.changed_files`); what they parsed to is kept beside the
snapshot (`PARSED_FILE`), so the next start does not parse them again either. Both live
in the index directory, which is derived and disposable: a missing, stale or unreadable
file only means more parsing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from bot.core.answers import warm
from bot.core.kb import corpus, knowledge, models, schema, yamlsource
from bot.core.kb.corpus import KnowledgeBase, ParsedFiles, data_files
from bot.core.search import names
from bot.core.search.names import NameIndex
from bot.core.views import names as view_names
from bot.core.views import roles as view_roles

log = logging.getLogger(__name__)

#: The snapshot's file name inside the index directory.
SNAPSHOT_FILE = "corpus-snapshot.pickle"
#: What the data files that changed since the snapshot parsed to, beside it.
PARSED_FILE = "corpus-parsed-files.pickle"

#: Modules whose code decides what a load produces; editing one invalidates snapshots.
_SHAPING_MODULES = (
    corpus,
    knowledge,
    models,
    names,
    schema,
    yamlsource,
    *warm.SHAPING_MODULES,
    warm,
    view_names,
    view_roles,
)


class Snapshot(NamedTuple):
    """A loaded knowledge base and name table, and the data files they were loaded from."""

    files: dict[str, str]
    kb: KnowledgeBase
    names: NameIndex


#: Parsed data files by path: (digest of the bytes parsed, what they parsed to).
Parsed = dict[str, tuple[str, ParsedFiles]]


def code_digest() -> str:
    """A digest of the code that loads data files (and of the Python version)."""
    digest = hashlib.sha256(repr(sys.version_info[:2]).encode())
    for module in _SHAPING_MODULES:
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


def file_digests(data_dir: Path) -> dict[str, str]:
    """Each data file (as shown, relative to `data_dir`) → a digest of its bytes."""
    return {
        str(path.relative_to(data_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in data_files(data_dir)
    }


def fingerprint(data_dir: Path) -> str:
    """A digest of the data files (paths and bytes) and of the code that loads them."""
    digest = hashlib.sha256(code_digest().encode())
    for path, file_digest in file_digests(data_dir).items():
        digest.update(f"\0{path}\0{file_digest}".encode())
    return digest.hexdigest()


def load_snapshot(path: Path, code: str) -> Snapshot | None:
    """The snapshot at `path` if it was taken by code with digest `code`."""
    stored = _load(path)
    if not isinstance(stored, tuple) or len(stored) != 4 or stored[0] != code:
        return None
    _, files, kb, name_index = stored
    if not isinstance(kb, KnowledgeBase) or not isinstance(name_index, NameIndex):
        return None
    return Snapshot(files, kb, name_index)


def save_snapshot(
    path: Path, code: str, files: dict[str, str], kb: KnowledgeBase, name_index: NameIndex
) -> None:
    """Write a snapshot atomically (temporary file, then rename); failures are only logged."""
    _save(path, (code, files, kb, name_index))


def load_parsed(path: Path, code: str) -> Parsed:
    """Data files parsed by code with digest `code`, kept by `save_parsed` (empty if none)."""
    stored = _load(path)
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == code:
        parsed: Parsed = stored[1]
        return parsed
    return {}


def save_parsed(path: Path, code: str, parsed: Parsed) -> None:
    """Keep what changed data files parsed to, atomically; failures are only logged."""
    _save(path, (code, parsed))


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as handle, paused_gc():
            # The index directory is ours alone, like the pickles Whoosh keeps there.
            return pickle.load(handle)  # noqa: S301
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged snapshot is only a slower start
        log.warning("ignoring unreadable corpus snapshot %s (%s)", path, exc)
        return None


def _save(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                _Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
            os.replace(tmp_name, path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.warning("could not write corpus snapshot %s (%s)", path, exc)


class _Pickler(pickle.Pickler):
    """Pickles slotted dataclasses (the models) as calls to their constructor.

    At 100,000 entities there are 600,000 of them; their generated `__setstate__` looks the
    fields up again for every object, which is half of unpickling a snapshot.
    """

    def reducer_override(self, obj: Any) -> Any:
        cls: type = type(obj)
        names = _fields(cls)
        if names is None:
            return NotImplemented
        values = tuple(getattr(obj, name) for name in names)
        return (cls, values) if _plain(cls) else (_rebuild, (cls, values))


@functools.cache
def _fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a slotted dataclass pickled the dataclass way, else None."""
    getstate = getattr(cls, "__getstate__", None)
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        return None
    if getattr(getstate, "__name__", "") != "_dataclass_getstate":
        return None  # it pickles some other way on purpose
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _plain(cls: type) -> bool:
    """Whether calling the class with every field's value rebuilds an object as it was."""
    return all(f.init for f in dataclasses.fields(cls)) and not hasattr(cls, "__post_init__")


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    """An object of a slotted dataclass whose constructor does more than set its fields."""
    obj: Any = object.__new__(cls)
    for name, value in zip(_fields(cls) or (), values, strict=True):
        object.__setattr__(obj, name, value)
    return obj


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
