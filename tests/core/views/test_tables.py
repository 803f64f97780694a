"""The reader's tables of a laid-over knowledge base equal the tables computed afresh."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

from bot.core.answers.facts import who_said
from bot.core.kb.corpus import KnowledgeBase, load_corpus
from bot.core.kb.layered import Change, layer
from bot.core.views.build import names_of, server_view, warm
from bot.core.views.tables import EXTENDERS
from tests.core.kb.changes import ENTRY_KINDS, file_edit, server_entries, with_entries
from tests.core.views.conftest import Corpus


def test_every_extender_is_exercised(corpus: Corpus) -> None:
    """The questions reach every table an extender patches (so the tests below cover it)."""
    assert set(EXTENDERS) - set(corpus.tables) == set()


class _Watched:
    """A table's computation, noting whether it ever ran over a whole knowledge base."""

    def __init__(self, compute: Callable[[KnowledgeBase], Any], whole: KnowledgeBase) -> None:
        self.compute, self.sizes, self.whole = compute, _sizes(whole), False

    def __call__(self, kb: KnowledgeBase) -> Any:
        self.whole |= _sizes(kb) == self.sizes
        return self.compute(kb)


def _sizes(kb: KnowledgeBase) -> tuple[int, ...]:
    return tuple(len(getattr(kb, t)) for t in ("letters", "quotes", "people", "events"))


#: The tables that take seconds to compute afresh at 100,000 entities: always patched.
HEAVY = frozenset(
    {
        "letter_word_bags",
        "letters_by_word",
        "statement_idf",
        "quote_word_idf",
        "event_word_bags",
        "role_bags",
        "org_description_bags",
    }
)


def _compare(
    corpus: Corpus, view: KnowledgeBase, full: KnowledgeBase, patched: frozenset[str]
) -> list[str]:
    """The tables that differ from a fresh computation, or were not patched though listed."""
    wrong = []
    for name, compute in corpus.tables.items():
        watched = _Watched(compute, view)
        if view.derived(name, watched) != compute(full):
            wrong.append(name)
        elif name in patched and watched.whole:
            wrong.append(f"{name} (computed afresh)")
    return wrong


@pytest.mark.parametrize("kind", ENTRY_KINDS)
def test_server_view_tables_equal_fresh_ones(corpus: Corpus, kind: str) -> None:
    """Patched for a server's entries, each table is what computing it afresh gives."""
    records = server_entries(corpus.kb, kind)
    view, _ = server_view(corpus.kb, corpus.names, records)
    # A server only adds: every extender patches (none has to give up).
    assert _compare(corpus, view, with_entries(corpus.kb, records), frozenset(EXTENDERS)) == []


@pytest.mark.parametrize("rename", [True, False])
def test_edited_file_tables_equal_fresh_ones(corpus: Corpus, rename: bool) -> None:
    """Patched for an edited data file (entries changed, added, removed), the same."""
    for path in sorted({r.location.path for r in corpus.kb.records.values()}):
        change, everything = file_edit(corpus.kb, corpus.data, path, rename)
        view = layer(corpus.kb, change, extenders=EXTENDERS)
        full = KnowledgeBase.from_records(everything)
        assert _compare(corpus, view, full, HEAVY) == [], path


def test_server_view_over_an_edited_start_equals_fresh_tables(corpus: Corpus) -> None:
    """A server's entries laid over a knowledge base that is itself laid over the snapshot."""
    path = sorted({r.location.path for r in corpus.kb.records.values()})[1]
    change, everything = file_edit(corpus.kb, corpus.data, path)
    started = layer(corpus.kb, change, extenders=EXTENDERS)
    warm(started)
    records = server_entries(started, "mixed")
    view, _ = server_view(started, names_of(started, corpus.kb, corpus.names), records)
    full = KnowledgeBase.from_records([*everything, *records])
    assert _compare(corpus, view, full, frozenset()) == []


def test_a_table_made_another_way_is_computed_afresh(corpus: Corpus) -> None:
    """A rarity table not made the way its extender assumes is not patched, but computed."""

    def other_rule(kb: KnowledgeBase) -> dict[str, float]:
        return {w: math.log(2 + x) for w, x in who_said.quote_idf(kb).items()}

    base = load_corpus(corpus.data)
    base.derived("quote_word_idf", other_rule)
    records = server_entries(base, "quote")
    view = layer(base, Change(tuple(records)), extenders=EXTENDERS)
    assert view.derived("quote_word_idf", other_rule) == other_rule(with_entries(base, records))
