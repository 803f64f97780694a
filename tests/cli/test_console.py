"""`campaign-bot console`: only Ctrl-D and /quit leave; help, typos and Ctrl-C come back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli.completion import candidates
from bot.cli.console import CONSOLE_COMMANDS
from bot.core.scope import Scope
from tests.cli.process import cli_env, run_cli
from tests.cli.terminal import Terminal


def console(tmp_path: Path, lines: str) -> tuple[int, str]:
    """The console fed `lines` on a pipe, to the end of input; exit code and stdout."""
    run = run_cli("console", cwd=tmp_path, env=cli_env(HOME=str(tmp_path)), input_text=lines)
    assert "Traceback" not in run.stderr, run.stderr
    return run.returncode, run.stdout


def test_console_answers_questions_and_commands(tmp_path: Path) -> None:
    """A question and a /command are answered, a typo is shown, and end of input leaves."""
    code, out = console(tmp_path, "who is brad adams\n/signatories 2018\n/signatories\n")
    assert code == 0
    assert "Asia director" in out and "Who signed:" in out
    assert "the following arguments are required: letter" in out
    assert "usage: /signatories" in out


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_of_a_command_does_not_leave_the_console(tmp_path: Path, flag: str) -> None:
    """`/ask --help` prints the help with examples, then the next line is still answered."""
    code, out = console(tmp_path, f"/ask {flag}\nwho is brad adams\n")
    assert code == 0
    assert "usage: /ask" in out and "examples:" in out and '/ask "Who signed' in out
    assert "Asia director" in out


def test_unknown_command_lists_only_what_works_here(tmp_path: Path) -> None:
    """`/foo` and `/validate` name the console's commands, none of the operator's."""
    code, out = console(tmp_path, "/foo\n/validate\n")
    assert code == 0
    assert "Unknown command /foo." in out and "Unknown command /validate." in out
    listed = out.split("Unknown command /foo.")[1].split("\n")[0]
    assert "/signatories" in listed and "/quit" in listed
    for elsewhere in ("validate", "run", "kb", "stats", "index", "console"):
        assert f"/{elsewhere}," not in listed and f"/{elsewhere}." not in listed


def test_quit_leaves_at_once(tmp_path: Path) -> None:
    """/quit ends the console with exit code 0; what follows is not read."""
    code, out = console(tmp_path, "/quit\nwho is brad adams\n")
    assert code == 0 and "Asia director" not in out


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """The console on a pseudo-terminal, at its first prompt; ended after the test."""
    screen = Terminal("console", cwd=tmp_path, env=cli_env(HOME=str(tmp_path)))
    try:
        screen.expect("Ctrl-D or /quit leaves.")
        screen.expect("? ")
        yield screen
    finally:
        screen.close()


def test_ctrl_c_drops_the_line_and_ctrl_d_leaves(terminal: Terminal) -> None:
    """Ctrl-C while typing clears the line, not the console; Ctrl-D then exits 0."""
    terminal.send("/signatories 2018")
    terminal.expect("/signatories 2018")
    terminal.send("\x03")
    try:
        terminal.expect("? ", patience=10.0)
    except AssertionError:
        # On a loaded machine readline can miss a Ctrl-C that lands while it redraws the
        # line (a CPython/readline race, not the console's); a person presses it again.
        terminal.send("\x03")
        terminal.expect("? ")
    terminal.send("who is brad adams\n")
    answer = terminal.expect("? ")
    assert "Asia director" in answer and "Who signed" not in answer
    terminal.send("\x04")
    assert terminal.wait() == 0


def test_tab_completes_a_command_and_a_name(terminal: Terminal) -> None:
    """Tab turns `/pers` into `/person ` and `Brad` into the quoted full name."""
    terminal.send("/pers\t")
    terminal.expect("/person ")
    terminal.send("Brad\t")
    terminal.expect('"Brad Adams" ')
    terminal.send("\n")
    assert "Asia director" in terminal.expect("? ")
    terminal.send("/quit\n")
    assert terminal.wait() == 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/sig", ["/signatories "]),
        ("/qu", ["/quotes ", "/quit "]),
        ("/person Brad", ['"Brad Adams" ']),
        ('/person "Brad Ad', ['Adams" ']),
        ("/org hrw", ['"Human Rights Watch" ']),
        ("/signatories 2018 --coun", ["--country "]),
        ("/signatories 2018 --country Jap", []),  # a country: not a name the table completes
        ("who is brad ad", ["Adams"]),
        ("what did tomas", ["Tomas Ojea Quintana"]),
        ("what did tomás", ["Tomas Ojea Quintana"]),  # accents ignored, as the answers do
        ("/validate ", []),
    ],
)
def test_completion_candidates(scope: Scope, line: str, expected: list[str]) -> None:
    """What Tab offers for the line typed so far, names from the engine's name table."""
    assert candidates(line, scope.names, CONSOLE_COMMANDS) == expected


def test_completion_of_a_letter_argument_offers_letters(scope: Scope) -> None:
    """`/compare 2012 ` completes the second letter with the letters' titles."""
    offered = candidates("/compare 2012 ", scope.names, CONSOLE_COMMANDS)
    titles = {letter.title for letter in scope.kb.letters.values()}
    assert offered and {o.strip().strip('"') for o in offered} <= titles
