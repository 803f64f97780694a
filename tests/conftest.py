"""Shared fixtures: the bundled knowledge base and a real Whoosh index in a temp dir."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.kb.corpus import KnowledgeBase, bundled_data_dir, load_corpus
from bot.core.scope import Scope
from tests.postgres import postgres_server, postgres_url  # noqa: F401 - fixtures, by name


@pytest.fixture(autouse=True)
def _private_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Default local state (bot.config.default_state_dir) goes to the test's own folder.

    Set in the environment, so child processes inherit it: no test touches the real
    ~/.local/share/campaign-bot, and no two tests share one.
    """
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture(scope="session")
def bundled_kb() -> KnowledgeBase:
    """The bundled corpus, loaded once."""
    return load_corpus(bundled_data_dir())


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """An engine over the bundled data with its own index, shared by read-only tests."""
    started = Engine(bundled_data_dir(), tmp_path_factory.mktemp("index"))
    started.start()
    yield started
    started.close()


@pytest.fixture(scope="session")
def scope(engine: Engine) -> Scope:
    """What a server with no community entries sees."""
    return engine.scope(None)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled data that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target, ignore=shutil.ignore_patterns("community"))
    return target
