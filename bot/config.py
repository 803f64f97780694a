"""Settings: config.toml, overridden by CAMPAIGN_BOT_* environment variables.

Settings are built once by the entry point and passed explicitly; nothing reads them at
import time. The Discord token is never read from a file, only from DISCORD_TOKEN.
"""

from __future__ import annotations

import contextlib
import math
import os
import stat
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from bot.core.errors import ConfigError
from bot.core.kb.corpus import bundled_data_dir
from bot.core.kb.files import UnreadableFileError, decode_utf8
from bot.core.kb.limits import MAX_YAML_BYTES
from bot.core.storage.urls import redact_url, url_problem

ENV_PREFIX = "CAMPAIGN_BOT_"
TOKEN_ENV = "DISCORD_TOKEN"  # noqa: S105 - the variable name, not a secret
DEFAULT_CONFIG_NAME = "config.toml"
APP_NAME = "campaign-bot"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting of the bot; see config.example.toml for what each one does."""

    data_dir: Path
    community_dir: Path
    index_dir: Path
    usage_db: Path
    usage_key_file: Path
    #: The folder the four paths above default into (see `default_state_dir`).
    state_dir: Path
    usage_retention_days: int = 90
    moderator_role: str | None = None
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    log_level: str = "INFO"
    max_query_length: int = 300
    index_lock_timeout: float = 10.0
    page_size: int = 10
    import_max_bytes: int = 256_000
    # What `campaign-bot run` leaves for an operator: a rotating log file and a heartbeat.
    log_file: Path | None = None  # None: log to stderr only
    log_max_bytes: int = 10_000_000
    log_backups: int = 5
    health_file: Path | None = None  # None: health.json in state_dir (heartbeat_file)
    health_interval: float = 30.0
    # PostgreSQL for moderators' entries, the change log and the usage log, shared by every
    # process on every host; None keeps files and SQLite. Out of repr: it may hold a password.
    database_url: str | None = field(default=None, repr=False)

    @property
    def token(self) -> str | None:
        """The Discord bot token, from the environment only."""
        value = os.environ.get(TOKEN_ENV, "").strip()
        return value or None

    @property
    def heartbeat_file(self) -> Path:
        """Where `run` writes its heartbeat and `health` reads it: with the other state."""
        return self.health_file or self.state_dir / "health.json"


#: Largest config file read: a documented config.toml is 3 kB.
MAX_CONFIG_BYTES = 1_000_000
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
#: Paths that name a folder (created when missing) or a file; anything else there is refused.
_DIR_KEYS = ("data_dir", "community_dir", "index_dir", "state_dir")
_FILE_KEYS = ("usage_db", "usage_key_file", "log_file", "health_file")


@dataclass(frozen=True, slots=True)
class Bounds:
    """What a numeric setting accepts: whole numbers or any finite number, low to high."""

    whole: bool
    low: float
    high: float

    def describe(self) -> str:
        """The allowed values in words, for error messages."""
        what = "a whole number" if self.whole else "a number"
        return f"{what} from {_figure(self.low)} to {_figure(self.high)}"


def _figure(number: float) -> str:
    return f"{int(number):,}" if number == int(number) else f"{number:,}"


#: Every numeric setting's type and range, checked here and nowhere else.
NUMERIC_SETTINGS: dict[str, Bounds] = {
    "usage_retention_days": Bounds(whole=True, low=0, high=36_600),  # 0 keeps rows forever
    "shard_count": Bounds(whole=True, low=1, high=100_000),
    "max_query_length": Bounds(whole=True, low=10, high=6_000),  # Discord's longest option
    "index_lock_timeout": Bounds(whole=False, low=0.1, high=3_600),  # seconds
    "page_size": Bounds(whole=True, low=0, high=100),  # 0: only the embed's size splits pages
    "import_max_bytes": Bounds(whole=True, low=1_000, high=MAX_YAML_BYTES),
    "log_max_bytes": Bounds(whole=True, low=10_000, high=10_000_000_000),
    # At least 1: Python's RotatingFileHandler never rotates with 0 backups, so the file
    # would grow without bound.
    "log_backups": Bounds(whole=True, low=1, high=1_000),
    "health_interval": Bounds(whole=False, low=1, high=3_600),  # seconds; the heartbeat's
}
#: Each item of `shard_ids`.
SHARD_ID = Bounds(whole=True, low=0, high=99_999)


#: Where each piece of local state lives inside the state folder unless set on its own.
STATE_PATHS = {
    "index_dir": "index",
    "community_dir": "community",
    "usage_db": "usage.sqlite3",
    "usage_key_file": "usage.key",
}
#: Where state that cannot be rebuilt lived before it moved to the state folder: relative to
#: the working folder, so a bot run from its checkout kept it there. The index is derived
#: and simply rebuilt in the new place, so it has no entry here.
LEGACY_STATE = {
    "community_dir": Path("data", "community"),
    "usage_db": Path("usage.sqlite3"),
    "usage_key_file": Path("usage.key"),
}


def default_state_dir() -> Path:
    """The platform's per-user data folder: ~/.local/share/campaign-bot on Linux.

    Never the working folder: `cd / && campaign-bot ask …` must not create /index.
    """
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_settings(state_dir: Path) -> Settings:
    """Defaults, with every piece of local state inside `state_dir`."""
    return Settings(
        data_dir=bundled_data_dir(),
        community_dir=state_dir / STATE_PATHS["community_dir"],
        index_dir=state_dir / STATE_PATHS["index_dir"],
        usage_db=state_dir / STATE_PATHS["usage_db"],
        usage_key_file=state_dir / STATE_PATHS["usage_key_file"],
        state_dir=state_dir,
    )


def load_settings(
    config_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    notes: list[str] | None = None,
) -> Settings:
    """Read settings from `config_path` (or ./config.toml when present), then the environment.

    Relative paths in the file are resolved against the file's directory; relative paths in
    the environment against the working directory. Local state defaults into `state_dir`
    (itself by default the platform's per-user data folder). If `notes` is given, it
    receives a line for the user when state is still read from its old place.
    """
    env = os.environ if env is None else env
    cwd = cwd or Path.cwd()
    settings = default_settings(default_state_dir())
    if config_path is None and (cwd / DEFAULT_CONFIG_NAME).is_file():
        config_path = cwd / DEFAULT_CONFIG_NAME
    from_file: dict[str, Any] = {}
    if config_path is not None:
        from_file = _read_toml(config_path)
        settings = _apply(settings, from_file, config_path.resolve().parent, str(config_path))
    from_env = {
        f.name: env[ENV_PREFIX + f.name.upper()]
        for f in fields(Settings)
        if ENV_PREFIX + f.name.upper() in env
    }
    settings = _apply(settings, from_env, cwd, "environment")
    settings = _place_state(settings, {*from_file, *from_env}, cwd, notes)
    problems = _check_together(settings)
    if problems:
        raise ConfigError("; ".join(problems))
    return settings


def _place_state(
    settings: Settings, given: set[str], cwd: Path, notes: list[str] | None
) -> Settings:
    """Put every state path not set on its own inside `state_dir`, or its old place.

    State from before the move (moderators' entries, the usage log and its key in the
    working folder) is used where it is rather than moved: a bot of the old version may
    still be running on it, and moving a change log under a live writer could lose a
    change. The note says how to move it, once the user chooses to.
    """
    state = settings.state_dir
    placed: dict[str, Any] = {
        key: state / name for key, name in STATE_PATHS.items() if key not in given
    }
    moves: list[str] = []
    keys: list[str] = []
    if "state_dir" not in given:
        for key, old in LEGACY_STATE.items():
            if key in placed and not placed[key].exists() and (cwd / old).exists():
                moves.append(f"{old} to {placed[key]}")
                keys.append(key)
                placed[key] = cwd / old
    if moves and notes is not None:
        notes.append(
            f"using state an earlier version kept in the working folder {cwd}; "
            f"move {', '.join(moves)} (or set {', '.join(keys)} in config.toml) "
            "to keep it in one place whatever the working folder"
        )
    return replace(settings, **placed)


def require_writable(settings: Settings, keys: tuple[str, ...]) -> None:
    """Refuse in one line a state path this process could not create or write to.

    A probe, not `os.access`: root passes `access()` on /proc, and only a real write sees
    a read-only mount, a full quota or a folder owned by someone else. Creating the folder
    is what the command would do next anyway.
    """
    for key in keys:
        path: Path = getattr(settings, key)
        folder = path if key in _DIR_KEYS else path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise ConfigError(
                f"cannot write to {folder} ({reason}), needed for {key}; point state_dir "
                f"(or {key}) in config.toml, or {ENV_PREFIX}STATE_DIR, at a folder you "
                "can write"
            ) from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except IsADirectoryError:
        raise ConfigError(f"{path} is a directory; --config names a TOML file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: a config file is at most {MAX_CONFIG_BYTES:,} bytes")
    try:
        document = tomllib.loads(decode_utf8(data))
    except UnreadableFileError as exc:
        raise ConfigError(f"{path}:{exc.line}: {exc.message}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nest too deep") from None
    except ValueError:  # tomllib's int() of a number past Python's 4,300 digits
        raise ConfigError(
            f"{path}: invalid TOML: a number with more digits than Python reads"
        ) from None
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
    if key in NUMERIC_SETTINGS:
        return _number(value, NUMERIC_SETTINGS[key])
    if key in _DIR_KEYS or key in _FILE_KEYS:
        if not isinstance(value, str) or not value.strip() or "\0" in value:
            raise ValueError(f"must be a path, got {_shown(value)}")
        path = Path(os.path.expanduser(value))
        return path if path.is_absolute() else base / path
    if key == "shard_ids":
        items = value if isinstance(value, list) else str(value).replace(",", " ").split()
        return tuple(_number(item, SHARD_ID) for item in items) or None
    if not isinstance(value, str):
        raise ValueError(f"must be text, got {_shown(value)}")
    if key == "database_url":
        return _database_url(value)
    if key == "log_level":
        level = value.upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}, got {_shown(value)}")
        return level
    if key == "moderator_role":
        return value.strip() or None
    raise ValueError("unsupported setting")


def _database_url(value: str) -> str | None:
    """A usable PostgreSQL URL, or None when blank; an error shows it without its password."""
    url = value.strip()
    if not url:
        return None
    problem = url_problem(url)
    if problem is not None:
        raise ValueError(f"{problem}, got {redact_url(url)!r}")
    return url


def _number(value: Any, bounds: Bounds) -> int | float:
    """`value` (from TOML, or text from the environment) if `bounds` allow it."""
    number: int | float | None = None
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            number = int(value) if bounds.whole else float(value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = value  # a bool is an int to Python, and never a count
    if (
        number is None
        or (bounds.whole and not isinstance(number, int))
        or not math.isfinite(number)
        or not bounds.low <= number <= bounds.high
    ):
        raise ValueError(f"must be {bounds.describe()}, got {_shown(value)}")
    return number if bounds.whole else float(number)


def _check_together(settings: Settings) -> list[str]:
    """Problems no single setting shows: paths taken by the wrong kind of thing, shards."""
    problems = []
    for key in (*_DIR_KEYS, *_FILE_KEYS):
        path = getattr(settings, key)
        if path is None:  # an optional file left unset
            continue
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except OSError:  # missing (created later) or unreachable: its user will say which
            continue
        if key in _DIR_KEYS and not is_dir:
            problems.append(f"setting '{key}': {path} is a file; it must be a directory")
        elif key in _FILE_KEYS and is_dir:
            problems.append(f"setting '{key}': {path} is a directory; it must be a file")
    if settings.shard_ids is not None:
        if settings.shard_count is None:
            problems.append("setting 'shard_ids' needs 'shard_count' as well")
        elif max(settings.shard_ids) >= settings.shard_count:
            problems.append(
                f"setting 'shard_ids': each must be below shard_count ({settings.shard_count})"
            )
    return problems


def _shown(value: Any) -> str:
    """A value for an error message: short, and printable even if a huge integer."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and value.bit_length() > 128:
        return "a number too long to show"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
