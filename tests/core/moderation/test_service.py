"""Moderators' changes at the core: validation, isolation, edit/remove/undo, import/export."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.core.answers import kinds as answers
from bot.core.engine import Engine
from bot.core.errors import PermissionDeniedError, ValidationError
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.community import CommunityStore
from bot.core.moderation.service import Actor, Moderation

GUILD, OTHER = 1001, 2002
MOD = Actor(42, "mod")
QUOTE = {
    "person": "Quintana",
    "text": "Human rights belong on every agenda.",
    "date": "2019-03-01",
    "about": "the 2018 letter",
    "source": "Example Wire, 2019-03-01, Interview with the rapporteur",
}


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """An engine with its own index and community folder."""
    started = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    started.start()
    yield started
    started.close()


@pytest.fixture
def moderation(engine: Engine) -> Moderation:
    """Moderation over the engine."""
    return Moderation(engine)


def entry_files(engine: Engine) -> list[Path]:
    assert isinstance(engine.community, CommunityStore)
    return sorted(engine.community.root.rglob("*.yaml"))


def quote_ids(engine: Engine, guild: int | None, person: str = "Quintana") -> set[str]:
    answer = engine.call(answers.quotes, guild, person=person)
    return {i.entity_id for s in answer.sections for i in s.items if i.entity_id}


def test_added_quote_is_seen_only_in_its_server(engine: Engine, moderation: Moderation) -> None:
    """A server's quote appears in its /quotes, marked as community, and nowhere else."""
    result = moderation.add(GUILD, MOD, "quote", QUOTE)
    (entry_id,) = result.entry_ids
    assert entry_id in quote_ids(engine, GUILD)
    assert entry_id not in quote_ids(engine, OTHER)
    assert entry_id not in quote_ids(engine, None)
    answer = engine.call(answers.quotes, GUILD, person="Quintana")
    item = next(i for s in answer.sections for i in s.items if i.entity_id == entry_id)
    assert item.community
    assert any(c.community for c in answer.sources)


def test_added_quote_is_searchable_at_once_in_its_server_only(
    engine: Engine, moderation: Moderation
) -> None:
    """The index is updated immediately and filtered by server."""
    moderation.add(GUILD, MOD, "quote", {**QUOTE, "text": "Zanzibar accountability now."})
    assert engine.call(answers.search, GUILD, "zanzibar").found
    assert not engine.call(answers.search, OTHER, "zanzibar").found


def test_every_problem_is_listed_and_nothing_written(
    engine: Engine, moderation: Moderation
) -> None:
    """A bad form lists each problem and writes no file."""
    with pytest.raises(ValidationError) as caught:
        moderation.add(
            GUILD,
            MOD,
            "quote",
            {
                "person": "Nobody At All",
                "text": "",
                "date": "June",
                "source": "just words",
                "wording": "loud",
            },
        )
    text = "\n".join(caught.value.problems)
    for fragment in ("required", "Date “June”", "Source:", "Nobody At All", "Wording"):
        assert fragment in text
    assert entry_files(engine) == []


@pytest.mark.parametrize(
    ("kind", "values", "fragment"),
    [
        ("quote", {**QUOTE, "text": "x" * 2001}, "at most 2000"),
        ("quote", {**QUOTE, "source": "ftp://example.org"}, "Source:"),
        (
            "demand",
            {"letter": "the 1999 letter", "text": "Free them.", "source": QUOTE["source"]},
            "Letter",
        ),
        (
            "signatory",
            {"letter": "2018", "organization": "Human Rights Watch", "source": QUOTE["source"]},
            "already a signatory",
        ),
        ("organization", {"name": "HRW", "source": QUOTE["source"]}, "already the name"),
        (
            "letter",
            {
                "title": "T",
                "date": "2020-13-01",
                "recipient": "Moon Jae-in",
                "summary": "S",
                "source": QUOTE["source"],
            },
            "Date",
        ),
        (
            "person",
            {"name": "A Person", "organization": "HRW", "source": QUOTE["source"]},
            "give the role",
        ),
        ("quote", {**QUOTE, "colour": "red"}, "Unknown field"),
    ],
)
def test_invalid_entries_are_refused(
    moderation: Moderation, engine: Engine, kind: str, values: dict[str, str], fragment: str
) -> None:
    """Each kind of bad input is refused with a clear message and nothing is written."""
    with pytest.raises(ValidationError) as caught:
        moderation.add(GUILD, MOD, kind, values)
    assert fragment in str(caught.value)
    assert entry_files(engine) == []


def test_duplicate_quote_is_refused(moderation: Moderation) -> None:
    """The same words by the same speaker cannot be added twice."""
    moderation.add(GUILD, MOD, "quote", QUOTE)
    with pytest.raises(ValidationError, match="already has this quote"):
        moderation.add(GUILD, MOD, "quote", {**QUOTE, "text": QUOTE["text"].upper()})


def test_signatory_and_demand_extend_a_bundled_letter_in_one_server(
    engine: Engine, moderation: Moderation
) -> None:
    """Additions to a curated letter show in that server's answers, not in others'."""
    moderation.add(
        GUILD,
        MOD,
        "signatory",
        {"letter": "2018", "organization": "Amnesty", "source": "https://example.org/list"},
    )
    moderation.add(
        GUILD,
        MOD,
        "demand",
        {"letter": "2018", "text": "Release all detainees.", "source": "https://example.org/list"},
    )
    mine = engine.call(answers.signatories, GUILD, "2018")
    theirs = engine.call(answers.signatories, OTHER, "2018")
    assert "Amnesty International" in {i.title for s in mine.sections for i in s.items}
    assert "Amnesty International" not in {i.title for s in theirs.sections for i in s.items}
    assert "Release all detainees." in str(engine.call(answers.demands, GUILD, "2018"))
    assert "Release all detainees." not in str(engine.call(answers.demands, OTHER, "2018"))


def test_edit_remove_undo_round_trip(engine: Engine, moderation: Moderation) -> None:
    """Edit changes the entry; remove deletes it; undo brings each state back."""
    (entry_id,) = moderation.add(GUILD, MOD, "quote", QUOTE).entry_ids
    kind, values = moderation.prefill(GUILD, entry_id)
    assert kind == "quote" and values["text"] == QUOTE["text"]
    edited = moderation.edit(GUILD, MOD, entry_id, {**values, "text": "New words entirely."})
    assert "New words entirely." in str(engine.call(answers.quotes, GUILD, person="Quintana"))
    removed = moderation.remove(GUILD, MOD, entry_id)
    assert entry_id not in quote_ids(engine, GUILD)
    moderation.undo(GUILD, MOD, removed.change_ids[-1])
    assert "New words entirely." in str(engine.call(answers.quotes, GUILD, person="Quintana"))
    moderation.undo(GUILD, MOD, edited.change_ids[-1])
    assert QUOTE["text"] in str(engine.call(answers.quotes, GUILD, person="Quintana"))
    history = moderation.history(GUILD)
    assert [c.action for c in history[:4]] == ["undo", "undo", "remove", "edit"]
    assert history[-1].actor_name == "mod"


def test_undo_is_refused_twice_and_after_a_later_change(moderation: Moderation) -> None:
    """An undone change cannot be undone again; a change with later edits cannot be undone."""
    added = moderation.add(GUILD, MOD, "quote", QUOTE)
    (entry_id,) = added.entry_ids
    _, values = moderation.prefill(GUILD, entry_id)
    edited = moderation.edit(GUILD, MOD, entry_id, {**values, "occasion": "An interview"})
    with pytest.raises(ValidationError, match="changed after"):
        moderation.undo(GUILD, MOD, added.change_ids[-1])
    moderation.undo(GUILD, MOD, edited.change_ids[-1])
    with pytest.raises(ValidationError, match="already undone"):
        moderation.undo(GUILD, MOD, edited.change_ids[-1])


def test_entry_in_use_cannot_be_removed(moderation: Moderation) -> None:
    """A person still quoted by the server's quote is kept, with the reason."""
    (person_id,) = moderation.add(
        GUILD,
        MOD,
        "person",
        {
            "name": "Jane Advocate",
            "role": "Director",
            "organization": "HRW",
            "source": "https://example.org/jane",
        },
    ).entry_ids
    moderation.add(GUILD, MOD, "quote", {**QUOTE, "person": "Jane Advocate"})
    with pytest.raises(ValidationError, match="still used by"):
        moderation.remove(GUILD, MOD, person_id)


def test_other_servers_cannot_touch_or_learn_entries(moderation: Moderation) -> None:
    """Another server gets the same answer for this server's ids as for made-up ones."""
    added = moderation.add(GUILD, MOD, "quote", QUOTE)
    (entry_id,) = added.entry_ids
    assert moderation.entries(OTHER) == []
    for attempt in (
        lambda: moderation.edit(OTHER, MOD, entry_id, {"text": "x"}),
        lambda: moderation.remove(OTHER, MOD, entry_id),
        lambda: moderation.prefill(OTHER, entry_id),
    ):
        with pytest.raises(ValidationError, match="no entry"):
            attempt()
    with pytest.raises(ValidationError, match="no change"):
        moderation.undo(OTHER, MOD, added.change_ids[-1])


def test_bundled_corpus_is_read_only(moderation: Moderation) -> None:
    """Editing or removing a curated entry is refused."""
    with pytest.raises(PermissionDeniedError):
        moderation.remove(GUILD, MOD, "human-rights-watch")


def test_import_dry_run_writes_nothing_then_applies_whole(
    engine: Engine, moderation: Moderation
) -> None:
    """A preview lists the changes without writing; applying lands every entry."""
    data = yaml.safe_dump(
        {
            "sources": [
                {"id": "s1", "publisher": "Example Wire", "title": "Report", "date": "2020-01-01"}
            ],
            "quotes": [
                {
                    "id": f"q{i}",
                    "speaker": "brad-adams",
                    "text": f"Imported words {i}.",
                    "kind": "verbatim",
                    "sources": ["s1"],
                }
                for i in range(3)
            ],
        }
    ).encode()
    plan = moderation.plan_import(GUILD, "entries.yaml", data, 100_000)
    assert len(plan.diff) == 3 and entry_files(engine) == []
    moderation.apply_import(GUILD, MOD, plan)
    assert len(quote_ids(engine, GUILD, "Brad Adams") - quote_ids(engine, None, "Brad Adams")) == 3


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("x.yaml", b"quotes: [unclosed", "invalid YAML"),
        ("x.yaml", b"villains: []", "Unknown section"),
        (
            "x.yaml",
            b"quotes:\n  - id: q1\n    speaker: nobody\n    text: t\n    kind: verbatim\n"
            b"    sources: [s]\n",
            "cannot see",
        ),
        (
            "x.yaml",
            b"quotes:\n  - id: q1\n    speaker: brad-adams\n    text: t\n    kind: loud\n"
            b"    sources: [human-rights-watch]\n",
            "must be one of",
        ),
        ("x.csv", b"kind,colour\nquote,red\n", "unknown: colour"),
        ("x.csv", b"kind,person,text,source\nquote,Nobody Here,Words,https://e.org\n", "Row 2"),
        ("x.txt", b"hello", ".yaml, .yml or .csv"),
        ("x.yaml", b"\xff\xfe\x00", "not UTF-8"),
        ("x.yaml", b"#" * 2000, "limit is"),
    ],
)
def test_broken_imports_change_nothing(
    engine: Engine, moderation: Moderation, name: str, data: bytes, fragment: str
) -> None:
    """Every broken import is refused with its problems and writes nothing."""
    with pytest.raises(ValidationError) as caught:
        moderation.plan_import(GUILD, name, data, 1000)
    assert fragment in str(caught.value)
    assert entry_files(engine) == []


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
def test_export_reimports_to_the_same_entries(moderation: Moderation, fmt: str) -> None:
    """Exporting and importing back into the same server changes nothing."""
    moderation.add(GUILD, MOD, "quote", QUOTE)
    moderation.add(
        GUILD,
        MOD,
        "organization",
        {
            "name": "Zeta Watch",
            "aliases": "ZW",
            "country": "Japan",
            "type": "ngo",
            "source": "https://example.org/zeta",
        },
    )
    exported = moderation.export(GUILD, fmt)
    plan = moderation.plan_import(GUILD, f"export.{fmt}", exported, 1_000_000)
    assert plan.empty and plan.unchanged == 2


def test_export_all_includes_bundled_and_reimports_as_unchanged(moderation: Moderation) -> None:
    """An "all" export holds the curated corpus too, which an import leaves alone."""
    exported = moderation.export(GUILD, "yaml", include_bundled=True)
    assert b"human-rights-watch" in exported
    assert moderation.plan_import(GUILD, "all.yaml", exported, 10_000_000).empty


def test_import_from_another_server_moves_ids_into_this_one(
    engine: Engine, moderation: Moderation
) -> None:
    """Another server's export is re-homed under this server's ids."""
    moderation.add(GUILD, MOD, "quote", QUOTE)
    plan = moderation.plan_import(OTHER, "x.yaml", moderation.export(GUILD, "yaml"), 10**6)
    moderation.apply_import(OTHER, MOD, plan)
    assert all(entry_id.startswith(f"g{OTHER}-") for entry_id, _, _ in moderation.entries(OTHER))
    assert QUOTE["text"] in str(engine.call(answers.quotes, OTHER, person="Quintana"))


def test_entries_survive_a_restart(tmp_path: Path, engine: Engine, moderation: Moderation) -> None:
    """A new engine over the same folders loads the server's entries."""
    (entry_id,) = moderation.add(GUILD, MOD, "quote", QUOTE).entry_ids
    engine.close()
    again = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    assert again.start().changed == 0
    assert entry_id in quote_ids(again, GUILD)
    again.close()


def test_changes_from_another_process_are_picked_up(tmp_path: Path, engine: Engine) -> None:
    """An entry added by a second engine (the CLI twin) appears in the first."""
    other = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    other.start()
    (entry_id,) = Moderation(other).add(GUILD, MOD, "quote", QUOTE).entry_ids
    other.close()
    engine.refresh_if_changed(GUILD, force=True)
    assert entry_id in quote_ids(engine, GUILD)


async def test_concurrent_adds_all_land(engine: Engine, moderation: Moderation) -> None:
    """Ten adds submitted at once through the worker thread are all applied."""

    async def add(number: int) -> None:
        await engine.run_blocking(
            lambda: moderation.add(
                GUILD,
                MOD,
                "demand",
                {
                    "letter": "2019",
                    "text": f"Demand number {number}.",
                    "source": "https://example.org/demands",
                },
            )
        )

    await asyncio.gather(*(add(n) for n in range(10)))
    demands = str(engine.call(answers.demands, GUILD, "2019"))
    assert all(f"Demand number {n}." in demands for n in range(10))
    assert len([c for c in moderation.history(GUILD) if c.kind == "demand"]) == 10
