"""A damaged or doubled index heals itself at the next start, and `inspect` reports it first."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.answers import kinds as answers
from bot.core.engine import Engine
from bot.core.kb.corpus import KnowledgeBase, load_corpus
from bot.core.search.index import SearchIndex
from tests.core.search.helpers import double

LOGGER = "bot.core.search.index"


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:20])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(512))


def _toc(directory: Path) -> Path:
    (toc,) = directory.glob("_MAIN_*.toc")
    return toc


@pytest.mark.parametrize(
    "damage", [_truncate, _empty, _garbage], ids=["truncated", "emptied", "garbage"]
)
def test_damaged_toc_is_rebuilt_at_next_start(
    data_copy: Path,
    tmp_path: Path,
    damage: Callable[[Path], None],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A truncated, emptied or garbage table of contents: the next start rebuilds, one line."""
    first = Engine(data_copy, tmp_path / "index")
    first.start()
    first.close()
    damage(_toc(tmp_path / "index"))
    engine = Engine(data_copy, tmp_path / "index")
    assert engine.inspect().problem is not None
    with caplog.at_level(logging.INFO, logger=LOGGER):
        assert engine.start().rebuilt
    assert len([r for r in caplog.records if "rebuilding" in r.getMessage()]) == 1
    answer = engine.call(answers.search, None, "Odhikar")
    assert answer.found and answer.sections[0].items[0].entity_id == "odhikar"
    assert engine.inspect().healthy
    engine.close()


def test_damaged_toc_is_reported_in_one_line(data_copy: Path, tmp_path: Path) -> None:
    """`inspect` names the damage in one line and leaves the directory as it was."""
    kb = load_corpus(data_copy)
    built = SearchIndex(tmp_path / "index")
    built.open(kb)
    built.close()
    _garbage(_toc(tmp_path / "index"))
    before = sorted((p.name, p.stat().st_mtime_ns) for p in (tmp_path / "index").iterdir())
    health = SearchIndex(tmp_path / "index").inspect(kb)
    assert not health.healthy and health.problem and health.problem.startswith("damaged")
    assert "\n" not in health.describe()
    assert sorted((p.name, p.stat().st_mtime_ns) for p in (tmp_path / "index").iterdir()) == before


@pytest.mark.parametrize(
    "trusted_hashes", [False, True], ids=["hashes-file-stale", "hashes-file-current"]
)
def test_doubled_index_is_reported_then_healed_at_start(
    data_copy: Path, tmp_path: Path, trusted_hashes: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """Every document twice: `inspect` counts the duplicates, the next start rebuilds."""
    kb = load_corpus(data_copy)
    first = SearchIndex(tmp_path / "index")
    first.open(kb)
    first.close()
    double(tmp_path / "index", kb, trusted_hashes)

    index = SearchIndex(tmp_path / "index")
    health = index.inspect(kb)
    assert (health.documents, health.unique, health.duplicates) == (
        2 * len(kb.records),
        len(kb.records),
        len(kb.records),
    )
    assert not health.healthy and "duplicate" in health.describe()

    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert index.open(kb).rebuilt
    assert len([r for r in caplog.records if "doubled" in r.getMessage()]) == 1
    assert index.document_count() == len(kb.records)
    assert index.inspect(kb).healthy
    hits = [h.entity_id for h in index.search(kb, "Odhikar", limit=50).hits]
    assert hits and len(hits) == len(set(hits))
    index.close()


def test_stale_and_missing_documents_are_counted(data_copy: Path, tmp_path: Path) -> None:
    """An entity edited and one removed since the build show as stale and unknown."""
    kb = load_corpus(data_copy)
    index = SearchIndex(tmp_path / "index")
    index.open(kb)
    index.close()
    orgs = data_copy / "organizations.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace("name: No Fence", "name: No Fence Renamed", 1),
        encoding="utf-8",
    )
    changed = load_corpus(data_copy)
    del changed.records["odhikar"]
    health = index.inspect(changed)
    assert (health.stale, health.unknown, health.missing, health.duplicates) == (1, 1, 0, 0)
    assert not health.healthy


def test_missing_index_is_reported_not_built(tmp_path: Path, bundled_kb: KnowledgeBase) -> None:
    """`inspect` of a directory never built says so and creates nothing."""
    health = SearchIndex(tmp_path / "index").inspect(bundled_kb)
    assert health.problem == "not built yet" and not (tmp_path / "index").exists()


def test_rebuild_of_a_healthy_index_keeps_one_document_per_entity(
    data_copy: Path, tmp_path: Path
) -> None:
    """Rebuilding over an index replaces its segments: the count stays one per entity."""
    kb = load_corpus(data_copy)
    index = SearchIndex(tmp_path / "index")
    index.open(kb)
    for _ in range(3):
        assert index.rebuild(kb).added == len(kb.records)
    assert index.document_count() == len(kb.records)
    assert index.inspect(kb).healthy
    index.close()
