"""`campaign-bot kb draft FILE|URL --guild ID [--json] [--yes]`: the terminal twin of /kb draft."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.cli.main import EXIT_OK, main

FIXTURE = Path(__file__).resolve().parents[1] / "core" / "drafts" / "fixtures" / "release.html"
GUILD = "5150"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs in an empty directory with its own index and community folder."""
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("CAMPAIGN_BOT_") or key == "DISCORD_TOKEN":
            monkeypatch.delenv(key)


def listed(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The server's entries as `kb list` prints them (empty when it has none)."""
    capsys.readouterr()
    main(["kb", "list", "--guild", GUILD])
    out = capsys.readouterr().out
    return [] if "no entries" in out else out.splitlines()


def test_draft_is_a_dry_run_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The review and the import preview are printed; nothing is written."""
    assert main(["kb", "draft", str(FIXTURE), "--guild", GUILD]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Draft from Groups ask Eritrea to release Dawit Isaak" in out
    assert "+ add letter:" in out and "Dry run: nothing was written" in out
    assert listed(capsys) == []


def test_json_prints_only_the_entries(capsys: pytest.CaptureFixture[str]) -> None:
    """--json: stdout is a JSON list of {kind, entry}; the review goes to stderr."""
    assert main(["kb", "draft", str(FIXTURE), "--guild", GUILD, "--json"]) == EXIT_OK
    captured = capsys.readouterr()
    kinds = [item["kind"] for item in json.loads(captured.out)]
    assert kinds[0] == "source" and "letter" in kinds
    assert "Dry run" in captured.err


def test_yes_applies_the_draft_as_one_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--yes writes every entry as one change: one history line, one undo removes it all."""
    assert main(["kb", "draft", str(FIXTURE), "--guild", GUILD, "--yes"]) == EXIT_OK
    assert "(change #1; undo with: campaign-bot kb undo 1 " in capsys.readouterr().out
    entries = listed(capsys)
    assert len(entries) >= 5 and any(line.startswith("letter") for line in entries)
    assert main(["kb", "history", "--guild", GUILD]) == EXIT_OK
    history = capsys.readouterr().out
    [change] = [line for line in history.splitlines() if line.startswith("#")]
    assert change.startswith("#1 ") and f"Imported {len(entries) - 1} entries" in change
    assert main(["kb", "undo", "1", "--guild", GUILD]) == EXIT_OK
    assert listed(capsys) == []


def test_a_missing_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No traceback, one line, a non-zero exit, nothing written."""
    assert main(["kb", "draft", "nowhere.txt", "--guild", GUILD]) != EXIT_OK
    assert "Cannot read nowhere.txt" in capsys.readouterr().err
    assert listed(capsys) == []


def test_a_private_url_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI fetches public pages only."""
    assert main(["kb", "draft", "http://127.0.0.1:9/page", "--guild", GUILD]) != EXIT_OK
    assert "loopback" in capsys.readouterr().err
    assert listed(capsys) == []
