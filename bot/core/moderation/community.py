"""Moderators' entries on disk: one YAML file per entry, one folder per server.

Layout: `<root>/<guild_id>/<section>/<entry_id>.yaml`, each file in the same format as
data/ holding one entry. Every change goes through `CommunityStore.apply`: journal the
batch as pending, write or delete each file atomically, mark the batch applied. A crash
anywhere in between is rolled back by `recover`, so a batch is applied whole or not at all
and no acknowledged entry is ever lost.

Several processes share the folder (the bot, `campaign-bot kb …`, `campaign-bot ask`), so:
- writers take an exclusive `flock` on `.write.lock` for the whole change; the kernel drops
  it when a process dies, which is how a pending batch is known to be abandoned;
- `recover` rolls back only while holding that lock (never a live writer's batch), and
  every writer recovers first thing after taking it;
- readers read between batches (`parse_guild`, using the change log's mark), and take the
  lock only when a batch is in progress or writers keep landing during their read.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from bot.core.errors import IndexBusyError
from bot.core.kb.corpus import ParsedFiles, atomic_write_text, fsync_directory
from bot.core.kb.files import UnreadableFileError, read_text
from bot.core.kb.models import EntityKind
from bot.core.kb.schema import FIELDS, PLURALS, SECTION_OF
from bot.core.moderation.changelog import ChangeLog, PlannedChange

log = logging.getLogger(__name__)

CHANGELOG_NAME = "changes.sqlite3"
LOCK_NAME = ".write.lock"

#: Entry files of one server: each file's text and what parsing it gave.
_ParsedByPath = dict[Path, tuple[str, ParsedFiles]]


def entry_yaml(kind: EntityKind, raw: dict[str, object]) -> str:
    """The file text of one entry, in data/ format, keys in the schema's order.

    A canonical order makes equal entries byte-equal, so an export re-imports as unchanged.
    """
    order = list(FIELDS[kind])
    ordered = {
        key: raw[key]
        for key in sorted(raw, key=lambda k: (order.index(k) if k in order else len(order), k))
    }
    roles = ordered.get("roles")
    if isinstance(roles, list):
        ordered["roles"] = [_ordered_role(role) for role in roles]
    return yaml.safe_dump(
        {SECTION_OF[kind]: [ordered]}, sort_keys=False, allow_unicode=True, width=100
    )


_ROLE_ORDER = ("title", "organization", "start", "end", "as_of", "note", "sources")


def _ordered_role(role: object) -> object:
    if not isinstance(role, dict):
        return role
    return {
        key: role[key]
        for key in sorted(
            role, key=lambda k: (_ROLE_ORDER.index(k) if k in _ROLE_ORDER else len(_ROLE_ORDER), k)
        )
    }


def guild_prefix(guild_id: int) -> str:
    """Every id a server's moderators create starts with this, so servers never collide."""
    return f"g{guild_id}-"


class CommunityStore:
    """Reads and writes the moderators' entry files and their change log."""

    def __init__(self, root: Path, lock_timeout: float = 10.0) -> None:
        self.root = root
        self.lock_timeout = lock_timeout
        self._changelog: ChangeLog | None = None
        self._holder = threading.local()
        #: Per server, the files as last read while no writer ran.
        self._parsed: dict[int, _ParsedByPath] = {}

    @property
    def changelog(self) -> ChangeLog:
        """The change log, created on first use (reading never creates files)."""
        if self._changelog is None:
            self.root.mkdir(parents=True, exist_ok=True)
            self._changelog = ChangeLog(self.root / CHANGELOG_NAME)
        return self._changelog

    # Reading -------------------------------------------------------------------------

    def guilds(self) -> list[int]:
        """Servers that have an entry folder."""
        if not self.root.is_dir():
            return []
        return sorted(int(p.name) for p in self.root.iterdir() if p.is_dir() and p.name.isdigit())

    def entry_path(self, guild_id: int, kind: EntityKind, entry_id: str) -> Path:
        """Where an entry's file lives."""
        return self.root / str(guild_id) / SECTION_OF[kind] / f"{entry_id}.yaml"

    def read_entry(self, guild_id: int, kind: EntityKind, entry_id: str) -> str | None:
        """An entry's file text, or None when it does not exist."""
        try:
            return self.entry_path(guild_id, kind, entry_id).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def parse_guild(self, guild_id: int) -> ParsedFiles:
        """Parse every entry file of one server (problems collected, not raised).

        Never part of a batch. The writer holding the lock reads directly; anyone else reads
        between batches: no change pending and `ChangeLog.read_mark` unmoved across the read.
        When that fails (a batch in progress, or writers landing faster than a slow read),
        the reader takes the writers' lock for its read rather than retry without end.
        """
        if self._holding():
            return self._read_guild(guild_id)
        if not self._has_changelog():
            parsed, files = self._parse_files(guild_id)
            if not self._has_changelog():  # no writer began meanwhile (it creates the log)
                self._parsed[guild_id] = files
                return parsed
        mark = self.changelog.read_mark(guild_id)
        if not mark[1]:
            parsed, files = self._parse_files(guild_id)
            if self.changelog.read_mark(guild_id) == mark:
                self._parsed[guild_id] = files
                return parsed
        with self.locked():
            return self._read_guild(guild_id)

    def _read_guild(self, guild_id: int) -> ParsedFiles:
        """Parse a server's files while no writer can run, and remember them."""
        parsed, self._parsed[guild_id] = self._parse_files(guild_id)
        return parsed

    def _parse_files(self, guild_id: int) -> tuple[ParsedFiles, _ParsedByPath]:
        """Every entry file of a server, each parsed again only when its text changed.

        Writers read the whole server three times per change (refresh, check, reload), so
        at a few thousand entries YAML parsing, not writing, would fill the time under the
        lock. Comparing the text costs a read; a stat signature could miss a same-size
        rewrite within one timestamp tick. Returns the files' texts and parses too, to be
        remembered only when no writer ran meanwhile (the text is read twice: to compare,
        then to parse, and the two agree only then).
        """
        parsed = ParsedFiles()
        folder = self.root / str(guild_id)
        before = self._parsed.get(guild_id, {})
        after: _ParsedByPath = {}
        for path in sorted(folder.rglob("*.yaml")) if folder.is_dir() else ():
            section = path.parent.name
            if section not in PLURALS or path.name.startswith("."):
                continue
            try:
                text: str | None = read_text(path)
            except UnreadableFileError:
                text = None  # parsing it reports the problem
            cached = before.get(path)
            if cached is not None and cached[0] == text:
                one = cached[1]
            else:
                one = ParsedFiles()
                one.add_file(path, str(path.relative_to(self.root)), guild_id)
            if text is not None:
                after[path] = (text, one)
            parsed.records.extend(one.records)
            parsed.references.extend(one.references)
            parsed.problems.extend(one.problems)
            parsed.invalid_ids |= one.invalid_ids
        return parsed, after

    # Writing -------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """One writer at a time, across threads and processes (CLI twin and bot).

        Re-entrant in the thread that holds it. Whatever a dead writer left pending is rolled
        back before the caller reads anything: holding the lock proves that writer is gone.
        """
        if self._holding():
            yield
            return
        with self._exclusive(wait=True):
            self._recover_locked()
            yield

    @contextmanager
    def _exclusive(self, wait: bool) -> Iterator[bool]:
        """Take the writers' lock; yield whether it was taken (always True when waiting)."""
        self.root.mkdir(parents=True, exist_ok=True)
        handle = (self.root / LOCK_NAME).open("a")
        deadline = time.monotonic() + self.lock_timeout
        try:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if not wait:
                        yield False
                        return
                    if time.monotonic() > deadline:
                        raise IndexBusyError(
                            "another change to the knowledge base is in progress; "
                            "try again in a moment"
                        ) from None
                    time.sleep(0.05)
            self._holder.held = True
            try:
                yield True
            finally:
                self._holder.held = False
        finally:
            handle.close()  # closing releases the lock

    def _holding(self) -> bool:
        """Whether this thread holds the writers' lock (flock does not tell threads apart)."""
        return bool(getattr(self._holder, "held", False))

    def apply(
        self,
        guild_id: int,
        actor_id: int,
        actor_name: str,
        planned: list[PlannedChange],
        title: str | None = None,
    ) -> str:
        """Apply a batch of changes atomically (journal, files, commit); return the batch id.

        The caller holds `locked()` and has validated the batch against the current files.
        """
        if not self._holding():
            raise RuntimeError("CommunityStore.apply needs the writers' lock (locked())")
        batch = uuid.uuid4().hex
        self.changelog.begin(batch, guild_id, actor_id, actor_name, planned, title)
        try:
            for change in planned:
                self._write(guild_id, change.kind, change.entry_id, change.after)
        except BaseException:
            self._roll_back(guild_id, planned)
            self.changelog.finish(batch, "rolled_back")
            raise
        self.changelog.finish(batch, "applied")
        return batch

    def _write(self, guild_id: int, kind: str, entry_id: str, text: str | None) -> None:
        path = self.entry_path(guild_id, kind, entry_id)  # type: ignore[arg-type]
        if text is None:
            if path.exists():
                path.unlink()
                fsync_directory(path.parent)
        else:
            atomic_write_text(path, text)

    def _roll_back(self, guild_id: int, planned: list[PlannedChange]) -> None:
        for change in reversed(planned):
            self._write(guild_id, change.kind, change.entry_id, change.before)

    def _has_changelog(self) -> bool:
        return self._changelog is not None or (self.root / CHANGELOG_NAME).exists()

    def latest_change(self, guild_id: int) -> int:
        """The newest finished change id of a server (0 when there is no change log yet)."""
        if not self._has_changelog():
            return 0
        return self.changelog.latest_id(guild_id)

    def recover(self) -> int:
        """Roll back batches whose writer is gone; return how many changes were undone.

        Every process runs this at start. It acts only if it can take the writers' lock at
        once: while another process holds it, a pending batch may be that writer's change in
        progress, and whoever takes the lock next recovers what is really abandoned.
        """
        if not self._has_changelog():
            return 0
        if self._holding():
            return self._recover_locked()
        with self._exclusive(wait=False) as taken:
            return self._recover_locked() if taken else 0

    def _recover_locked(self) -> int:
        """Roll back every pending batch; the caller holds the lock, so their writers died.

        A pending batch was never acknowledged to the moderator, so putting back every file's
        `before` text restores exactly the state they last saw.
        """
        if not self._has_changelog():
            return 0
        pending = self.changelog.pending()
        if not pending:
            return 0
        batches: dict[str, list[PlannedChange]] = {}
        guild_of: dict[str, int] = {}
        for change in pending:
            batches.setdefault(change.batch, []).append(
                PlannedChange(
                    change.action,
                    change.entry_id,
                    change.kind,
                    change.summary,
                    change.before,
                    change.after,
                )
            )
            guild_of[change.batch] = change.guild_id
        for batch, planned in batches.items():
            log.warning("rolling back %d unfinished change(s) of batch %s", len(planned), batch)
            self._roll_back(guild_of[batch], planned)
            self.changelog.finish(batch, "rolled_back")
        # A temporary file exists only while a batch is pending (atomic writes happen between
        # `begin` and `finish`), so only now can there be a dead writer's left-overs.
        self._remove_stray_temporaries()
        return len(pending)

    def _remove_stray_temporaries(self) -> None:
        """Temporary files of an interrupted atomic write are garbage; the target is intact."""
        for path in self.root.rglob(".*.tmp"):
            try:
                os.unlink(path)
            except OSError as exc:
                log.warning("could not remove %s: %s", path, exc)

    def close(self) -> None:
        """Close the change log."""
        if self._changelog is not None:
            self._changelog.close()
            self._changelog = None
