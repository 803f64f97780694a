"""A PNG bar chart of commands per day, sized to read well in a Discord embed."""

from __future__ import annotations

import io
import math
from typing import Final

from PIL import Image, ImageDraw, ImageFont

from bot.core.usage.stats import UsageStats

_BACKGROUND: Final = (255, 255, 255)
_BAR: Final = (88, 101, 242)  # Discord's blurple, so the chart looks at home in an embed
_TEXT: Final = (35, 39, 42)
_MUTED: Final = (110, 115, 125)
_GRID: Final = (225, 227, 232)

#: Beyond this many day labels they overlap at 800 px; the rest are thinned out.
_MAX_DAY_LABELS: Final = 10
#: Up to this many days each bar has room for its count above it.
_MAX_VALUE_LABELS: Final = 14

_Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def render_daily_chart(
    stats: UsageStats, *, title: str | None = None, size: tuple[int, int] = (800, 400)
) -> bytes:
    """Return a PNG bar chart of `stats.per_day`, with a title, axis labels and gridlines."""
    width, height = size
    image = Image.new("RGB", size, _BACKGROUND)
    draw = ImageDraw.Draw(image)
    title_font, label_font, tick_font = _font(20), _font(14), _font(12)

    where = "all servers" if stats.guild_id is None else "this server"
    period = "today" if stats.days == 1 else f"last {stats.days} days"
    title = title or f"Commands per day, {where}: {period} ({stats.total:,} total)"
    draw.text((width / 2, 14), title, fill=_TEXT, font=title_font, anchor="mt")

    top_value, step = _axis(max((d.count for d in stats.per_day), default=0))
    widest_tick = max(draw.textlength(f"{v:,}", font=tick_font) for v in (0, top_value))
    left = 36 + int(widest_tick) + 8
    right, top, bottom = width - 20, 52, height - 58
    plot_height = bottom - top

    for value in range(0, top_value + 1, step):
        y = bottom - value / top_value * plot_height
        draw.line((left, y, right, y), fill=_GRID, width=1)
        draw.text((left - 6, y), f"{value:,}", fill=_MUTED, font=tick_font, anchor="rm")
    draw.line((left, bottom, right, bottom), fill=_MUTED, width=1)

    days = stats.per_day
    slot = (right - left) / len(days)
    gap = max(1.0, slot * 0.2)
    label_every = math.ceil(len(days) / _MAX_DAY_LABELS)
    for i, day in enumerate(days):
        x0, x1 = left + i * slot + gap / 2, left + (i + 1) * slot - gap / 2
        if day.count:
            # At least two pixels tall, so a day with one command is visibly not zero.
            y = min(bottom - day.count / top_value * plot_height, bottom - 3)
            draw.rectangle((x0, y, max(x0, x1 - 1), bottom - 1), fill=_BAR)
            if len(days) <= _MAX_VALUE_LABELS:
                draw.text(
                    ((x0 + x1) / 2, y - 3),
                    f"{day.count:,}",
                    fill=_TEXT,
                    font=tick_font,
                    anchor="mb",
                )
        # Count labels back from the last day, so today is always labelled.
        if (len(days) - 1 - i) % label_every == 0:
            label = day.day.strftime("%d %b")
            draw.text(((x0 + x1) / 2, bottom + 6), label, fill=_MUTED, font=tick_font, anchor="mt")

    if stats.total == 0:
        draw.text(
            ((left + right) / 2, top + plot_height / 2),
            "No commands in this period",
            fill=_MUTED,
            font=label_font,
            anchor="mm",
        )
    draw.text(
        ((left + right) / 2, height - 10), "Day (UTC)", fill=_TEXT, font=label_font, anchor="mb"
    )
    _draw_vertical(image, "Commands", (14, top + plot_height / 2), label_font)

    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


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


def _draw_vertical(image: Image.Image, text: str, centre: tuple[float, float], font: _Font) -> None:
    """Draw `text` rotated a quarter turn anticlockwise, centred on `centre`."""
    probe = ImageDraw.Draw(image)
    x0, y0, x1, y1 = probe.textbbox((0, 0), text, font=font)
    label = Image.new("RGBA", (int(x1 - x0) + 2, int(y1 - y0) + 2), (0, 0, 0, 0))
    ImageDraw.Draw(label).text((1 - x0, 1 - y0), text, fill=_TEXT, font=font)
    rotated = label.rotate(90, expand=True)
    position = (int(centre[0] - rotated.width / 2), int(centre[1] - rotated.height / 2))
    image.paste(rotated, position, rotated)
