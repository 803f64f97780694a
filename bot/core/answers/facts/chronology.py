"""Comparisons in time: which of two letters or events came first, and how long between.

Dates are compared only at the precision both have: a year against a day gives years,
never an invented day. Every span says it was computed from the cited dates.
"""

from __future__ import annotations

from datetime import date as Date

from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import human_date
from bot.core.kb.models import Event, Letter
from bot.core.scope import Scope
from bot.core.search.numbers import counted

Dated = Letter | Event


def _when(item: Dated) -> str:
    return human_date(item.date)


def order(
    scope: Scope,
    first: Dated,
    second: Dated,
    asked: str | None = None,
    span: tuple[int, str] | None = None,
) -> Answer:
    """Which of two letters or events came first, from their dates.

    `asked` is the relation a yes-or-no question claims ("was A sent after B?": "after",
    "the same day?": "same"); the answer then opens with yes or no. `span` is how far apart
    it claims they were ("10 days before": (10, "day")): a wrong span makes it a No.
    """
    builder = AnswerBuilder(
        scope.kb, "compare", f"Which came first: {first.title} or {second.title}"
    )
    marks = builder.marks((*first.sources, *second.sources))
    if not first.date or not second.date:
        builder.direct = "The sources do not date both, so their order cannot be told."
    else:
        precision = min(len(first.date), len(second.date))
        a, b = first.date[:precision], second.date[:precision]
        if a == b and precision >= 10:
            builder.direct = f"Both are dated {human_date(a)}: the same day. {marks}"
            relation = "same"
        elif a == b:
            builder.direct = (
                f"The sources do not date them precisely enough to tell: both "
                f"{human_date(a)} ({_when(first)}; {_when(second)}). {marks}"
            )
            relation = None
        else:
            relation = "before" if a < b else "after"
            # the gap comes with the order: "which came first" is often "and by how much"
            length, _, how = span_between(*sorted((first.date, second.date))).partition(" (")
            apart = f"{length.lower()} apart" + (f" ({how}" if how else "")
            # in the order asked: "was the letter before or after the vote?" wants "after"
            builder.direct = (
                f"{first.title} ({_when(first)}) came {relation} "
                f"{second.title} ({_when(second)}): {apart}. {marks}"
            )
        if asked == "timed":
            builder.direct = _timed(first, second) + builder.direct
        elif asked and relation:
            if asked == relation and span and not _span_holds(first.date, second.date, span):
                claimed = f"{span[0]} {span[1]}{'s' if span[0] != 1 else ''}"
                builder.direct = f"No, not {claimed}: " + builder.direct
            else:
                builder.direct = ("Yes. " if asked == relation else "No. ") + builder.direct
    dated_items(builder, first, second)
    builder.interpretation = f"which came first: {first.title} or {second.title}"
    return builder.build()


def _timed(first: Dated, second: Dated) -> str:
    """Whether the sources tie a letter to an event ("timed to the summit?"), as an opener."""
    for letter, event in ((first, second), (second, first)):
        if isinstance(letter, Letter) and isinstance(event, Event):
            if letter.id in event.related_letters:
                return "Yes: the sources tie them together. "
            return "The sources do not tie them together. "
    return ""


def gap(scope: Scope, first: Dated, second: Dated) -> Answer:
    """How long between two dated things, at the precision both dates have."""
    builder = AnswerBuilder(scope.kb, "compare", f"Time between {first.title} and {second.title}")
    marks = builder.marks((*first.sources, *second.sources))
    if not first.date or not second.date:
        builder.direct = "The sources do not date both, so the time between cannot be told."
    else:
        early, late = sorted((first, second), key=lambda x: x.date or "")
        builder.direct = (
            f"{span_between(early.date or '', late.date or '')} passed between "
            f"{early.title} ({_when(early)}) and {late.title} ({_when(late)}), "
            f"computed from those dates {marks}."
        )
    dated_items(builder, first, second)
    builder.interpretation = f"time between {first.title} and {second.title}"
    return builder.build()


def _years_and_months(months: int) -> str:
    """ "1 year and 6 months", "9 months", "2 years" ("" for none)."""
    years, rest = divmod(months, 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    if rest:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " and ".join(parts)


def span_between(early: str, late: str) -> str:
    """ "5 years and 9 months" between ISO dates, at the precision both give."""
    precision = min(len(early), len(late))
    if precision >= 10:
        start, end = Date.fromisoformat(early[:10]), Date.fromisoformat(late[:10])
        days = (end - start).days
        months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
        if not months:
            return counted(days, "day").capitalize()  # "Five days (5)", "12 days"
        return f"{_years_and_months(months)} ({days:,} days)"
    if precision >= 7:
        months = (int(late[:4]) - int(early[:4])) * 12 + int(late[5:7]) - int(early[5:7])
        return f"About {_years_and_months(months) or 'less than a month'} (month precision)"
    years = int(late[:4]) - int(early[:4])
    return (
        f"About {years} year{'s' if years != 1 else ''} ({early[:4]} to {late[:4]}; the "
        "sources give only the year of one)"
    )


def _span_holds(one: str, other: str, span: tuple[int, str]) -> bool:
    """Whether two dates lie `span` apart ("10 days", "2 weeks"), at the dates' precision."""
    count, unit = span
    early, late = sorted((one, other))
    if unit in ("day", "week"):
        if min(len(early), len(late)) < 10:
            return True  # a month's precision cannot refute a count of days
        days = (Date.fromisoformat(late[:10]) - Date.fromisoformat(early[:10])).days
        return days == count if unit == "day" else round(days / 7) == count
    months = (int(late[:4]) - int(early[:4])) * 12 + int(late[5:7] or 0) - int(early[5:7] or 0)
    if unit == "month":
        return min(len(early), len(late)) < 7 or months == count
    return int(late[:4]) - int(early[:4]) == count


def dated_items(builder: AnswerBuilder, *things: Dated) -> None:
    """A "Dates" section: each thing's date, its note, and who took part in an event."""
    builder.section(
        "Dates",
        [
            Item(
                x.title,
                _when(x)
                + (f" — {x.date_note}" if x.date_note else "")
                + _taking_part(builder.kb, x),
                builder.cite(x.sources),
            )
            for x in things
        ],
    )


def _taking_part(kb: KnowledgeBase, item: Dated) -> str:
    """ " — with Tomas Ojea Quintana": who took part in an event, to tell events apart."""
    people = getattr(item, "participants", ())
    return f" — with {', '.join(kb.name_of(p) for p in people)}" if people else ""


def first_letter(scope: Scope, last: bool = False) -> Answer:
    """Which letter came first (or last), with every letter in date order under it."""
    letters = sorted((x for x in scope.kb.letters.values() if x.date), key=lambda x: x.date)
    word = "last" if last else "first"
    builder = AnswerBuilder(scope.kb, "compare", f"The {word} letter")
    if not letters:
        builder.direct = "The sources date no letter."
    else:
        picked = letters[-1] if last else letters[0]
        to = f", to {scope.kb.name_of(picked.recipient)}" if picked.recipient else ""
        in_order = "; ".join(f"{x.year} letter ({_when(x)})" for x in letters)
        builder.direct = (
            f"The {word} was the {picked.year} letter, {picked.title} ({_when(picked)}{to}). "
            f"In date order: {in_order}. " + builder.marks(s for x in letters for s in x.sources)
        )
    dated_items(builder, *letters)
    builder.interpretation = f"the {word} letter"
    return builder.build(found=bool(letters))
