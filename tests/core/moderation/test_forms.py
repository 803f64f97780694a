"""Moderator forms: names resolve strictly, and bad values are refused with nothing written."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.errors import ValidationError
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.community import CHANGELOG_NAME
from bot.core.moderation.forms import build_entry
from bot.core.moderation.service import Actor, Moderation

GUILD = 1001
MOD = Actor(42, "mod")
SOURCE = "https://example.org/statement"
ORG = {"name": "Zanzibar Rights Forum", "source": SOURCE}
LETTER = {
    "title": "Zanzibar joint letter",
    "date": "2024-05-01",
    "recipient": "Kim Jong Un",
    "summary": "Coalition asks for access.",
    "source": SOURCE,
}


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """An engine with its own index and an empty community folder."""
    started = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    started.start()
    yield started
    started.close()


@pytest.fixture
def moderation(engine: Engine) -> Moderation:
    """Moderation over the engine."""
    return Moderation(engine)


def assert_nothing_written(engine: Engine) -> None:
    """No entry file exists and the change log holds no row, pending or applied."""
    assert engine.community is not None
    root = engine.community.root
    assert sorted(root.rglob("*.yaml")) == []
    database = root / CHANGELOG_NAME
    if database.exists():
        with sqlite3.connect(database) as db:
            assert db.execute("SELECT COUNT(*) FROM changes").fetchone() == (0,)


def refusal(moderation: Moderation, kind: str, values: dict[str, str]) -> str:
    """The problems a refused add lists, as one text."""
    with pytest.raises(ValidationError) as caught:
        moderation.add(GUILD, MOD, kind, values)
    return "\n".join(caught.value.problems)


# Names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "values", "field", "suggested"),
    [
        pytest.param(
            "signatory",
            {"letter": "1850 letter to nobody", "organization": "HRW", "source": SOURCE},
            "Letter",
            "(2019-12)",
            id="no-such-year",
        ),
        pytest.param(
            "signatory",
            {"letter": "2019 letter to nobody", "organization": "HRW", "source": SOURCE},
            "Letter",
            "(2019-12)",
            id="year-plus-words",
        ),
        pytest.param(
            "person",
            {
                "name": "Zed Q",
                "role": "Director",
                "organization": "Zzzz Unknown Org",
                "source": SOURCE,
            },
            "Organization",
            "United Nations",
            id="partial-match-of-UN",
        ),
        pytest.param(
            "signatory",
            {"letter": "2018", "organization": "Nations Unknown", "source": SOURCE},
            "Organization",
            "United Nations",
            id="reordered-words",
        ),
        pytest.param(
            "signatory",
            {"letter": "2018", "organization": "Watch", "source": SOURCE},
            "Organization",
            "Human Rights Watch",
            id="one-word-of-a-name",
        ),
        pytest.param(
            "signatory",
            {"letter": "2018", "organization": "Amnesty International Japan", "source": SOURCE},
            "Organization",
            "Amnesty International",
            id="a-longer-other-name",
        ),
        pytest.param(
            "signatory",
            {"letter": "2018", "organization": "UNHCR", "source": SOURCE},
            "Organization",
            "United Nations",
            id="short-look-alike",
        ),
        pytest.param(
            "letter",
            {**LETTER, "recipient": "Kim Jong"},
            "Recipient",
            "Kim Jong Un",
            id="part-of-a-person",
        ),
    ],
)
def test_weak_matches_are_refused_with_suggestions(
    engine: Engine,
    moderation: Moderation,
    kind: str,
    values: dict[str, str],
    field: str,
    suggested: str,
) -> None:
    """A name that only loosely fits is refused with "did you mean", never stored as a guess."""
    text = refusal(moderation, kind, values)
    assert text.startswith(f"{field}: nothing in the knowledge base is named")
    assert "nothing was guessed" in text
    assert "Did you mean" in text and suggested in text
    assert_nothing_written(engine)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("human-rights-watch", "human-rights-watch"),  # an id, as autocomplete sends
        ("Human Rights Watch", "human-rights-watch"),
        ("HRW", "human-rights-watch"),  # an abbreviation
        ("Amnesty", "amnesty-international"),  # an alias
        ("Humn Rights Watch", "human-rights-watch"),  # a clear typo of the whole name
        ("Libery in North Korea", "liberty-in-north-korea"),
    ],
)
def test_exact_names_and_clear_typos_resolve_organizations(
    engine: Engine, text: str, expected: str
) -> None:
    """Ids, names, aliases, abbreviations and a close spelling of a whole name still work."""
    values = {"name": "Zed Q", "role": "Director", "organization": text, "source": SOURCE}
    built = build_entry(engine.scope(GUILD), "person", values, "g1001-")
    assert built.raw["roles"][0]["organization"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("joint-letter-moon-jae-in-2019", "joint-letter-moon-jae-in-2019"),
        ("2018", "joint-letter-kim-jong-un-2018"),  # the only letter of that year
        ("the 2018 letter", "joint-letter-kim-jong-un-2018"),
        ("ICNK open letter", "open-letter-kim-jong-un-2012"),
        ("ICNK open leter", "open-letter-kim-jong-un-2012"),
    ],
)
def test_exact_names_and_clear_typos_resolve_letters(
    engine: Engine, text: str, expected: str
) -> None:
    """A letter is named by id, a year only it has, its title or alias, or a close typo."""
    built = build_entry(
        engine.scope(GUILD),
        "demand",
        {"letter": text, "text": "Free them.", "source": SOURCE},
        "g1001-",
    )
    assert built.raw["letter"] == expected


def test_quote_about_a_loose_description_stays_a_topic(engine: Engine) -> None:
    """An "about" that names no letter exactly is kept as a topic, not linked by a guess."""
    values = {
        "person": "Quintana",
        "text": "Words.",
        "about": "1850 letter to nobody",
        "source": SOURCE,
    }
    built = build_entry(engine.scope(GUILD), "quote", values, "g1001-")
    assert "about" not in built.raw and built.raw["topics"] == ["1850 letter to nobody"]
    exact = build_entry(
        engine.scope(GUILD), "quote", {**values, "about": "the 2018 letter"}, "g1001-"
    )
    assert exact.raw["about"] == ["joint-letter-kim-jong-un-2018"]


# Values --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "values", "fragment"),
    [
        pytest.param(
            "letter",
            {**LETTER, "date": "2019-02-30"},
            "Date “2019-02-30” does not exist: February 2019 has 28 days",
            id="feb-30",
        ),
        pytest.param(
            "letter", {**LETTER, "date": "2019-04-31"}, "April 2019 has 30 days", id="apr-31"
        ),
        pytest.param(
            "letter", {**LETTER, "date": "0000"}, "Date “0000” is not a real year", id="year-0000"
        ),
        pytest.param(
            "letter", {**LETTER, "date": "0000-01-01"}, "is not a real year", id="year-0000-day"
        ),
        pytest.param("letter", {**LETTER, "date": "２０１９"}, "must be YYYY", id="wide-digits"),
        pytest.param(
            "organization",
            {**ORG, "source": "Example Wire, 2019-02-30, Interview"},
            "Source date “2019-02-30” does not exist",
            id="source-date",
        ),
        pytest.param(
            "organization",
            {**ORG, "source": "https://example.org:99999999/x"},
            "not a well-formed link (Port out of range",
            id="port",
        ),
        pytest.param(
            "organization",
            {**ORG, "source": "http://[::1"},
            "not a well-formed link (Invalid IPv6 URL)",
            id="broken-ipv6",
        ),
        pytest.param(
            "organization",
            {**ORG, "source": "http://[::1]/page"},
            "private or local address",
            id="loopback",
        ),
        pytest.param(
            "organization",
            {**ORG, "source": "http://localhost/page"},
            "not a public web address",
            id="localhost",
        ),
        pytest.param(
            "organization",
            {**ORG, "source": "https://a..example.org/"},
            "malformed host name",
            id="empty-label",
        ),
        pytest.param(
            "organization",
            {**ORG, "source": "https://user:pw@example.org/"},
            "user name or password",
            id="credentials",
        ),
        pytest.param(
            "organization",
            {**ORG, "name": "Bad\x00Org"},
            "Name: contains control characters (U+0000)",
            id="nul",
        ),
        pytest.param(
            "organization",
            {**ORG, "description": "Rings\x07a bell"},
            "contains control characters (U+0007)",
            id="bell",
        ),
        pytest.param(
            "organization",
            {**ORG, "name": "Two\nlines"},
            "Name: must be one line",
            id="newline-in-name",
        ),
        pytest.param(
            "organization",
            {**ORG, "aliases": "ZRF, \u0301"},
            "has no visible characters",
            id="invisible-alias",
        ),
    ],
)
def test_invalid_values_are_refused(
    engine: Engine, moderation: Moderation, kind: str, values: dict[str, str], fragment: str
) -> None:
    """Impossible dates, malformed links and control characters: a clear message, no write."""
    assert fragment in refusal(moderation, kind, values)
    assert_nothing_written(engine)


@pytest.mark.parametrize(
    "blank",
    [
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
        " \u200b\t\u2060 ",
        "\u3164",
        "\u0301\u0301",
    ],
)
def test_invisible_text_is_refused(engine: Engine, moderation: Moderation, blank: str) -> None:
    """A name made only of zero-width or blank characters is refused, not stored empty."""
    text = refusal(moderation, "organization", {**ORG, "name": blank})
    assert text.startswith("Name: ") and "invisible" in text
    assert_nothing_written(engine)


def test_invisible_edges_are_trimmed(engine: Engine) -> None:
    """Zero-width characters around a real name are dropped, so it stays findable."""
    built = build_entry(
        engine.scope(GUILD),
        "organization",
        {**ORG, "name": "\ufeff\u200bZanzibar Rights Forum\u2060 "},
        "g1001-",
    )
    assert built.raw["name"] == "Zanzibar Rights Forum"


def test_long_text_keeps_its_paragraphs(engine: Engine) -> None:
    """Line breaks and tabs are allowed where the form takes long text."""
    built = build_entry(
        engine.scope(GUILD), "organization", {**ORG, "description": "First.\n\n\tSecond."}, "g1001-"
    )
    assert built.raw["description"] == "First.\n\n\tSecond."


def test_csv_import_with_control_characters_is_refused(
    engine: Engine, moderation: Moderation
) -> None:
    """A CSV whose cells hold NUL or zero-width-only text names each row and writes nothing."""
    data = (
        f"kind,name,source\norganization,Nul\x00Org,{SOURCE}\norganization,\u200b\u200d,{SOURCE}\n"
    ).encode()
    with pytest.raises(ValidationError) as caught:
        moderation.plan_import(GUILD, "orgs.csv", data, 100_000)
    problems = caught.value.problems
    assert problems[0].startswith("Row 2: Name: contains control characters (U+0000)")
    assert problems[1].startswith("Row 3: Name: has only invisible characters")
    assert_nothing_written(engine)


def test_yaml_import_with_an_impossible_date_is_refused(
    engine: Engine, moderation: Moderation
) -> None:
    """The YAML import checks dates against the calendar too, not only their shape."""
    data = (
        b"quotes:\n"
        b"  - id: q-1\n"
        b"    speaker: tomas-ojea-quintana\n"
        b"    text: Words.\n"
        b"    kind: verbatim\n"
        b"    date: '2019-02-30'\n"
    )
    with pytest.raises(ValidationError) as caught:
        moderation.plan_import(GUILD, "quotes.yaml", data, 100_000)
    assert "'date' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '2019-02-30'" in str(
        caught.value
    )
    assert_nothing_written(engine)
