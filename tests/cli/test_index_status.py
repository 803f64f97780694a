"""`campaign-bot index status`: one word for the index's state, and not one byte written."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.core.kb.corpus import load_corpus
from tests.core.search.helpers import double


@pytest.fixture
def state(tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A state folder of the test's own, over a copy of the data the test may change."""
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("CAMPAIGN_BOT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("CAMPAIGN_BOT_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("CAMPAIGN_BOT_DATA_DIR", str(data_copy))
    return tmp_path / "state"


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under `folder`: its modification time and content digest."""
    return {
        str(p.relative_to(folder)): (
            p.stat().st_mtime_ns,
            hashlib.sha256(p.read_bytes()).hexdigest(),
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _built(state: Path, data: Path) -> None:
    assert main(["index", "rebuild"]) == 0


def _doubled(state: Path, data: Path) -> None:
    _built(state, data)
    double(state / "index", load_corpus(data), trusted_hashes=True)


def _damaged(state: Path, data: Path) -> None:
    _built(state, data)
    (toc,) = (state / "index").glob("_MAIN_*.toc")
    toc.write_bytes(os.urandom(512))


def _stale(state: Path, data: Path) -> None:
    _built(state, data)
    orgs = data / "organizations.yaml"
    orgs.write_text(
        orgs.read_text("utf-8").replace("Human Rights Watch", "HRW Renamed", 1), "utf-8"
    )


@pytest.mark.parametrize(
    ("prepare", "word", "code"),
    [
        (_built, "up to date", 0),
        (_doubled, "doubled", 1),
        (_damaged, "damaged", 1),
        (_stale, "stale", 1),
    ],
    ids=["up-to-date", "doubled", "damaged", "stale"],
)
def test_status_names_the_state_and_writes_nothing(
    state: Path,
    data_copy: Path,
    capsys: pytest.CaptureFixture[str],
    prepare: Callable[[Path, Path], None],
    word: str,
    code: int,
) -> None:
    """Each state is named; the index folder is byte for byte as it was."""
    prepare(state, data_copy)
    before = snapshot(state)
    capsys.readouterr()
    assert main(["index", "status"]) == code
    assert capsys.readouterr().out.startswith(f"index at {state / 'index'}: {word}")
    assert snapshot(state) == before


def test_status_of_a_missing_index_builds_nothing(
    state: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No index: "missing", exit 1, and no folder created for it."""
    assert main(["index", "status"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"index at {state / 'index'}: missing")
    assert "index rebuild" in captured.err
    assert not state.exists()
