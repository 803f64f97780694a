"""Fuzzing `ask` and `search` in a server with its own entries of every kind.

Arbitrary text — unicode, control characters, Whoosh query syntax, mentions, emoji, RTL,
very long strings, and the server's own words mixed in so community hits of every kind come
up — never raises, always gives an `Answer`, and every answer with items cites its sources.
Each call's time is kept and printed as a statistic; only a hang (10 s) fails the test.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.answers import kinds as answers
from bot.core.answers.answer import Answer
from bot.core.answers.ask import ask
from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.service import Actor, Moderation

GUILD, OTHER = 1, 2
#: A call slower than this is a hang, not a slow machine.
HANG_SECONDS = 10.0
EXAMPLES = 60
SOURCE = "https://example.org/golfland"
LETTER_TITLE = "Letter on golf courses built on seized land"

#: One entry of every kind a moderator can add, in an order that lets later ones link back.
ENTRIES: tuple[tuple[str, dict[str, str]], ...] = (
    (
        "organization",
        {
            "name": "Golfland Watch",
            "aliases": "GLW",
            "country": "Norway",
            "type": "ngo",
            "description": "Watches golf courses on seized land.",
            "source": SOURCE,
        },
    ),
    (
        "person",
        {
            "name": "Zara Quillfeather",
            "aliases": "Z. Quillfeather",
            "role": "Director",
            "organization": "Golfland Watch",
            "description": "Campaigner against land seizures.",
            "source": SOURCE,
        },
    ),
    (
        "letter",
        {
            "title": LETTER_TITLE,
            "date": "2024-05-01",
            "recipient": "Moon Jae-in",
            "summary": "Asks that no golf course be built on land seized from farmers.",
            "source": SOURCE,
        },
    ),
    ("signatory", {"letter": LETTER_TITLE, "organization": "Golfland Watch", "source": SOURCE}),
    (
        "demand",
        {
            "letter": LETTER_TITLE,
            "text": "Stop building golf courses on seized land.",
            "source": SOURCE,
        },
    ),
    (
        "quote",
        {
            "person": "Zara Quillfeather",
            "text": "Golf is no excuse for seizing land.",
            "about": LETTER_TITLE,
            "source": SOURCE,
        },
    ),
)

#: Query syntax, mentions, scripts and control characters users actually paste.
FRAGMENTS = (
    "field:x",
    "kind:person",
    "guild:1",
    "key:*",
    "*",
    "?",
    "golf*",
    "[a TO z]",
    "{a TO z}",
    "^5",
    "golf^5",
    "golf~2",
    '"unclosed',
    "(((",
    ")",
    "AND",
    "OR",
    "NOT",
    "/.*/",
    "\\",
    "<@123>",
    "<@!123>",
    "<#456>",
    "<@&789>",
    "@everyone",
    "@here",
    "🙂",
    "👨‍👩‍👧",
    "🏌️",
    "مرحبا بالعالم",
    "שלום",
    "\u202e",
    "\u200f",
    "\u200b",
    "\x00",
    "\r\n",
    "\t",
    "\x1b[31m",
    "e\u0301\u0301\u0301",
    "ＧＯＬＦ",
    "null",
    "None",
    "%s",
    "{0}",
    "' OR 1=1 --",
    "golf",
    "Golfland Watch",
    "GLW",
    "Zara Quillfeather",
    "Quillfeather",
    "seized land",
    "who signed",
    "what did",
    "say",
    "demands",
    "letter",
    "2018",
    "2024",
    "Moon Jae-in",
    "Kim Jong Un",
    "Odhikar",
    "compare",
    "signatories of",
    "who is",
    "quotes about",
)

words = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=14)
TEXTS = st.one_of(
    st.text(max_size=300),
    words.map(" ".join),
    words.map("".join),
    st.tuples(st.sampled_from(FRAGMENTS), st.integers(200, 4000)).map(lambda t: t[0] * t[1]),
)

#: Seconds per call, by function name: reported at the end, not asserted on.
TIMES: dict[str, list[float]] = {"ask": [], "search": []}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """An engine whose server GUILD has its own entry of every kind."""
    root = tmp_path_factory.mktemp("fuzz")
    started = Engine(bundled_data_dir(), root / "index", community_dir=root / "community")
    started.start()
    moderation = Moderation(started)
    for kind, values in ENTRIES:
        moderation.add(GUILD, Actor(42, "mod"), kind, values)
    yield started
    started.close()
    for name, seconds in TIMES.items():
        if seconds:
            print(
                f"\nfuzz {name}: {len(seconds)} calls, worst {max(seconds):.3f} s, "
                f"mean {sum(seconds) / len(seconds):.3f} s"
            )


def test_every_kind_is_in_the_server(engine: Engine) -> None:
    """The fixture server really holds one entry of each kind, found by search."""
    kinds = {r.kind for r in engine.guild_records(GUILD)}
    assert {kind for kind, _ in ENTRIES} <= kinds
    titles = [
        i.title
        for s in engine.call(answers.search, GUILD, "golf seized land", limit=50).sections
        for i in s.items
    ]
    for label in ("Letter", "Organization", "Person", "Quote", "Signatory", "Demand"):
        assert any(t.startswith(label) for t in titles), (label, titles)


def _check(
    engine: Engine, function: Callable[..., Answer], name: str, guild: int | None, text: str
) -> None:
    started = time.monotonic()
    answer = engine.call(function, guild, text)
    elapsed = time.monotonic() - started
    TIMES[name].append(elapsed)
    assert elapsed < HANG_SECONDS, f"{name}({text[:80]!r}) took {elapsed:.1f} s"
    assert isinstance(answer, Answer) and answer.title
    if answer.item_count:
        assert answer.sources, f"{name}({text[:80]!r}) has items but cites nothing"
        numbers = {c.number for c in answer.sources}
        for section in answer.sections:
            for item in section.items:
                assert set(item.refs) <= numbers


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(text=TEXTS, guild=st.sampled_from([GUILD, GUILD, OTHER, None]))
def test_ask_never_raises_and_cites(engine: Engine, text: str, guild: int | None) -> None:
    """Any question gives a cited Answer, in the server with entries or elsewhere."""
    _check(engine, ask, "ask", guild, text)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(text=TEXTS, guild=st.sampled_from([GUILD, GUILD, OTHER, None]))
def test_search_never_raises_and_cites(engine: Engine, text: str, guild: int | None) -> None:
    """Any search text gives a cited Answer, in the server with entries or elsewhere."""
    _check(engine, answers.search, "search", guild, text)
