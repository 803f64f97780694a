"""Standard output that outlives its reader: `campaign-bot … | head` ends quietly.

When the reader of a pipe goes away, every later write would raise BrokenPipeError, from
whichever print happened to flush, or from the interpreter's last flush after `main`
returned (a traceback and exit code 120). Instead the first failed write sends the rest
of the output to /dev/null, as `cat` would, and the command carries on to its own exit
code: whether an answer was found, whether the data is valid, whether a chart was written
does not depend on who read the output.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from typing import TextIO, cast


class _PipeSafe(io.TextIOBase):
    """A text stream that forwards to `stream` until its reader is gone, then discards."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self.closed_by_reader = False

    # input() uses readline (history, Tab) only if stdout's fileno, encoding and errors
    # are those of the terminal: all three are delegated.
    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self._stream.errors

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not self.closed_by_reader:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._reader_gone()
        return len(text)

    def flush(self) -> None:
        if not self.closed_by_reader:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._reader_gone()

    def _reader_gone(self) -> None:
        """Point the descriptor at /dev/null, so the buffered rest is flushed harmlessly."""
        self.closed_by_reader = True
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)


@contextlib.contextmanager
def pipe_safe_stdout() -> Iterator[None]:
    """Within the block, `sys.stdout` survives a closed pipe; it is flushed on the way out."""
    real = sys.stdout
    safe = _PipeSafe(real)
    sys.stdout = cast(TextIO, safe)
    try:
        yield
    finally:
        safe.flush()
        sys.stdout = real
