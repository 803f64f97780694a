"""The database_url setting: read from the file or the environment, checked, never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_settings
from bot.core.errors import ConfigError

PRIVATE_URL = "postgresql://bot:hunter2@db.internal:5432/campaign_bot"


def test_unset_means_files_and_sqlite(tmp_path: Path) -> None:
    """Without the setting there is no database URL."""
    assert load_settings(env={}, cwd=tmp_path).database_url is None


def test_read_from_the_environment(tmp_path: Path) -> None:
    """CAMPAIGN_BOT_DATABASE_URL sets it."""
    settings = load_settings(env={"CAMPAIGN_BOT_DATABASE_URL": PRIVATE_URL}, cwd=tmp_path)
    assert settings.database_url == PRIVATE_URL


def test_environment_wins_over_the_file_and_blank_unsets(tmp_path: Path) -> None:
    """The environment overrides config.toml, and an empty value means no database."""
    config = tmp_path / "config.toml"
    config.write_text('[database]\ndatabase_url = "postgresql://file-host/cb"\n', "utf-8")
    assert load_settings(config, env={}, cwd=tmp_path).database_url == ("postgresql://file-host/cb")
    env = {"CAMPAIGN_BOT_DATABASE_URL": "  "}
    assert load_settings(config, env=env, cwd=tmp_path).database_url is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("mysql://bot:hunter2@db/cb", "must start with postgresql://"),
        ("postgresql://bot:hunter2@db:5432", "must name a database"),
        ("postgresql://bot:hunter2@db:70000/cb", "is not a URL"),
    ],
)
def test_a_bad_url_is_refused_without_showing_the_password(
    tmp_path: Path, url: str, reason: str
) -> None:
    """A URL that cannot work is refused in one line that names the setting, not the password."""
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"CAMPAIGN_BOT_DATABASE_URL": url}, cwd=tmp_path)
    message = str(caught.value)
    assert "database_url" in message and reason in message
    assert "hunter2" not in message and "\n" not in message


def test_settings_never_print_the_url(tmp_path: Path) -> None:
    """The settings' repr (what a debug log or a traceback shows) leaves the URL out."""
    settings = load_settings(env={"CAMPAIGN_BOT_DATABASE_URL": PRIVATE_URL}, cwd=tmp_path)
    assert "hunter2" not in repr(settings)
    assert "database_url" not in repr(settings)


def test_a_number_is_not_a_url(tmp_path: Path) -> None:
    """A TOML number is refused as not text."""
    config = tmp_path / "config.toml"
    config.write_text("database_url = 5432\n", "utf-8")
    with pytest.raises(ConfigError, match="database_url"):
        load_settings(config, env={}, cwd=tmp_path)
