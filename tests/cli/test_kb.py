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


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["kb", "undo", BIG, "--guild", "5"], f"argument change: {BIG} is not a change number"),
        (["kb", "undo", "0", "--guild", "5"], "argument change: 0 is not a change number"),
        (
            ["kb", "history", "--guild", "5", "--limit", HUGE],
            f"argument --limit: {HUGE} is not a number of changes to show (from 1 to 1000)",
        ),
        (["kb", "history", "--guild", "5", "--limit", "-1"], "argument --limit: -1 is not"),
        (
            [
                "kb",
                "add-org",
                "--guild",
                "-1",
                "--name",
                "Zanzibar Rights Forum",
                "--source",
                SOURCE,
            ],
            "argument --guild: -1 is not a Discord server id",
        ),
        (
            [
                "kb",
                "add-org",
                "--guild",
                "0",
                "--name",
                "Zanzibar Rights Forum",
                "--source",
                SOURCE,
            ],
            "argument --guild: 0 is not a Discord server id",
        ),
        (
            [
                "kb",
                "add-org",
                "--guild",
                HUGE,
                "--name",
                "Zanzibar Rights Forum",
                "--source",
                SOURCE,
            ],
            f"argument --guild: {HUGE} is not a Discord server id",
        ),
        (["kb", "list", "--guild", BIG], f"argument --guild: {BIG} is not a Discord server id"),
    ],
)
def test_out_of_range_integers_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Negative, zero or over-64-bit numbers: one line, exit 2, no traceback, no write."""
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert_nothing_written(tmp_path)


def test_largest_change_number_is_looked_up_not_overflowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2**63 - 1 is a valid number: the answer is that no such change exists."""
    assert main(["kb", "undo", str(2**63 - 1), "--guild", "5"]) == EXIT_USAGE
    assert f"This server has no change #{2**63 - 1}." in capsys.readouterr().err
    assert_nothing_written(tmp_path)


def test_malformed_source_link_is_refused_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link SQLite never sees but urllib chokes on is a clear refusal."""
    argv = [
        "kb",
        "add-org",
        "--guild",
        "5",
        "--name",
        "Zanzibar Rights Forum",
        "--source",
        "http://[::1",
    ]
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "is not a well-formed link (Invalid IPv6 URL)" in err and "Traceback" not in err
    assert_nothing_written(tmp_path)


def test_replies_name_the_command_line_not_the_slash_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "undo with /kb undo" becomes the command to type here, with the change number."""
    argv = ["kb", "add-org", "--guild", "5", "--name", "Zanzibar Rights Forum", "--source", SOURCE]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "/kb" not in out
    # The organisation and its new source: one change, undone whole.
    assert out.strip().endswith("(change #1; undo with: campaign-bot kb undo 1 --guild 5)"), out
    assert main(["kb", "undo", "1", "--guild", "5"]) == 0
    undone = capsys.readouterr().out
    assert undone.strip().endswith("(change #3; undo with: campaign-bot kb undo 3 --guild 5)")


def test_list_shows_sources_and_history_one_line_per_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kb list` names the server's sources too; an import is one history line, undone whole."""
    quotes = "".join(
        f"  - {{id: q{n}, speaker: brad-adams, text: Imported words {n}., "
        "kind: verbatim, sources: [s1]}\n"
        for n in range(6)
    )
    (tmp_path / "entries.yaml").write_text(
        f"sources:\n  - {{id: s1, publisher: Example Wire, title: A report, url: {SOURCE}}}\n"
        f"quotes:\n{quotes}"
    )
    assert main(["kb", "import", "entries.yaml", "--guild", "5", "--yes"]) == 0
    assert "(change #1; undo with: campaign-bot kb undo 1 --guild 5)" in capsys.readouterr().out
    assert main(["kb", "list", "--guild", "5"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 7 and listed[-1].startswith("source") and "A report" in listed[-1]

    assert main(["kb", "history", "--guild", "5"]) == 0
    history = capsys.readouterr().out.splitlines()
    assert history[0].startswith("#1 ") and history[0].endswith(
        "Imported 6 entries from “entries.yaml” (and 1 source)"
    )
    assert [line for line in history if line.startswith("#")] == [history[0]]
    assert history[-1] == "    … and 4 more"  # 3 entries shown of 7 rows

    assert main(["kb", "undo", "3", "--guild", "5"]) == EXIT_USAGE
    assert "#3 is one entry of change #1, which is undone whole: undo #1." in (
        capsys.readouterr().err
    )
    assert main(["kb", "undo", "1", "--guild", "5"]) == 0
    assert "Undid change #1: Imported 6 entries" in capsys.readouterr().out
    assert main(["kb", "list", "--guild", "5"]) == 1
    assert list((tmp_path / "state" / "community").rglob("*.yaml")) == []
