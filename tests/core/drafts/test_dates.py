"""Dates as printed: unambiguous formats, ambiguous ones flagged, relative ones read."""

from __future__ import annotations

import pytest

from bot.core.drafts.dates import find_dates, parse_date, relative_dates


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("2018-06-07", "2018-06-07"),
        ("7 Jun 2018", "2018-06-07"),
        ("7th June 2018", "2018-06-07"),
        ("June 7, 2018", "2018-06-07"),
        ("Sept. 3, 2019", "2019-09-03"),
        ("2021.3.15", "2021-03-15"),
        ("12/21/2019", "2019-12-21"),
        ("21.12.2019", "2019-12-21"),
        ("March 2021", "2021-03"),
    ],
)
def test_unambiguous_dates(printed: str, iso: str) -> None:
    """Each format is read to its full precision, without doubt."""
    found = parse_date(f"Published {printed} in Seoul")
    assert found is not None and found.iso == iso and not found.uncertain


def test_slashed_date_with_both_parts_small_is_read_month_first_and_flagged() -> None:
    """06/07/2018 is 7 June 2018 in the US convention, and the other reading is noted."""
    found = parse_date("06/07/2018 North Korea (Human Rights Watch)")
    assert found is not None and found.iso == "2018-06-07" and found.uncertain
    assert found.note is not None and "6 July 2018" in found.note


def test_dotted_ambiguous_date_keeps_only_the_year() -> None:
    """1.9.2012 is flagged, not guessed: both readings in the note, the year recorded."""
    found = parse_date("1.9.2012")
    assert found is not None and found.iso == "2012" and found.uncertain
    assert found.note is not None
    assert "1 September 2012" in found.note and "9 January 2012" in found.note


def test_month_and_day_need_a_year_and_a_capital() -> None:
    """ "June 12" takes the given year (flagged); "may 5" in a sentence is not a date."""
    (june,) = find_dates("Trump will meet Kim on June 12 in Singapore", 2018)
    assert june.iso == "2018-06-12" and june.uncertain
    assert find_dates("they may 5 times refuse", 2018) == []
    assert find_dates("on June 12", None) == []


def test_impossible_dates_are_not_dates() -> None:
    """31 February is nobody's date."""
    assert find_dates("31 February 2020 and 2020-13-01") == []


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("today", "2019-12-21"),
        ("yesterday", "2019-12-20"),
        ("Earlier this week", "2019-12"),
        ("on Thursday", "2019-12-19"),
        ("last month", "2019-11"),
    ],
)
def test_relative_dates_read_against_the_document_date(phrase: str, iso: str) -> None:
    """A Saturday 21 December 2019 document: each phrase read, and always flagged."""
    (found,) = relative_dates(f"The coalition wrote {phrase}.", "2019-12-21")
    assert found.iso == iso and found.uncertain and found.note


def test_a_week_across_two_months_keeps_only_the_year() -> None:
    """ "Earlier this week" on Wednesday 2 October spans two months: the year alone."""
    (found,) = relative_dates("earlier this week", "2019-10-02")
    assert found.iso == "2019"


def test_relative_dates_need_a_full_document_date() -> None:
    """Against a year-only date, "today" cannot be read."""
    assert relative_dates("today", "2012") == []
    assert relative_dates("today", None) == []
