"""Statistics over the usage log: what a server asks and what went unanswered."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final

from bot.core.usage.events import OUTCOMES
from bot.core.usage.schema import parse_stamp

#: How each outcome is named in the report and the chart's legend; an outcome added to
#: `OUTCOMES` without a label here shows under its own name.
OUTCOME_LABELS: Final[Mapping[str, str]] = {
    "answered": "answered",
    "nothing_found": "nothing found",
    "refused": "refused",
    "invalid": "invalid input",
    "error": "failed",
}


def outcome_label(outcome: str) -> str:
    """How `outcome` is named to a reader."""
    return OUTCOME_LABELS.get(outcome, outcome.replace("_", " "))


@dataclass(frozen=True, slots=True)
class DayCount:
    """Commands on one UTC day, in all and by how they ended."""

    day: date
    count: int
    #: (outcome, commands) for every outcome of `OUTCOMES`, in that order, zeros included.
    outcomes: tuple[tuple[str, int], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The day as JSON-ready builtins."""
        return {"day": self.day.isoformat(), "count": self.count, "outcomes": dict(self.outcomes)}


def daily_series(
    first_day: date, days: int, rows: Iterable[tuple[Any, Any, Any]]
) -> tuple[DayCount, ...]:
    """Every day of the period from (day, outcome, commands) rows, zeros for the quiet days.

    The one place the period's days are made: the report, the JSON and the chart all read
    this series, so they cannot disagree on which days there were or what they held.
    """
    counts: dict[tuple[str, str], int] = {}
    for day, outcome, n in rows:
        counts[(str(day), str(outcome))] = counts.get((str(day), str(outcome)), 0) + int(n)
    # An outcome stored but not (yet) in OUTCOMES, e.g. from a newer bot, still counts.
    known = list(OUTCOMES) + sorted({o for _, o in counts} - set(OUTCOMES))
    series = []
    for n in range(days):
        day = first_day + timedelta(days=n)
        by_outcome = tuple((o, counts.get((day.isoformat(), o), 0)) for o in known)
        series.append(DayCount(day, sum(c for _, c in by_outcome), by_outcome))
    return tuple(series)


@dataclass(frozen=True, slots=True)
class QuestionCount:
    """How often a normalised question was asked."""

    question: str
    count: int


@dataclass(frozen=True, slots=True)
class Gap:
    """A question the knowledge base did not answer well."""

    question: str
    #: Commands asking it that found nothing.
    nothing_found: int
    #: Votes calling an answer to it not helpful.
    not_helpful: int
    last_seen: datetime

    @property
    def count(self) -> int:
        """Both kinds of miss together."""
        return self.nothing_found + self.not_helpful


@dataclass(frozen=True, slots=True)
class UsageStats:
    """Usage of one guild (or of every guild and DM) over the last `days` UTC days.

    Latency percentiles use the nearest-rank method: p95 is the smallest latency that at
    least 95% of commands did not exceed, always a latency that was actually measured.
    """

    guild_id: int | None
    days: int
    #: Every day of the period, oldest first, zeros included.
    per_day: tuple[DayCount, ...]
    total: int
    #: Most asked first; ties alphabetically.
    top_questions: tuple[QuestionCount, ...]
    #: Most missed first; ties newest first.
    gaps: tuple[Gap, ...]
    latency_p50_ms: int | None
    latency_p95_ms: int | None
    refused: int
    errors: int
    helpful_votes: int
    not_helpful_votes: int
    #: (command, count), most used first; ties alphabetically.
    per_command: tuple[tuple[str, int], ...]
    #: Commands by how they ended (`errors` and `refused` above are the other two).
    answered: int = 0
    nothing_found: int = 0
    #: The user's own mistake (an unknown entry, a broken file): told what to fix.
    invalid: int = 0

    @property
    def start(self) -> date:
        """The first day of the period."""
        return self.per_day[0].day

    @property
    def end(self) -> date:
        """The last day of the period (today when `now` was omitted)."""
        return self.per_day[-1].day

    def as_dict(self) -> dict[str, Any]:
        """Return the statistics as JSON-ready builtins (dates as ISO strings)."""
        return {
            "guild_id": self.guild_id,
            "days": self.days,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "per_day": [d.as_dict() for d in self.per_day],
            "total": self.total,
            "top_questions": [
                {"question": q.question, "count": q.count} for q in self.top_questions
            ],
            "gaps": [
                {
                    "question": g.question,
                    "count": g.count,
                    "nothing_found": g.nothing_found,
                    "not_helpful": g.not_helpful,
                    "last_seen": g.last_seen.isoformat(),
                }
                for g in self.gaps
            ],
            "latency_ms": {"p50": self.latency_p50_ms, "p95": self.latency_p95_ms},
            "answered": self.answered,
            "nothing_found": self.nothing_found,
            "refused": self.refused,
            "invalid": self.invalid,
            "errors": self.errors,
            "votes": {"helpful": self.helpful_votes, "not_helpful": self.not_helpful_votes},
            "per_command": dict(self.per_command),
        }


#: Runs one statistics query with named parameters and returns its rows as tuples.
Fetch = Callable[[str, Mapping[str, Any]], Awaitable[list[tuple[Any, ...]]]]


@dataclass(frozen=True, slots=True)
class StatsQueries:
    """The statistics queries in one storage's SQL dialect.

    Each takes the period's start and end (UTC stamps, end exclusive) and the guild (NULL
    meaning every guild and DMs together); each returns what its SQLite twin below returns,
    days and moments as the same text, so one function assembles the statistics for both.
    """

    #: (day 'YYYY-MM-DD', outcome, commands), one row per day and outcome.
    per_day: str
    per_command: str
    outcomes: str
    votes: str
    top_questions: str
    gaps: str
    latency_at: str


async def query_stats(  # noqa: D103 - documented by UsageLog.stats
    fetch: Fetch,
    sql: StatsQueries,
    period: dict[str, Any],
    guild_id: int | None,
    days: int,
    first_day: date,
    top: int,
    gap_limit: int,
) -> UsageStats:
    per_day = daily_series(first_day, days, await fetch(sql.per_day, period))
    total = sum(d.count for d in per_day)
    per_command = tuple((str(c), int(n)) for c, n in await fetch(sql.per_command, period))
    outcomes: dict[Any, Any] = dict(await fetch(sql.outcomes, period))
    votes: dict[Any, Any] = dict(await fetch(sql.votes, period))
    top_questions = tuple(
        QuestionCount(str(question), int(count))
        for question, count in await fetch(sql.top_questions, {**period, "limit": top})
    )
    gaps = tuple(
        Gap(str(question), int(found), int(unhelpful), parse_stamp(str(last)))
        for question, found, unhelpful, last in await fetch(
            sql.gaps, {**period, "limit": gap_limit}
        )
    )
    return UsageStats(
        guild_id=guild_id,
        days=days,
        per_day=per_day,
        total=total,
        top_questions=top_questions,
        gaps=gaps,
        latency_p50_ms=await _latency_percentile(fetch, sql, period, total, 50),
        latency_p95_ms=await _latency_percentile(fetch, sql, period, total, 95),
        refused=int(outcomes.get("refused", 0)),
        errors=int(outcomes.get("error", 0)),
        helpful_votes=int(votes.get(1, 0)),
        not_helpful_votes=int(votes.get(0, 0)),
        per_command=per_command,
        answered=int(outcomes.get("answered", 0)),
        nothing_found=int(outcomes.get("nothing_found", 0)),
        invalid=int(outcomes.get("invalid", 0)),
    )


async def _latency_percentile(
    fetch: Fetch, sql: StatsQueries, period: dict[str, Any], count: int, percent: int
) -> int | None:
    """Return the nearest-rank percentile: the value at rank ceil(percent / 100 * count)."""
    if count == 0:
        return None
    rank = -(-percent * count // 100)
    rows = await fetch(sql.latency_at, {**period, "offset": rank - 1})
    return int(rows[0][0]) if rows else None


# SQLite's dialect. `at` is stored as a fixed-width UTC stamp, so text order is time order.
SQLITE_STATS: Final = StatsQueries(
    per_day="""
        SELECT substr(at, 1, 10), outcome, COUNT(*) FROM usage
        WHERE at >= :start AND at < :end AND (:guild IS NULL OR guild_id = :guild)
        GROUP BY 1, 2
    """,
    per_command="""
        SELECT command, COUNT(*) FROM usage
        WHERE at >= :start AND at < :end AND (:guild IS NULL OR guild_id = :guild)
        GROUP BY command ORDER BY 2 DESC, 1
    """,
    outcomes="""
        SELECT outcome, COUNT(*) FROM usage
        WHERE at >= :start AND at < :end AND (:guild IS NULL OR guild_id = :guild)
        GROUP BY outcome
    """,
    votes="""
        SELECT helpful, COUNT(*) FROM votes
        WHERE at >= :start AND at < :end AND (:guild IS NULL OR guild_id = :guild)
        GROUP BY helpful
    """,
    top_questions="""
        SELECT question, COUNT(*) FROM usage
        WHERE at >= :start AND at < :end AND (:guild IS NULL OR guild_id = :guild)
            AND question IS NOT NULL
        GROUP BY question ORDER BY 2 DESC, 1 LIMIT :limit
    """,
    # Questions that found nothing, together with questions voted not helpful.
    gaps="""
        SELECT question, SUM(found), SUM(unhelpful), MAX(at) FROM (
            SELECT question, 1 AS found, 0 AS unhelpful, at FROM usage
            WHERE at >= :start AND at < :end AND (:guild IS NULL OR guild_id = :guild)
                AND outcome = 'nothing_found' AND question IS NOT NULL
            UNION ALL
            SELECT question, 0, 1, at FROM votes
            WHERE at >= :start AND at < :end AND (:guild IS NULL OR guild_id = :guild)
                AND helpful = 0 AND question IS NOT NULL
        )
        GROUP BY question
        ORDER BY SUM(found) + SUM(unhelpful) DESC, MAX(at) DESC, question
        LIMIT :limit
    """,
    latency_at="""
        SELECT latency_ms FROM usage
        WHERE at >= :start AND at < :end AND (:guild IS NULL OR guild_id = :guild)
        ORDER BY latency_ms LIMIT 1 OFFSET :offset
    """,
)
