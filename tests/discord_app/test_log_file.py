"""`run` logs to a size-rotated file when `log_file` is set; the settings are checked first."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import TOKEN_ENV, load_settings
from bot.core.errors import ConfigError
from bot.discord_app import runner


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """The root logger, with any handler a test adds removed and closed afterwards."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    root.setLevel(logging.INFO)
    yield root
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_log_file_rotates_at_its_size_and_keeps_its_backups(
    tmp_path: Path, root_logger: logging.Logger
) -> None:
    """Past max_bytes the file rolls over; only `backups` old files are kept, each bounded."""
    path = tmp_path / "logs" / "campaign-bot.log"
    runner.log_to_file(path, max_bytes=10_000, backups=2)
    for number in range(100):
        logging.getLogger("bot.test").info("record %03d %s", number, "x" * 400)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["campaign-bot.log", "campaign-bot.log.1", "campaign-bot.log.2"]
    assert all(p.stat().st_size <= 10_000 for p in path.parent.iterdir())
    last = path.read_text("utf-8").splitlines()[-1]
    assert " INFO bot.test: record 099 " in last, "the newest record is in the current file"


def test_unwritable_log_file_is_one_line_and_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    root_logger: logging.Logger,
) -> None:
    """A log file `run` cannot create stops it before it connects, in one line."""
    (tmp_path / "blocker").write_text("a file where a folder should be", "utf-8")
    monkeypatch.setenv(TOKEN_ENV, "any-token")
    settings = load_settings(env={"CAMPAIGN_BOT_LOG_FILE": "blocker/bot.log"}, cwd=tmp_path)
    assert runner.run_bot(settings) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"campaign-bot: cannot write the log file {tmp_path}/blocker/bot.log")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"CAMPAIGN_BOT_LOG_BACKUPS": "0"},
            "'log_backups': must be a whole number from 1 to 1,000",
        ),
        ({"CAMPAIGN_BOT_LOG_MAX_BYTES": "1e6"}, "'log_max_bytes': must be a whole number from"),
        ({"CAMPAIGN_BOT_LOG_MAX_BYTES": "999"}, "'log_max_bytes': must be a whole number from"),
        ({"CAMPAIGN_BOT_HEALTH_INTERVAL": "0.5"}, "'health_interval': must be a number from 1 to"),
        ({"CAMPAIGN_BOT_HEALTH_INTERVAL": "nan"}, "'health_interval': must be a number from 1 to"),
        ({"CAMPAIGN_BOT_LOG_FILE": ""}, "'log_file': must be a path"),
        ({"CAMPAIGN_BOT_HEALTH_FILE": "."}, "'health_file': "),
    ],
)
def test_operations_settings_are_checked(tmp_path: Path, env: dict[str, str], message: str) -> None:
    """Log and health settings that cannot work are refused in one line naming them."""
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")) as caught:
        load_settings(env=env, cwd=tmp_path)
    assert "\n" not in str(caught.value)


def test_operations_settings_from_the_file(tmp_path: Path) -> None:
    """The [logging] and [health] keys are read, paths resolved against the config's folder."""
    config = tmp_path / "conf" / "config.toml"
    config.parent.mkdir()
    config.write_text(
        '[logging]\nlog_file = "logs/bot.log"\nlog_max_bytes = 20000\n'
        'log_backups = 3\n[health]\nhealth_file = "/run/cb/health.json"\n'
        "health_interval = 5\n",
        "utf-8",
    )
    settings = load_settings(config, env={}, cwd=tmp_path)
    assert settings.log_file == tmp_path / "conf" / "logs" / "bot.log"
    assert (settings.log_max_bytes, settings.log_backups) == (20_000, 3)
    assert settings.heartbeat_file == Path("/run/cb/health.json")
    assert settings.health_interval == 5.0


def test_heartbeat_defaults_to_the_state_folder(tmp_path: Path) -> None:
    """Unset, the heartbeat lives in state_dir with the rest of the state."""
    settings = load_settings(env={"CAMPAIGN_BOT_STATE_DIR": str(tmp_path / "s")}, cwd=tmp_path)
    assert settings.log_file is None
    assert settings.heartbeat_file == tmp_path / "s" / "health.json"
