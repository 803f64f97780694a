"""`validate`: the root cause first, its cascade counted not listed; agreement with `ask`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli.exits import EXIT_USAGE
from bot.cli.main import main


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("CAMPAIGN_BOT_"):
            monkeypatch.delenv(key)


def break_people(data: Path) -> None:
    """A YAML syntax error a third of the way into people.yaml: no person is defined."""
    people = data / "people.yaml"
    text = people.read_text("utf-8")
    cut = text.index("\n", len(text) // 3)
    people.write_text(text[:cut] + "\n  - bad: [unclosed\n" + text[cut:], "utf-8")


def test_a_syntax_error_is_the_one_problem_listed(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not dozens of unknown ids with the cause last: the cause, and a count of the rest."""
    break_people(data_copy)
    assert main(["validate", str(data_copy)]) == EXIT_USAGE
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"1 problem in the knowledge base at {data_copy}:"
    assert lines[1].startswith("people.yaml:") and "invalid YAML" in lines[1]
    assert lines[2].startswith("(and ") and "ids that people.yaml would define" in lines[2]
    assert len(lines) == 3


def test_an_unrelated_unknown_id_is_still_listed(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo naming an id no file defines is a root cause of its own, listed after."""
    break_people(data_copy)
    events = data_copy / "events.yaml"
    events.write_text(
        events.read_text("utf-8").replace(
            "participants: [donald-trump, kim-jong-un]",
            "participants: [donald-trump, kim-jong-un, no-such-person]",
            1,
        ),
        "utf-8",
    )
    assert main(["validate", str(data_copy)]) == EXIT_USAGE
    lines = capsys.readouterr().out.splitlines()
    assert "invalid YAML" in lines[1]
    assert any("unknown id 'no-such-person'" in line for line in lines[2:])


def test_validate_and_ask_agree_on_broken_data(
    data_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both exit 2 with the same report (ask on stderr: it is an error there)."""
    break_people(data_copy)
    assert main(["validate", str(data_copy)]) == EXIT_USAGE
    report = capsys.readouterr().out
    monkeypatch.setenv("CAMPAIGN_BOT_DATA_DIR", str(data_copy))
    assert main(["ask", "who is brad adams"]) == EXIT_USAGE
    assert capsys.readouterr().err == "campaign-bot: " + report


def test_a_file_given_as_the_data_directory_says_so(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`validate people.yaml`: one line naming the folder to give instead, exit 2."""
    assert main(["validate", str(data_copy / "people.yaml")]) == EXIT_USAGE
    [line] = capsys.readouterr().err.splitlines()
    assert line.endswith(
        f"is a file; validate checks a data directory, such as the folder holding it ({data_copy})"
    )


def test_a_missing_directory_is_one_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path that does not exist: one problem, no ":0" line number, exit 2."""
    assert main(["validate", str(tmp_path / "nowhere")]) == EXIT_USAGE
    assert f"{tmp_path / 'nowhere'}: data directory does not exist" in capsys.readouterr().out
