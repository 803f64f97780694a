"""Settings: config.toml, overridden by CAMPAIGN_BOT_* environment variables.

Settings are built once by the entry point and passed explicitly; nothing reads them at
import time. The Discord token is never read from a file, only from DISCORD_TOKEN.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from bot.core.errors import ConfigError
from bot.core.kb.corpus import bundled_data_dir

ENV_PREFIX = "CAMPAIGN_BOT_"
TOKEN_ENV = "DISCORD_TOKEN"  # noqa: S105 - the variable name, not a secret
DEFAULT_CONFIG_NAME = "config.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting of the bot; see config.example.toml for what each one does."""

    data_dir: Path
    community_dir: Path
    index_dir: Path
    usage_db: Path
    usage_key_file: Path
    usage_retention_days: int = 90
    moderator_role: str | None = None
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    log_level: str = "INFO"
    max_query_length: int = 300
    index_lock_timeout: float = 10.0
    page_size: int = 10
    import_max_bytes: int = 256_000

    @property
    def token(self) -> str | None:
        """The Discord bot token, from the environment only."""
        value = os.environ.get(TOKEN_ENV, "").strip()
        return value or None


_PATH_KEYS = {"data_dir", "community_dir", "index_dir", "usage_db", "usage_key_file"}
_INT_KEYS = {"usage_retention_days", "shard_count", "max_query_length", "page_size",
             "import_max_bytes"}
_FLOAT_KEYS = {"index_lock_timeout"}
_LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}


def default_settings(base: Path) -> Settings:
    """Defaults, with relative paths resolved against `base` (the working directory)."""
    return Settings(
        data_dir=bundled_data_dir(),
        community_dir=base / "data" / "community",
        index_dir=base / "index",
        usage_db=base / "usage.sqlite3",
        usage_key_file=base / "usage.key",
    )


def load_settings(
    config_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Read settings from `config_path` (or ./config.toml when present), then the environment.

    Relative paths in the file are resolved against the file's directory; relative paths in
    the environment against the working directory.
    """
    env = os.environ if env is None else env
    cwd = cwd or Path.cwd()
    settings = default_settings(cwd)
    if config_path is None and (cwd / DEFAULT_CONFIG_NAME).is_file():
        config_path = cwd / DEFAULT_CONFIG_NAME
    if config_path is not None:
        values = _read_toml(config_path)
        settings = _apply(settings, values, config_path.resolve().parent, str(config_path))
    from_env = {
        f.name: env[ENV_PREFIX + f.name.upper()]
        for f in fields(Settings)
        if ENV_PREFIX + f.name.upper() in env
    }
    return _apply(settings, from_env, cwd, "environment")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if "token" in document or "discord_token" in document:
        raise ConfigError(f"{path}: the token must not be in a file; set {TOKEN_ENV} instead")
    flat: dict[str, Any] = {}
    for key, value in document.items():
        if isinstance(value, dict):  # sections are for readability; keys are unique
            flat.update(value)
        else:
            flat[key] = value
    return flat


def _apply(settings: Settings, values: Mapping[str, Any], base: Path, origin: str) -> Settings:
    known = {f.name for f in fields(Settings)}
    changes: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in values.items():
        if key not in known:
            problems.append(f"unknown setting '{key}'")
            continue
        try:
            changes[key] = _convert(key, value, base)
        except (TypeError, ValueError) as exc:
            problems.append(f"setting '{key}': {exc}")
    if problems:
        raise ConfigError(f"{origin}: " + "; ".join(problems))
    return replace(settings, **changes)


def _convert(key: str, value: Any, base: Path) -> Any:
    if key in _PATH_KEYS:
        path = Path(os.path.expanduser(str(value)))
        return path if path.is_absolute() else base / path
    if key in _INT_KEYS:
        number = int(value)
        if number < 0:
            raise ValueError("must not be negative")
        return number
    if key in _FLOAT_KEYS:
        seconds = float(value)
        if seconds <= 0:
            raise ValueError("must be positive")
        return seconds
    if key == "shard_ids":
        items = value if isinstance(value, list) else str(value).replace(",", " ").split()
        return tuple(int(item) for item in items) or None
    if key == "log_level":
        level = str(value).upper()
        if level not in _LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(sorted(_LOG_LEVELS))}")
        return level
    if key == "moderator_role":
        return str(value).strip() or None
    raise ValueError("unsupported setting")
