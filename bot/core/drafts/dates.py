"""Dates as press releases print them, read at the precision the print can defend.

"2018-06-07", "7 Jun 2018", "June 7, 2018", "2021.3.15" are unambiguous. All-number dates
with both parts 12 or less are not: "06/07/2018" with slashes is read month-first (the
English-language press convention for slashes) and flagged with the other reading;
"1.9.2012" with dots or dashes has no such convention, so only the year is kept and both
readings go in the note. Relative words ("today", "earlier this week", "on Thursday") are
read against the document's own date, and always flagged.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.casefold(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"

_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    ("ymd", re.compile(r"\b(?P<year>\d{4})[./](?P<m>\d{1,2})[./](?P<d>\d{1,2})\b")),
    (
        "numeric",
        re.compile(
            r"\b(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<year>\d{4})\b"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH},?\s+"
            r"(?P<year>\d{4})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b{_MONTH}\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE
        ),
    ),
    ("my", re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b", re.IGNORECASE)),
    (
        "md",
        re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}}){_ORDINAL}\b(?!,?\s*\d{{4}})", re.IGNORECASE),
    ),
]
_WEEKDAYS = {name.casefold(): number for number, name in enumerate(calendar.day_name)}
_RELATIVE = re.compile(
    r"\b(?P<phrase>today|this morning|tonight|yesterday|earlier this week|this week|"
    r"last week|earlier this month|this month|last month|"
    r"(?:on|last)\s+(?P<weekday>" + "|".join(calendar.day_name) + r"))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text: ISO at a defensible precision, as printed, and any doubt."""

    iso: str
    printed: str
    start: int = 0
    end: int = 0
    #: The reading is a guess or a precision cut, and `note` says why.
    uncertain: bool = False
    note: str | None = None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if month is None:
            return f"{year:04d}"
        if day is None:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _human(year: int, month: int, day: int) -> str:
    return f"{day} {calendar.month_name[month]} {year}"


def _numeric(match: re.Match[str]) -> FoundDate | None:
    a, b, year, sep = int(match["a"]), int(match["b"]), int(match["year"]), match["sep"]
    printed = match.group()
    if a > 12 or a == b:
        iso = _iso(year, b, a)
        return FoundDate(iso, printed) if iso else None
    if b > 12:
        iso = _iso(year, a, b)
        return FoundDate(iso, printed) if iso else None
    month_first, day_first = _human(year, a, b), _human(year, b, a)
    if sep == "/":
        iso = _iso(year, a, b)
        return (
            FoundDate(
                iso,
                printed,
                uncertain=True,
                note=(
                    f"Printed “{printed}”: read month-first (US style) as {month_first}; read "
                    f"day-first it would be {day_first}."
                ),
            )
            if iso
            else None
        )
    return FoundDate(
        f"{year:04d}",
        printed,
        uncertain=True,
        note=(
            f"Printed “{printed}”, which is {day_first} read day-first or {month_first} read "
            "month-first; the text does not settle which, so only the year is recorded."
        ),
    )


def find_dates(text: str, default_year: int | None = None) -> list[FoundDate]:
    """Every date printed in `text`, in order; month-and-day dates need `default_year`."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            parsed = _parse(name, match, default_year)
            if parsed is None:
                if name in ("iso", "ymd", "numeric", "dmy", "mdy"):
                    taken.append((match.start(), match.end()))  # "31 February 2020": none
                continue
            found.append(
                FoundDate(
                    parsed.iso,
                    parsed.printed,
                    match.start(),
                    match.end(),
                    parsed.uncertain,
                    parsed.note,
                )
            )
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def _parse(name: str, match: re.Match[str], default_year: int | None) -> FoundDate | None:
    printed = match.group()
    if name == "numeric":
        return _numeric(match)
    if name in ("iso", "ymd"):
        iso = _iso(int(match["year"]), int(match["m"]), int(match["d"]))
        return FoundDate(iso, printed) if iso else None
    month = _MONTHS[match["month"].casefold()]
    if name == "md":
        # "May 5" needs a capitalised month: "may" is a verb far more often than a month.
        if default_year is None or not match["month"][0].isupper():
            return None
        iso = _iso(default_year, month, int(match["d"]))
        return (
            FoundDate(
                iso,
                printed,
                uncertain=True,
                note=f"Printed “{printed}” without a year; read as {default_year}.",
            )
            if iso
            else None
        )
    if name == "my":
        iso = _iso(int(match["year"]), month)
        return FoundDate(iso, printed) if iso and match["month"][0].isupper() else None
    iso = _iso(int(match["year"]), month, int(match["d"]))
    return FoundDate(iso, printed) if iso else None


def parse_date(text: str) -> FoundDate | None:
    """The date `text` consists of (a dateline, a "Published" line), else None."""
    found = find_dates(text)
    return found[0] if found else None


def relative_dates(text: str, anchor: str | None) -> list[FoundDate]:
    """Dates written relative to the document ("today", "on Thursday"), read against `anchor`.

    `anchor` is the document's ISO date; without a full day nothing relative can be read.
    """
    if anchor is None or len(anchor) != 10:
        return []
    day = date.fromisoformat(anchor)
    found = []
    for match in _RELATIVE.finditer(text):
        resolved = _relative(match, day)
        if resolved is not None:
            found.append(
                FoundDate(resolved[0], match.group(), match.start(), match.end(), True, resolved[1])
            )
    return found


def _relative(match: re.Match[str], day: date) -> tuple[str, str] | None:
    phrase = match["phrase"].casefold()
    anchor = day.isoformat()
    said = f"The text says “{match.group()}”"
    if phrase in ("today", "this morning", "tonight"):
        return anchor, f"{said}; read as the document's date, {_human_of(day)}."
    if phrase == "yesterday":
        before = day - timedelta(days=1)
        return before.isoformat(), f"{said}; read as the day before the document's date."
    if match["weekday"]:
        wanted = _WEEKDAYS[match["weekday"].casefold()]
        back = (day.weekday() - wanted) % 7 or (7 if phrase.startswith("last") else 0)
        when = day - timedelta(days=back)
        return when.isoformat(), (
            f"{said}; read as {calendar.day_name[wanted]} "
            f"{_human_of(when)}, the last one on or before the "
            f"document's date, {_human_of(day)}."
        )
    if "week" in phrase:
        monday = day - timedelta(days=day.weekday())
        if phrase == "last week":
            monday -= timedelta(days=7)
        end = min(day, monday + timedelta(days=6))
        if monday.month == end.month:
            return (
                f"{end.year:04d}-{end.month:02d}",
                f"{said} in a document dated {_human_of(day)}: between "
                f"{_human_of(monday)} and {_human_of(end)}, so only the month is kept.",
            )
        return (
            f"{end.year:04d}",
            f"{said} in a document dated {_human_of(day)}: between "
            f"{_human_of(monday)} and {_human_of(end)}, so only the year is kept.",
        )
    if phrase == "last month":
        first = day.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}", f"{said}; read as the month before."
    return f"{day.year:04d}-{day.month:02d}", f"{said}; read as the document's month."


def _human_of(day: date) -> str:
    return _human(day.year, day.month, day.day)
