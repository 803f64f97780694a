"""Moderators' entries on disk: one YAML file per entry, one folder per server.

Layout: `<root>/<guild_id>/<section>/<entry_id>.yaml`, each file in the same format as
data/ holding one entry. Every change goes through `CommunityStore.apply`: journal the
batch as pending, write or delete each file atomically, mark the batch applied. A crash
anywhere in between is rolled back by `recover` at the next start, so a batch is applied
whole or not at all and no acknowledged entry is ever lost.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from bot.core.errors import IndexBusyError
from bot.core.kb.corpus import ParsedFiles, atomic_write_text, fsync_directory
from bot.core.kb.models import EntityKind
from bot.core.kb.schema import FIELDS, PLURALS, SECTION_OF
from bot.core.moderation.changelog import ChangeLog, PlannedChange

log = logging.getLogger(__name__)

CHANGELOG_NAME = "changes.sqlite3"
LOCK_NAME = ".write.lock"


def entry_yaml(kind: EntityKind, raw: dict[str, object]) -> str:
    """The file text of one entry, in data/ format, keys in the schema's order.

    A canonical order makes equal entries byte-equal, so an export re-imports as unchanged.
    """
    order = list(FIELDS[kind])
    ordered = {key: raw[key] for key in sorted(raw, key=lambda k: (
        order.index(k) if k in order else len(order), k))}
    roles = ordered.get("roles")
    if isinstance(roles, list):
        ordered["roles"] = [_ordered_role(role) for role in roles]
    return yaml.safe_dump({SECTION_OF[kind]: [ordered]}, sort_keys=False, allow_unicode=True,
                          width=100)


_ROLE_ORDER = ("title", "organization", "start", "end", "as_of", "note", "sources")


def _ordered_role(role: object) -> object:
    if not isinstance(role, dict):
        return role
    return {key: role[key] for key in sorted(role, key=lambda k: (
        _ROLE_ORDER.index(k) if k in _ROLE_ORDER else len(_ROLE_ORDER), k))}


def guild_prefix(guild_id: int) -> str:
    """Every id a server's moderators create starts with this, so servers never collide."""
    return f"g{guild_id}-"


class CommunityStore:
    """Reads and writes the moderators' entry files and their change log."""

    def __init__(self, root: Path, lock_timeout: float = 10.0) -> None:
        self.root = root
        self.lock_timeout = lock_timeout
        self._changelog: ChangeLog | None = None

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
        """Parse every entry file of one server (problems collected, not raised)."""
        parsed = ParsedFiles()
        folder = self.root / str(guild_id)
        if not folder.is_dir():
            return parsed
        for path in sorted(folder.rglob("*.yaml")):
            section = path.parent.name
            if section not in PLURALS or path.name.startswith("."):
                continue
            parsed.add_file(path, str(path.relative_to(self.root)), guild_id)
        return parsed

    # Writing -------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """One writer at a time, across threads and processes (CLI twin and bot)."""
        self.root.mkdir(parents=True, exist_ok=True)
        lock_path = self.root / LOCK_NAME
        handle = lock_path.open("a")
        deadline = time.monotonic() + self.lock_timeout
        try:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise IndexBusyError(
                            "another change to the knowledge base is in progress; "
                            "try again in a moment") from None
                    time.sleep(0.05)
            yield
        finally:
            handle.close()  # closing releases the lock

    def apply(self, guild_id: int, actor_id: int, actor_name: str,
              planned: list[PlannedChange]) -> str:
        """Apply a batch of changes atomically (journal, files, commit); return the batch id.

        The caller holds `locked()` and has validated the batch against the current files.
        """
        batch = uuid.uuid4().hex
        self.changelog.begin(batch, guild_id, actor_id, actor_name, planned)
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

    def latest_change(self, guild_id: int) -> int:
        """The newest change id of a server (0 when there is no change log yet)."""
        if self._changelog is None and not (self.root / CHANGELOG_NAME).exists():
            return 0
        return self.changelog.latest_id(guild_id)

    def recover(self) -> int:
        """Roll back batches a crash left pending; return how many changes were undone.

        A pending batch was never acknowledged to the moderator, so putting back every file's
        `before` text restores exactly the state they last saw.
        """
        if self._changelog is None and not (self.root / CHANGELOG_NAME).exists():
            return 0
        pending = self.changelog.pending()
        batches: dict[str, list[PlannedChange]] = {}
        guild_of: dict[str, int] = {}
        for change in pending:
            batches.setdefault(change.batch, []).append(PlannedChange(
                change.action, change.entry_id, change.kind, change.summary, change.before,
                change.after))
            guild_of[change.batch] = change.guild_id
        for batch, planned in batches.items():
            log.warning("rolling back %d unfinished change(s) of batch %s", len(planned), batch)
            self._roll_back(guild_of[batch], planned)
            self.changelog.finish(batch, "rolled_back")
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
