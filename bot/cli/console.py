"""`campaign-bot console`: questions and /commands at a prompt, until Ctrl-D or /quit.

A line is asked as a question, or, starting with "/", run as a question command with the
same options as on the command line (`/signatories 2018 --country Japan`). Nothing typed
ends the console but Ctrl-D and /quit: a typo, `/ask --help` and Ctrl-C (which drops the
line being typed, or stops the answer being worked out) all come back to the prompt.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import shlex
from collections.abc import Callable
from pathlib import Path

from bot.cli.completion import Completer
from bot.cli.parser import ParserExit, UsageError, build_console_parser
from bot.cli.questions import answer_command
from bot.cli.render import render_json, render_text
from bot.core.answers.ask import ask
from bot.core.answers.commands import COMMANDS, COMMANDS_BY_NAME
from bot.core.engine import Engine
from bot.core.errors import CampaignBotError

PROMPT = "? "
QUIT = ("/quit", "/exit")
HELP = ("/help", "help", "/?")
#: Every /word the console understands, for the help line and tab completion.
CONSOLE_COMMANDS = (*(f"/{c.name}" for c in COMMANDS), "/help", "/quit")
HISTORY_NAME = ".campaign_bot_history"
HISTORY_LENGTH = 1000


def run_console(engine: Engine, read: Callable[[str], str] = input) -> int:
    """The read-answer loop; returns the exit code (0) when the user leaves."""
    engine.start()
    _enable_readline(Completer(engine.scope(None).names, CONSOLE_COMMANDS))
    parser = build_console_parser()
    print("campaign-bot console: ask a question, or /help. Tab completes; Ctrl-D or /quit leaves.")
    while True:
        try:
            line = read(PROMPT).strip()
        except EOFError:
            print()
            return 0
        except KeyboardInterrupt:  # Ctrl-C drops the line being typed, as in a shell
            print()
            continue
        if line in QUIT:
            return 0
        if not line:
            continue
        try:
            print(respond(engine, parser, line))
        except KeyboardInterrupt:  # Ctrl-C while an answer is worked out: back to the prompt
            print("\n(cancelled)")


def respond(engine: Engine, parser: argparse.ArgumentParser, line: str) -> str:
    """What the console prints for one line (never raises for bad input)."""
    if line in HELP:
        return help_text()
    if not line.startswith("/"):
        try:
            return render_text(engine.call(ask, None, line))
        except CampaignBotError as exc:
            return f"error: {exc}"
    try:
        words = shlex.split(line[1:])
    except ValueError as exc:  # an unclosed quotation mark
        return f'{exc}; put quotes around a name with spaces: /person "Brad Adams"'
    if not words or words[0] not in COMMANDS_BY_NAME:
        shown = f"/{words[0]}" if words else "/"
        return f"Unknown command {shown}. {help_text()}"
    try:
        args = parser.parse_args(words)
    except UsageError as exc:
        return "\n".join(exc.lines())
    except ParserExit:  # /ask --help printed the help; the console carries on
        return ""
    command = COMMANDS_BY_NAME[args.command]
    values = {option.name: getattr(args, option.name) for option in command.options}
    try:
        answer = answer_command(engine, command, args.guild, values)
    except CampaignBotError as exc:
        return f"error: {exc}"
    return render_json(answer) if args.json else render_text(answer)


def help_text() -> str:
    """The commands that work here, and what else a line can be."""
    return (
        "Commands: " + ", ".join(CONSOLE_COMMANDS) + ". Anything else is asked as a "
        "question. /COMMAND --help shows a command's options."
    )


def _enable_readline(completer: Completer) -> None:
    """History across sessions and tab completion, where readline exists."""
    try:
        import readline
    except ImportError:  # not on every platform: the console works without it
        return
    readline.set_completer(completer.complete)
    readline.set_completer_delims(" \t\n")
    # libedit (macOS) spells the binding differently from GNU readline.
    if "libedit" in (readline.__doc__ or ""):
        readline.parse_and_bind("bind ^I rl_complete")
    else:
        readline.parse_and_bind("tab: complete")
    history = Path.home() / HISTORY_NAME
    with contextlib.suppress(OSError):  # no history yet
        readline.read_history_file(history)
    atexit.register(_save_history, history)


def _save_history(history: Path) -> None:
    import readline

    with contextlib.suppress(OSError):  # a read-only home only loses the history
        readline.set_history_length(HISTORY_LENGTH)
        readline.write_history_file(history)
