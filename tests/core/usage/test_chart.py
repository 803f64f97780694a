"""The commands-per-day chart: a real PNG, stacked by outcome, its axis dated readably."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image

from bot.core.usage.chart import (
    OUTCOME_COLOURS,
    axis_labels,
    chart_layout,
    outcome_colour,
    render_daily_chart,
)
from bot.core.usage.events import OUTCOMES
from bot.core.usage.stats import UsageStats, daily_series

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FIRST = date(2025, 3, 1)


def stats_with(
    counts: list[int], first: date = FIRST, outcome: str = "answered", guild_id: int | None = None
) -> UsageStats:
    """Statistics whose days, from `first`, have these command counts of one outcome."""
    rows = [((first + timedelta(days=n)).isoformat(), outcome, c) for n, c in enumerate(counts)]
    per_day = daily_series(first, len(counts), rows)
    return UsageStats(
        guild_id=guild_id,
        days=len(counts),
        per_day=per_day,
        total=sum(counts),
        top_questions=(),
        gaps=(),
        latency_p50_ms=None,
        latency_p95_ms=None,
        refused=0,
        errors=0,
        helpful_votes=0,
        not_helpful_votes=0,
        per_command=(),
    )


def _image(png: bytes) -> Image.Image:
    with Image.open(io.BytesIO(png)) as image:
        return image.convert("RGB")


@pytest.mark.parametrize(
    "counts",
    [
        [3, 0, 12, 7, 1, 0, 40],
        [0] * 30,
        [(n * 37) % 1500 for n in range(365)],
        [(n * 7) % 90 for n in range(3660)],
        [1],
    ],
    ids=["week", "empty-month", "year", "ten-years", "one-day"],
)
def test_chart_is_a_png_of_embed_size(counts: list[int]) -> None:
    """The chart is an 800×400 PNG whatever the number of days."""
    png = render_daily_chart(stats_with(counts))
    assert png.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.size) == ("PNG", (800, 400))


def test_chart_size_can_be_chosen() -> None:
    """A caller can ask for another size."""
    png = render_daily_chart(stats_with([1, 2, 3]), size=(1200, 500))
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 500)


def test_chart_draws_bars_in_the_outcomes_colour() -> None:
    """Days with commands show as bars of their outcome's colour; an empty period has none."""

    def pixels(counts: list[int], outcome: str) -> int:
        stats = stats_with(counts, outcome=outcome)
        box = chart_layout(stats)
        plot = _image(render_daily_chart(stats)).crop(
            (int(box.left), int(box.top), int(box.right), int(box.bottom))
        )  # the plot alone: the legend shows every colour
        colours = plot.getcolors(1 << 20) or []
        return sum(n for n, colour in colours if colour == OUTCOME_COLOURS[outcome])

    assert pixels([5, 10, 5], "answered") > 10_000
    assert pixels([5, 10, 5], "error") > 10_000
    assert pixels([0, 0, 0], "answered") == 0


def test_a_day_with_one_command_among_thousands_is_visible() -> None:
    """The smallest segment is still a few pixels tall, so it is never read as zero."""
    layout = chart_layout(stats_with([5000, 1, 0]))
    [segment] = layout.bars[1].segments
    assert segment.bottom - segment.top >= 2
    assert layout.bars[2].segments == ()


@pytest.mark.parametrize(
    ("first", "days", "expected"),
    [
        # A week inside one year: day and month are enough.
        (date(2025, 3, 4), 7, ["04 Mar", "05 Mar", "06 Mar", "07 Mar", "08 Mar", "09 Mar",
                               "10 Mar"]),
        # Ten days across New Year: every label says its year.
        (date(2024, 12, 28), 10, ["29 Dec 2024", "31 Dec 2024", "02 Jan 2025", "04 Jan 2025",
                                  "06 Jan 2025"]),
        # A year: the months, each with its year.
        (date(2024, 3, 11), 365, ["Apr 2024", "Jun 2024", "Aug 2024", "Oct 2024", "Dec 2024",
                                  "Feb 2025"]),
    ],
    ids=["week", "new-year", "year"],
)  # fmt: skip
def test_axis_labels_carry_the_year_when_the_period_needs_it(
    first: date, days: int, expected: list[str]
) -> None:
    """Labels name the year when the period crosses one or is long, and stay in order."""
    series = [first + timedelta(days=n) for n in range(days)]
    labels = axis_labels(series)
    assert [labels[i] for i in sorted(labels)] == expected
    assert len(labels) <= 10
    # Each label stands under its own day.
    for i, label in labels.items():
        assert label in (series[i].strftime("%d %b %Y"), series[i].strftime("%b %Y"),
                         series[i].strftime("%d %b"))  # fmt: skip


def test_ten_years_keep_few_month_labels() -> None:
    """3,660 days (the CLI's longest period) still get a handful of readable labels."""
    series = [date(2015, 1, 1) + timedelta(days=n) for n in range(3660)]
    labels = axis_labels(series)
    assert 5 <= len(labels) <= 10
    assert all(label[-4:].isdigit() for label in labels.values())


def test_an_outcome_new_to_the_chart_is_drawn_in_a_colour_of_its_own() -> None:
    """An outcome the chart has no colour for (added to the log later) is still drawn."""
    outcomes = [*OUTCOMES, "timed_out"]
    colour = outcome_colour("timed_out", outcomes)
    assert colour not in OUTCOME_COLOURS.values()
    image = _image(render_daily_chart(stats_with([4, 0, 6], outcome="timed_out")))
    assert any(c == colour for _, c in image.getcolors(1 << 20) or [])
