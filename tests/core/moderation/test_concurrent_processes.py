"""Real processes racing over one community folder: every acknowledged change lands.

Each process start (`kb list`, `ask`, a writer) runs the change log's crash recovery, so
this is where a recovery that mistakes a live writer for a crash shows up. The test runs a
500-entry import while other processes start, read and write, a few rounds over (each round
rewrites the same 500 entries, so a half-applied round shows as a mix), then ten and more
writers at once, and checks, from the files and from a fresh `kb list`:

- every change a process reported as done is on disk and listed;
- every change a process reported as failed left nothing;
- no reader (a child's `kb list`, or this process's long-running engine) ever saw part of
  an import, and the long-running engine ends up seeing every entry written by others;
- nothing is left pending, half-written or unreadable.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import yaml

from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.community import CommunityStore

GUILD = 1
ROUNDS = 3
IMPORT_SIZE = 500
PARALLEL_WRITERS = 10
#: Other processes kept running beside each import.
CONCURRENT_CHILDREN = 2
#: At most this many of them per round, so a slow machine does not also run more of them.
CHILDREN_PER_ROUND = 8
#: Seconds a child waits for the writers' lock (see `_env`).
LOCK_TIMEOUT = 60
#: Seconds between two looks of this process's long-running engine.
WATCH_INTERVAL = 0.2
#: What those processes do, in turn.
CHILD_KINDS = ("add-quote", "list", "ask")
#: Every writer of the burst cites this source, so each one races to add it or reuse it.
SHARED_SOURCE = "https://example.org/race"

#: Output files of the running children, by process id.
_OUTPUTS: dict[int, tuple[IO[str], IO[str]]] = {}


@dataclass
class Run:
    """One finished child process and the entry texts it was meant to write."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str
    texts: tuple[str, ...] = ()
    done_marker: str = ""

    @property
    def reported_done(self) -> bool:
        """The process exited cleanly and said the change was made."""
        return self.code == 0 and bool(self.done_marker) and self.done_marker in self.out


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPAIGN_BOT_")}
    # Every piece of state in the test's folder, whatever the defaults are.
    env.update(
        {
            "CAMPAIGN_BOT_STATE_DIR": str(home),
            "CAMPAIGN_BOT_INDEX_DIR": str(home / "index"),
            "CAMPAIGN_BOT_COMMUNITY_DIR": str(home / "data" / "community"),
            "CAMPAIGN_BOT_USAGE_DB": str(home / "usage.sqlite3"),
            "CAMPAIGN_BOT_USAGE_KEY_FILE": str(home / "usage.key"),
        }
    )
    # Two cores and a dozen processes: a writer may queue for the lock longer than the
    # default 10 s. This test is about nothing being lost, so they wait their turn.
    env["CAMPAIGN_BOT_INDEX_LOCK_TIMEOUT"] = str(LOCK_TIMEOUT)
    return env


def _spawn(home: Path, *args: str) -> subprocess.Popen[str]:
    # Output goes to files, not pipes: a long `kb list` would block on a full pipe while
    # this process is busy polling the others.
    out = tempfile.TemporaryFile("w+", encoding="utf-8", dir=home)
    err = tempfile.TemporaryFile("w+", encoding="utf-8", dir=home)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli.main", *args],
        cwd=home,
        env=_env(home),
        stdout=out,
        stderr=err,
        text=True,
    )
    _OUTPUTS[process.pid] = (out, err)
    return process


def _finish(
    process: subprocess.Popen[str], texts: tuple[str, ...] = (), done_marker: str = ""
) -> Run:
    process.wait(timeout=120)
    texts_out = []
    for handle in _OUTPUTS.pop(process.pid):
        handle.seek(0)
        texts_out.append(handle.read())
        handle.close()
    return Run(
        tuple(map(str, process.args))[3:],  # type: ignore[arg-type]
        process.returncode,
        texts_out[0],
        texts_out[1],
        texts,
        done_marker,
    )


def _add_quote(home: Path, text: str, source: str) -> subprocess.Popen[str]:
    return _spawn(
        home,
        "kb",
        "add-quote",
        "--guild",
        str(GUILD),
        "--person",
        "Brad Adams",
        "--text",
        text,
        "--source",
        source,
    )


def _child(
    home: Path, number: int, started: int
) -> tuple[subprocess.Popen[str], tuple[str, ...], str]:
    kind = CHILD_KINDS[started % len(CHILD_KINDS)]
    if kind == "add-quote":
        text = f"Round {number} writer {started} says hello."
        return (
            _add_quote(home, text, f"https://example.org/r{number}w{started}"),
            (text,),
            "Added quote",
        )
    if kind == "list":
        return _spawn(home, "kb", "list", "--guild", str(GUILD)), (), ""
    return _spawn(home, "ask", "What did Brad Adams say?", "--guild", str(GUILD)), (), ""


def _import_file(home: Path, number: int) -> tuple[Path, tuple[str, ...]]:
    """Round `number`'s CSV: the same 500 ids every round, with the round's words."""
    texts = tuple(f"Round {number} imported words {i}." for i in range(IMPORT_SIZE))
    path = home / f"import-{number}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kind", "id", "person", "text", "source"])
        writer.writerows(
            ["quote", f"imported-{i}", "Brad Adams", text, f"https://example.org/import{number}"]
            for i, text in enumerate(texts)
        )
    return path, texts


def _disk_texts(community: Path) -> set[str]:
    texts: set[str] = set()
    for path in (community / str(GUILD)).rglob("*.yaml"):
        for entries in yaml.safe_load(path.read_text(encoding="utf-8")).values():
            texts.update(e["text"] for e in entries if "text" in e)
    return texts


def _watched_texts(engine: Engine) -> set[str]:
    engine.refresh_if_changed(GUILD, force=True)
    return {getattr(r.entity, "text", "") for r in engine.guild_records(GUILD)} - {""}


def _imported_seen(texts: set[str] | str, imported: tuple[str, ...]) -> int:
    return sum(1 for t in imported if t in texts)


def test_processes_racing_lose_nothing_and_show_nothing_half_written(tmp_path: Path) -> None:
    """Imports, readers and writers in separate processes: all acknowledged work lands."""
    community = tmp_path / "data" / "community"
    first = _finish(_spawn(tmp_path, "kb", "list", "--guild", str(GUILD)))
    assert first.code == 1, first.err  # builds the shared index once; no entries yet
    watcher = Engine(bundled_data_dir(), tmp_path / "index", community_dir=community)
    watcher.start()
    runs: list[Run] = []
    imports: list[Run] = []
    partial_views: list[str] = []
    try:
        for number in range(ROUNDS):
            path, imported = _import_file(tmp_path, number)
            importer = _spawn(tmp_path, "kb", "import", str(path), "--yes", "--guild", str(GUILD))
            live: list[tuple[subprocess.Popen[str], tuple[str, ...], str]] = []
            started, watched_at = 0, 0.0
            # Keep a few other processes starting, reading and writing for as long as the
            # import runs, so some start up while its files are being written.
            while importer.poll() is None or started < len(CHILD_KINDS):
                while len(live) < CONCURRENT_CHILDREN and started < CHILDREN_PER_ROUND:
                    live.append(_child(tmp_path, number, started))
                    started += 1
                if time.monotonic() - watched_at > WATCH_INTERVAL:
                    seen = _imported_seen(_watched_texts(watcher), imported)
                    if seen not in (0, IMPORT_SIZE):
                        partial_views.append(f"watcher saw {seen} of round {number}")
                    watched_at = time.monotonic()
                for entry in [e for e in live if e[0].poll() is not None]:
                    live.remove(entry)
                    runs.append(run := _finish(*entry))
                    if run.args[:2] == ("kb", "list"):
                        seen = _imported_seen(run.out, imported)
                        if seen not in (0, IMPORT_SIZE):
                            partial_views.append(f"kb list saw {seen} of round {number}")
                time.sleep(0.02)
            runs.extend(_finish(*entry) for entry in live)
            imports.append(done := _finish(importer, imported, f"Imported {IMPORT_SIZE} entries"))
            # The next round rewrites these entries: check this round's now.
            landed = _imported_seen(_disk_texts(community), imported)
            assert landed == (IMPORT_SIZE if done.reported_done else 0), (
                f"round {number}: {landed} landed; the import said: {done.out[-200:]}"
                f"{done.err[-300:]}"
            )

        burst = [
            (
                _add_quote(tmp_path, f"Burst writer {n} was here.", SHARED_SOURCE),
                f"Burst writer {n} was here.",
            )
            for n in range(PARALLEL_WRITERS)
        ]
        for process, text in burst:
            runs.append(_finish(process, (text,), "Added quote"))

        final = _finish(_spawn(tmp_path, "kb", "list", "--guild", str(GUILD)))
        on_disk = _disk_texts(community)
        watched = _watched_texts(watcher)
    finally:
        watcher.close()

    writers = [r for r in runs if r.texts]
    for run in writers:
        if run.reported_done:
            missing = [t for t in run.texts if t not in on_disk or t[:80] not in final.out]
            assert not missing, f"{run.args[:2]} said done but {len(missing)} are missing"
        else:
            left = [t for t in run.texts if t in on_disk]
            assert not left, f"{run.args[:2]} failed ({run.err.strip()}) but left {len(left)}"
    failed = [
        f"{r.args[:2]}: {r.err.strip()[-200:]}" for r in [*writers, *imports] if not r.reported_done
    ]
    assert not failed, "concurrent writers must all land:\n" + "\n".join(failed)
    readers = [r for r in runs if not r.texts]
    assert all(r.code in (0, 1) for r in readers), [r.err for r in readers if r.code > 1]
    assert not partial_views, partial_views
    assert watched == on_disk, "the long-running engine missed entries written by others"

    store = CommunityStore(community)
    try:
        assert store.changelog.pending() == []
        assert store.parse_guild(GUILD).problems == []
    finally:
        store.close()
    assert list(community.rglob("*.tmp")) == []
