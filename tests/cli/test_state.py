"""Where state lives: never the working folder; a folder that cannot be written is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.process import cli_env, run_cli

QUESTION = "Who signed the 2018 letter to Kim Jong Un?"


def test_state_goes_to_the_user_data_folder_not_the_working_folder(tmp_path: Path) -> None:
    """`ask` from an empty folder leaves it empty; the index is in the per-user folder."""
    work = tmp_path / "work"
    work.mkdir()
    run = run_cli("ask", QUESTION, cwd=work)
    assert run.returncode == 0, run.stderr
    assert list(work.iterdir()) == []
    assert (tmp_path / "xdg-data" / "campaign-bot" / "index").is_dir()


@pytest.mark.parametrize("cwd", ["/", "/proc"])
def test_a_folder_nobody_may_write_is_no_obstacle(cwd: str) -> None:
    """From / or /proc (the `cd / && campaign-bot ask` report) the answer comes, no traceback."""
    before = sorted(p.name for p in Path(cwd).iterdir()) if cwd == "/" else None
    run = run_cli("ask", QUESTION, cwd=Path(cwd))
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert "Human Rights Watch" in run.stdout
    if before is not None:
        assert sorted(p.name for p in Path(cwd).iterdir()) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", QUESTION],
        ["console"],
        ["index", "rebuild"],
        ["kb", "list", "--guild", "5"],
        ["run"],
    ],
)
@pytest.mark.parametrize("state", ["/proc/campaign-bot-state", "UNDER_A_FILE"])
def test_a_state_folder_that_cannot_be_written_is_one_line_exit_2(
    tmp_path: Path, argv: list[str], state: str
) -> None:
    """A state folder in /proc or under a file: one line naming it and the setting, exit 2."""
    if state == "UNDER_A_FILE":
        (tmp_path / "a-file").write_text("x", "utf-8")
        state = str(tmp_path / "a-file" / "state")
    env = cli_env(CAMPAIGN_BOT_STATE_DIR=state, DISCORD_TOKEN="not-a-real-token")
    run = run_cli(*argv, cwd=tmp_path, env=env, input_text="")
    assert run.returncode == 2
    [line] = run.stderr.splitlines()
    assert line.startswith(f"campaign-bot: configuration error: cannot write to {state}/")
    assert "state_dir" in line


def test_index_status_needs_no_writable_folder(tmp_path: Path) -> None:
    """Reading the index's state writes nothing, so an unwritable state folder is fine."""
    env = cli_env(CAMPAIGN_BOT_STATE_DIR="/proc/campaign-bot-state")
    run = run_cli("index", "status", cwd=tmp_path, env=env)
    assert run.returncode == 1 and "missing" in run.stdout, run.stderr
    assert "Traceback" not in run.stderr


def test_moderators_entries_in_the_old_place_stay_readable(tmp_path: Path) -> None:
    """An entry written where earlier versions kept it (./data/community) is still found.

    The first run writes with the old location set explicitly, as an earlier version did
    by default; the second run has no setting at all.
    """
    old = cli_env(CAMPAIGN_BOT_COMMUNITY_DIR="data/community")
    added = run_cli(
        "kb",
        "add-org",
        "--guild",
        "5",
        "--name",
        "Zanzibar Rights Forum",
        "--source",
        "https://example.org/zrf",
        cwd=tmp_path,
        env=old,
    )
    assert added.returncode == 0, added.stderr
    run = run_cli("org", "Zanzibar Rights Forum", "--guild", "5", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "Zanzibar Rights Forum" in run.stdout
    [note] = run.stderr.splitlines()
    assert note.startswith(
        "campaign-bot: note: using state an earlier version kept in the "
        f"working folder {tmp_path}; move data/community to "
    )
    assert not (tmp_path / "xdg-data" / "campaign-bot" / "community").exists()
