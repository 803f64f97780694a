"""Laying records over a loaded knowledge base builds what a full load of them builds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.generate import generate, write_corpus
from bot.core.errors import CorpusError
from bot.core.kb.corpus import KnowledgeBase, ParsedFiles, build_knowledge_base, load_corpus
from bot.core.kb.knowledge import FIELDS
from bot.core.kb.layered import Change, delta_of, detached, lay_over, layer
from bot.core.kb.models import EntityRecord, Location
from bot.core.kb.schema import Reference
from tests.core.kb.changes import ENTRY_KINDS, file_edit, server_entries, with_entries

#: Tables whose order answers may depend on (kept in load order); links compare as dicts.
ORDERED = (
    "sources",
    "organizations",
    "people",
    "letters",
    "quotes",
    "events",
    "signatory_entries",
    "demand_entries",
    "records",
)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeBase, Path]:
    """A generated corpus of 800 entities in several files, loaded."""
    data = tmp_path_factory.mktemp("synthetic") / "data"
    write_corpus(generate(800), data)
    return load_corpus(data), data


def differences(view: KnowledgeBase, full: KnowledgeBase) -> list[str]:
    """The fields in which two knowledge bases differ (tables in order, links as dicts)."""
    found = []
    for name in sorted(FIELDS - {"_derived", "_inputs", "_layer"}):
        mine, theirs = getattr(view, name), getattr(full, name)
        if name in ORDERED and list(mine.items()) != list(theirs.items()):
            found.append(name)
        elif mine != theirs:
            found.append(name)
    return found


@pytest.mark.parametrize("kind", ENTRY_KINDS)
def test_server_entries_laid_over_build_what_a_full_load_builds(
    synthetic: tuple[KnowledgeBase, Path], kind: str
) -> None:
    """Every table, merged letter and reverse link equals a load of everything together."""
    kb, _ = synthetic
    records = server_entries(kb, kind)
    assert differences(layer(kb, Change(tuple(records))), with_entries(kb, records)) == []


@pytest.mark.parametrize("kind", ["signatory", "demand", "mixed"])
def test_unmerged_view_for_the_index_matches_too(
    synthetic: tuple[KnowledgeBase, Path], kind: str
) -> None:
    """Without merging, the server's signatories and demands stay entries of their own."""
    kb, _ = synthetic
    records = server_entries(kb, kind)
    full = KnowledgeBase.from_records([*kb.records.values(), *records], merge_additions=False)
    view = layer(kb, Change(tuple(records)), merge_additions=False)
    assert differences(view, full) == []


@pytest.mark.parametrize("reshape", [True, False], ids=["entries-added-removed", "in-place"])
def test_edited_data_file_laid_over_builds_what_a_full_load_builds(
    synthetic: tuple[KnowledgeBase, Path], reshape: bool
) -> None:
    """Edited, added and removed entries of a file take their places in load order."""
    kb, data = synthetic
    for path in sorted({r.location.path for r in kb.records.values()}):
        change, everything = file_edit(kb, data, path, reshape=reshape)
        assert differences(layer(kb, change), KnowledgeBase.from_records(everything)) == [], path


def test_untouched_tables_are_the_bases_own(synthetic: tuple[KnowledgeBase, Path]) -> None:
    """A server's quotes leave the organisations, people and letters shared, not copied."""
    kb, _ = synthetic
    view = layer(kb, Change(tuple(server_entries(kb, "quote"))))
    assert view.organizations is kb.organizations
    assert view.people is kb.people
    assert view.letters is kb.letters
    assert view.quotes is not kb.quotes


def test_derived_values_are_shared_unless_what_they_read_changed(
    synthetic: tuple[KnowledgeBase, Path],
) -> None:
    """A value computed from organisations is the base's; one from quotes is the view's own."""
    kb, _ = synthetic

    def org_count(base: KnowledgeBase) -> int:
        return len(base.organizations)

    def said(base: KnowledgeBase) -> list[str]:
        return sorted(q.id for q in base.quotes.values())

    kb.derived("test_org_count", org_count)
    kb.derived("test_said", said)
    records = server_entries(kb, "quote")
    view = layer(kb, Change(tuple(records)))
    assert kb.inputs("test_org_count") == {"organizations"}
    assert view.derived("test_org_count", org_count) == len(kb.organizations)
    assert view.derived("test_said", said) == said(with_entries(kb, records))
    assert view.derived("test_said", said) != kb.derived("test_said", said)


def test_methods_read_through_the_recorder(synthetic: tuple[KnowledgeBase, Path]) -> None:
    """A value computed with `name_of` depends on the records it looked names up in."""
    kb, _ = synthetic

    def first_name(base: KnowledgeBase) -> str:
        return base.name_of(min(base.people))

    kb.derived("test_first_name", first_name)
    assert kb.inputs("test_first_name") == {"people", "records"}


def test_detached_view_keeps_its_values_without_its_base(
    synthetic: tuple[KnowledgeBase, Path],
) -> None:
    """A detached view is an ordinary knowledge base with the view's tables and values."""
    kb, _ = synthetic
    view = layer(kb, Change(tuple(server_entries(kb, "letter"))))
    view.derived("test_letters", lambda base: len(base.letters))
    alone = detached(view)
    assert delta_of(alone) is None and delta_of(view) is not None
    assert differences(alone, view) == []
    assert alone.derived("test_letters", lambda base: -1) == len(kb.letters) + 3


def _problems(
    records: list[EntityRecord], references: list[Reference], kb: KnowledgeBase
) -> tuple[list[str], list[str]]:
    """Problems of laying records over `kb`, and of loading them with all of `kb`'s."""
    parsed = ParsedFiles(records=records, references=references)
    with pytest.raises(CorpusError) as laid:
        lay_over(kb, parsed)
    everything = ParsedFiles(records=[*kb.records.values(), *records], references=references)
    with pytest.raises(CorpusError) as loaded:
        build_knowledge_base(everything)
    return [str(p) for p in laid.value.problems], [str(p) for p in loaded.value.problems]


def test_entries_are_checked_against_the_base_as_a_full_load_checks_them(
    bundled_kb: KnowledgeBase,
) -> None:
    """A reused id, an unknown link and a link of the wrong kind: the same problems."""
    quote = next(iter(bundled_kb.quotes.values()))
    reused = EntityRecord(quote, Location("7/a.yaml", 1), "a")
    fresh = EntityRecord(replace(quote, id="g-new"), Location("7/b.yaml", 1), "b")
    references = [
        Reference("nobody-at-all", ("person",), "7/b.yaml", 1, "speaker"),
        Reference(quote.speaker, ("letter", "event"), "7/b.yaml", 2, "about"),
    ]
    laid, loaded = _problems([reused, fresh], references, bundled_kb)
    assert laid == loaded
    assert [p.split(": ", 1)[1].split(" ")[0:2] for p in laid] == [
        ["duplicate", "id"],
        ["'speaker'", "refers"],
        ["'about'", "must"],
    ]
