"""Measure the bot at several knowledge-base sizes, against baselines measured in the same run.

    python -m benchmarks.run --sizes 1000 10000 100000 --out benchmarks/out/

For each size a synthetic data directory is generated (once; reused while the seed and
size match), then every measurement runs in its own fresh Python process (see
`benchmarks.workers`). Results go to `<out>/results.json` and `<out>/results.md`.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.generate import DEFAULT_SEED
from benchmarks.layers import changed_start
from benchmarks.stats import ratio, summary
from benchmarks.workers import WORKERS, edit_one_entity

#: Targets at 100,000 entities (2 cores): figure -> (limit, unit, True if lower is better).
TARGETS: dict[str, tuple[float, str, bool]] = {
    "ask_p99_ms": (50.0, "ms", True),
    "ask_p99_vs_fts": (5.0, "×", True),
    "full_build_s": (120.0, "s", True),
    "full_build_from_nothing_s": (120.0, "s", True),
    "sync_ms": (200.0, "ms", True),
    "startup_s": (3.0, "s", True),
    "lag_p99_ms": (50.0, "ms", True),
    "peak_rss_mb": (500.0, "MB", True),
    "interactions_per_s": (200.0, "/s", False),
    "change_to_answer_ms": (200.0, "ms", True),
    "start_after_edit_s": (3.0, "s", True),
}

Result = dict[str, Any]


def repeats_for(size: int) -> dict[str, int]:
    """How many times each measurement is repeated at `size` (fewer for slow ones)."""
    if size >= 100_000:
        return {"build": 1, "sync": 10, "startup": 5, "change": 12, "edited_start": 5}
    if size >= 10_000:
        return {"build": 2, "sync": 20, "startup": 5, "change": 18, "edited_start": 5}
    return {"build": 3, "sync": 20, "startup": 7, "change": 18, "edited_start": 7}


def ensure_corpus(work: Path, size: int, seed: int) -> None:
    """Generate the data directory unless one for this size and seed is already there."""
    stamp = work / "generated.json"
    wanted = {"size": size, "seed": seed}
    if stamp.exists() and json.loads(stamp.read_text()) == wanted and (work / "data").is_dir():
        return
    work.mkdir(parents=True, exist_ok=True)
    _python(
        "-m",
        "benchmarks.generate",
        "--size",
        str(size),
        "--seed",
        str(seed),
        "--out",
        str(work / "data"),
    )
    stamp.write_text(json.dumps(wanted))


def _python(*args: str) -> str:
    # Our own interpreter running our own modules, arguments as a list: no shell involved.
    completed = subprocess.run(  # noqa: S603
        [sys.executable, *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return completed.stdout


def run_worker(name: str, work: Path, repeats: int = 1) -> Result:
    """Run one worker in a fresh process and return its result."""
    output = _python(
        "-m", "benchmarks.run", "--worker", name, "--work", str(work), "--repeats", str(repeats)
    )
    result: Result = json.loads(output.strip().splitlines()[-1])
    return result


def measure_size(work: Path, size: int, seed: int, log: Any) -> Result:
    """Every measurement at one size."""
    repeats = repeats_for(size)
    ensure_corpus(work, size, seed)
    log(f"[{size}] build x{repeats['build']}")
    build = run_worker("build", work, repeats["build"])
    log(f"[{size}] sync x{repeats['sync']}")
    sync = run_worker("sync", work, repeats["sync"])
    log(f"[{size}] start-up x{repeats['startup']}")
    starts = [run_worker("startup", work) for _ in range(repeats["startup"])]
    fts_starts = [run_worker("fts-startup", work) for _ in range(repeats["startup"])]
    log(f"[{size}] serve")
    serve = run_worker("serve", work)
    fts_serve = run_worker("fts-serve", work)
    e2e = _e2e(work, log, size)
    # Last: they leave a server's entries in the index and data/ differing from the snapshot.
    log(f"[{size}] a moderator's change, answered x{repeats['change']}")
    change = run_worker("server-change", work, repeats["change"])
    log(f"[{size}] start after one data file changed x{repeats['edited_start']}")
    target = sorted((work / "data").glob("organizations*.yaml"))[-1]
    edited_start = changed_start(
        work,
        repeats["edited_start"],
        lambda: run_worker("startup", work),
        lambda n: edit_one_entity(target, n),
    )
    return {
        "size": size,
        "build": build,
        "sync": sync,
        "startup": summary([s["seconds"] for s in starts]),
        "startup_rss_mb": max(s["peak_rss_mb"] for s in starts),
        "fts_startup": summary([s["seconds"] for s in fts_starts]),
        "serve": serve,
        "fts_serve": fts_serve,
        "e2e": e2e,
        "server_change": change,
        "edited_start": edited_start,
    }


def _e2e(work: Path, log: Any, size: int) -> Result:
    if "e2e" not in WORKERS:
        return {"pending": "bot/discord_app or tests/e2e/fake_discord.py not available"}
    log(f"[{size}] end to end")
    return run_worker("e2e", work)


def headline(result: Result) -> dict[str, float]:
    """The figures the targets are about, from one size's raw results."""
    serve, fts_serve, build, sync = (
        result["serve"],
        result["fts_serve"],
        result["build"],
        result["sync"],
    )
    e2e = result.get("e2e", {})
    return {
        "ask_p50_ms": serve["ask"]["median"] * 1e3,
        "ask_p99_ms": serve["ask"]["p99"] * 1e3,
        "ask_p99_vs_fts": ratio(serve["ask"]["p99"], fts_serve["ask"]["p99"]),
        "full_build_s": build["engine_rebuild"]["median"],
        "full_build_from_nothing_s": build["from_nothing"]["median"],
        "sync_ms": sync["index_sync"]["median"] * 1e3,
        "startup_s": result["startup"]["median"],
        "lag_p99_ms": serve["lag"]["loaded"]["p99"] * 1e3,
        "peak_rss_mb": serve["peak_rss_mb"],
        "interactions_per_s": e2e.get("interactions_per_second", math.nan),
        "change_to_answer_ms": result["server_change"]["latency"]["median"] * 1e3,
        "start_after_edit_s": result["edited_start"]["ours"]["median"],
    }


def machine() -> Result:
    """What the numbers were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_kb = int(line.split()[1])
    except OSError:
        pass
    packages = {}
    for name in ("whoosh-reloaded", "rapidfuzz", "PyYAML", "discord.py", "aiosqlite"):
        try:
            packages[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            packages[name] = "missing"
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(memory_kb / 1024**2, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sqlite": __import__("sqlite3").sqlite_version,
        "packages": packages,
        "load_average": os.getloadavg(),
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: orchestrate every size, or (internally) run one worker."""
    parser = argparse.ArgumentParser(description="campaign-bot benchmarks")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "campaign-bot-bench",
        help="where generated data and indexes live (large at 100k)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _run_worker_here(args.worker, args.work, args.repeats)
        return
    _orchestrate(args.sizes, args.out, args.work_dir, args.seed)


def _run_worker_here(name: str, work: Path, repeats: int) -> None:
    worker = WORKERS[name]
    result = worker(work, repeats) if name in {"build", "sync", "server-change"} else worker(work)
    print(json.dumps(result))


def _orchestrate(sizes: list[int], out: Path, work_dir: Path, seed: int) -> None:
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - started:7.1f}s  {message}", flush=True)

    out.mkdir(parents=True, exist_ok=True)
    report: Result = {"machine": machine(), "seed": seed, "sizes": {}}
    for size in sizes:
        result = measure_size(work_dir / str(size), size, seed, log)
        result["headline"] = headline(result)
        report["sizes"][str(size)] = result
        (out / "results.json").write_text(json.dumps(report, indent=2))
    report["machine"]["load_average_after"] = os.getloadavg()
    report["seconds"] = time.perf_counter() - started
    (out / "results.json").write_text(json.dumps(report, indent=2))
    from benchmarks.report import markdown

    (out / "results.md").write_text(markdown(report, TARGETS))
    log(f"wrote {out / 'results.json'} and {out / 'results.md'}")


if __name__ == "__main__":
    main()
