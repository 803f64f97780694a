"""deploy/: the systemd unit, its config and the container file agree with the code."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.parser import build_parser
from bot.config import load_settings

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "campaign-bot.service"
STATE = Path("/var/lib/campaign-bot")


def unit_section(name: str) -> dict[str, list[str]]:
    """One section of the unit: key → every value given (systemd keys may repeat)."""
    values: dict[str, list[str]] = {}
    section = None
    for line in UNIT.read_text("utf-8").splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif section == name and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values.setdefault(key, []).append(value)
    return values


def test_deploy_config_puts_all_state_in_the_units_state_directory(tmp_path: Path) -> None:
    """deploy/campaign-bot.toml loads, and every piece of state lands in StateDirectory."""
    settings = load_settings(DEPLOY / "campaign-bot.toml", env={}, cwd=tmp_path)
    service = unit_section("Service")
    assert service["StateDirectory"] == ["campaign-bot"]
    assert settings.state_dir == STATE
    for path in (
        settings.index_dir,
        settings.community_dir,
        settings.usage_db,
        settings.usage_key_file,
        settings.heartbeat_file,
    ):
        assert path.is_relative_to(STATE), path
    assert service["WorkingDirectory"] == [str(STATE)]


def test_unit_runs_the_bot_with_that_config_and_stops_retrying_usage_errors() -> None:
    """ExecStart is `campaign-bot --config … run`; exit 2 (bad token, config) is not retried."""
    service = unit_section("Service")
    [exec_start] = service["ExecStart"]
    command = exec_start.split()
    assert command[1:] == ["--config", "/etc/campaign-bot/config.toml", "run"]
    build_parser().parse_args(command[1:])  # the CLI accepts exactly this
    assert service["Restart"] == ["on-failure"]
    assert service["RestartPreventExitStatus"] == ["2"]
    assert service["EnvironmentFile"] == ["/etc/campaign-bot/campaign-bot.env"]
    assert service["ProtectSystem"] == ["strict"] and service["NoNewPrivileges"] == ["yes"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze missing")
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    """`systemd-analyze verify` finds nothing to say, with ExecStart at this venv's script."""
    script = Path(sys.executable).parent / "campaign-bot"
    if not script.exists():
        pytest.skip("no campaign-bot console script beside this Python")
    unit = tmp_path / "campaign-bot.service"
    unit.write_text(
        UNIT.read_text("utf-8").replace("/opt/campaign-bot/bin/campaign-bot", str(script)), "utf-8"
    )
    analyze = shutil.which("systemd-analyze")
    assert analyze is not None
    result = subprocess.run(
        [analyze, "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "")


def test_container_file_healthcheck_and_command_are_real_commands() -> None:
    """HEALTHCHECK runs `campaign-bot health` and CMD `run`, both commands the CLI has."""
    text = (DEPLOY / "Containerfile").read_text("utf-8")
    assert re.search(r'HEALTHCHECK .*\\\n\s+CMD \["campaign-bot", "health"\]', text)
    assert 'ENTRYPOINT ["campaign-bot"]' in text and 'CMD ["run"]' in text
    build_parser().parse_args(["health"])
    assert "-c constraints.txt" in text, "the image installs the pinned versions"
    assert re.search(r"^USER campaign-bot$", text, re.MULTILINE), "never runs as root"
    assert "ENV CAMPAIGN_BOT_STATE_DIR=/var/lib/campaign-bot" in text
    assert 'VOLUME ["/var/lib/campaign-bot"]' in text


def test_container_context_leaves_local_state_out() -> None:
    """The build context ignores everything but what the build copies; never local state."""
    ignored = (ROOT / ".dockerignore").read_text("utf-8").splitlines()
    allowed = {line[1:].rstrip("/") for line in ignored if line.startswith("!")}
    copied = set(
        re.findall(
            r"^COPY (?!--from)(.+) \S+$",
            (DEPLOY / "Containerfile").read_text("utf-8"),
            re.MULTILINE,
        )
    )
    sources = {name for line in copied for name in line.split()}
    assert sources == allowed
    assert "data/community/" in ignored


def test_configparser_reads_the_unit() -> None:
    """The unit has the three sections systemd expects, and nothing outside them."""
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(UNIT.read_text("utf-8"))
    assert parser.sections() == ["Unit", "Service", "Install"]
    assert parser["Install"]["WantedBy"] == "multi-user.target"
