"""Output: a closed pipe changes no exit code and no file; text fits the terminal's width."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.cli.render import MAX_WIDTH, MIN_WIDTH
from bot.config import load_settings
from tests.cli.process import closed_pipe, run_cli


@pytest.fixture
def broken_data(data_copy: Path) -> Path:
    """A copy of the data with one invalid organisation kind."""
    orgs = data_copy / "organizations.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace("kind: ngo", "kind: charity", 1), encoding="utf-8"
    )
    return data_copy


def run_into_closed_pipe(tmp_path: Path, *args: str) -> tuple[int, str]:
    """Run with stdout a pipe nobody reads any more (`… | head` after head left)."""
    stdout = closed_pipe()
    try:
        run = run_cli(*args, cwd=tmp_path, stdout=stdout)
    finally:
        os.close(stdout)
    return run.returncode, run.stderr


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["ask", "Who signed the 2018 letter?"], 0),
        (["ask", "zzqx vvbn"], 1),
        (["validate"], 0),
        (["validate", "BROKEN"], 2),
        (["--help"], 0),
        (["kb", "list", "--guild", "5"], 1),
    ],
)
def test_a_closed_pipe_keeps_the_exit_code(
    tmp_path: Path, broken_data: Path, argv: list[str], code: int
) -> None:
    """The exit code is the command's result, whoever reads; no traceback, nothing said."""
    argv = [str(broken_data) if a == "BROKEN" else a for a in argv]
    assert run_into_closed_pipe(tmp_path, *argv) == (code, "")


async def _log_one_command(path: Path) -> None:
    from bot.core.usage.log import UsageEvent, UsageLog, load_or_create_secret

    secret = load_or_create_secret(None, path.parent / "usage.key")
    async with UsageLog(path, secret) as usage:
        usage.record(
            UsageEvent(
                "ask",
                5,
                "answered",
                guild_id=9,  # type: ignore[arg-type]
                question="who signed",
                latency_ms=12,
            )
        )


def test_stats_writes_the_chart_even_into_a_closed_pipe(tmp_path: Path) -> None:
    """`stats --chart F | head`: the chart is written first, then the exit code is 0."""
    asyncio.run(_log_one_command(load_settings(env={}, cwd=tmp_path).usage_db))
    code, err = run_into_closed_pipe(tmp_path, "stats", "--chart", "daily.png")
    assert code == 0, err
    assert (tmp_path / "daily.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("chart", ["no/such/dir/x.png", "."])
def test_a_chart_that_cannot_be_written_is_one_line_exit_2(tmp_path: Path, chart: str) -> None:
    """A missing folder or a folder given as the file: one line naming it, exit 2."""
    asyncio.run(_log_one_command(load_settings(env={}, cwd=tmp_path).usage_db))
    run = run_cli("stats", "--chart", chart, cwd=tmp_path)
    assert run.returncode == 2 and run.stdout == ""
    [line] = run.stderr.splitlines()
    assert line.startswith(f"campaign-bot: --chart {chart}: ")


@pytest.mark.parametrize(
    ("columns", "width"),
    [
        ("60", 60),
        ("100", 100),
        ("20", MIN_WIDTH),
        ("500", MAX_WIDTH),
    ],
)
def test_text_wraps_to_the_terminal_width(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    columns: str,
    width: int,
    tmp_path: Path,
) -> None:
    """No line is wider than the terminal (held between the minimum and maximum)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", columns)
    assert main(["letter", "2018"]) == 0
    lines = capsys.readouterr().out.splitlines()
    longest = max(len(line) for line in lines if " " in line.strip())
    assert width - 15 <= longest <= width
