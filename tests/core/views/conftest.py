"""A generated corpus with its index, and every reader table's own code, for the views tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate, write_corpus
from benchmarks.questions import question_mix
from bot.core.answers import kinds
from bot.core.answers.ask import ask
from bot.core.kb.corpus import KnowledgeBase, load_corpus
from bot.core.scope import Scope
from bot.core.search.index import SearchIndex
from bot.core.search.names import NameIndex
from bot.core.views.build import warm


@dataclass
class Corpus:
    """A loaded corpus, its files, its name table, and the reader tables' computations."""

    kb: KnowledgeBase
    data: Path
    names: NameIndex
    tables: dict[str, Callable[[KnowledgeBase], Any]]


@pytest.fixture(scope="package")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """800 generated entities; every table the reader builds, found by answering questions."""
    data = tmp_path_factory.mktemp("views") / "data"
    write_corpus(generate(800), data)
    kb = load_corpus(data)
    names = NameIndex(kb.entities())
    index = SearchIndex(tmp_path_factory.mktemp("views-index"))
    index.open(kb)
    tables: dict[str, Callable[[KnowledgeBase], Any]] = {}
    derived = KnowledgeBase.derived

    def noting(self: KnowledgeBase, name: str, compute: Callable[[KnowledgeBase], Any]) -> Any:
        tables.setdefault(name, compute)
        return derived(self, name, compute)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(KnowledgeBase, "derived", noting)
        warm(kb)
        scope = Scope(kb, names, index)
        for question in question_mix(kb, 200, 5):
            ask(scope, question.text)
        ask(scope, "Which letters did organisations from Japan sign in 2018?")
        # A country filter on one named letter (the signers' countries, the place names)
        letter = min(kb.letters.values(), key=lambda x: x.id)
        ask(scope, f"which signers of the {letter.title} are from Japan or Brazil?")
        kinds.quotes(scope, about="zzqx nothing like it")
        someone = next(p for _, p in sorted(kb.people.items()) if p.roles)
        ask(scope, f"True or false: {someone.name} is a deputy director?")
    yield Corpus(kb, data, names, tables)
    index.close()
