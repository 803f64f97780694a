"""A child process on a pseudo-terminal: keys in (Tab, Ctrl-C, Ctrl-D), screen text out.

On a terminal readline is live, so Tab completes and Ctrl-C is the terminal's interrupt,
exactly as for a person typing; a pipe would test neither.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

#: Colour and cursor control sequences readline may send; not part of the text.
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r")
#: Seconds to wait for expected output before failing: a safety net, not a measurement.
PATIENCE = 60.0


class Terminal:
    """`python -m bot.cli.main ARGS` with its stdin, stdout and stderr on a pty."""

    def __init__(self, *args: str, cwd: Path, env: dict[str, str]) -> None:
        leader, follower = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli.main", *args],
            cwd=cwd,
            env={**env, "TERM": "dumb", "COLUMNS": "100", "INPUTRC": os.devnull},
            stdin=follower,
            stdout=follower,
            stderr=follower,
            start_new_session=True,
            preexec_fn=_take_terminal,
        )  # runs in the child after setsid, before exec
        os.close(follower)
        self._leader = leader
        self.screen = ""

    def send(self, keys: str) -> None:
        r"""Type `keys`: "\t" is Tab, "\x03" Ctrl-C and "\x04" Ctrl-D, as on a keyboard."""
        os.write(self._leader, keys.encode())

    def expect(self, text: str, patience: float = PATIENCE) -> str:
        """Read until `text` has appeared since the last `expect`; return what came before."""
        deadline = time.monotonic() + patience
        while text not in self.screen:
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r}; screen so far:\n{self.screen}")
            ready, _, _ = select.select([self._leader], [], [], 1.0)
            if ready:
                try:
                    chunk = os.read(self._leader, 65536)
                except OSError:  # the child closed the terminal
                    chunk = b""
                if not chunk and self.process.poll() is not None:
                    raise AssertionError(f"exited before {text!r}:\n{self.screen}")
                self.screen += _CONTROL.sub("", chunk.decode(errors="replace"))
        before, _, self.screen = self.screen.partition(text)
        return before

    def wait(self) -> int:
        """The exit code, once the child has ended."""
        return self.process.wait(timeout=PATIENCE)

    def close(self) -> None:
        """End the child if it is still running, and let go of the terminal."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=PATIENCE)
        os.close(self._leader)


def _take_terminal() -> None:
    """In the child, in its new session: make the pty its controlling terminal.

    Only then does Ctrl-C on the terminal send SIGINT, as it does for a person typing.
    SIGINT is also reset to its default, as an interactive shell does for what it starts: a
    test run started in the background (`pytest &`, some CI runners) ignores SIGINT, and
    an ignored signal stays ignored across exec, so Python would never see Ctrl-C.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
