"""`campaign-bot …`: run the bot, or ask the knowledge base from a terminal.

Every slash command has a twin here with the same name and options, calling the same core
function. Exit codes: 0 answered, 1 nothing found, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.cli.kb import add_kb_parser, run_kb
from bot.cli.render import render_json, render_text
from bot.config import LOG_LEVELS, Settings, load_settings
from bot.core.answers.answer import Answer
from bot.core.answers.ask import ask
from bot.core.answers.commands import COMMANDS, COMMANDS_BY_NAME, Command
from bot.core.engine import Engine
from bot.core.errors import CampaignBotError, ConfigError, CorpusError, ValidationError
from bot.core.kb.corpus import bundled_data_dir, load_corpus
from bot.core.kb.schema import SECTION_OF
from bot.core.usage.chart import render_daily_chart
from bot.core.usage.log import USAGE_SECRET_ENV, UsageLog, load_or_create_secret
from bot.core.usage.report import stats_answer
from bot.core.usage.stats import UsageStats

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2
#: Kinds the summary always shows; moderators' additions only when there are some.
_CORE_KINDS = {"source", "organization", "person", "letter", "quote", "event"}

log = logging.getLogger("campaign_bot")


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of exiting, so the console survives typos."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    """A command line argparse refused; the message says why."""


def build_parser() -> argparse.ArgumentParser:
    """The full command-line interface."""
    parser = _Parser(prog="campaign-bot", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, help="config file (default: ./config.toml)")
    parser.add_argument("--log-level", type=str.upper, choices=LOG_LEVELS,
                        help=", ".join(LOG_LEVELS) + " (default: the config's log_level)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    for command in COMMANDS:
        _add_question_command(commands, command)
    validate = commands.add_parser("validate", help="check a data directory and summarise it")
    validate.add_argument("directory", nargs="?", type=Path,
                          help="data directory (default: the bundled data)")
    index = commands.add_parser("index", help="manage the search index")
    index.add_argument("action", choices=["rebuild", "sync", "status"])
    commands.add_parser("console", help="an interactive prompt: questions or /commands")
    commands.add_parser("run", help="run the Discord bot (token from DISCORD_TOKEN)")
    commands.add_parser("health", help="is the running bot healthy? exit 0 yes, 1 no (one line)")
    sync = commands.add_parser("sync", help="push the slash commands to Discord")
    sync.add_argument("--guild", type=int, help="sync to one server only (instant)")
    add_kb_parser(commands, _Parser)
    stats = commands.add_parser("stats", help="usage statistics from the usage log")
    stats.add_argument("--guild", type=int, help="one server (default: every server and DM)")
    stats.add_argument("--days", type=int, default=30, help="period in days (default 30)")
    stats.add_argument("--json", action="store_true", help="print the statistics as JSON")
    stats.add_argument("--chart", type=Path, help="also write a PNG chart of daily use")
    privacy = commands.add_parser("privacy", help="a user's data in the usage log")
    privacy_actions = privacy.add_subparsers(dest="privacy_command", metavar="ACTION",
                                             parser_class=_Parser)
    privacy_actions.required = True
    forget = privacy_actions.add_parser("forget-me", help="delete a user's usage-log rows")
    forget.add_argument("--user", type=int, required=True, help="the Discord user id")
    return parser


def _add_question_command(commands: argparse._SubParsersAction, command: Command) -> None:
    sub = commands.add_parser(command.name, help=command.description,
                              description=command.description)
    for option in command.options:
        if option.required:
            sub.add_argument(option.name, type=option.kind, help=option.description)
        else:
            sub.add_argument(f"--{option.name.replace('_', '-')}", dest=option.name,
                             type=option.kind, help=option.description)
    sub.add_argument("--json", action="store_true", help="print the answer as JSON")
    sub.add_argument("--guild", type=int, help="answer as this server sees the knowledge base")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    try:
        settings = load_settings(args.config)
        _configure_logging(args.log_level or settings.log_level)
        return _dispatch(args, settings)
    except ConfigError as exc:
        print(f"campaign-bot: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CorpusError as exc:
        print(f"campaign-bot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValidationError as exc:
        print("campaign-bot: nothing was changed:\n" + str(exc), file=sys.stderr)
        return EXIT_USAGE
    except CampaignBotError as exc:
        print(f"campaign-bot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`campaign-bot … | head`); say nothing more, as cat would.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _configure_logging(level: str) -> None:
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # The CLI's answers go to stdout; routine index chatter would only clutter the terminal.
    if level.upper() == "INFO":
        logging.getLogger("bot.core").setLevel(logging.WARNING)


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "validate":
        return _validate(args.directory or settings.data_dir)
    if args.command == "run":
        from bot.discord_app.runner import run_bot  # local: only `run` needs discord

        return run_bot(settings)
    if args.command == "health":
        from bot.discord_app.health import check  # reads the heartbeat file; no discord import

        healthy, line = check(settings.heartbeat_file)
        print(line)
        return EXIT_OK if healthy else EXIT_NOTHING
    if args.command == "sync":
        from bot.discord_app.runner import sync_commands

        return sync_commands(settings, args.guild)
    if args.command == "stats":
        return _stats(settings, args)
    if args.command == "privacy":
        return _forget(settings, args.user)
    engine = _engine(settings)
    try:
        if args.command == "index":
            return _index(engine, args.action)
        if args.command == "console":
            return _console(engine)
        if args.command == "kb":
            return run_kb(engine, args, settings.import_max_bytes)
        return _answer(engine, args)
    finally:
        engine.close()


def _engine(settings: Settings) -> Engine:
    return Engine(settings.data_dir, settings.index_dir, settings.index_lock_timeout,
                  settings.max_query_length, settings.community_dir)


def _validate(directory: Path) -> int:
    try:
        kb = load_corpus(directory)
    except CorpusError as exc:
        print(exc, file=sys.stderr)
        return EXIT_NOTHING
    counts = ", ".join(f"{count} {SECTION_OF[kind] if count != 1 else kind}"
                       for kind, count in kb.counts().items() if count or kind in _CORE_KINDS)
    shown = "bundled data" if directory == bundled_data_dir() else str(directory)
    print(f"{shown}: valid — {counts}")
    return EXIT_OK


def _stats(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.usage_db.exists():
        print(f"No usage log at {settings.usage_db} yet: the bot has not run here.",
              file=sys.stderr)
        return EXIT_NOTHING
    if not 1 <= args.days <= 3660:
        raise ConfigError("--days must be between 1 and 3660")
    stats = asyncio.run(read_stats(settings, args.guild, args.days))
    if args.json:
        print(json.dumps(stats.as_dict(), ensure_ascii=False, indent=2))
    else:
        where = f"server {args.guild}" if args.guild else "every server and DM"
        print(render_text(stats_answer(stats, where)))
    if args.chart:
        args.chart.write_bytes(render_daily_chart(stats))
        print(f"chart written to {args.chart}", file=sys.stderr)
    return EXIT_OK if stats.total else EXIT_NOTHING


def _forget(settings: Settings, user_id: int) -> int:
    if not settings.usage_db.exists():
        print("No usage log here: nothing to delete.")
        return EXIT_OK
    deleted = asyncio.run(_forget_rows(settings, user_id))
    print(f"deleted {deleted} usage-log row{'s' if deleted != 1 else ''} of user {user_id}")
    return EXIT_OK


async def _forget_rows(settings: Settings, user_id: int) -> int:
    secret = load_or_create_secret(os.environ.get(USAGE_SECRET_ENV), settings.usage_key_file)
    async with UsageLog(settings.usage_db, secret) as usage:
        return await usage.forget(user_id)


async def read_stats(settings: Settings, guild_id: int | None, days: int) -> UsageStats:
    """Open the usage log just long enough to compute statistics."""
    secret = load_or_create_secret(os.environ.get(USAGE_SECRET_ENV), settings.usage_key_file)
    async with UsageLog(settings.usage_db, secret) as usage:
        return await usage.stats(guild_id, days)


def _progress(done: int, total: int) -> None:
    print(f"\rindexing {done}/{total}", end="" if done < total else "\n", file=sys.stderr,
          flush=True)


def _index(engine: Engine, action: str) -> int:
    if action == "rebuild":
        report = engine.rebuild(_progress)
        print(f"index rebuilt: {report.added} documents in {engine.index.directory}")
    elif action == "sync":
        report = engine.start(_progress)
        print(f"index synced: {report.added} added, {report.updated} updated, "
              f"{report.removed} removed" + (" (rebuilt)" if report.rebuilt else ""))
    else:
        # Read-only: a doubled or damaged index is reported, not healed out of sight.
        health = engine.inspect()
        print(health.describe())
        if not health.healthy:
            print("campaign-bot: `campaign-bot index rebuild` (or the next start) repairs it",
                  file=sys.stderr)
            return EXIT_NOTHING
    return EXIT_OK


def _answer(engine: Engine, args: argparse.Namespace) -> int:
    command = COMMANDS_BY_NAME[args.command]
    engine.start()
    values = {o.name: getattr(args, o.name) for o in command.options}
    answer: Answer = engine.call(command.function, args.guild, **values)
    print(render_json(answer) if args.json else render_text(answer))
    return EXIT_OK if answer.found else EXIT_NOTHING


def _console(engine: Engine) -> int:
    """Questions in plain words, or /command lines like `/signatories 2018 --country Japan`."""
    _enable_history()
    engine.start()
    parser = build_parser()
    print("campaign-bot console — ask a question, or /help. Ctrl-D to leave.")
    while True:
        try:
            line = input("? ").strip()
        except EOFError:
            print()
            return EXIT_OK
        if not line:
            continue
        if line in {"/help", "help"}:
            print("Commands: " + ", ".join(f"/{c.name}" for c in COMMANDS)
                  + "; anything else is asked as a question.")
            continue
        try:
            if line.startswith("/"):
                args = parser.parse_args(shlex.split(line[1:]))
                if args.command not in COMMANDS_BY_NAME:
                    print("Only question commands work in the console.")
                    continue
                _answer(engine, args)
            else:
                print(render_text(engine.call(ask, None, line)))
        except (_UsageError, ValueError) as exc:
            print(exc)
        except CampaignBotError as exc:
            print(f"error: {exc}")


def _enable_history() -> None:
    try:
        import readline
    except ImportError:  # not on every platform
        return
    history = Path.home() / ".campaign_bot_history"
    with contextlib.suppress(OSError):  # no history yet
        readline.read_history_file(history)
    import atexit

    atexit.register(_save_history, history)


def _save_history(history: Path) -> None:
    import readline

    with contextlib.suppress(OSError):  # a read-only home only loses the history
        readline.set_history_length(1000)
        readline.write_history_file(history)


if __name__ == "__main__":
    raise SystemExit(main())
