"""A real PostgreSQL server for the tests: the one .ci/run started, or a throwaway one.

`CAMPAIGN_BOT_TEST_DATABASE_URL` (exported by .ci/run) names a server the tests may create
and drop databases on. Without it, a server is started in a temporary folder when Debian's
binaries are installed (initdb and pg_ctl under /usr/lib/postgresql/*/bin), as `nobody`
when the tests run as root, since initdb refuses root. Only when neither is possible are
the PostgreSQL cases skipped, and the reason says how to get them.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

TEST_URL_ENV = "CAMPAIGN_BOT_TEST_DATABASE_URL"
SKIP_REASON = (
    f"no PostgreSQL server: set {TEST_URL_ENV} or install Debian's postgresql "
    "package (bash .ci/run does both)"
)


def find_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: the newest Debian cluster version, or PATH."""
    for folder in sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        reverse=True,
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
    ):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    return None


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """Run as `nobody` when we are root: initdb and postgres refuse to run as root."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "nobody", "--", *command]


def start_server(binaries: Path, folder: Path) -> tuple[str, list[str]]:
    """Create a cluster in `folder` and start its server on a free loopback port.

    Returns the superuser URL and the command that stops the server. fsync is off: the
    cluster is thrown away, and the tests measure behaviour, not disk speed.
    """
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
    _run(
        _as_server_user(
            [
                str(binaries / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ]
        )
    )
    port = free_port()
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c full_page_writes=off"
    _run(
        _as_server_user(
            [
                str(binaries / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "server.log"),
                "-o",
                options,
                "-w",
                "start",
            ]
        )
    )
    stop = _as_server_user(
        [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
    )
    return f"postgresql://postgres@127.0.0.1:{port}/postgres", stop


def _run(command: list[str]) -> None:
    """Run a server command; on failure raise with what it printed, not just its status."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"{command[0] if command[0] != 'runuser' else command[4]} failed "
            f"({done.returncode}): {done.stderr.strip() or done.stdout.strip()}"
        )


def with_database(url: str, name: str) -> str:
    """`url` pointing at another database on the same server."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A superuser URL of a running server (skips when none can be had)."""
    given = os.environ.get(TEST_URL_ENV, "").strip()
    if given:
        yield given
        return
    binaries = find_binaries()
    if binaries is None:
        pytest.skip(SKIP_REASON)
    # Not under pytest's own temp folder: that is private to root, and the server runs as
    # nobody when we are root.
    folder = Path(tempfile.mkdtemp(prefix="campaign-bot-postgres-"))
    try:
        url, stop = start_server(binaries, folder)
        try:
            yield url
        finally:
            subprocess.run(stop, check=False, capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database of its own for one test, dropped afterwards."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        # FILE_COPY copies the empty template in a tenth of a second; the default
        # (WAL_LOG, PostgreSQL 15+) logs every page, which costs more for a tiny database.
        strategy = " STRATEGY FILE_COPY" if admin.info.server_version >= 150000 else ""
        admin.execute(f'CREATE DATABASE "{name}"{strategy}')  # our own generated name
    try:
        yield with_database(postgres_server, name)
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def set_reachable(url: str, reachable: bool) -> None:
    """Take a database down for its clients (or bring it back), as an outage would.

    New connections are refused and every open one is cut, exactly what clients see when
    the server stops; the other tests' databases on the same server are untouched.
    """
    name = urlsplit(url).path.strip("/")
    admin_url = with_database(url, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS {str(reachable).lower()}')
        if not reachable:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
