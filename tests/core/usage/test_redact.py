"""The usage log stores questions and options without Discord mentions or ids."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.core.usage.log import UsageEvent, UsageLog, Vote
from bot.core.usage.redact import (
    QUESTION_MAX_CHARS,
    neutralise_mentions,
    normalise_params,
    normalise_question,
)

SECRET = b"test-secret-0123456789abcdef"
#: Someone mentioned in a question, who is not the asker: their id must never be stored.
MENTIONED = 123456789012345678
ROLE, CHANNEL = 876543210987654321, 555555555555555555
ASKER = 42
QUESTION = (
    f"did <@{MENTIONED}> or <@!{MENTIONED}> sign? ask <@&{ROLE}> in <#{CHANNEL}> "
    f"@everyone @here, or {MENTIONED}"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"<@{MENTIONED}>", "@user"),
        (f"<@!{MENTIONED}>", "@user"),
        (f"<@&{ROLE}>", "@role"),
        (f"<#{CHANNEL}>", "#channel"),
        ("@everyone", "@\u200beveryone"),
        ("@here", "@\u200bhere"),
        ("@Everyone!", "@\u200bEveryone!"),
        (f"id {MENTIONED} signed", "id [id] signed"),
        ("52 organisations, 2018, 300 NGOs", "52 organisations, 2018, 300 NGOs"),
        ("mail me@example.org", "mail me@example.org"),
    ],
)
def test_mentions_are_neutralised(text: str, expected: str) -> None:
    """Each kind of mention becomes a placeholder; ordinary numbers and text are kept."""
    assert neutralise_mentions(text) == expected


def test_full_width_digits_cannot_smuggle_an_id() -> None:
    """NFKC runs first, so "<@１２３…>" is caught like its ASCII form."""
    wide = "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(MENTIONED))
    assert normalise_question(f"who is <@{wide}>?") == "who is @user?"


def test_a_mention_cut_by_the_cap_leaves_no_digits() -> None:
    """A mention straddling the length cap is replaced before the cut, not half kept."""
    question = "x" * (QUESTION_MAX_CHARS - 5) + f" <@{MENTIONED}>"
    assert str(MENTIONED)[:4] not in normalise_question(question)


def test_parameters_lose_ids_in_strings_lists_and_big_integers() -> None:
    """Option values of every shape are cleaned; small numbers and flags stay as they are."""
    stored = json.loads(
        normalise_params(
            {
                "person": f"<@{MENTIONED}>",
                "names": [f"<@&{ROLE}>", "HRW"],
                "user": MENTIONED,
                "limit": 50,
                "change": 2**53,
                "json": True,
                "nested": {"who": "@here"},
            }
        )
    )
    assert stored == {
        "person": "@user",
        "names": ["@role", "HRW"],
        "user": "[id]",
        "limit": 50,
        "change": 2**53,
        "json": True,
        "nested": {"who": "@\u200bhere"},
    }


def database_bytes(path: Path) -> bytes:
    """The database file and its WAL, as stored on disk."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


async def test_no_mentioned_id_reaches_the_database_or_its_wal(tmp_path: Path) -> None:
    """Questions, options and votes with mentions: the raw ids are nowhere in the files."""
    path = tmp_path / "usage.sqlite3"
    ids = [str(n).encode() for n in (MENTIONED, ROLE, CHANNEL)]
    async with UsageLog(path, SECRET, flush_interval=3600) as usage:
        usage.record(
            UsageEvent(
                "ask",
                ASKER,
                "nothing_found",
                guild_id=7,
                question=QUESTION,
                params={"person": f"<@{MENTIONED}>", "user": MENTIONED},
                at=datetime(2025, 3, 10, tzinfo=UTC),
            )
        )
        usage.record_vote(Vote("answer-1", ASKER, False, question=QUESTION, guild_id=7))
        await usage.flush()
        live = database_bytes(path)
        assert path.with_name(path.name + "-wal").exists()
        assert b"@user" in live and b"did @user or @user sign" in live  # the rows are here
        assert not [raw for raw in ids if raw in live]
    assert not [raw for raw in ids if raw in database_bytes(path)]
    with closing(sqlite3.connect(path)) as db:
        question, params = db.execute("SELECT question, params FROM usage").fetchone()
    assert question == (
        "did @user or @user sign? ask @role in #channel @\u200beveryone @\u200bhere, or [id]"
    )
    assert json.loads(params) == {"person": "@user", "user": "[id]"}


async def test_forget_me_leaves_no_trace_of_the_question_in_the_file(tmp_path: Path) -> None:
    """After `forget`, the user's question text is gone from the file, not in free space."""
    path = tmp_path / "usage.sqlite3"
    marker = "zanzibar-marker-question"
    async with UsageLog(path, SECRET, flush_interval=3600) as usage:
        usage.record(UsageEvent("ask", ASKER, "answered", guild_id=7, question=marker))
        usage.record(UsageEvent("ask", ASKER + 1, "answered", guild_id=7, question="kept"))
        await usage.flush()
        assert await usage.forget(ASKER) == 1
    stored = database_bytes(path)
    assert b"kept" in stored
    assert marker.encode() not in stored
