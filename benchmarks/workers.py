"""The measurements, each run in a fresh process by `benchmarks.run`.

A worker gets the size's working directory (data/, index/, fts.sqlite3), measures one
thing and returns a JSON-ready dict. Running each in its own process keeps sizes and
measurements from polluting each other's memory, caches and garbage-collector state.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import resource
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from benchmarks import fts
from benchmarks.layers import server_change
from benchmarks.questions import question_mix
from benchmarks.stats import summary
from bot.core.answers.ask import ask
from bot.core.engine import Engine
from bot.core.kb.corpus import KnowledgeBase, ParsedFiles
from bot.core.search.index import SearchIndex
from bot.core.snapshot import SNAPSHOT_FILE, code_digest, file_digests, save_snapshot

#: Questions measured, after a warm-up on other questions of the same kinds (so the code,
#: the OS page cache and the index files are warm, but answers to these are not cached).
MIX_SIZE = 1000
WARMUP_SIZE = 200
#: Seeds of the three question mixes: warm-up, measured, and the event-loop lag test.
MIX_SEEDS = {"warmup": 8, "mix": 7, "lag": 9}
#: Concurrent asks per round of the event-loop lag test, and rounds.
CONCURRENT_ASKS = 50
LAG_ROUNDS = 4
#: The ticker's sleep; lag is how much later than this it wakes.
TICK = 0.005

#: Where the build worker leaves the question mix for the serving workers.
QUESTIONS_FILE = "questions.json"

Result = dict[str, Any]


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextlib.contextmanager
def _timed(samples: list[float]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    samples.append(time.perf_counter() - start)


def _paths(work: Path) -> tuple[Path, Path, Path]:
    return work / "data", work / "index", work / "fts.sqlite3"


# Build -----------------------------------------------------------------------------------


def build(work: Path, repeats: int) -> Result:
    """Full builds: from nothing, `Engine.rebuild` over a current snapshot, index alone, FTS5.

    "From nothing" has neither index nor snapshot, so it parses every YAML file; the
    second is `campaign-bot index rebuild` on a machine that has started before. Also
    writes the question mixes (questions.json) for the serving workers, and leaves an
    up-to-date index with its corpus snapshot behind.
    """
    data, index_dir, fts_path = _paths(work)
    runs: dict[str, list[float]] = {
        "from_nothing": [],
        "engine_rebuild": [],
        "index_rebuild": [],
        "fts_build": [],
    }
    for _ in range(repeats):
        shutil.rmtree(index_dir, ignore_errors=True)
        engine = Engine(data, index_dir)
        with _timed(runs["from_nothing"]):
            engine.rebuild()
        engine.close()
        engine = Engine(data, index_dir)
        with _timed(runs["engine_rebuild"]):
            engine.rebuild()
        engine.close()
        index = SearchIndex(index_dir)
        with _timed(runs["index_rebuild"]):
            index.rebuild(engine.kb)
        index.close()
        with _timed(runs["fts_build"]):
            fts.build(engine.kb, fts_path)
    # The index-only rebuild wiped the snapshot: put it back as Engine.rebuild leaves it.
    save_snapshot(
        index_dir / SNAPSHOT_FILE, code_digest(), file_digests(data), engine.kb, engine.names
    )
    mixes = {
        name: [
            q.text
            for q in question_mix(engine.kb, WARMUP_SIZE if name == "warmup" else MIX_SIZE, seed)
        ]
        for name, seed in MIX_SEEDS.items()
    }
    (work / QUESTIONS_FILE).write_text(json.dumps(mixes, ensure_ascii=False), encoding="utf-8")
    return {
        **{name: summary(samples) for name, samples in runs.items()},
        "peak_rss_mb": peak_rss_mb(),
    }


def _questions(work: Path) -> dict[str, list[str]]:
    mixes: dict[str, list[str]] = json.loads((work / QUESTIONS_FILE).read_text(encoding="utf-8"))
    return mixes


# Sync after one entity changes -----------------------------------------------------------


def edit_one_entity(path: Path, round_number: int) -> str:
    """Change the description of the first organisation in `path`; return its id."""
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    entry = document["organizations"][0]
    entry["description"] = f"{entry['description'].split(' [edit')[0]} [edit {round_number}]"
    path.write_text(
        yaml.dump(
            document, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100
        ),
        encoding="utf-8",
    )
    return str(entry["id"])


def _reload_one_file(kb: KnowledgeBase, data: Path, path: Path) -> KnowledgeBase:
    """`kb` with the entities of one data file parsed again (what load_corpus would give)."""
    parsed = ParsedFiles()
    parsed.add_file(path, str(path.relative_to(data)))
    assert not parsed.problems, parsed.problems
    fresh = {r.entity.id: r for r in parsed.records}
    return KnowledgeBase.from_records(fresh.get(eid, record) for eid, record in kb.records.items())


def sync(work: Path, repeats: int) -> Result:
    """Edit one entity in a YAML file, re-read that file, `SearchIndex.sync`; FTS5 update."""
    data, index_dir, fts_path = _paths(work)
    engine = Engine(data, index_dir)
    engine.start()
    target = sorted(data.glob("organizations*.yaml"))[-1]
    reparse: list[float] = []
    syncs: list[float] = []
    fts_updates: list[float] = []
    changed = 0
    db = sqlite3.connect(fts_path)
    for round_number in range(1, repeats + 1):
        entity_id = edit_one_entity(target, round_number)
        with _timed(reparse):
            kb = _reload_one_file(engine.kb, data, target)
        with _timed(syncs):
            report = engine.index.sync(kb)
        changed += report.changed
        with _timed(fts_updates):
            fts.update(db, kb, entity_id)
    db.close()
    engine.close()
    edit_one_entity(target, 0)  # leave a stable text behind
    restore = Engine(data, index_dir)
    restore.start()
    restore.close()
    return {
        "reparse_file": summary(reparse),
        "index_sync": summary(syncs),
        "fts_update": summary(fts_updates),
        "documents_changed": changed,
    }


# Start-up --------------------------------------------------------------------------------


def startup(work: Path) -> Result:
    """Engine(...).start() with an up-to-date index, in this (fresh) process."""
    data, index_dir, _ = _paths(work)
    start = time.perf_counter()
    engine = Engine(data, index_dir)
    report = engine.start()
    seconds = time.perf_counter() - start
    engine.close()
    return {"seconds": seconds, "documents_changed": report.changed, "peak_rss_mb": peak_rss_mb()}


def fts_startup(work: Path) -> Result:
    """Open the FTS5 database and answer a first query, in this (fresh) process."""
    _, _, fts_path = _paths(work)
    start = time.perf_counter()
    db = sqlite3.connect(fts_path)
    fts.search(db, "Who signed the 2018 letter to Kim Jong Un?")
    seconds = time.perf_counter() - start
    db.close()
    return {"seconds": seconds}


# Serving: ask latency, event-loop lag, memory --------------------------------------------


def _latencies(mixes: dict[str, list[str]], answer: Callable[[str], object]) -> Result:
    """Warm up on one mix, then time each question of the measured mix once, in order.

    Repeated questions in the mix are answered as traffic would see them (from caches where
    there are any); the first occurrences alone are summarised too.
    """
    for question in mixes["warmup"]:
        answer(question)
    samples: list[float] = []
    first: list[float] = []
    seen: set[str] = set()
    for question in mixes["mix"]:
        with _timed(samples):
            answer(question)
        if question not in seen:
            first.append(samples[-1])
            seen.add(question)
    return {"all": summary(samples), "first_occurrence": summary(first)}


async def _ticker(stop: asyncio.Event, overshoot: list[float]) -> None:
    while not stop.is_set():
        start = time.perf_counter()
        await asyncio.sleep(TICK)
        overshoot.append(time.perf_counter() - start - TICK)


async def _lag_round(
    engine: Engine | None, questions: list[str], idle_seconds: float, overshoot: list[float]
) -> float:
    """Tick while 50 asks run through Engine.run (or, without an engine, while idle)."""
    stop = asyncio.Event()
    ticker = asyncio.create_task(_ticker(stop, overshoot))
    start = time.perf_counter()
    if engine is None:
        await asyncio.sleep(idle_seconds)
    else:
        await asyncio.gather(*(engine.run(ask, None, q) for q in questions))
    elapsed = time.perf_counter() - start
    stop.set()
    await ticker
    return elapsed


async def _lag(engine: Engine, mix: list[str]) -> Result:
    loaded: list[float] = []
    idle: list[float] = []
    durations = []
    for round_number in range(LAG_ROUNDS):
        batch = mix[round_number * CONCURRENT_ASKS : (round_number + 1) * CONCURRENT_ASKS]
        durations.append(await _lag_round(engine, batch, 0.0, loaded))
        await _lag_round(None, [], durations[-1], idle)
    return {
        "loaded": summary(loaded),
        "idle": summary(idle),
        "asks_per_second": CONCURRENT_ASKS * LAG_ROUNDS / sum(durations),
    }


def serve(work: Path) -> Result:
    """Ask latency over the question mix, event-loop lag, and peak memory while serving."""
    data, index_dir, _ = _paths(work)
    engine = Engine(data, index_dir)
    engine.start()
    mixes = _questions(work)
    latencies = _latencies(mixes, lambda q: engine.call(ask, None, q))
    lag = asyncio.run(_lag(engine, mixes["lag"]))
    engine.close()
    return {
        "ask": latencies["all"],
        "ask_first_occurrence": latencies["first_occurrence"],
        "lag": lag,
        "peak_rss_mb": peak_rss_mb(),
        "questions": len(mixes["mix"]),
        "distinct_questions": len(set(mixes["mix"])),
    }


def fts_serve(work: Path) -> Result:
    """The FTS5 baseline over the same question mix, and its peak memory."""
    _, _, fts_path = _paths(work)
    db = sqlite3.connect(fts_path)
    latencies = _latencies(_questions(work), lambda q: fts.search(db, q))
    db.close()
    return {
        "ask": latencies["all"],
        "ask_first_occurrence": latencies["first_occurrence"],
        "peak_rss_mb": peak_rss_mb(),
    }


def end_to_end(work: Path) -> Result:
    """Interactions per second through the fake Discord (see `benchmarks.e2e`)."""
    from benchmarks.e2e import e2e  # local: imports discord and the test fake

    return e2e(work, _questions(work)["mix"])


WORKERS: dict[str, Callable[..., Result]] = {
    "build": build,
    "sync": sync,
    "startup": startup,
    "fts-startup": fts_startup,
    "serve": serve,
    "fts-serve": fts_serve,
    "e2e": end_to_end,
    "server-change": server_change,
}
