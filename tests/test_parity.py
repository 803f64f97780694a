"""Every slash command has a CLI twin with the same options, and no two cogs share a name."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from discord import AppCommandOptionType, app_commands

from bot.cli.main import build_parser
from bot.cogs import COGS

#: Options only the terminal has: output format and which server's view to answer from.
CLI_ONLY = {"help", "json", "guild"}
#: Per command, what Discord knows implicitly but a terminal must be told (the caller of
#: forget-me) or can do besides (write the chart to a file).
CLI_EXTRA = {
    "stats": {"chart"},
    "privacy forget-me": {"user"},
    # The file is read from disk and the dry run applied by a flag (Discord: a
    # button); the export is written to a file or stdout (Discord: an attachment).
    "kb import": {"yes"},
    "kb export": {"output"},
    # The draft is applied by a flag (Discord: the Apply button).
    "kb draft": {"yes"},
}
#: The Python type a CLI option must convert its text to, by Discord option type.
CLI_TYPE: dict[AppCommandOptionType, Any] = {
    AppCommandOptionType.string: str,
    AppCommandOptionType.integer: int,
    AppCommandOptionType.number: float,
    AppCommandOptionType.attachment: Path,
}


def slash_commands() -> dict[str, app_commands.Command[Any, ..., Any]]:
    """Every chat-input command the cogs declare, by full name ("kb add" for groups)."""
    found: dict[str, app_commands.Command[Any, ..., Any]] = {}
    for cog in COGS:
        for command in cog.__cog_app_commands__:
            if isinstance(command, app_commands.Group):
                found.update(
                    (c.qualified_name, c)
                    for c in command.walk_commands()
                    if isinstance(c, app_commands.Command)
                )
            else:
                found[command.qualified_name] = command
    return found


def cli_command(path: str) -> argparse.ArgumentParser | None:
    """The CLI subparser for a command path such as "signatories" or "kb add"."""
    parser: argparse.ArgumentParser = build_parser()
    for part in path.split():
        actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not actions or part not in actions[0].choices:
            return None
        parser = actions[0].choices[part]
    return parser


def cli_options(
    parser: argparse.ArgumentParser, extra: set[str] | None = None
) -> dict[str, tuple[bool, Any]]:
    """A CLI command's options: name -> (required, type)."""
    options = {}
    for action in parser._actions:
        if action.dest in CLI_ONLY or action.dest in (extra or set()):
            continue
        positional = not action.option_strings and action.nargs not in ("?", "*")
        options[action.dest] = (positional or action.required, action.type or str)
    return options


SLASH = slash_commands()


def test_cogs_declare_commands() -> None:
    """The walk finds the question commands (so the parity tests below are not vacuous)."""
    assert {"ask", "signatories", "compare"} <= set(SLASH)


def test_command_names_do_not_collide_across_cogs() -> None:
    """No top-level command name is declared by two cogs (or twice by one)."""
    names = Counter(command.name for cog in COGS for command in cog.__cog_app_commands__)
    assert [name for name, count in names.items() if count > 1] == []


@pytest.mark.parametrize("path", sorted(SLASH))
def test_slash_command_has_cli_twin(path: str) -> None:
    """The CLI has a command of the same name with the same options and required-ness."""
    parser = cli_command(path)
    assert parser is not None, f"/{path} has no `campaign-bot {path}`"
    command = SLASH[path]
    slash = {p.name: (p.required, CLI_TYPE.get(p.type, "unsupported")) for p in command.parameters}
    # Long text arrives through a modal in Discord and as options in the terminal; a field
    # that is an optional option *or* a required modal field (add-letter's recipient) is
    # required all the same.
    for name, required in command.extras.get("modal_fields", {}).items():
        was_required, kind = slash.get(name, (False, str))
        slash[name] = (was_required or required, kind)
    assert cli_options(parser, CLI_EXTRA.get(path)) == slash


@pytest.mark.parametrize("path", sorted(SLASH))
def test_cli_twin_flags_are_spelled_like_options(path: str) -> None:
    """An optional `signed_by` is `--signed-by` on the command line."""
    parser = cli_command(path)
    assert parser is not None
    for action in parser._actions:
        if action.option_strings and action.dest not in CLI_ONLY:
            assert f"--{action.dest.replace('_', '-')}" in action.option_strings
