"""A name the core corrected is shown corrected: "Understood as" in the terminal too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.cli.questions import corrected
from bot.core.scope import Scope


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("CAMPAIGN_BOT_"):
            monkeypatch.delenv(key)


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["person", "Brad Adms"], "Brad Adams"),
        (["org", "Human Rigths Watch"], "Human Rights Watch"),
    ],
)
def test_a_corrected_name_is_shown_as_understood(
    argv: list[str], name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`person "Brad Adms"` answers about Brad Adams and says that is how it read it."""
    assert main(argv) == 0
    title, underline, understood, *_ = capsys.readouterr().out.splitlines()
    assert title == name and set(underline) == {"="}
    assert understood.startswith("Understood as: ") and name in understood


@pytest.mark.parametrize(
    ("typed", "resolved", "expected"),
    [
        ("Brad Adms", "Brad Adams", True),
        ("brad adams", "Brad Adams", False),
        ("HRW", "Human Rights Watch", False),  # an alias is a name, not a correction
        ("Human Rigths Watch", "Human Rights Watch", True),
        ("Quintana", "Tomas Ojea Quintana", False),
    ],
)
def test_corrected(scope: Scope, typed: str, resolved: str, expected: bool) -> None:
    """A correction is a name typed that is neither the entity's name nor an alias of it."""
    assert corrected(scope, typed, resolved) is expected
