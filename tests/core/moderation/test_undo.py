"""One moderator action is one change, undone whole: on the files and on PostgreSQL.

An import of fifty entries, an add that also creates its source: one change number, one
line in the history, and one undo that leaves nothing behind (no entry, no file or row, no
search hit), or that is refused, naming the entries, and changes nothing. Changes logged
before changes were grouped still list and undo one row at a time, as they did.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import psycopg
import pytest
import yaml

from bot.core.answers import kinds as answers
from bot.core.engine import Engine
from bot.core.errors import ValidationError
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation import changelog
from bot.core.moderation.community import CHANGELOG_NAME, entry_yaml
from bot.core.moderation.postgres import schema as pg_schema
from bot.core.moderation.service import Moderation
from bot.core.storage.postgres import migrate
from tests.core.moderation.test_service import MOD, QUOTE

GUILD = 4242
WORD = "zanzibarite"  # in every imported quote, in nothing bundled


def start(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Engine:
    """A started engine whose entries live in files or in a fresh database."""
    if backend == "files":
        engine = Engine(
            bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community"
        )
    else:
        engine = Engine(
            bundled_data_dir(),
            tmp_path / "index",
            database_url=request.getfixturevalue("postgres_url"),
        )
    engine.start()
    return engine


@pytest.fixture(params=["files", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An engine over an empty store of each kind."""
    started = start(tmp_path, request.param, request)
    yield started
    started.close()


@pytest.fixture
def moderation(engine: Engine) -> Moderation:
    """Moderation over the engine."""
    return Moderation(engine)


def import_quotes(moderation: Moderation, count: int) -> int:
    """Import `count` quotes citing one new source; the change's number."""
    data = yaml.safe_dump(
        {
            "sources": [
                {
                    "id": "s1",
                    "publisher": "Example Wire",
                    "title": "A long report",
                    "date": "2020-01-01",
                }
            ],
            "quotes": [
                {
                    "id": f"q{n}",
                    "speaker": "brad-adams",
                    "text": f"{WORD} words {n}.",
                    "kind": "verbatim",
                    "sources": ["s1"],
                }
                for n in range(count)
            ],
        }
    ).encode()
    plan = moderation.plan_import(GUILD, "entries.yaml", data, 1_000_000)
    (number,) = moderation.apply_import(GUILD, MOD, plan).change_ids
    return number


def stored(engine: Engine) -> list[str]:
    """Ids of every entry the store holds for the server (files or rows), read afresh."""
    assert engine.community is not None
    return sorted(r.entity.id for r in engine.community.parse_guild(GUILD).records)


def found(engine: Engine, text: str) -> bool:
    return engine.call(answers.search, GUILD, text).found


def test_an_import_of_fifty_entries_is_one_change_undone_whole(
    engine: Engine, moderation: Moderation
) -> None:
    """One number, one history line; undo removes all 51 entries, their files and hits."""
    number = import_quotes(moderation, 50)
    [change] = moderation.history(GUILD)
    assert (change.id, change.size) == (number, 51)
    assert change.title == "Imported 50 entries from “entries.yaml” (and 1 source)"
    assert len(stored(engine)) == 51 and found(engine, WORD)

    result = moderation.undo(GUILD, MOD, number)
    assert result.message.startswith(f"Undid change #{number}: Imported 50 entries")
    assert len(result.change_ids) == 1 and len(result.entry_ids) == 51
    assert stored(engine) == [] and moderation.entries(GUILD, sources=True) == []
    assert not found(engine, WORD)
    undo, original = moderation.history(GUILD)
    assert (undo.id, undo.undoes, undo.size) == (result.change_ids[0], number, 51)
    assert original.undone_by == undo.id


def test_the_import_leaves_no_file_behind(tmp_path: Path) -> None:
    """On the files store, undoing an import deletes every file it wrote."""
    engine = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    engine.start()
    try:
        moderation = Moderation(engine)
        number = import_quotes(moderation, 50)
        assert len(list((tmp_path / "community").rglob("*.yaml"))) == 51
        moderation.undo(GUILD, MOD, number)
        assert list((tmp_path / "community").rglob("*.yaml")) == []
    finally:
        engine.close()


def test_undoing_an_added_quote_removes_its_new_source(
    engine: Engine, moderation: Moderation
) -> None:
    """An add that created its source is one change; its undo removes both."""
    result = moderation.add(GUILD, MOD, "quote", QUOTE)
    assert [kind for _, kind, _ in moderation.entries(GUILD, sources=True)] == ["quote", "source"]
    [change] = moderation.history(GUILD)
    assert change.id == result.change_ids[0] and change.size == 2
    assert change.title == f"Added quote “{QUOTE['text']}” (and its source)"
    moderation.undo(GUILD, MOD, change.id)
    assert stored(engine) == [] and moderation.entries(GUILD, sources=True) == []


def test_undo_is_refused_naming_an_entry_edited_since(
    engine: Engine, moderation: Moderation
) -> None:
    """An import with one entry edited after it is not undone; the entry is named."""
    number = import_quotes(moderation, 5)
    edited = f"g{GUILD}-q3"
    _, values = moderation.prefill(GUILD, edited)
    moderation.edit(GUILD, MOD, edited, {**values, "text": "Edited after the import."})
    before = stored(engine), [c.id for c in moderation.history(GUILD)]
    with pytest.raises(ValidationError) as caught:
        moderation.undo(GUILD, MOD, number)
    message = str(caught.value)
    assert f"Change #{number} was not undone" in message and "changed after it" in message
    assert f"quote “{WORD} words 3.” ({edited})" in message
    assert f"g{GUILD}-q2" not in message  # only the entries that moved on are named
    assert (stored(engine), [c.id for c in moderation.history(GUILD)]) == before
    assert found(engine, "Edited after the import") and found(engine, WORD)


def test_undo_is_refused_while_another_entry_uses_its_source(
    engine: Engine, moderation: Moderation
) -> None:
    """Removing a source a later entry cites would break that entry: refused, then allowed."""
    first = moderation.add(GUILD, MOD, "quote", QUOTE)
    second = moderation.add(GUILD, MOD, "quote", {**QUOTE, "text": "Later words, same source."})
    assert len(stored(engine)) == 3  # two quotes, one source
    with pytest.raises(ValidationError) as caught:
        moderation.undo(GUILD, MOD, first.change_ids[0])
    assert f"now used by {second.entry_ids[0]}" in str(caught.value)
    assert len(stored(engine)) == 3
    moderation.undo(GUILD, MOD, second.change_ids[0])
    moderation.undo(GUILD, MOD, first.change_ids[0])
    assert stored(engine) == []


def test_a_number_inside_a_change_points_at_the_change(moderation: Moderation) -> None:
    """The number of one of a change's rows is refused with the change's own number."""
    number = import_quotes(moderation, 3)
    with pytest.raises(ValidationError, match=f"one entry of change #{number}"):
        moderation.undo(GUILD, MOD, number + 2)
    with pytest.raises(ValidationError, match=f"no change #{number + 100}"):
        moderation.undo(GUILD, MOD, number + 100)


def test_an_undo_is_itself_one_change_that_can_be_undone(
    engine: Engine, moderation: Moderation
) -> None:
    """Undoing the undo brings the whole import back, as one more change."""
    number = import_quotes(moderation, 10)
    (undo,) = moderation.undo(GUILD, MOD, number).change_ids
    with pytest.raises(ValidationError, match="already undone"):
        moderation.undo(GUILD, MOD, number)
    moderation.undo(GUILD, MOD, undo)
    assert len(stored(engine)) == 11 and found(engine, WORD)
    assert [c.size for c in moderation.history(GUILD)] == [11, 11, 11]


def test_list_shows_the_servers_sources_and_an_unused_one_can_be_removed(
    engine: Engine, moderation: Moderation
) -> None:
    """Sources are listed after the entries; removing one is refused while it is cited."""
    (quote_id,) = moderation.add(GUILD, MOD, "quote", QUOTE).entry_ids
    assert [kind for _, kind, _ in moderation.entries(GUILD)] == ["quote"]
    [quote, source] = moderation.entries(GUILD, sources=True)
    assert quote[0] == quote_id
    assert source[1:] == ("source", "Interview with the rapporteur")
    with pytest.raises(ValidationError, match=f"still used by: {quote_id}"):
        moderation.remove(GUILD, MOD, source[0])
    with pytest.raises(ValidationError, match="sources cannot be edited"):
        moderation.prefill(GUILD, source[0])
    moderation.remove(GUILD, MOD, quote_id)
    removed = moderation.remove(GUILD, MOD, source[0])
    assert removed.message.startswith("Removed source “Interview with the rapporteur”")
    assert stored(engine) == []


# -- Changes logged before they were grouped -----------------------------------------------

LEGACY_SOURCE = {
    "id": f"g{GUILD}-src-old",
    "publisher": "Example Wire",
    "title": "An old report",
    "url": "https://example.org/old",
}
LEGACY_QUOTE = {
    "id": f"g{GUILD}-quote-old",
    "speaker": "brad-adams",
    "text": "Quillaby words logged before changes were grouped.",
    "kind": "verbatim",
    "sources": [LEGACY_SOURCE["id"]],
}
#: What the old code logged for an add with its new source: two rows, one batch.
LEGACY_ROWS = [
    ("source", LEGACY_SOURCE, "An old report"),
    ("quote", LEGACY_QUOTE, LEGACY_QUOTE["text"]),
]
_V1_INSERT = (
    "INSERT INTO {} (batch, guild_id, at, actor_id, actor_name, action, entry_id, kind, "
    "summary, before, after, status) VALUES ({})"
)


def write_legacy_files(root: Path) -> None:
    """A change log at schema 1 holding one old batch, and the entry files it wrote."""
    root.mkdir(parents=True)
    with closing(sqlite3.connect(root / CHANGELOG_NAME)) as db, db:
        for statement in changelog.MIGRATIONS[0]:
            db.execute(statement)
        db.execute("PRAGMA user_version = 1")
        for kind, raw, summary in LEGACY_ROWS:
            section = "sources" if kind == "source" else "quotes"
            (root / str(GUILD) / section).mkdir(parents=True, exist_ok=True)
            text = entry_yaml(kind, raw)  # type: ignore[arg-type]
            (root / str(GUILD) / section / f"{raw['id']}.yaml").write_text(text)
            db.execute(
                _V1_INSERT.format("changes", ", ".join("?" * 12)),
                (
                    "old",
                    GUILD,
                    "2024-01-01T00:00:00+00:00",
                    5,
                    "old mod",
                    "add",
                    raw["id"],
                    kind,
                    summary,
                    None,
                    text,
                    "applied",
                ),
            )


def write_legacy_database(url: str) -> None:
    """The same old batch in a database whose moderation tables are at schema 1."""
    with psycopg.connect(url) as db:
        migrate(db, pg_schema.COMPONENT, pg_schema.MIGRATIONS[:1])
        with db.transaction():
            for kind, raw, summary in LEGACY_ROWS:
                text = entry_yaml(kind, raw)  # type: ignore[arg-type]
                db.execute(
                    "INSERT INTO community_entries VALUES (%s, %s, %s, %s)",
                    (GUILD, kind, raw["id"], text),
                )
                db.execute(
                    _V1_INSERT.format("community_changes", ", ".join(["%s"] * 12)),
                    (
                        "old",
                        GUILD,
                        "2024-01-01T00:00:00+00:00",
                        5,
                        "old mod",
                        "add",
                        raw["id"],
                        kind,
                        summary,
                        None,
                        text,
                        "applied",
                    ),
                )


@pytest.mark.parametrize("backend", ["files", "postgres"])
def test_changes_logged_before_grouping_still_undo_as_they_did(
    tmp_path: Path, request: pytest.FixtureRequest, backend: str
) -> None:
    """Old rows, migrated in place, are one change each: the quote undoes alone, as before."""
    if backend == "files":
        write_legacy_files(tmp_path / "community")
    else:
        write_legacy_database(request.getfixturevalue("postgres_url"))
    engine = start(tmp_path, backend, request)
    try:
        moderation = Moderation(engine)
        quote, source = moderation.history(GUILD)
        assert (quote.id, source.id) == (2, 1)
        assert quote.title == f"add quote “{LEGACY_QUOTE['text']}”" and quote.size == 1
        assert found(engine, "quillaby")
        (undo,) = moderation.undo(GUILD, MOD, quote.id).change_ids
        assert stored(engine) == [LEGACY_SOURCE["id"]]  # its source stays, as it did
        assert not found(engine, "quillaby")
        assert moderation.history(GUILD)[1].undone_by == undo
        moderation.undo(GUILD, MOD, source.id)
        assert stored(engine) == []
        new = moderation.add(GUILD, MOD, "quote", QUOTE)
        assert new.change_ids == (undo + 2,) and moderation.history(GUILD)[0].size == 2
    finally:
        engine.close()
