"""The commands-per-day chart renders as a real PNG."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image

from bot.core.usage.chart import render_daily_chart
from bot.core.usage.stats import DayCount, UsageStats

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def stats_with(counts: list[int], guild_id: int | None = None) -> UsageStats:
    """Return statistics whose days, from 1 March 2025, have these command counts."""
    per_day = tuple(DayCount(date(2025, 3, 1) + timedelta(days=n), c) for n, c in enumerate(counts))
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


@pytest.mark.parametrize(
    "counts",
    [
        [3, 0, 12, 7, 1, 0, 40],
        [0] * 30,
        [(n * 37) % 1500 for n in range(365)],
        [1],
    ],
    ids=["week", "empty-month", "year", "one-day"],
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


def test_chart_draws_bars_in_the_bar_colour() -> None:
    """Days with commands show as bars; an empty period has none."""

    def bar_pixels(counts: list[int]) -> int:
        with Image.open(io.BytesIO(render_daily_chart(stats_with(counts)))) as image:
            colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
        return sum(n for n, colour in colours if colour == (88, 101, 242))

    assert bar_pixels([5, 10, 5]) > 10_000
    assert bar_pixels([0, 0, 0]) == 0
