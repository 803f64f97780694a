"""The name table of a laid-over knowledge base equals the table built anew."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.layered import Change, delta_of, layer
from bot.core.kb.models import EntityRecord, Location, Organization, Person, Role
from bot.core.search.names import NameIndex
from bot.core.views.build import names_of
from bot.core.views.names import layer_names
from tests.core.kb.changes import ENTRY_KINDS, file_edit, server_entries
from tests.core.views.conftest import Corpus


def differences(table: NameIndex, fresh: NameIndex) -> list[str]:
    """What differs between two name tables (word → ids compared as sets)."""
    wrong = [
        a
        for a in (
            "aliases",
            "vocabulary",
            "_vocab_list",
            "_alias_list",
            "_display",
            "_acronyms",
            "_acronym_letters",
        )
        if getattr(table, a) != getattr(fresh, a)
    ]
    if {w: set(i) for w, i in table._by_word.items()} != {
        w: set(i) for w, i in fresh._by_word.items()
    }:
        wrong.append("_by_word")
    if list(table._kinds.items()) != list(fresh._kinds.items()):
        wrong.append("_kinds")  # in id order: autocomplete breaks ties by it
    return wrong


def patched(corpus_kb: KnowledgeBase, names: NameIndex, view: KnowledgeBase) -> NameIndex:
    delta = delta_of(view)
    assert delta is not None
    table = layer_names(names, corpus_kb, view, delta)
    assert table is not None
    return table


@pytest.mark.parametrize("kind", ENTRY_KINDS)
def test_server_entries_names_equal_a_fresh_table(corpus: Corpus, kind: str) -> None:
    """Names, surnames (a namesake makes one ambiguous) and roles of a server's entries."""
    view = layer(corpus.kb, Change(tuple(server_entries(corpus.kb, kind))))
    table = patched(corpus.kb, corpus.names, view)
    assert differences(table, NameIndex(view.entities())) == []


@pytest.mark.parametrize("rename", [True, False])
def test_edited_file_names_equal_a_fresh_table(corpus: Corpus, rename: bool) -> None:
    """Renamed organisations re-prefix their people's roles; removed names leave the table."""
    for path in sorted({r.location.path for r in corpus.kb.records.values()}):
        change, _ = file_edit(corpus.kb, corpus.data, path, rename)
        view = layer(corpus.kb, change)
        table = patched(corpus.kb, corpus.names, view)
        assert differences(table, NameIndex(view.entities())) == [], path


def test_a_name_hiding_a_role_is_decided_by_a_fresh_table(corpus: Corpus) -> None:
    """An organisation named like a role hides the role holders; renamed, it gives them back.

    The base's table cannot show who held the role, so the table is built anew.
    """
    org = next(o for o in corpus.kb.organizations.values() if not o.aliases)
    holder = next(p for p in corpus.kb.people.values() if p.roles)
    shadow = replace(org, id="g-shadow", name="Chief Quokka Envoy", aliases=())
    envoy = replace(holder, id="g-envoy", roles=(Role("Chief Quokka Envoy"),), aliases=())
    records = [
        EntityRecord(shadow, Location("x.yaml", 1), "h1"),
        EntityRecord(envoy, Location("x.yaml", 2), "h2"),
    ]
    base = layer(corpus.kb, Change(tuple(records)))
    base_names = NameIndex(base.entities())
    assert base_names.aliases["chief quokka envoy"] == {"g-shadow"}
    renamed = EntityRecord(replace(shadow, name="Quokka Relief"), Location("x.yaml", 1), "h3")
    view = layer(base, Change((renamed,)))
    delta = delta_of(view)
    assert delta is not None
    assert layer_names(base_names, base, view, delta) is None
    fresh = names_of(view, base, base_names)
    assert fresh.aliases["chief quokka envoy"] == {"g-envoy"}
    assert isinstance(view.get("g-shadow"), Organization)
    assert isinstance(view.get("g-envoy"), Person)
