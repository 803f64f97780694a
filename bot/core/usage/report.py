"""Usage statistics as an `Answer`, so /stats and `campaign-bot stats` render alike."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from bot.core.answers.answer import Answer, Item, Section
from bot.core.usage.stats import DayCount, UsageStats, outcome_label


def stats_answer(stats: UsageStats, where: str) -> Answer:
    """A moderator's report: volume, latency, refusals, votes, and the gap list."""
    lead = [
        f"{stats.total:,} command{'s' if stats.total != 1 else ''} in {where} over the last "
        f"{stats.days} day{'s' if stats.days != 1 else ''} "
        f"({stats.start.isoformat()} to {stats.end.isoformat()}, UTC).",
    ]
    if stats.latency_p50_ms is not None:
        lead.append(
            f"Answer latency: p50 {stats.latency_p50_ms} ms, p95 {stats.latency_p95_ms} ms."
        )
    # Refusals (not a moderator, slowed down) and mistakes (a typo, a broken file) are the
    # users' side; only "failed" is the bot's, so they are counted apart.
    lead.append(
        f"Answered: {stats.answered}. Nothing found: {stats.nothing_found}. "
        f"Refused: {stats.refused}. Invalid input: {stats.invalid}. Failed: {stats.errors}."
    )
    lead.append(f"Votes: {stats.helpful_votes} helpful, {stats.not_helpful_votes} not helpful.")
    sections = []
    if stats.gaps:
        sections.append(
            Section(
                "Not answered well — add entries for these",
                tuple(
                    Item(gap.question, _gap_text(gap.nothing_found, gap.not_helpful))
                    for gap in stats.gaps
                ),
            )
        )
    if stats.top_questions:
        sections.append(
            Section(
                "Most asked", tuple(Item(q.question, f"{q.count}×") for q in stats.top_questions)
            )
        )
    if stats.per_command:
        sections.append(
            Section(
                "By command",
                tuple(Item(f"/{name}", f"{count}") for name, count in stats.per_command),
            )
        )
    if stats.total:
        sections.append(Section("Commands per day", _day_items(stats.per_day)))
    return Answer(
        kind="stats",
        title=f"Usage statistics — {where}",
        lead=tuple(lead),
        sections=tuple(sections),
        found=stats.total > 0,
    )


def _gap_text(nothing_found: int, not_helpful: int) -> str:
    parts = []
    if nothing_found:
        parts.append(f"found nothing {nothing_found}×")
    if not_helpful:
        parts.append(f"voted not helpful {not_helpful}×")
    return ", ".join(parts)


def _day_items(days: Sequence[DayCount]) -> tuple[Item, ...]:
    """Every day of the period, as the chart and the JSON have them.

    A run of quiet days is one line ("2025-03-07 to 2025-03-09: 0 each"), so a year of a
    quiet server reads in a few lines and still accounts for every day.
    """
    items = []
    for busy, run in groupby(days, key=lambda d: d.count > 0):
        group = list(run)
        if busy:
            items += [Item(d.day.isoformat(), _day_text(d)) for d in group]
        elif len(group) == 1:
            items.append(Item(group[0].day.isoformat(), "0"))
        else:
            span = f"{group[0].day.isoformat()} to {group[-1].day.isoformat()}"
            items.append(Item(span, "0 each"))
    return tuple(items)


def _day_text(day: DayCount) -> str:
    """ "5: answered 3, nothing found 2" (outcomes with no commands left out)."""
    parts = [f"{outcome_label(o)} {n}" for o, n in day.outcomes if n]
    return f"{day.count}: " + ", ".join(parts) if parts else str(day.count)
