"""A moderator's YAML import goes through parse_yaml: hostile files are refused, not run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.errors import ValidationError
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.community import LOCK_NAME
from bot.core.moderation.service import Moderation
from tests.core.kb.hostile import HOSTILE

GUILD = 1001
#: Large enough for every hostile file, as an operator may configure it.
MAX_BYTES = 3_000_000


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One engine for the module: every import here is refused, so none changes it."""
    root = tmp_path_factory.mktemp("imports")
    started = Engine(bundled_data_dir(), root / "index", community_dir=root / "community")
    started.start()
    yield started
    started.close()


def written(engine: Engine) -> list[Path]:
    """Every file under the community folder but the write lock (taken before parsing)."""
    assert engine.community is not None
    return sorted(p for p in engine.community.root.rglob("*") if p.name != LOCK_NAME)


def refusal(engine: Engine, data: bytes) -> str:
    """The one problem a refused import reports; nothing may be written."""
    before = written(engine)
    with pytest.raises(ValidationError) as caught:
        Moderation(engine).plan_import(GUILD, "entries.yaml", data, MAX_BYTES)
    assert written(engine) == before
    assert engine.community is not None and engine.community.changelog.history(GUILD) == []
    (problem,) = caught.value.problems
    return problem


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_import_is_refused_at_its_line(engine: Engine, name: str) -> None:
    """Each hostile YAML file is one problem naming its line, and nothing is written."""
    hostile = HOSTILE[name]
    problem = refusal(engine, hostile.data)
    assert problem.startswith(f"Line {hostile.line}: ") and hostile.message in problem


def test_non_utf8_import_names_its_line(engine: Engine) -> None:
    """Bytes that are not UTF-8 are refused with the line they are on."""
    problem = refusal(engine, b"quotes:\n  - id: q\n    text: caf\xe9\n")
    assert problem == "Line 3: the file is not UTF-8 text."
