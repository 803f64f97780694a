"""Finding and reading the YAML files of a data directory, and saying what was left out.

A data directory can hold things that look like data files and are not: a directory named
`letters.yaml`, a named pipe (reading it would block forever), a symbolic link that points
nowhere or at itself. Each is reported as a problem instead of being skipped in silence, and
nothing but a regular file of bounded size is ever opened.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from bot.core.errors import Problem
from bot.core.kb.limits import MAX_YAML_BYTES

#: Moderators' entries live here inside a data directory; the bundled loader skips it.
COMMUNITY_DIRNAME = "community"
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
#: Line given to problems about a file as a whole (it has no line to point at).
WHOLE_FILE = 0


class UnreadableFileError(Exception):
    """A file that is not read as data: not a regular file, too large, or not UTF-8."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


def data_files(data_dir: Path) -> list[Path]:
    """Every YAML file of a data directory, in a stable order, community entries excluded."""
    return scan_data_dir(data_dir)[0]


def scan_data_dir(data_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The data files under `data_dir`, and a problem for each YAML name that is no file.

    Symbolic links to files are read; links to directories are reported, not followed, so
    a link back up the tree can never loop.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    pending = [data_dir]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as exc:
            problems.append(
                Problem(
                    _shown(folder, data_dir), WHOLE_FILE, f"cannot read directory: {exc.strerror}"
                )
            )
            continue
        for entry in entries:
            path = Path(entry.path)
            if folder == data_dir and entry.name == COMMUNITY_DIRNAME:
                continue
            is_yaml = path.suffix in YAML_SUFFIXES
            try:
                mode = os.stat(path).st_mode
            except OSError as exc:
                if is_yaml or exc.errno == errno.ELOOP:
                    problems.append(
                        Problem(
                            _shown(path, data_dir),
                            WHOLE_FILE,
                            _unreachable(exc, entry.is_symlink()),
                        )
                    )
                continue
            if stat.S_ISDIR(mode):
                if entry.is_symlink():
                    problems.append(
                        Problem(
                            _shown(path, data_dir),
                            WHOLE_FILE,
                            "is a symbolic link to a directory, which is not "
                            "followed; link the files instead",
                        )
                    )
                    continue
                if is_yaml:
                    problems.append(
                        Problem(
                            _shown(path, data_dir), WHOLE_FILE, "is a directory, not a YAML file"
                        )
                    )
                pending.append(path)
            elif is_yaml and stat.S_ISREG(mode):
                files.append(path)
            elif is_yaml:
                problems.append(
                    Problem(
                        _shown(path, data_dir),
                        WHOLE_FILE,
                        f"is {_kind_of(mode)}, not a file; it was not read",
                    )
                )
    return sorted(files), problems


def read_text(path: Path) -> str:
    """The UTF-8 text of a regular file of at most `MAX_YAML_BYTES`; else `UnreadableFileError`.

    The type is checked before opening, so a named pipe is never opened; the open does not
    block either, in case one replaced the file in between.
    """
    try:
        if not stat.S_ISREG(mode := os.stat(path).st_mode):
            raise UnreadableFileError(WHOLE_FILE, f"is {_kind_of(mode)}, not a file")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableFileError(WHOLE_FILE, f"is {_kind_of(info.st_mode)}, not a file")
            data = handle.read(MAX_YAML_BYTES + 1)
    except OSError as exc:
        raise UnreadableFileError(WHOLE_FILE, _unreachable(exc, path.is_symlink())) from None
    if len(data) > MAX_YAML_BYTES:
        size = max(info.st_size, len(data))
        raise UnreadableFileError(
            WHOLE_FILE, f"the file is {size:,} bytes; the limit is {MAX_YAML_BYTES:,}"
        )
    return decode_utf8(data)


def decode_utf8(data: bytes) -> str:
    """`data` as UTF-8 text; `UnreadableFileError` names the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UnreadableFileError(
            line,
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} in column {column} cannot be decoded",
        ) from None


def _shown(path: Path, data_dir: Path) -> str:
    return str(path.relative_to(data_dir)) if path != data_dir else str(path)


def _unreachable(exc: OSError, is_link: bool) -> str:
    if exc.errno == errno.ELOOP:
        return "is a symbolic link loop"
    if exc.errno == errno.ENOENT and is_link:
        return "is a symbolic link to nothing"
    return f"cannot read file: {exc.strerror}"


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"
