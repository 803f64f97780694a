"""`campaign-bot kb …`: integer options out of range are usage errors, and nothing is written."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from bot.cli.main import EXIT_USAGE, main

BIG = str(2**63)  # one past SQLite's largest integer: an OverflowError before the fix
HUGE = str(2**64 + 1)
SOURCE = "https://example.org/statement"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs in an empty directory with its own index and community folder."""
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("CAMPAIGN_BOT_") or key == "DISCORD_TOKEN":
            monkeypatch.delenv(key)
    monkeypatch.setenv("CAMPAIGN_BOT_STATE_DIR", str(tmp_path / "state"))


def assert_nothing_written(home: Path) -> None:
    """No entry file, and no change-log row if the change log exists at all."""
    community = home / "state" / "community"
    assert sorted(community.rglob("*.yaml")) == []
    database = community / "changes.sqlite3"
    if database.exists():
        with sqlite3.connect(database) as db:
            assert db.execute("SELECT COUNT(*) FROM changes").fetchone() == (0,)


@pytest.mark.parametrize(("argv", "message"), [
    (["kb", "undo", BIG, "--guild", "5"], f"argument change: {BIG} is not a change number"),
    (["kb", "undo", "0", "--guild", "5"], "argument change: 0 is not a change number"),
    (["kb", "history", "--guild", "5", "--limit", HUGE],
     f"argument --limit: {HUGE} is not a number of changes to show (from 1 to 1000)"),
    (["kb", "history", "--guild", "5", "--limit", "-1"], "argument --limit: -1 is not"),
    (["kb", "add-org", "--guild", "-1", "--name", "Zanzibar Rights Forum", "--source", SOURCE],
     "argument --guild: -1 is not a Discord server id"),
    (["kb", "add-org", "--guild", "0", "--name", "Zanzibar Rights Forum", "--source", SOURCE],
     "argument --guild: 0 is not a Discord server id"),
    (["kb", "add-org", "--guild", HUGE, "--name", "Zanzibar Rights Forum", "--source", SOURCE],
     f"argument --guild: {HUGE} is not a Discord server id"),
    (["kb", "list", "--guild", BIG], f"argument --guild: {BIG} is not a Discord server id"),
])
def test_out_of_range_integers_are_usage_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
        message: str) -> None:
    """Negative, zero or over-64-bit numbers: one line, exit 2, no traceback, no write."""
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert_nothing_written(tmp_path)


def test_largest_change_number_is_looked_up_not_overflowed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """2**63 - 1 is a valid number: the answer is that no such change exists."""
    assert main(["kb", "undo", str(2**63 - 1), "--guild", "5"]) == EXIT_USAGE
    assert f"This server has no change #{2**63 - 1}." in capsys.readouterr().err
    assert_nothing_written(tmp_path)


def test_malformed_source_link_is_refused_without_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A link SQLite never sees but urllib chokes on is a clear refusal."""
    argv = ["kb", "add-org", "--guild", "5", "--name", "Zanzibar Rights Forum",
            "--source", "http://[::1"]
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "is not a well-formed link (Invalid IPv6 URL)" in err and "Traceback" not in err
    assert_nothing_written(tmp_path)


def test_replies_name_the_command_line_not_the_slash_command(
        capsys: pytest.CaptureFixture[str]) -> None:
    """"undo with /kb undo" becomes the command to type here, with the change number."""
    argv = ["kb", "add-org", "--guild", "5", "--name", "Zanzibar Rights Forum",
            "--source", SOURCE]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "/kb" not in out
    # The organisation and its new source: two changes, each undone on its own.
    assert out.strip().endswith("(change #1, #2; undo each with: campaign-bot kb undo N "
                                "--guild 5)"), out
    assert main(["kb", "undo", "2", "--guild", "5"]) == 0
    undone = capsys.readouterr().out
    assert undone.strip().endswith("(change #3; undo with: campaign-bot kb undo 3 --guild 5)")
