"""Help: --version, a bare command, every subcommand described with examples, usage hints."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli.exits import EXIT_OK, EXIT_USAGE
from bot.cli.main import main
from bot.cli.parser import build_console_parser, build_parser, package_version
from tests.cli.process import run_cli


def subcommands(
    parser: argparse.ArgumentParser, path: str = ""
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every subcommand below `parser`, by path ("kb undo"), depth first."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                full = f"{path} {name}".strip()
                yield full, sub
                yield from subcommands(sub, full)


ALL = list(subcommands(build_parser()))


def test_the_walk_finds_every_kind_of_subcommand() -> None:
    """Question twins, operator commands and nested ones (so the checks below bite)."""
    paths = {path for path, _ in ALL}
    assert {"ask", "validate", "kb undo", "privacy forget-me", "stats"} <= paths


@pytest.mark.parametrize(("path", "parser"), ALL, ids=[path for path, _ in ALL])
def test_every_subcommand_has_a_description_and_examples(
    path: str, parser: argparse.ArgumentParser
) -> None:
    """`campaign-bot PATH --help` says what it does and shows it typed out."""
    assert parser.description and len(parser.description) > 10
    assert parser.epilog and parser.epilog.startswith("examples:\n")
    shown = parser.format_help()
    assert f"  campaign-bot {path.split()[0]}" in shown.split("examples:")[1]


def test_console_help_shows_examples_typed_at_its_prompt() -> None:
    """In the console a command's examples start with a slash, not `campaign-bot`."""
    ask = dict(subcommands(build_console_parser()))["ask"]
    assert ask.prog == "/ask" and '  /ask "Who signed' in ask.format_help()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the installed version and exits 0."""
    assert main(["--version"]) == EXIT_OK
    assert capsys.readouterr().out.strip() == f"campaign-bot {package_version()}"


def test_bare_command_prints_intro_and_help_and_exits_2(tmp_path: Path) -> None:
    """No command: the intro, how to start and every command on stdout; exit 2."""
    run = run_cli(cwd=tmp_path)
    assert run.returncode == EXIT_USAGE and run.stderr == ""
    assert run.stdout.startswith("usage: campaign-bot")
    assert "answers questions about joint NGO letters" in run.stdout
    assert 'campaign-bot ask "Who signed' in run.stdout and "validate" in run.stdout
    assert "exit codes: 0 answered, 1 nothing found" in run.stdout


def test_a_usage_error_shows_the_usage_and_where_help_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The message first, then the command's usage, then how to see its examples."""
    assert main(["signatories"]) == EXIT_USAGE
    message, *rest = capsys.readouterr().err.splitlines()
    assert message == ("campaign-bot signatories: the following arguments are required: letter")
    assert rest[0].startswith("usage: campaign-bot signatories")
    assert rest[-1] == "Run `campaign-bot signatories --help` for a description and examples."


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """`COMMAND --help` is an answer, not an error."""
    assert main(["kb", "undo", "--help"]) == EXIT_OK
    assert "campaign-bot kb undo 7 --guild" in capsys.readouterr().out
