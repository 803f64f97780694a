"""Settings: defaults, config file, environment overrides, and the token rule."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli.main import EXIT_USAGE, main
from bot.config import NUMERIC_SETTINGS, default_state_dir, load_settings, require_writable
from bot.core.errors import ConfigError
from bot.core.kb.corpus import bundled_data_dir


def test_defaults_keep_state_in_the_user_data_folder(tmp_path: Path) -> None:
    """With no file, data is bundled and state is in the per-user folder, not the cwd."""
    work = tmp_path / "work"
    work.mkdir()
    settings = load_settings(env={}, cwd=work)
    state = tmp_path / "xdg-data" / "campaign-bot"  # XDG_DATA_HOME, set by tests/conftest.py
    assert settings.data_dir == bundled_data_dir()
    assert settings.state_dir == default_state_dir() == state
    assert (
        settings.index_dir,
        settings.community_dir,
        settings.usage_db,
        settings.usage_key_file,
    ) == (state / "index", state / "community", state / "usage.sqlite3", state / "usage.key")
    assert list(work.iterdir()) == []


def test_state_dir_in_a_config_file_is_relative_to_the_file(tmp_path: Path) -> None:
    """`state_dir = "state"` moves every piece of state beside the config file."""
    conf = tmp_path / "conf" / "bot.toml"
    conf.parent.mkdir()
    conf.write_text('state_dir = "state"\nusage_db = "/srv/bot/usage.sqlite3"\n', "utf-8")
    settings = load_settings(conf, env={}, cwd=tmp_path)
    assert settings.index_dir == tmp_path / "conf" / "state" / "index"
    assert settings.community_dir == tmp_path / "conf" / "state" / "community"
    assert settings.usage_db == Path("/srv/bot/usage.sqlite3")  # set on its own: kept


def test_state_dir_in_the_environment_is_relative_to_the_cwd(tmp_path: Path) -> None:
    """CAMPAIGN_BOT_STATE_DIR=here puts the index in ./here/index."""
    settings = load_settings(env={"CAMPAIGN_BOT_STATE_DIR": "here"}, cwd=tmp_path)
    assert settings.index_dir == tmp_path / "here" / "index"


@pytest.mark.parametrize(
    ("old", "key"),
    [
        ("data/community", "community_dir"),
        ("usage.sqlite3", "usage_db"),
        ("usage.key", "usage_key_file"),
    ],
)
def test_state_left_by_an_earlier_version_is_used_in_place_with_a_note(
    tmp_path: Path, old: str, key: str
) -> None:
    """Moderators' entries (or the usage log) in the old place stay readable; a note says so."""
    (tmp_path / old).parent.mkdir(parents=True, exist_ok=True)
    if key == "community_dir":
        (tmp_path / old).mkdir()
    else:
        (tmp_path / old).write_bytes(b"")
    notes: list[str] = []
    settings = load_settings(env={}, cwd=tmp_path, notes=notes)
    assert getattr(settings, key) == tmp_path / old
    [note] = notes
    assert f"move {old} to {default_state_dir()}" in note and key in note
    assert settings.index_dir == default_state_dir() / "index"  # derived: rebuilt, not reused


def test_state_in_the_new_place_wins_over_the_old_place(tmp_path: Path) -> None:
    """Once the new folder has the entries, the old one is ignored and nothing is noted."""
    (tmp_path / "data" / "community").mkdir(parents=True)
    (default_state_dir() / "community").mkdir(parents=True)
    notes: list[str] = []
    settings = load_settings(env={}, cwd=tmp_path, notes=notes)
    assert settings.community_dir == default_state_dir() / "community" and notes == []


def test_a_configured_state_dir_ignores_the_old_place(tmp_path: Path) -> None:
    """A state_dir the user chose is used as it is."""
    (tmp_path / "data" / "community").mkdir(parents=True)
    notes: list[str] = []
    settings = load_settings(env={"CAMPAIGN_BOT_STATE_DIR": "s"}, cwd=tmp_path, notes=notes)
    assert settings.community_dir == tmp_path / "s" / "community" and notes == []


@pytest.mark.parametrize("where", ["file", "proc"])
def test_a_state_folder_that_cannot_be_written_is_one_line(tmp_path: Path, where: str) -> None:
    """Under a file, or in /proc (refused even to root): ConfigError in one line, naming it."""
    (tmp_path / "a-file").write_text("x", "utf-8")
    state = tmp_path / "a-file" / "state" if where == "file" else Path("/proc/campaign-bot")
    settings = load_settings(env={"CAMPAIGN_BOT_STATE_DIR": str(state)}, cwd=tmp_path)
    with pytest.raises(ConfigError) as caught:
        require_writable(settings, ("index_dir",))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"cannot write to {state / 'index'} (")
    assert "state_dir" in message


def test_a_writable_state_folder_is_created_and_left_clean(tmp_path: Path) -> None:
    """The check creates the folder the command is about to use, and leaves nothing in it."""
    settings = load_settings(env={"CAMPAIGN_BOT_STATE_DIR": "s"}, cwd=tmp_path)
    require_writable(settings, ("index_dir", "usage_db"))
    assert list((tmp_path / "s").iterdir()) == [tmp_path / "s" / "index"]
    assert list((tmp_path / "s" / "index").iterdir()) == []


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
    settings = load_settings(
        env={
            "CAMPAIGN_BOT_PAGE_SIZE": "7",
            "CAMPAIGN_BOT_SHARD_COUNT": "2",
            "CAMPAIGN_BOT_SHARD_IDS": "0,1",
        },
        cwd=tmp_path,
    )
    assert settings.page_size == 7 and settings.shard_ids == (0, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('token = "abc"\n', "must not be in a file"),
        ("unknown_thing = 1\n", "unknown setting"),
        ("page_size = -1\n", "'page_size': must be a whole number from 0 to 100, got -1"),
        ('log_level = "LOUD"\n', "must be one of"),
        ("page_size = [\n", "invalid TOML"),
    ],
)
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


def refusal(tmp_path: Path, text: str | bytes, env: dict[str, str] | None = None) -> str:
    """The one-line ConfigError that config.toml `text` (and `env`) must raise."""
    config = tmp_path / "config.toml"
    if isinstance(text, bytes):
        config.write_bytes(text)
    else:
        config.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(env=env or {}, cwd=tmp_path)
    assert "\n" not in str(caught.value)
    return str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "index_lock_timeout = nan",
            "'index_lock_timeout': must be a number from 0.1 to 3,600, got nan",
        ),
        ("index_lock_timeout = inf", "'index_lock_timeout': must be a number from 0.1 to 3,600"),
        ("index_lock_timeout = 0", "'index_lock_timeout': must be a number from 0.1"),
        ("max_query_length = 0", "'max_query_length': must be a whole number from 10 to 6,000"),
        (
            "max_query_length = 1.9",
            "'max_query_length': must be a whole number from 10 to 6,000, got 1.9",
        ),
        ("max_query_length = 300.0", "'max_query_length': must be a whole number"),
        (
            "usage_retention_days = true",
            "'usage_retention_days': must be a whole number from 0 to 36,600, got true",
        ),
        ("shard_count = 2\nshard_ids = [-1]", "'shard_ids': must be a whole number from 0"),
        ("shard_count = 2\nshard_ids = [false]", "'shard_ids': must be a whole number"),
        ("shard_count = 0", "'shard_count': must be a whole number from 1"),
        (
            "import_max_bytes = 100_000_000",
            "'import_max_bytes': must be a whole number from 1,000 to 3,000,000",
        ),
        ("page_size = " + "9" * 30, "'page_size': must be a whole number from 0 to 100, got 999"),
        ("page_size = 0x" + "f" * 100, "got a number too long to show"),
        ("page_size = " + "9" * 5000, "invalid TOML: a number with more digits than Python reads"),
        ("page_size = 'seven'", "'page_size': must be a whole number from 0 to 100, got 'seven'"),
        ("index_dir = 5", "'index_dir': must be a path, got 5"),
        ("index_dir = ''", "'index_dir': must be a path"),
        ('usage_db = "a\\u0000b"', "'usage_db': must be a path"),
        ("moderator_role = 5", "'moderator_role': must be text, got 5"),
        ("log_level = 10", "'log_level': must be text"),
        ("a = " + "[" * 5000 + "]" * 5000, "invalid TOML: arrays or tables nest too deep"),
    ],
)
def test_unworkable_setting_is_refused_naming_what_is_allowed(
    tmp_path: Path, text: str, message: str
) -> None:
    """Values that parse but cannot work are refused in one line naming the setting."""
    assert message in refusal(tmp_path, text + "\n")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("INDEX_LOCK_TIMEOUT", "nan"),
        ("INDEX_LOCK_TIMEOUT", "inf"),
        ("MAX_QUERY_LENGTH", "1.9"),
        ("MAX_QUERY_LENGTH", "0"),
        ("USAGE_RETENTION_DAYS", "true"),
        ("PAGE_SIZE", ""),
    ],
)
def test_unworkable_environment_value_is_refused(tmp_path: Path, name: str, value: str) -> None:
    """The environment is held to the same bounds as the file."""
    message = refusal(tmp_path, "", {f"CAMPAIGN_BOT_{name}": value})
    assert message.startswith(f"environment: setting '{name.lower()}': must be a")


@pytest.mark.parametrize("name", sorted(NUMERIC_SETTINGS))
def test_numeric_bounds_are_inclusive(tmp_path: Path, name: str) -> None:
    """Each numeric setting takes its lowest and highest value and refuses just beyond."""
    bounds = NUMERIC_SETTINGS[name]
    step = 1 if bounds.whole else 0.01
    for value in (bounds.low, bounds.high):
        shown = int(value) if bounds.whole else value
        (tmp_path / "config.toml").write_text(f"{name} = {shown}\n", "utf-8")
        assert getattr(load_settings(env={}, cwd=tmp_path), name) == value
    for value in (bounds.low - step, bounds.high + step):
        shown = int(value) if bounds.whole else value
        assert f"'{name}': must be" in refusal(tmp_path, f"{name} = {shown}\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("shard_ids = [0]", "'shard_ids' needs 'shard_count' as well"),
        ("shard_count = 2\nshard_ids = [0, 2]", "'shard_ids': each must be below shard_count (2)"),
    ],
)
def test_shards_must_agree(tmp_path: Path, text: str, message: str) -> None:
    """shard_ids names shards that shard_count has."""
    assert message in refusal(tmp_path, text + "\n")


@pytest.mark.parametrize("key", ["index_dir", "community_dir", "data_dir"])
def test_folder_setting_at_an_existing_file_is_refused(tmp_path: Path, key: str) -> None:
    """A folder setting that names a file is refused before anything writes there."""
    (tmp_path / "taken").write_text("a file", "utf-8")
    message = refusal(tmp_path, f'{key} = "taken"\n')
    assert message == f"setting '{key}': {tmp_path / 'taken'} is a file; it must be a directory"


@pytest.mark.parametrize("key", ["usage_db", "usage_key_file"])
def test_file_setting_at_a_directory_is_refused(tmp_path: Path, key: str) -> None:
    """A file setting that names a folder is refused."""
    (tmp_path / "folder").mkdir()
    assert "is a directory; it must be a file" in refusal(tmp_path, f'{key} = "folder"\n')


def test_config_that_is_a_directory_is_refused(tmp_path: Path) -> None:
    """--config naming a folder says so."""
    with pytest.raises(ConfigError, match="is a directory; --config names a TOML file"):
        load_settings(tmp_path, env={}, cwd=tmp_path)


def test_config_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    """A config file with a byte that is not UTF-8 is refused at its line."""
    message = refusal(tmp_path, b'page_size = 5\nmoderator_role = "Caf\xe9"\n')
    assert message.endswith(
        "config.toml:2: not UTF-8 text: byte 0xe9 in column 22 cannot be decoded"
    )


def test_config_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    """A config file is read only up to its limit."""
    from bot.config import MAX_CONFIG_BYTES

    assert "a config file is at most" in refusal(tmp_path, "#" * (MAX_CONFIG_BYTES + 1))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--log-level", "LOUD", "ask", "who"], "argument --log-level: invalid choice: 'LOUD'"),
        (["--config", ".", "ask", "who"], "is a directory; --config names a TOML file"),
        (["--config", "bad.toml", "ask", "who"], "bad.toml:1: not UTF-8 text"),
        (["--config", "nan.toml", "ask", "who"], "setting 'index_lock_timeout': must be a number"),
    ],
)
def test_cli_refuses_at_start_with_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    """The command line refuses a bad start in one line, exit code 2, and writes nothing."""
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("CAMPAIGN_BOT_"):
            monkeypatch.delenv(key)
    (tmp_path / "bad.toml").write_bytes(b"\xff\n")
    (tmp_path / "nan.toml").write_text("index_lock_timeout = nan\n", "utf-8")
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    first, *hint = err.splitlines()
    assert message in first and "Traceback" not in err
    # A command line argparse refused also shows its usage; a bad config is one line.
    assert hint == [] if argv[0] == "--config" else hint[0].startswith("usage: campaign-bot")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml", "nan.toml"]


def test_log_level_option_is_case_insensitive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--log-level debug is DEBUG, as log_level = "debug" is in the file."""
    monkeypatch.chdir(tmp_path)
    assert main(["--log-level", "debug", "validate"]) == 0
