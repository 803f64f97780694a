"""One daily series: the report's text, the JSON and the chart show the same days and counts.

The CLI's `stats` prints `render_text(stats_answer(...))` or `as_dict()` as JSON and writes
`render_daily_chart(...)`; these tests read all three back from one known log.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta

from PIL import Image

from bot.cli.render import render_text
from bot.core.usage.chart import chart_layout, outcome_colour, render_daily_chart
from bot.core.usage.events import OUTCOMES, Outcome
from bot.core.usage.report import stats_answer
from bot.core.usage.stats import UsageStats, outcome_label
from tests.core.usage.backends import Backend
from tests.core.usage.test_log import GUILD, OTHER_GUILD, at, event, make_log

#: The period: ten days, 1 to 10 March 2025.
NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
DAYS = 10

#: (day of March, outcome, commands): quiet days between, a run of three among them.
ROWS: list[tuple[int, Outcome, int]] = [
    (1, "answered", 2),
    (1, "invalid", 1),
    (5, "nothing_found", 1),
    (5, "refused", 1),
    (7, "answered", 3),
    (7, "error", 1),
    (10, "answered", 1),
]

#: What every view must show: each day's total and its outcomes with commands.
EXPECTED: list[tuple[str, int, dict[str, int]]] = [
    ("2025-03-01", 3, {"answered": 2, "invalid": 1}),
    ("2025-03-02", 0, {}),
    ("2025-03-03", 0, {}),
    ("2025-03-04", 0, {}),
    ("2025-03-05", 2, {"nothing_found": 1, "refused": 1}),
    ("2025-03-06", 0, {}),
    ("2025-03-07", 4, {"answered": 3, "error": 1}),
    ("2025-03-08", 0, {}),
    ("2025-03-09", 0, {}),
    ("2025-03-10", 1, {"answered": 1}),
]

Series = list[tuple[str, int, dict[str, int]]]


async def _known_stats(backend: Backend) -> UsageStats:
    async with make_log(backend) as log:
        for day, outcome, times in ROWS:
            for n in range(times):
                # The first at midnight exactly: a day begins at 00:00:00.000000 UTC.
                log.record(event(outcome, when=at(day, 0, 0) if n == 0 else at(day, 9, n)))
        # Just outside: the instant before the period, and another server in it.
        log.record(event(when=datetime(2025, 2, 28, 23, 59, 59, 999_999, tzinfo=UTC)))
        log.record(event(guild_id=OTHER_GUILD, when=at(3)))
        return await log.stats(GUILD, DAYS, now=NOW)


def _from_text(text: str) -> Series:
    """The per-day section of the report, read back: "2025-03-07 to 2025-03-09 — 0 each"."""
    section = text.split("Commands per day:\n", 1)[1].split("\n\n", 1)[0]
    labels: dict[str, str] = {outcome_label(o): o for o in OUTCOMES}
    series: Series = []
    for line in section.splitlines():
        head, _, body = line.strip().partition(" — ")
        first, _, last = head.partition(" to ")
        total, _, detail = body.partition(": ")
        outcomes: dict[str, int] = {}
        for part in filter(None, detail.split(", ")):
            label, _, n = part.rpartition(" ")
            outcomes[labels[label]] = int(n)
        day = date.fromisoformat(first)
        while day <= date.fromisoformat(last or first):
            series.append((day.isoformat(), int(total.removesuffix(" each")), outcomes))
            day += timedelta(days=1)
    return series


def _from_json(stats: UsageStats) -> Series:
    data = json.loads(json.dumps(stats.as_dict()))
    return [
        (d["day"], d["count"], {o: n for o, n in d["outcomes"].items() if n})
        for d in data["per_day"]
    ]


def _from_chart(stats: UsageStats) -> Series:
    """The bars the chart draws, each segment checked against the PNG's own pixels."""
    layout = chart_layout(stats)
    with Image.open(io.BytesIO(render_daily_chart(stats))) as png:
        image = png.convert("RGB")
    outcomes = [o for o, _ in stats.per_day[0].outcomes]
    series: Series = []
    for bar in layout.bars:
        middle = int((bar.left + bar.right) / 2)
        for segment in bar.segments:
            y = int((segment.top + segment.bottom) / 2)
            assert image.getpixel((middle, y)) == outcome_colour(segment.outcome, outcomes)
        if not bar.segments:  # nothing drawn just above the axis on a quiet day
            assert image.getpixel((middle, int(layout.bottom) - 2)) == (255, 255, 255)
        counts = {s.outcome: s.count for s in bar.segments}
        series.append((bar.day.isoformat(), sum(counts.values()), counts))
    return series


async def test_text_json_and_chart_show_the_same_days(backend: Backend) -> None:
    """A known log with quiet days gives one series in the report, the JSON and the chart."""
    stats = await _known_stats(backend)
    text = render_text(stats_answer(stats, "Test server"))
    assert _from_json(stats) == EXPECTED
    assert _from_text(text) == EXPECTED
    assert _from_chart(stats) == EXPECTED
    assert (stats.start, stats.end, stats.total) == (date(2025, 3, 1), date(2025, 3, 10), 10)


async def test_report_lists_quiet_days_and_outcomes(backend: Backend) -> None:
    """Quiet days are written as zeros (a run as one line); busy days by outcome."""
    stats = await _known_stats(backend)
    lines = render_text(stats_answer(stats, "Test server")).splitlines()
    assert "  2025-03-02 to 2025-03-04 — 0 each" in lines
    assert "  2025-03-06 — 0" in lines
    assert "  2025-03-07 — 4: answered 3, failed 1" in lines
    assert "  2025-03-01 — 3: answered 2, invalid input 1" in lines


async def test_every_outcome_is_in_every_day_of_the_json(backend: Backend) -> None:
    """Each day of the JSON names every outcome, zeros included, for scripts to read."""
    stats = await _known_stats(backend)
    for day in stats.as_dict()["per_day"]:
        assert list(day["outcomes"]) == list(OUTCOMES)
        assert sum(day["outcomes"].values()) == day["count"]
    totals = {o: sum(d.as_dict()["outcomes"][o] for d in stats.per_day) for o in OUTCOMES}
    assert totals == {
        "answered": stats.answered,
        "nothing_found": stats.nothing_found,
        "refused": stats.refused,
        "invalid": stats.invalid,
        "error": stats.errors,
    }
