"""Settings: defaults, config file, environment overrides, and the token rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_settings
from bot.core.errors import ConfigError
from bot.core.kb.corpus import bundled_data_dir


def test_defaults_use_bundled_data_and_cwd(tmp_path: Path) -> None:
    """With no file, data is the bundled corpus and local state lives in the working dir."""
    settings = load_settings(env={}, cwd=tmp_path)
    assert settings.data_dir == bundled_data_dir()
    assert settings.index_dir == tmp_path / "index"
    assert settings.community_dir == tmp_path / "data" / "community"


def test_config_file_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    """Relative paths in config.toml resolve against the file's directory."""
    conf = tmp_path / "conf" / "bot.toml"
    conf.parent.mkdir()
    conf.write_text('[storage]\nindex_dir = "idx"\nusage_retention_days = 30\n', "utf-8")
    settings = load_settings(conf, env={}, cwd=tmp_path)
    assert settings.index_dir == tmp_path / "conf" / "idx"
    assert settings.usage_retention_days == 30


def test_config_toml_in_cwd_is_read_by_default(tmp_path: Path) -> None:
    """./config.toml is used when present and no --config is given."""
    (tmp_path / "config.toml").write_text('moderator_role = "Curators"\n', "utf-8")
    assert load_settings(env={}, cwd=tmp_path).moderator_role == "Curators"


def test_environment_overrides_file(tmp_path: Path) -> None:
    """CAMPAIGN_BOT_* variables win over the file."""
    (tmp_path / "config.toml").write_text("page_size = 5\n", "utf-8")
    settings = load_settings(env={"CAMPAIGN_BOT_PAGE_SIZE": "7",
                                  "CAMPAIGN_BOT_SHARD_IDS": "0,1"}, cwd=tmp_path)
    assert settings.page_size == 7 and settings.shard_ids == (0, 1)


@pytest.mark.parametrize(("text", "message"), [
    ('token = "abc"\n', "must not be in a file"),
    ("unknown_thing = 1\n", "unknown setting"),
    ("page_size = -1\n", "must not be negative"),
    ('log_level = "LOUD"\n', "must be one of"),
    ("page_size = [\n", "invalid TOML"),
])
def test_bad_config_is_refused_clearly(tmp_path: Path, text: str, message: str) -> None:
    """Each kind of bad setting raises ConfigError naming the problem."""
    (tmp_path / "config.toml").write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(env={}, cwd=tmp_path)


def test_missing_explicit_config_is_an_error(tmp_path: Path) -> None:
    """--config pointing nowhere is an error, not silently ignored."""
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml", env={}, cwd=tmp_path)


def test_example_config_is_valid_and_complete(tmp_path: Path) -> None:
    """config.example.toml loads, and documents every setting."""
    from dataclasses import fields

    from bot.config import Settings

    example = Path(__file__).resolve().parents[1] / "config.example.toml"
    load_settings(example, env={}, cwd=tmp_path)
    text = example.read_text("utf-8")
    for setting in fields(Settings):
        assert setting.name in text, setting.name
