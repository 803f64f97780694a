"""A PNG chart of commands per day, each day's bar stacked by outcome, sized for an embed.

It draws `UsageStats.per_day`, the series the report and the JSON show, day for day; the
outcomes are read from that series, so an outcome added to the usage log shows up here.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from PIL import Image, ImageDraw, ImageFont

from bot.core.usage.stats import UsageStats, outcome_label

_BACKGROUND: Final = (255, 255, 255)
_TEXT: Final = (35, 39, 42)
_MUTED: Final = (110, 115, 125)
_GRID: Final = (225, 227, 232)
#: Discord's own colours, so the chart looks at home in an embed.
OUTCOME_COLOURS: Final[dict[str, tuple[int, int, int]]] = {
    "answered": (88, 101, 242),
    "nothing_found": (153, 170, 181),
    "refused": (250, 166, 26),
    "invalid": (235, 69, 158),
    "error": (237, 66, 69),
}
#: For an outcome without a colour above (a new one): still drawn, still in the legend.
_SPARE_COLOURS: Final = ((87, 242, 135), (0, 168, 150), (120, 80, 40))

#: Beyond this many day labels they overlap at 800 px; the rest are thinned out.
_MAX_DAY_LABELS: Final = 10
#: Labels with a year are wider: fewer fit.
_MAX_DATED_LABELS: Final = 7
#: Up to this many days each bar has room for its count above it.
_MAX_VALUE_LABELS: Final = 14
#: Past this many days, the axis is labelled by month.
_MONTHLY_AFTER_DAYS: Final = 62
#: A stacked segment with any command is at least this tall, so it never looks like zero.
_MIN_SEGMENT_PX: Final = 2

_Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True, slots=True)
class Segment:
    """One outcome's part of a day's bar, in pixels (top above bottom: y grows downwards)."""

    outcome: str
    count: int
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Bar:
    """One day's column: where it stands and its segments, bottom first (empty: no commands)."""

    day: date
    left: float
    right: float
    segments: tuple[Segment, ...]


def axis_labels(days: Sequence[date], max_labels: int = _MAX_DAY_LABELS) -> dict[int, str]:
    """Labels for the day axis: {index of the day: label}, at most about `max_labels`.

    Up to two months: days ("04 Mar"), with the year ("28 Dec 2024") when the period
    crosses a year. Longer: the first day of months ("Mar 2025"), so a year reads at a
    glance. Counted back from the last day, so today is always labelled on a short axis.
    """
    if not days:
        return {}
    if len(days) > _MONTHLY_AFTER_DAYS:
        starts = [i for i, d in enumerate(days) if d.day == 1]
        every = math.ceil(len(starts) / _MAX_DATED_LABELS) or 1
        return {i: days[i].strftime("%b %Y") for i in starts[::every]}
    crosses = days[0].year != days[-1].year
    every = math.ceil(len(days) / (_MAX_DATED_LABELS if crosses else max_labels))
    shape = "%d %b %Y" if crosses else "%d %b"
    last = len(days) - 1
    return {i: days[i].strftime(shape) for i in range(last, -1, -every)}


def outcome_colour(outcome: str, outcomes: Sequence[str]) -> tuple[int, int, int]:
    """The colour of `outcome`'s segments and legend swatch."""
    colour = OUTCOME_COLOURS.get(outcome)
    if colour is not None:
        return colour
    spare = [o for o in outcomes if o not in OUTCOME_COLOURS]
    return _SPARE_COLOURS[spare.index(outcome) % len(_SPARE_COLOURS)]


@dataclass(frozen=True, slots=True)
class Layout:
    """Where everything of the chart goes: the plot's box, its scale, the bars, the labels."""

    left: float
    top: float
    right: float
    bottom: float
    #: The value of the top gridline, and the step between gridlines.
    top_value: int
    step: int
    bars: tuple[Bar, ...]
    #: {index of the day: its label on the axis}.
    labels: dict[int, str]


def chart_layout(stats: UsageStats, size: tuple[int, int] = (800, 400)) -> Layout:
    """The chart's geometry for `stats` at `size`; `render_daily_chart` draws exactly this."""
    width, height = size
    top_value, step = _axis(max((d.count for d in stats.per_day), default=0))
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    widest_tick = max(probe.textlength(f"{v:,}", font=_font(12)) for v in (0, top_value))
    left, right = 36 + int(widest_tick) + 8, width - 20
    top, bottom = 68, height - 58
    slot = (right - left) / len(stats.per_day)
    # Narrow bars (a year in 800 px) touch: a gap would leave hardly any colour.
    gap = max(1.0, slot * 0.2) if slot >= 4 else 0.0
    bars = []
    for i, day in enumerate(stats.per_day):
        x0, x1 = left + i * slot + gap / 2, left + (i + 1) * slot - gap / 2
        segments: list[Segment] = []
        y = float(bottom)
        for outcome, count in day.outcomes:
            if count:
                tall = max(_MIN_SEGMENT_PX, count / top_value * (bottom - top))
                upper = max(float(top), y - tall)
                segments.append(Segment(outcome, count, upper, y))
                y = upper
        bars.append(Bar(day.day, x0, max(x0, x1 - 1) if gap else x1, tuple(segments)))
    labels = axis_labels([d.day for d in stats.per_day])
    return Layout(left, top, right, bottom, top_value, step, tuple(bars), labels)


def render_daily_chart(
    stats: UsageStats, *, title: str | None = None, size: tuple[int, int] = (800, 400)
) -> bytes:
    """Return a PNG of `stats.per_day`: stacked bars by outcome, legend, axes, gridlines."""
    width, height = size
    image = Image.new("RGB", size, _BACKGROUND)
    draw = ImageDraw.Draw(image)
    label_font, tick_font = _font(14), _font(12)

    where = "all servers" if stats.guild_id is None else "this server"
    period = f"{stats.start:%d %b %Y}"
    if stats.days > 1:
        period += f" to {stats.end:%d %b %Y}"  # Pillow's bundled font has no en dash
    title = title or f"Commands per day, {where}: {period} ({stats.total:,} total)"
    title_font = _fitting_font(draw, title, width - 24, 20)
    draw.text((width / 2, 12), title, fill=_TEXT, font=title_font, anchor="mt")
    outcomes = [o for o, _ in stats.per_day[0].outcomes]
    _draw_legend(draw, stats, outcomes, (width / 2, 44), tick_font)

    plot = chart_layout(stats, size)
    left, top, right, bottom = plot.left, plot.top, plot.right, plot.bottom
    for value in range(0, plot.top_value + 1, plot.step):
        y = bottom - value / plot.top_value * (bottom - top)
        draw.line((left, y, right, y), fill=_GRID, width=1)
        draw.text((left - 6, y), f"{value:,}", fill=_MUTED, font=tick_font, anchor="rm")
    draw.line((left, bottom, right, bottom), fill=_MUTED, width=1)

    for i, (bar, day) in enumerate(zip(plot.bars, stats.per_day, strict=True)):
        middle = (bar.left + bar.right) / 2
        for segment in bar.segments:
            colour = outcome_colour(segment.outcome, outcomes)
            draw.rectangle((bar.left, segment.top, bar.right, segment.bottom - 1), fill=colour)
        if bar.segments and len(plot.bars) <= _MAX_VALUE_LABELS:
            peak = bar.segments[-1].top
            draw.text((middle, peak - 3), f"{day.count:,}", fill=_TEXT, font=tick_font, anchor="mb")
        if i in plot.labels:
            draw.text(
                (middle, bottom + 6), plot.labels[i], fill=_MUTED, font=tick_font, anchor="mt"
            )

    if stats.total == 0:
        draw.text(
            ((left + right) / 2, (top + bottom) / 2),
            "No commands in this period",
            fill=_MUTED,
            font=label_font,
            anchor="mm",
        )
    draw.text(
        ((left + right) / 2, height - 10), "Day (UTC)", fill=_TEXT, font=label_font, anchor="mb"
    )
    _draw_vertical(image, "Commands", (14, (top + bottom) / 2), label_font)

    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _draw_legend(
    draw: ImageDraw.ImageDraw,
    stats: UsageStats,
    outcomes: Sequence[str],
    centre: tuple[float, float],
    font: _Font,
) -> None:
    """A swatch and "answered 12" per outcome, in stacking order, centred on one line."""
    totals = {o: sum(dict(d.outcomes).get(o, 0) for d in stats.per_day) for o in outcomes}
    entries = [f"{outcome_label(o)} {totals[o]:,}" for o in outcomes]
    swatch, spacing = 10, 16
    widths = [swatch + 4 + draw.textlength(e, font=font) for e in entries]
    x = centre[0] - (sum(widths) + spacing * max(len(entries) - 1, 0)) / 2
    y = centre[1]
    for outcome, entry, entry_width in zip(outcomes, entries, widths, strict=True):
        colour = outcome_colour(outcome, outcomes)
        draw.rectangle((x, y - swatch / 2, x + swatch, y + swatch / 2), fill=colour)
        draw.text((x + swatch + 4, y), entry, fill=_TEXT, font=font, anchor="lm")
        x += entry_width + spacing


def _axis(largest: int) -> tuple[int, int]:
    """Return the axis maximum and a 1-2-5 gridline step giving about five lines."""
    if largest <= 0:
        return 1, 1
    raw = largest / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    return math.ceil(largest / step) * step, step


def _font(size: int) -> _Font:
    # Pillow's bundled scalable font needs FreeType; fall back to its bitmap font without it.
    try:
        return ImageFont.load_default(size=size)
    except ImportError:
        return ImageFont.load_default()


def _fitting_font(draw: ImageDraw.ImageDraw, text: str, room: float, size: int) -> _Font:
    """The largest font up to `size` in which `text` fits in `room` pixels (a long title)."""
    font = _font(size)
    while size > 10 and draw.textlength(text, font=font) > room:
        size -= 1
        font = _font(size)
    return font


def _draw_vertical(image: Image.Image, text: str, centre: tuple[float, float], font: _Font) -> None:
    """Draw `text` rotated a quarter turn anticlockwise, centred on `centre`."""
    probe = ImageDraw.Draw(image)
    x0, y0, x1, y1 = probe.textbbox((0, 0), text, font=font)
    label = Image.new("RGBA", (int(x1 - x0) + 2, int(y1 - y0) + 2), (0, 0, 0, 0))
    ImageDraw.Draw(label).text((1 - x0, 1 - y0), text, fill=_TEXT, font=font)
    rotated = label.rotate(90, expand=True)
    position = (int(centre[0] - rotated.width / 2), int(centre[1] - rotated.height / 2))
    image.paste(rotated, position, rotated)
