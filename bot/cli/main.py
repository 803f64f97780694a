"""`campaign-bot …`: run the bot, or ask the knowledge base from a terminal.

Every slash command has a twin here with the same name and options, calling the same core
function. Exit codes (bot/cli/exits.py): 0 answered, 1 nothing found, 2 usage,
configuration or data error, 3 could not reach Discord.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.cli import admin
from bot.cli.console import run_console
from bot.cli.db import run_db
from bot.cli.exits import EXIT_INTERRUPTED, EXIT_NOTHING, EXIT_OK, EXIT_USAGE
from bot.cli.kb import run_kb
from bot.cli.parser import ParserExit, UsageError, build_parser
from bot.cli.pipes import pipe_safe_stdout
from bot.cli.problems import report
from bot.cli.questions import answer_command
from bot.cli.render import render_json, render_text
from bot.config import Settings, load_settings, require_writable
from bot.core.answers.commands import COMMANDS_BY_NAME
from bot.core.engine import Engine
from bot.core.errors import CampaignBotError, ConfigError, CorpusError, ValidationError

__all__ = ["EXIT_NOTHING", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

#: State each command writes, checked before it starts so a folder it cannot write is one
#: line, not a traceback halfway through. `index status` and `validate` write nothing.
_WRITES: dict[str, tuple[str, ...]] = {
    "run": ("index_dir", "community_dir", "usage_db", "usage_key_file"),
    "kb": ("index_dir", "community_dir"),
    "console": ("index_dir",),
    **{name: ("index_dir",) for name in COMMANDS_BY_NAME},
}

log = logging.getLogger("campaign_bot")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    with pipe_safe_stdout():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print("\n".join(exc.lines()), file=sys.stderr)
        return EXIT_USAGE
    except ParserExit as exc:  # --help or --version, printed
        return exc.status
    if args.command is None:
        # Bare `campaign-bot`: what it is and how to start, then every command. Exit 2,
        # as for any command line that does not say what to do, so a script notices.
        print(parser.format_help())
        return EXIT_USAGE
    settings: Settings | None = None
    try:
        notes: list[str] = []
        settings = load_settings(args.config, notes=notes)
        for note in notes:
            print(f"campaign-bot: note: {note}", file=sys.stderr)
        _configure_logging(args.log_level or settings.log_level)
        return _dispatch(args, settings)
    except ConfigError as exc:
        print(f"campaign-bot: configuration error: {exc}", file=sys.stderr)
    except CorpusError as exc:
        data_dir = settings.data_dir if settings else Path()
        print("campaign-bot: " + "\n".join(report(exc, data_dir)), file=sys.stderr)
    except ValidationError as exc:
        print("campaign-bot: nothing was changed:\n" + str(exc), file=sys.stderr)
    except CampaignBotError as exc:
        print(f"campaign-bot: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:  # a file named on the command line, or state changed under us
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"campaign-bot: {where}{exc.strerror or exc}", file=sys.stderr)
    return EXIT_USAGE


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
    require_writable(settings, _WRITES.get(args.command, ()))
    if args.command == "validate":
        return admin.validate(args.directory or settings.data_dir)
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
        return admin.stats(settings, args)
    if args.command == "privacy":
        return admin.forget(settings, args.user)
    if args.command == "db":
        return run_db(settings, args)
    if args.command == "index" and args.action != "status":
        require_writable(settings, ("index_dir",))
    engine = Engine(
        settings.data_dir,
        settings.index_dir,
        settings.index_lock_timeout,
        settings.max_query_length,
        settings.community_dir,
        settings.database_url,
    )
    try:
        if args.command == "index":
            return admin.index(engine, args.action)
        if args.command == "console":
            return run_console(engine)
        if args.command == "kb":
            return run_kb(engine, args, settings.import_max_bytes)
        return _answer(engine, args)
    finally:
        engine.close()


def _answer(engine: Engine, args: argparse.Namespace) -> int:
    command = COMMANDS_BY_NAME[args.command]
    engine.start()
    values = {option.name: getattr(args, option.name) for option in command.options}
    answer = answer_command(engine, command, args.guild, values)
    print(render_json(answer) if args.json else render_text(answer))
    return EXIT_OK if answer.found else EXIT_NOTHING


if __name__ == "__main__":
    raise SystemExit(main())
