"""`campaign-bot db copy`: the real console script moving a deployment to PostgreSQL and back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.core.storage.test_copy import files_deployment

ROOT = Path(__file__).resolve().parents[2]


def campaign_bot(home: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with its state in `home` and the database at `url`."""
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPAIGN_BOT_")}
    env.update({"CAMPAIGN_BOT_STATE_DIR": str(home), "CAMPAIGN_BOT_DATABASE_URL": url})
    return subprocess.run(
        [sys.executable, "-m", "bot.cli.main", *args],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_copy_there_and_back_in_one_line_each(tmp_path: Path, postgres_url: str) -> None:
    """Each copy says what it copied in one line; the files come back as they were."""
    files_deployment(tmp_path / "a")
    there = campaign_bot(tmp_path / "a", postgres_url, "db", "copy", "--to", "postgres")
    assert there.returncode == 0, there.stderr
    assert there.stdout.startswith("copied 4 entries, 6 changes, 5 usage rows and 1 votes")
    assert len(there.stdout.splitlines()) == 1

    back = campaign_bot(tmp_path / "b", postgres_url, "db", "copy", "--to", "files")
    assert back.returncode == 0, back.stderr
    assert sorted(p.name for p in (tmp_path / "b" / "community").iterdir()) == sorted(
        p.name for p in (tmp_path / "a" / "community").iterdir() if not p.name.startswith(".")
    )


def test_a_second_copy_is_refused_in_one_line(tmp_path: Path, postgres_url: str) -> None:
    """Copying into a database that holds state exits 2 and says why, changing nothing."""
    files_deployment(tmp_path)
    assert campaign_bot(tmp_path, postgres_url, "db", "copy", "--to", "postgres").returncode == 0
    again = campaign_bot(tmp_path, postgres_url, "db", "copy", "--to", "postgres")
    assert again.returncode == 2
    assert "already holds state" in again.stderr and len(again.stderr.splitlines()) == 1


def test_without_a_database_url_it_says_what_to_set(tmp_path: Path) -> None:
    """No database_url: a configuration error naming the setting."""
    done = campaign_bot(tmp_path, "", "db", "copy", "--to", "postgres")
    assert done.returncode == 2
    assert "database_url" in done.stderr
