"""Signatory lists, counts, demands, abuses and people with roles, rule by rule."""

from __future__ import annotations

import pytest

from bot.core.drafts.counts import find_counts
from bot.core.drafts.demands import demands, split_demands
from bot.core.drafts.document import read_document
from bot.core.drafts.orgs import OrgBook
from bot.core.drafts.people import PeopleBook, find_people, names_in
from bot.core.drafts.signatories import list_signatories, parse_line
from bot.core.search.numbers import figures_in, number_value, other_figure


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        ("Free NK Gulag (ROK)", ("Free NK Gulag", [], "South Korea", "ROK")),
        ("Freedom House (USA)", ("Freedom House", [], "United States", "USA")),
        ("Global Witness Watch (UK)", ("Global Witness Watch", [], "United Kingdom", "UK")),
        ("No Fence (Japan)", ("No Fence", [], "Japan", None)),
        ("People In Need (Czech Republic)", ("People In Need", [], "Czech Republic", None)),
        (
            "Liberty in North Korea - LiNK (USA)",
            ("Liberty in North Korea", ["LiNK"], "United States", "USA"),
        ),
        (
            "International Federation for Human Rights (FIDH)",
            ("International Federation for Human Rights", ["FIDH"], None, None),
        ),
        (
            "COMJAN (Investigation Commission on Missing Japanese Probably Related to North Korea)"
            "(Japan)",
            (
                "Investigation Commission on Missing Japanese Probably Related to North Korea",
                ["COMJAN"],
                "Japan",
                None,
            ),
        ),
        (
            "PSALT NK (Prayer Service Action Love Truth for North Korea)",
            ("Prayer Service Action Love Truth for North Korea", ["PSALT NK"], None, None),
        ),
        (
            "The Simon Wiesenthal Center (USA)",
            ("The Simon Wiesenthal Center", ["Simon Wiesenthal Center"], "United States", "USA"),
        ),
    ],
)
def test_list_lines(line: str, parsed: tuple[str, list[str], str | None, str | None]) -> None:
    """Countries in parentheses are normalised and kept as printed; abbreviations are aliases."""
    assert parse_line(line)[:4] == parsed


def article(text: str):
    return read_document(text.encode(), "a.txt")


def test_a_list_under_a_heading_ends_with_its_block() -> None:
    """Names one per line after "signed by:"; the contact line after a blank line is not one."""
    doc = article(
        "Thirty groups today sent a letter to the minister urging the release of "
        "all detained reporters in the country.\n\nThe letter is signed by:\n\n"
        "Free Voices (Kenya)\nPress Watch\nOpen Newsroom (Ghana)\n\n"
        "For more information, contact the coordinators"
    )
    signings, notes = list_signatories(doc, OrgBook(doc.text))
    assert [s.org.name for s in signings] == ["Free Voices", "Press Watch", "Open Newsroom"]
    assert signings[0].org.country == "Kenya" and notes


def test_a_bare_list_of_organisations_is_found_and_flagged() -> None:
    """Five or more organisation lines without a heading are a list, marked as such."""
    names = [
        "Free Voices Network",
        "Press Watch",
        "Open Newsroom Alliance",
        "Reporters Union",
        "Justice Foundation",
    ]
    doc = article(
        "Groups wrote to the minister this week about the detention of reporters "
        "in the capital and in the provinces.\n\n" + "\n".join(names)
    )
    signings, notes = list_signatories(doc, OrgBook(doc.text))
    assert [s.org.name for s in signings] == names
    assert "without a heading" in notes[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("52", 52),
        ("1,200", 1200),
        ("forty-three", 43),
        ("three", 3),
        ("two hundred", 200),
        ("hundreds", None),
    ],
)
def test_number_values(text: str, value: int | None) -> None:
    """Digits, thousands commas and number words."""
    assert number_value(text) == value


def test_counts_keep_qualifiers_and_tell_signers_from_the_represented() -> None:
    """52 signed (the signers), more than 300 represented (not), at least 22 countries."""
    counts = find_counts(
        [
            "The letter was signed by 52 organizations, including coalitions, representing more "
            "than 300 NGOs from at least 22 countries.",
            "Over 200,000 men, women and children are held in camps, the letter says.",
        ]
    )
    assert [(c.count, c.qualifier, c.of_signers) for c in counts] == [
        (52, "exactly", True),
        (300, "more-than", False),
        (22, "at-least", False),
    ]
    assert counts[0].unit == "organizations, including coalitions"


def test_the_same_count_printed_twice_is_one_count_with_both_wordings() -> None:
    """ "more than 300" and "over 300" are one count; a "represent" wording wins."""
    counts = find_counts(
        [
            "CSW joined over 300 organisations in writing the letter.",
            "The signers represent more than 300 organisations worldwide.",
        ]
    )
    assert len(counts) == 1 and len(counts[0].wordings) == 2
    assert not counts[0].of_signers


def test_part_counts_are_not_the_signers() -> None:
    """ "three largest …" and "40 other organizations" are parts, not the total."""
    counts = find_counts(
        [
            "The world's three largest international human rights "
            "organizations, along with 40 other organizations, today released "
            "an open letter."
        ]
    )
    assert [(c.count, c.of_signers) for c in counts] == [(3, False), (40, False)]


def test_demands_from_a_bulleted_list_after_calls_on() -> None:
    """The list after "calls on … to:" gives the demands, one per bullet."""
    doc = article(
        "Groups today sent a letter to the minister about the prisons of the "
        "country and the reporters held in them.\n\nThe letter calls on the "
        "government to:\n\n- release all reporters;\n- close the camps; and\n"
        "- allow monitors in."
    )
    masked = [p.text for p in doc.paragraphs]
    assert [d.text for d in demands(doc.paragraphs, masked)] == [
        "Release all reporters.",
        "Close the camps.",
        "Allow monitors in.",
    ]


def test_prose_demands_split_at_each_verb() -> None:
    """ "end A and B, take C, and provide D": three demands, "and B" stays with A."""
    assert split_demands(
        "end forced labor and the abuse of prisoners, take action on the "
        "recommendations, and provide monitoring of aid"
    ) == [
        "end forced labor and the abuse of prisoners",
        "take action on the recommendations",
        "provide monitoring of aid",
    ]


def test_people_with_roles_in_every_shape() -> None:
    """Appositive, title before the name, byline and press-contact line."""
    doc = article(
        "By Elena Novak\n\nA coalition sent a letter to Belarusian President "
        "Alexander Lukashenko on Tuesday about the reporters held in Minsk.\n\n"
        "Ivan Petrov, director of the Free Press Union, said the letter mattered."
        "\n\nFor further information please contact:\n\n"
        "Vilnius, Marta Kaz, Free Press Union (Lithuanian, English)"
    )
    orgs = OrgBook(doc.text)
    people = PeopleBook()
    find_people(doc, orgs, people)
    roles = {
        p.name: [(r.title, r.org.name if r.org else None) for r in p.roles] for p in people.people
    }
    assert roles["Elena Novak"] == [("author (byline)", None)]
    assert roles["Alexander Lukashenko"] == [("Belarusian President", None)]
    assert roles["Ivan Petrov"] == [("director", "Free Press Union")]
    assert roles["Marta Kaz"] == [
        ("press contact (Vilnius; Lithuanian and English)", "Free Press Union")
    ]


def test_names_are_found_behind_titles_and_adjectives() -> None:
    """ "Belarusian President Alexander Lukashenko" holds one name."""
    assert names_in("to Belarusian President Alexander Lukashenko demanding") == [
        ("Alexander Lukashenko", 24)
    ]


def test_surnames_and_titles_refer_back() -> None:
    """ "Adams" and "President Moon" are the full names met before; "Kim" of two is nobody."""
    people = PeopleBook()
    for name in ("Brad Adams", "Moon Jae-in", "Kim Jong Un", "Kim Yong Chol"):
        people.add(name)
    assert people.refer("Adams").name == "Brad Adams"  # type: ignore[union-attr]
    assert people.refer("President Moon").name == "Moon Jae-in"  # type: ignore[union-attr]
    assert people.refer("Kim Jong-un").name == "Kim Jong Un"  # type: ignore[union-attr]
    assert people.refer("Kim") is None


def test_figures_in_words_and_digits() -> None:
    """A statement's figures, whether printed in digits or in words."""
    assert figures_in("Seventy years of abuses and 200,000 prisoners") == {70, 200000}
    assert figures_in("forty-three groups, three hundred NGOs") == {43, 300}
    assert other_figure("Seventy years of rights abuses", (50,))
    assert not other_figure("Seventy years of rights abuses", (70,))
    assert not other_figure("no figure at all", (50,))
