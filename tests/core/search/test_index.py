"""The Whoosh index: lifecycle by content hash, recovery, locking, and safe queries."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.answers.ask import ask
from bot.core.errors import IndexBusyError
from bot.core.kb.corpus import load_corpus
from bot.core.scope import Scope
from bot.core.search.index import SearchIndex


def test_fresh_index_holds_every_entity(data_copy: Path, tmp_path: Path) -> None:
    """Opening a missing index builds it with one document per entity."""
    kb = load_corpus(data_copy)
    index = SearchIndex(tmp_path / "index")
    report = index.open(kb)
    assert report.rebuilt and report.added == len(kb.records)
    assert index.document_count() == len(kb.records)
    index.close()


def test_unchanged_data_rewrites_nothing(data_copy: Path, tmp_path: Path) -> None:
    """A second start with the same data syncs zero documents."""
    kb = load_corpus(data_copy)
    SearchIndex(tmp_path / "index").open(kb)
    index = SearchIndex(tmp_path / "index")
    assert index.open(kb).changed == 0
    index.close()


def test_changing_one_entity_reindexes_only_it(data_copy: Path, tmp_path: Path) -> None:
    """Editing one entity's YAML rewrites exactly that document, and search sees the edit."""
    first = SearchIndex(tmp_path / "index")
    first.open(load_corpus(data_copy))
    first.close()
    orgs = data_copy / "organizations.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace("name: No Fence", "name: No Fence Zanzibarian", 1),
        encoding="utf-8",
    )
    kb = load_corpus(data_copy)
    index = SearchIndex(tmp_path / "index")
    report = index.open(kb)
    assert (report.added, report.updated, report.removed) == (0, 1, 0)
    hits = index.search(kb, "zanzibarian").hits
    assert [h.entity_id for h in hits] == ["no-fence"]
    index.close()


def test_removed_entity_is_deleted_from_index(data_copy: Path, tmp_path: Path) -> None:
    """An entity that vanished from data/ is deleted at the next sync."""
    index = SearchIndex(tmp_path / "index")
    kb = load_corpus(data_copy)
    index.open(kb)
    del kb.records["no-fence"]
    assert index.sync(kb).removed == 1
    assert index.document_count() == len(kb.records)
    index.close()


def test_deleted_index_is_rebuilt(
    data_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Deleting the index directory makes the next open rebuild it, with one log line."""
    kb = load_corpus(data_copy)
    SearchIndex(tmp_path / "index").open(kb)
    for path in (tmp_path / "index").iterdir():
        path.unlink()
    index = SearchIndex(tmp_path / "index")
    with caplog.at_level("INFO", logger="bot.core.search.index"):
        assert index.open(kb).rebuilt
    assert len([r for r in caplog.records if "missing" in r.getMessage()]) == 1
    assert index.search(kb, "Odhikar").hits
    index.close()


def test_corrupt_segment_is_rebuilt(
    data_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Garbage in a segment file is detected at open and the index is rebuilt."""
    kb = load_corpus(data_copy)
    SearchIndex(tmp_path / "index").open(kb)
    segments = [p for p in (tmp_path / "index").iterdir() if p.suffix == ".seg"]
    assert segments
    for segment in segments:
        segment.write_bytes(b"\x00garbage" * 64)
    index = SearchIndex(tmp_path / "index")
    with caplog.at_level("WARNING", logger="bot.core.search.index"):
        assert index.open(kb).rebuilt
    assert any("rebuilding" in r.getMessage() for r in caplog.records)
    assert index.search(kb, "Odhikar").hits
    index.close()


def test_second_writer_waits_then_fails_clearly(data_copy: Path, tmp_path: Path) -> None:
    """While one writer holds the lock, another waits its timeout and raises IndexBusyError."""
    kb = load_corpus(data_copy)
    holder = SearchIndex(tmp_path / "index")
    holder.open(kb)
    assert holder._index is not None
    writer = holder._index.writer()
    try:
        other = SearchIndex(tmp_path / "index", lock_timeout=0.5)
        other._index = holder._index
        started = time.monotonic()
        with pytest.raises(IndexBusyError, match="locked by another writer"):
            other.apply(kb, ["no-fence"], [])
        assert time.monotonic() - started >= 0.45
    finally:
        writer.cancel()
        holder.close()


def test_second_writer_succeeds_when_lock_is_released_in_time(
    data_copy: Path, tmp_path: Path
) -> None:
    """A waiting writer proceeds once the first commits within the timeout."""
    kb = load_corpus(data_copy)
    holder = SearchIndex(tmp_path / "index")
    holder.open(kb)
    assert holder._index is not None
    writer = holder._index.writer()
    threading.Timer(0.3, writer.cancel).start()
    other = SearchIndex(tmp_path / "index", lock_timeout=5.0)
    other._index = holder._index
    other.apply(kb, ["no-fence"], [])
    holder.close()


@pytest.mark.parametrize(
    "query",
    [
        "kind:person",
        "name:*",
        "Odhi*",
        "[a TO z]",
        "title:/.*/",
        "Odhikar^100",
        "(((((",
        "AND OR NOT",
        '"unclosed phrase',
        "\x00\x01\x02",
        "🙂" * 50,
        "a" * 10_000,
        "SELECT * FROM letters; --",
        "@everyone",
        "<script>alert(1)</script>",
    ],
)
def test_query_syntax_is_inert(scope: Scope, query: str) -> None:
    """Field, wildcard, range, regex and boost syntax is treated as plain words."""
    results = scope.index.search(scope.kb, query)
    for hit in results.hits:
        assert hit.entity_id in scope.kb.records


def test_wildcard_is_not_expanded(scope: Scope) -> None:
    """ "Odhi*" finds nothing: the star is not a wildcard."""
    assert not scope.index.search(scope.kb, "Odhi*").hits


def test_common_domain_words_do_not_drown_results(scope: Scope) -> None:
    """ "north korea human rights Odhikar" ranks Odhikar first, the common words ignored."""
    results = scope.index.search(scope.kb, "north korea human rights letter Odhikar")
    assert results.hits[0].entity_id == "odhikar"
    assert "korea" in results.ignored_terms


def test_did_you_mean_for_misspelling(scope: Scope) -> None:
    """A misspelt word with no hits gets a spelling suggestion."""
    results = scope.index.search(scope.kb, "humanitarain")
    assert not results.hits and "humanitarian" in results.suggestions


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=400))
def test_any_text_is_safe_to_search(scope: Scope, text: str) -> None:
    """Arbitrary strings never raise and finish in bounded time."""
    started = time.monotonic()
    scope.index.search(scope.kb, text)
    assert time.monotonic() - started < 2.0


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=400) | st.from_regex(r"[A-Za-z:*?~^\[\]()\" -]{0,200}"))
def test_any_text_is_safe_to_ask(scope: Scope, text: str) -> None:
    """Arbitrary questions never raise and always give an answer."""
    started = time.monotonic()
    answer = ask(scope, text)
    assert answer.title
    assert time.monotonic() - started < 2.0
