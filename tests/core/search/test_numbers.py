"""Figures as texts give them: in digits, in words, in thousands and millions."""

from __future__ import annotations

import pytest

from bot.core.search.numbers import counted, figures_in, number_value


@pytest.mark.parametrize(
    ("text", "value"),
    [("52", 52), ("1,200", 1200), ("forty-three", 43), ("three hundred", 300), ("hundreds", None)],
)
def test_number_value_reads_digits_and_words(text: str, value: int | None) -> None:
    """A count typed in digits or in words is one number; "hundreds of" is none."""
    assert number_value(text) == value


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("A population of 24.5 million kept in fear", {24_500_000}),
        ("like a million political prisoners", {1_000_000}),
        ("two thousand groups and 76 co-signers", {2_000, 76}),
        ("more than 200,000 men, women and children", {200_000}),
        ("Seventy years of abuses", {70}),
    ],
)
def test_figures_in_millions_and_thousands_are_read_whole(text: str, figures: set[int]) -> None:
    """ "24.5 million" is 24,500,000, not 24 and 5; "a million" is a figure too."""
    assert figures_in(text) == figures


def test_counts_under_ten_are_words() -> None:
    """ "one demand", "six demands (6)", "12 demands"."""
    assert [counted(n, "demand") for n in (1, 6, 12)] == [
        "one demand",
        "six demands (6)",
        "12 demands",
    ]
