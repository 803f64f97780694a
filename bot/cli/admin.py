"""The operator's commands beside the question twins: validate, index, stats and privacy.

Each returns its exit code (bot/cli/exits.py) having printed its result; domain errors
propagate to `main`, which prints them in one line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path

from bot.cli.exits import EXIT_NOTHING, EXIT_OK, EXIT_USAGE
from bot.cli.problems import report
from bot.cli.render import render_text
from bot.config import Settings, require_writable
from bot.core.engine import Engine
from bot.core.errors import CampaignBotError, CorpusError
from bot.core.kb.corpus import bundled_data_dir, load_corpus
from bot.core.kb.schema import SECTION_OF
from bot.core.search.index import IndexHealth
from bot.core.usage.chart import render_daily_chart
from bot.core.usage.log import USAGE_SECRET_ENV, UsageLog, load_or_create_secret
from bot.core.usage.report import stats_answer
from bot.core.usage.stats import UsageStats
from bot.core.usage.storage import usage_store

#: Kinds the summary always shows; moderators' additions only when there are some.
_CORE_KINDS = {"source", "organization", "person", "letter", "quote", "event"}


def validate(directory: Path) -> int:
    """Check a data directory: its problems, root causes first (exit 2), or its counts."""
    if directory.is_file():
        print(
            f"campaign-bot: {directory} is a file; validate checks a data directory, such "
            f"as the folder holding it ({directory.resolve().parent})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        kb = load_corpus(directory)
    except CorpusError as exc:
        # A linter's report is its output: on stdout, so `validate DIR | less` shows it.
        print("\n".join(report(exc, directory)))
        return EXIT_USAGE
    counts = ", ".join(
        f"{count} {SECTION_OF[kind] if count != 1 else kind}"
        for kind, count in kb.counts().items()
        if count or kind in _CORE_KINDS
    )
    shown = "bundled data" if directory == bundled_data_dir() else str(directory)
    print(f"{shown}: valid — {counts}")
    return EXIT_OK


def index(engine: Engine, action: str) -> int:
    """`index status|sync|rebuild`; status reads only, and exits 1 unless up to date."""
    if action == "rebuild":
        rebuilt = engine.rebuild(_progress)
        print(f"index rebuilt: {rebuilt.added} documents in {engine.index.directory}")
    elif action == "sync":
        synced = engine.start(_progress)
        print(
            f"index synced: {synced.added} added, {synced.updated} updated, "
            f"{synced.removed} removed" + (" (rebuilt)" if synced.rebuilt else "")
        )
    else:
        # Read-only: a missing, doubled or damaged index is reported, never built or healed.
        health = engine.inspect()
        state = index_state(health)
        print(f"index at {health.directory}: {state}" + _details(health, state))
        if state != "up to date":
            print(
                "campaign-bot: `campaign-bot index rebuild` (or the next start) repairs it",
                file=sys.stderr,
            )
            return EXIT_NOTHING
    return EXIT_OK


def index_state(health: IndexHealth) -> str:
    """One word for the index: missing, damaged, doubled, stale or up to date."""
    if health.problem is not None:
        return (
            "missing"
            if health.problem == "not built yet"
            else ("stale" if "older schema" in health.problem else "damaged")
        )
    if health.duplicates:
        return "doubled"
    return "up to date" if health.healthy else "stale"


def _details(health: IndexHealth, state: str) -> str:
    if state == "missing":
        return " (not built yet)"
    if health.problem is not None:
        return f" ({health.problem})"
    counts = [
        (health.duplicates, "duplicate"),
        (health.missing, "missing"),
        (health.unknown, "of entities no longer in the data"),
        (health.stale, "stale"),
    ]
    found = ", ".join(f"{n} {what}" for n, what in counts if n)
    shown = f", {found}" if found else ""
    return f" ({health.documents} documents for {health.entities} entities{shown})"


def stats(settings: Settings, args: argparse.Namespace) -> int:
    """Usage statistics; the chart, if asked for, is written before anything is printed."""
    if args.chart is not None:
        _check_chart_path(args.chart)
    if settings.database_url is None and not settings.usage_db.exists():
        print(
            f"No usage log at {settings.usage_db} yet: the bot has not run here.", file=sys.stderr
        )
        return EXIT_NOTHING
    found = asyncio.run(read_stats(settings, args.guild, args.days))
    if args.chart is not None:
        # First: whether the chart exists must not depend on who reads the output.
        try:
            args.chart.write_bytes(render_daily_chart(found))
        except OSError as exc:
            raise CampaignBotError(f"--chart {args.chart}: cannot write: {exc.strerror}") from None
    if args.json:
        print(json.dumps(found.as_dict(), ensure_ascii=False, indent=2))
    else:
        where = f"server {args.guild}" if args.guild else "every server and DM"
        print(render_text(stats_answer(found, where)))
    if args.chart is not None:
        print(f"chart written to {args.chart}", file=sys.stderr)
    return EXIT_OK if found.total else EXIT_NOTHING


def _check_chart_path(path: Path) -> None:
    """Refuse a chart path that cannot be written, before any work is done."""
    if path.is_dir():
        raise CampaignBotError(
            f"--chart {path}: is a folder; give a file name such as {path / 'daily.png'}"
        )
    if not path.parent.is_dir():
        raise CampaignBotError(f"--chart {path}: the folder {path.parent} does not exist")


async def read_stats(settings: Settings, guild_id: int | None, days: int) -> UsageStats:
    """Open the usage log just long enough to compute statistics."""
    secret = load_or_create_secret(os.environ.get(USAGE_SECRET_ENV), settings.usage_key_file)
    async with UsageLog(usage_store(settings.usage_db, settings.database_url), secret) as usage:
        return await usage.stats(guild_id, days)


def forget(settings: Settings, user_id: int) -> int:
    """Delete one user's usage-log rows and say how many."""
    if settings.database_url is None:
        if not settings.usage_db.exists():
            print("No usage log here: nothing to delete.")
            return EXIT_OK
        require_writable(settings, ("usage_db",))
    deleted = asyncio.run(_forget_rows(settings, user_id))
    print(f"deleted {deleted} usage-log row{'s' if deleted != 1 else ''} of user {user_id}")
    return EXIT_OK


async def _forget_rows(settings: Settings, user_id: int) -> int:
    secret = load_or_create_secret(os.environ.get(USAGE_SECRET_ENV), settings.usage_key_file)
    async with UsageLog(usage_store(settings.usage_db, settings.database_url), secret) as usage:
        return await usage.forget(user_id)


def _progress(done: int, total: int) -> None:
    print(
        f"\rindexing {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True
    )
