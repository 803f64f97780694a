"""Running the real `campaign-bot` process, for behaviour that belongs to the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Any


def cli_env(**extra: str) -> dict[str, str]:
    """This environment (XDG_DATA_HOME private to the test) without CAMPAIGN_BOT_* or a token."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CAMPAIGN_BOT_") and k != "DISCORD_TOKEN"
    }
    env.update(extra)
    return env


def run_cli(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdout: int | IO[Any] = subprocess.PIPE,
    input_text: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """`campaign-bot ARGS…` in a child process; its exit code and output."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli.main", *args],
        cwd=cwd,
        env=env or cli_env(),
        stdout=stdout,
        stderr=subprocess.PIPE,
        input=input_text,
        text=True,
        check=False,
        timeout=300,
    )  # a safety net for a hang, not a measurement


def closed_pipe() -> int:
    """The write end of a pipe whose reader has already gone: every write to it fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    return write_end
