"""The CLI: exit codes, plain text and JSON, validate, index and console."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.cli.main import EXIT_NOTHING, EXIT_OK, EXIT_USAGE, main


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each CLI test runs in an empty directory, with its own state in state/."""
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("CAMPAIGN_BOT_") or key == "DISCORD_TOKEN":
            monkeypatch.delenv(key)
    monkeypatch.setenv("CAMPAIGN_BOT_STATE_DIR", str(tmp_path / "state"))


def test_ask_answers_from_bundled_data(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's first command prints a cited answer and exits 0."""
    assert main(["ask", "Who signed the 2018 letter to Kim Jong Un?"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Human Rights Watch" in out and "Sources:" in out and "[1]" in out


def test_nothing_found_exits_1_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    """A question the knowledge base cannot answer exits 1 and offers suggestions."""
    assert main(["ask", "zzqx vvbn"]) == EXIT_NOTHING
    out = capsys.readouterr().out
    assert "does not cover" in out and "Did you mean" in out


def test_json_output_is_structured(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints the Answer as JSON with sections and sources."""
    assert main(["signatories", "2012", "--country", "Japan", "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    names = [i["title"] for s in data["sections"] for i in s["items"]]
    assert "No Fence" in names and "Odhikar" not in names
    assert data["sources"][0]["publisher"]


@pytest.mark.parametrize(
    "argv",
    [
        ["letter", "2019"],
        ["letters", "--signed-by", "HRW"],
        ["letters", "--year", "2018"],
        ["demands", "2018"],
        ["quotes", "--person", "Quintana"],
        ["quotes", "--about", "2019"],
        ["person", "Moon Jae-in"],
        ["org", "FIDH"],
        ["search", "forced labour"],
        ["compare", "2012", "2018"],
    ],
)
def test_every_twin_answers(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Each question command answers from the bundled data with sources."""
    assert main(argv) == EXIT_OK
    assert "Sources:" in capsys.readouterr().out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing argument is a one-line usage error with exit code 2."""
    assert main(["signatories"]) == EXIT_USAGE
    assert "required" in capsys.readouterr().err


def test_bad_year_type_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A non-numeric year is refused as a usage error."""
    assert main(["letters", "--year", "twenty"]) == EXIT_USAGE


def test_validate_bundled_data_prints_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """`validate` with no directory checks the bundled data and prints counts."""
    assert main(["validate"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "valid" in out and "3 letters" in out


def test_validate_broken_copy_fails_clearly(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken copy of the data prints file:line problems (its report) and exits 2."""
    orgs = data_copy / "organizations.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace("kind: ngo", "kind: charity", 1), encoding="utf-8"
    )
    assert main(["validate", str(data_copy)]) == EXIT_USAGE
    out = capsys.readouterr().out
    assert "organizations.yaml:" in out and "must be one of" in out


def test_broken_config_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid config file is reported in one line with exit code 2."""
    (tmp_path / "config.toml").write_text("page_size = [", encoding="utf-8")
    assert main(["ask", "who signed the 2018 letter"]) == EXIT_USAGE
    assert "configuration error" in capsys.readouterr().err


def test_index_rebuild_shows_progress(capsys: pytest.CaptureFixture[str]) -> None:
    """`index rebuild` recreates the index with a progress display."""
    assert main(["index", "rebuild"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "indexing" in captured.err and "index rebuilt" in captured.out
    assert main(["index", "status"]) == EXIT_OK


def test_run_without_token_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """`run` with no DISCORD_TOKEN prints one line and exits 2, no traceback."""
    assert main(["run"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "DISCORD_TOKEN is not set" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


async def _log_some_usage(path: Path) -> None:
    from bot.core.usage.log import UsageEvent, UsageLog, load_or_create_secret

    secret = load_or_create_secret(None, path.parent / "usage.key")
    async with UsageLog(path, secret) as usage:
        for question, outcome in [
            ("who signed the 2018 letter", "answered"),
            ("who signed the 2018 letter", "answered"),
            ("what about zanzibar", "nothing_found"),
        ]:
            usage.record(
                UsageEvent(
                    "ask",
                    5,
                    outcome,
                    guild_id=9,
                    question=question,  # type: ignore[arg-type]
                    latency_ms=12,
                )
            )


def test_stats_reports_usage_and_gaps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`stats` reads the usage log: totals, most asked, the gap list, and a chart."""
    import asyncio

    asyncio.run(_log_some_usage(tmp_path / "state" / "usage.sqlite3"))
    assert main(["stats", "--guild", "9", "--days", "7", "--chart", "daily.png"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "3 commands" in out and "what about zanzibar" in out and "2×" in out
    assert (tmp_path / "daily.png").read_bytes().startswith(b"\x89PNG")
    assert main(["stats", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["total"] == 3


def test_stats_without_a_log_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """With no usage log yet, `stats` says so and exits 1."""
    assert main(["stats"]) == EXIT_NOTHING
    assert "No usage log" in capsys.readouterr().err


def test_run_with_broken_data_fails_before_connecting(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`run` validates the data first: problems with file:line and exit 2, no connection."""
    orgs = data_copy / "organizations.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace("kind: ngo", "kind: charity", 1), encoding="utf-8"
    )
    monkeypatch.setenv("DISCORD_TOKEN", "not-a-real-token")
    monkeypatch.setenv("CAMPAIGN_BOT_DATA_DIR", str(data_copy))
    assert main(["run"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "organizations.yaml:" in err and "Traceback" not in err
    assert "discord" not in err.casefold()
