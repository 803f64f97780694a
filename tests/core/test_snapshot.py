"""Start-up caches: the corpus snapshot, the index's hashes file, and remembered searches."""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import engine as engine_module
from bot.core.engine import Engine
from bot.core.kb import yamlsource
from bot.core.kb.corpus import KnowledgeBase, load_corpus
from bot.core.search.index import HASHES_FILE, SearchIndex
from bot.core.search.names import NameIndex
from bot.core.snapshot import (
    PARSED_FILE,
    SNAPSHOT_FILE,
    code_digest,
    file_digests,
    fingerprint,
    load_snapshot,
)

RENAME = ("name: No Fence", "name: No Fence Zanzibarian")


def _no_yaml(directory: Path) -> KnowledgeBase:
    raise AssertionError("the corpus was parsed although the snapshot was current")


def _never(kb: KnowledgeBase) -> object:
    raise AssertionError("a reader table was computed again although it was kept")


def _rename_no_fence(data: Path) -> None:
    orgs = data / "organizations.yaml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace(*RENAME, 1), encoding="utf-8")


def test_second_start_loads_the_snapshot(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A start with unchanged data reads the snapshot instead of the YAML files."""
    first = Engine(data_copy, tmp_path / "index")
    first.start()
    first.close()
    assert (tmp_path / "index" / SNAPSHOT_FILE).exists()
    monkeypatch.setattr(engine_module, "load_corpus", _no_yaml)
    second = Engine(data_copy, tmp_path / "index")
    report = second.start()
    assert report.changed == 0
    assert list(second.kb.records.items()) == list(first.kb.records.items())
    assert second.kb.letters == first.kb.letters and second.kb.people == first.kb.people
    assert second.kb.derived("role_bags", _never) == first.kb.derived("role_bags", _never)
    assert second.names.aliases == first.names.aliases
    second.close()


def test_edited_file_is_laid_over_the_snapshot(data_copy: Path, tmp_path: Path) -> None:
    """Only the edited file is parsed; the result is what a full load gives, and is indexed.

    What the file parsed to is kept beside the old snapshot at once; the snapshot of what
    was loaded is written when the engine closes.
    """
    first = Engine(data_copy, tmp_path / "index")
    first.start()
    first.close()
    _rename_no_fence(data_copy)
    second = Engine(data_copy, tmp_path / "index")
    report = second.start()
    assert second.kb.organizations["no-fence"].name == "No Fence Zanzibarian"
    assert report.updated == 1
    assert [h.entity_id for h in second.index.search(second.kb, "zanzibarian").hits] == ["no-fence"]
    full = load_corpus(data_copy)
    assert list(second.kb.records.items()) == list(full.records.items())
    assert second.names.aliases == NameIndex(full.entities()).aliases
    before = load_snapshot(tmp_path / "index" / SNAPSHOT_FILE, code_digest())
    assert before is not None and before.files != file_digests(data_copy)
    assert (tmp_path / "index" / PARSED_FILE).exists()
    second.close()
    after = load_snapshot(tmp_path / "index" / SNAPSHOT_FILE, code_digest())
    assert after is not None and after.files == file_digests(data_copy)
    assert list(after.kb.records.items()) == list(full.records.items())
    assert not (tmp_path / "index" / PARSED_FILE).exists()


CRASHING_START = """
import os, sys
from pathlib import Path
from bot.core.engine import Engine
Engine(Path(sys.argv[1]), Path(sys.argv[2])).start()
os._exit(0)  # gone without closing: the snapshot is not written
"""


def test_after_a_crash_the_changed_file_is_not_parsed_again(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the changed file parsed to was kept at start: the next start reads no YAML."""
    first = Engine(data_copy, tmp_path / "index")
    first.start()
    first.close()
    _rename_no_fence(data_copy)
    crashed = subprocess.run(
        [sys.executable, "-c", CRASHING_START, str(data_copy), str(tmp_path / "index")],
        check=False,
    )
    assert crashed.returncode == 0
    assert (tmp_path / "index" / PARSED_FILE).exists()
    monkeypatch.setattr(engine_module, "load_corpus", _no_yaml)
    monkeypatch.setattr(yamlsource, "read_text", _no_yaml)
    third = Engine(data_copy, tmp_path / "index")
    assert third.start().changed == 0
    assert third.kb.organizations["no-fence"].name == "No Fence Zanzibarian"
    third.close()


EXTRA_SOURCE = """
  - id: quokka-wire-2024
    publisher: Quokka Wire
    title: "A source nothing links to"
    date: "2024-01-01"
"""


def test_removed_entry_means_a_full_load(data_copy: Path, tmp_path: Path) -> None:
    """An entry removed from a file may still be linked from another: all files are read."""
    sources = data_copy / "sources.yaml"
    original = sources.read_text(encoding="utf-8")
    sources.write_text(original + EXTRA_SOURCE, encoding="utf-8")
    first = Engine(data_copy, tmp_path / "index")
    first.start()
    first.close()
    sources.write_text(original, encoding="utf-8")
    second = Engine(data_copy, tmp_path / "index")
    report = second.start()
    assert report.removed == 1
    assert list(second.kb.records) == list(load_corpus(data_copy).records)
    second.close()
    snapshot = load_snapshot(tmp_path / "index" / SNAPSHOT_FILE, code_digest())
    assert snapshot is not None and snapshot.files == file_digests(data_copy)


def test_added_entry_is_laid_over_in_its_files_place(data_copy: Path, tmp_path: Path) -> None:
    """A new entry in a file comes where a full load puts it, and is indexed."""
    first = Engine(data_copy, tmp_path / "index")
    first.start()
    first.close()
    sources = data_copy / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + EXTRA_SOURCE, encoding="utf-8")
    second = Engine(data_copy, tmp_path / "index")
    assert second.start().added == 1
    assert list(second.kb.records) == list(load_corpus(data_copy).records)
    second.close()


def test_damaged_snapshot_is_ignored(data_copy: Path, tmp_path: Path) -> None:
    """A snapshot that cannot be read only means a full load."""
    first = Engine(data_copy, tmp_path / "index")
    first.start()
    first.close()
    (tmp_path / "index" / SNAPSHOT_FILE).write_bytes(b"not a pickle")
    second = Engine(data_copy, tmp_path / "index")
    second.start()
    assert second.kb.records.keys() == first.kb.records.keys()
    second.close()


def test_rebuild_leaves_a_snapshot(data_copy: Path, tmp_path: Path) -> None:
    """Rebuilding wipes the index directory, and writes the snapshot again afterwards."""
    engine = Engine(data_copy, tmp_path / "index")
    engine.start()
    engine.rebuild()
    engine.close()
    snapshot = load_snapshot(tmp_path / "index" / SNAPSHOT_FILE, code_digest())
    assert snapshot is not None and snapshot.files == file_digests(data_copy)


def test_snapshot_of_other_data_is_not_used(data_copy: Path, tmp_path: Path) -> None:
    """The fingerprint covers every data file's bytes."""
    before = fingerprint(data_copy)
    _rename_no_fence(data_copy)
    assert fingerprint(data_copy) != before


def test_hashes_file_of_another_commit_is_ignored(data_copy: Path, tmp_path: Path) -> None:
    """A hashes file that does not match the latest commit is not trusted."""
    kb = load_corpus(data_copy)
    first = SearchIndex(tmp_path / "index")
    first.open(kb)
    first.close()
    path = tmp_path / "index" / HASHES_FILE
    tag, generation, _ = marshal.loads(path.read_bytes())  # noqa: S302 - our own file
    path.write_bytes(marshal.dumps((tag, generation + 1, {})))
    second = SearchIndex(tmp_path / "index")
    assert second.open(kb).changed == 0
    second.close()


def test_hashes_file_is_written_and_used(data_copy: Path, tmp_path: Path) -> None:
    """After a commit the hashes file lists every entity's content hash."""
    kb = load_corpus(data_copy)
    index = SearchIndex(tmp_path / "index")
    index.open(kb)
    index.close()
    _, _, stored = marshal.loads((tmp_path / "index" / HASHES_FILE).read_bytes())  # noqa: S302
    assert stored == {eid: r.content_hash for eid, r in kb.records.items()}


def test_remembered_search_is_forgotten_after_a_commit(data_copy: Path, tmp_path: Path) -> None:
    """A search repeated after an entity changed sees the change."""
    kb = load_corpus(data_copy)
    index = SearchIndex(tmp_path / "index")
    index.open(kb)
    assert not index.search(kb, "zanzibarian").hits
    _rename_no_fence(data_copy)
    changed = load_corpus(data_copy)
    index.sync(changed)
    assert [h.entity_id for h in index.search(changed, "zanzibarian").hits] == ["no-fence"]
    index.close()


def test_name_lookups_are_remembered_but_not_pickled(bundled_kb: KnowledgeBase) -> None:
    """Repeated fuzzy lookups give equal answers; a pickled table starts with none."""
    import pickle

    names = NameIndex(bundled_kb.entities())
    first = names.lookup("human rigts wach")
    assert names.lookup("human rigts wach") == first
    copy = pickle.loads(pickle.dumps(names))  # noqa: S301 - our own object
    assert copy.lookup("human rigts wach") == first
    assert not pickle.loads(pickle.dumps(names))._lookups  # noqa: S301


def test_only_the_tables_built_at_load_are_kept(data_copy: Path, tmp_path: Path) -> None:
    """A table computed later, by code that does not invalidate the snapshot, is not kept.

    Kept, it would outlive an edit of the code that computes it.
    """
    first = Engine(data_copy, tmp_path / "index")
    first.start()
    first.close()
    _rename_no_fence(data_copy)
    engine = Engine(data_copy, tmp_path / "index")
    engine.start()  # laid over the snapshot, which is written again at close
    engine.kb.derived("computed_after_load", lambda kb: len(kb.letters))
    engine.close()
    snapshot = load_snapshot(tmp_path / "index" / SNAPSHOT_FILE, code_digest())
    assert snapshot is not None
    assert snapshot.kb.has_derived("role_bags")
    assert not snapshot.kb.has_derived("computed_after_load")
