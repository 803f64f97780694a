"""The command line's grammar: every subcommand with a description and worked examples.

Parsers here raise instead of exiting, so the console survives a typo or `/ask --help`
and `main` decides the exit code. The console gets a parser of its own holding only the
commands that work there.
"""

from __future__ import annotations

import argparse
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import NoReturn

from bot.cli.db import add_db_parser
from bot.cli.kb import Bounded, add_kb_parser
from bot.config import LOG_LEVELS
from bot.core.answers.commands import COMMANDS, Command

PROG = "campaign-bot"
#: Longest period `stats --days` reads: ten years.
MAX_DAYS = 3660

INTRO = """\
campaign-bot answers questions about joint NGO letters on human rights (who signed them,
what they demanded, who said what about them), in Discord or here in the terminal.

Try:
  campaign-bot ask "Who signed the 2018 letter to Kim Jong Un?"
  campaign-bot console            questions one after another, with tab completion
  campaign-bot COMMAND --help     what a command does, with examples
"""

#: Exit codes, as `--help` shows them (bot/cli/exits.py holds the numbers).
EXIT_CODES = """\
exit codes: 0 answered, 1 nothing found, 2 usage, configuration or data error,
            3 could not reach Discord"""

#: Worked examples per subcommand path, shown under its --help.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "ask": (
        'ask "Who signed the 2018 letter to Kim Jong Un?"',
        'ask "what did HRW demand in 2019" --json',
    ),
    "search": ('search "forced labour"', 'search "political prison camps" --json'),
    "letter": ("letter 2019", 'letter "open letter to Kim Jong Un"'),
    "letters": (
        "letters --signed-by HRW",
        "letters --year 2018",
        'letters --recipient "Moon Jae-in"',
    ),
    "signatories": ("signatories 2012 --country Japan", "signatories 2018 --json"),
    "demands": ("demands 2018",),
    "quotes": ("quotes --person Quintana", "quotes --about 2019"),
    "person": ('person "Brad Adams"', 'person "the UN special rapporteur"'),
    "org": ("org FIDH", 'org "Human Rights Watch" --json'),
    "compare": ("compare 2012 2018", "compare 2012 2019 --aspect demands"),
    "who-said": ('who-said "the summit must address human rights"',),
    "event": ('event "Singapore summit"',),
    "about": ("about", "about --guild 123456789012345678 --json"),
    "validate": ("validate", "validate path/to/data"),
    "index": ("index status", "index rebuild"),
    "console": ("console",),
    "run": ("run", "--log-level DEBUG run"),
    "health": ("health", "--config /etc/campaign-bot/config.toml health"),
    "sync": ("sync --guild 123456789012345678", "sync"),
    "stats": (
        "stats --days 7",
        "stats --guild 123456789012345678 --json",
        "stats --chart daily.png",
    ),
    "privacy": ("privacy forget-me --user 123456789012345678",),
    "privacy forget-me": ("privacy forget-me --user 123456789012345678",),
}

#: Descriptions of the subcommands that are not question commands (those have their own).
DESCRIPTIONS = {
    "validate": "Check a data directory: every problem with its file and line, root causes "
    "first; or, when valid, how many entries of each kind it holds.",
    "index": "The Whoosh search index, derived from the data. status: missing, damaged, "
    "doubled, stale or up to date (changes nothing); sync: bring it up to date; "
    "rebuild: recreate it from nothing.",
    "console": "An interactive prompt: type questions in your own words, or /commands such "
    "as /signatories 2018. Tab completes commands and names; Ctrl-C clears the "
    "line; Ctrl-D or /quit leaves.",
    "run": "Run the Discord bot until Ctrl-C or SIGTERM. The token is read from the "
    "DISCORD_TOKEN environment variable only.",
    "health": "Whether the bot that `run` started here is healthy, read from the heartbeat "
    "file it rewrites every health_interval seconds: one line, exit 0 healthy, 1 "
    "stopped, starting, disconnected, stuck or stale.",
    "sync": "Push the slash commands to Discord: to one server (instant) or globally (up to "
    "an hour to appear). Run it again after upgrading.",
    "stats": "Usage statistics from the usage log: totals, most asked questions, questions "
    "that found nothing, latency.",
    "privacy": "A Discord user's data in the usage log.",
    "privacy forget-me": "Delete every usage-log row of one Discord user.",
}


class UsageError(Exception):
    """A command line argparse refused; `parser` knows the usage to show with it."""

    def __init__(self, message: str, parser: argparse.ArgumentParser) -> None:
        super().__init__(message)
        self.parser = parser

    def lines(self) -> list[str]:
        """The message, the command's usage, and where to find its examples."""
        return [
            f"{self.parser.prog}: {self}",
            self.parser.format_usage().rstrip(),
            f"Run `{self.parser.prog} --help` for a description and examples.",
        ]


class ParserExit(Exception):
    """argparse finished early (after --help or --version) with this status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of exiting, so the console survives typos."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        """Raise `UsageError` (argparse would print and exit the process)."""
        raise UsageError(message, self)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        """Raise `ParserExit` after --help or --version, where argparse would exit."""
        if message:
            self._print_message(message)
        raise ParserExit(status)


def package_version() -> str:
    """The installed distribution's version."""
    try:
        return version(PROG)
    except PackageNotFoundError:  # run from a bare checkout without installing
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    """The full command-line interface."""
    parser = Parser(prog=PROG, description=INTRO, epilog=EXIT_CODES)
    parser.add_argument("--version", action="version", version=f"{PROG} {package_version()}")
    parser.add_argument(
        "--config", type=Path, help="config file (default: ./config.toml when there is one)"
    )
    parser.add_argument(
        "--log-level",
        type=str.upper,
        choices=LOG_LEVELS,
        metavar="LEVEL",
        help=", ".join(LOG_LEVELS) + " (default: the config's log_level)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for command in COMMANDS:
        add_question_command(commands, command)
    validate = _add(commands, "validate", "check a data directory and summarise it")
    validate.add_argument(
        "directory",
        nargs="?",
        type=Path,
        help="data directory (default: the configured or bundled data)",
    )
    index = _add(commands, "index", "manage the search index")
    index.add_argument("action", choices=["status", "sync", "rebuild"])
    _add(commands, "console", "an interactive prompt: questions or /commands")
    _add(commands, "run", "run the Discord bot (token from DISCORD_TOKEN)")
    _add(commands, "health", "is the running bot healthy? exit 0 yes, 1 no (one line)")
    sync = _add(commands, "sync", "push the slash commands to Discord")
    sync.add_argument("--guild", type=int, help="sync to one server only (instant)")
    add_kb_parser(commands, Parser)
    add_db_parser(commands, Parser)
    stats = _add(commands, "stats", "usage statistics from the usage log")
    stats.add_argument("--guild", type=int, help="one server (default: every server and DM)")
    stats.add_argument(
        "--days",
        action=Bounded,
        low=1,
        high=MAX_DAYS,
        default=30,
        what="a number of days",
        help="period in days (default 30)",
    )
    stats.add_argument("--json", action="store_true", help="print the statistics as JSON")
    stats.add_argument("--chart", type=Path, help="also write a PNG chart of daily use")
    privacy = _add(commands, "privacy", "a user's data in the usage log")
    actions = privacy.add_subparsers(dest="privacy_command", metavar="ACTION", parser_class=Parser)
    actions.required = True
    forget = _add(actions, "forget-me", "delete a user's usage-log rows", "privacy forget-me")
    forget.add_argument("--user", type=int, required=True, help="the Discord user id")
    return parser


def build_console_parser() -> argparse.ArgumentParser:
    """The console's /commands: the question commands only, each named `/name`."""
    parser = Parser(prog="", add_help=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True
    for command in COMMANDS:
        add_question_command(commands, command, prog=f"/{command.name}")
    return parser


def add_question_command(
    commands: argparse._SubParsersAction, command: Command, prog: str | None = None
) -> argparse.ArgumentParser:
    """A question command's subparser, options from its table entry."""
    sub = _add(
        commands, command.name, command.description, description=command.description, prog=prog
    )
    for option in command.options:
        if option.required:
            sub.add_argument(option.name, type=option.kind, help=option.description)
        else:
            sub.add_argument(
                f"--{option.name.replace('_', '-')}",
                dest=option.name,
                type=option.kind,
                help=option.description,
            )
    sub.add_argument("--json", action="store_true", help="print the answer as JSON")
    sub.add_argument("--guild", type=int, help="answer as this server sees the knowledge base")
    return sub


def examples(path: str, prog: str = PROG) -> str:
    """The examples epilog of the subcommand at `path` ("ask", "privacy forget-me")."""
    lines = "\n".join(f"  {prog} {example}" for example in EXAMPLES.get(path, ()))
    return f"examples:\n{lines}" if lines else ""


def _add(
    commands: argparse._SubParsersAction,
    name: str,
    help_text: str,
    path: str | None = None,
    description: str | None = None,
    prog: str | None = None,
) -> argparse.ArgumentParser:
    path = path or name
    description = description or DESCRIPTIONS.get(path) or help_text
    if prog is None:  # the command line: examples as typed in a shell
        epilog = examples(path)
        return commands.add_parser(name, help=help_text, description=description, epilog=epilog)
    # The console: the same examples, typed at its prompt.
    epilog = "\n".join(f"  /{example}" for example in EXAMPLES.get(path, ()))
    return commands.add_parser(
        name,
        help=help_text,
        description=description,
        prog=prog,
        epilog=f"examples:\n{epilog}" if epilog else None,
    )
