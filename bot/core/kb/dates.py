"""Dates at the precision a source gives them: checked when typed, written for people."""

from __future__ import annotations

import calendar
import re
from typing import Final

#: Earliest year accepted: there is no year 0000, and nothing our sources date is older.
MIN_YEAR: Final = 1000

# ASCII digits only: `\d` would let "２０１９" or "٢٠١٩" through, which no reader expects.
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def date_problem(text: str) -> str | None:
    """Why `text` is not a real YYYY, YYYY-MM or YYYY-MM-DD date, or None when it is one.

    The reason reads after the quoted date: "Date “2019-02-30” " + reason.
    """
    match = _ISO.fullmatch(text)
    if match is None:
        return "must be YYYY, YYYY-MM or YYYY-MM-DD (for example 2018-06-07)."
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    if year < MIN_YEAR:
        return f"is not a real year; give a year from {MIN_YEAR} on."
    if month is None:
        return None
    if not 1 <= month <= 12:
        return "has no such month; months run from 01 to 12."
    if day is None:
        return None
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"does not exist: {calendar.month_name[month]} {year} has {days} days."
    return None


def is_real_date(text: str) -> bool:
    """Whether `text` is a real date at year, month or day precision."""
    return date_problem(text) is None


def human_date(iso: str | None) -> str:
    """ "2018-06-07" → "7 June 2018", "2019-12" → "December 2019", "2012" → "2012"."""
    if not iso:
        return "date unknown"
    parts = iso.split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_name[int(parts[1])]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split(),
        start=1,
    )
}
_MONTH_NAMES = "|".join(_MONTHS)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({_MONTH_NAMES}),? (\d{{4}})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH_NAMES}),? (\d{{4}})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH_NAMES}) (\d{{1,2}}),? (\d{{4}})\b")


def month_in(text: str) -> int | None:
    """The month a question names without a year ("the December letter"), 1–12.

    "May" and "March" count only capitalised: "may" asks, "march" walks.
    """
    for match in re.finditer(rf"\b({_MONTH_NAMES})\b", text, re.IGNORECASE):
        name = match[1]
        if name.casefold() in ("may", "march") and not name[0].isupper():
            continue
        return _MONTHS[name.casefold()]
    return None


#: A day written without its year: "March 23", "25th April", "the 5th of June".
_DAY_ONLY = re.compile(
    rf"\b(?:({_MONTH_NAMES}) (\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)? "
    rf"(?:of )?({_MONTH_NAMES}))\b"
)


def month_and_day(norm: str) -> str | None:
    """ "MM-DD" for a day written without its year ("on March 23", "25th April")."""
    match = _DAY_ONLY.search(norm.casefold())
    if match is None:
        return None
    month = match.group(1) or match.group(4)
    day = int(match.group(2) or match.group(3))
    if not 1 <= day <= 31:
        return None
    return f"{_MONTHS[month]:02d}-{day:02d}"


_SOURCES_DATE = re.compile(
    rf"\b(?:as of|according to(?: the)?) (?:\d{{1,2}} )?(?:{_MONTH_NAMES}),? "
    rf"(?:\d{{1,2}},? )?\d{{4}}\b"
    rf"|\b(?:{_MONTH_NAMES}),? \d{{4}} (?:reporting|reports?|articles?|coverage)\b"
)


def event_date_in(text: str) -> str | None:
    """A date a question gives an event, ISO: `date_in` past any date of the sources' own.

    "What had the Council done as of June 2018?", "according to the June 2018 reporting":
    when the sources spoke, not when the event happened.
    """
    return date_in(_SOURCES_DATE.sub(" ", text.casefold()))


def date_in(text: str) -> str | None:
    """A date written out in a question ("1 June 2018", "June 1, 2018", "March 2018"), ISO."""
    lowered = text.casefold()
    match = _DAY_MONTH.search(lowered)
    if match:
        day, month, year = int(match[1]), _MONTHS[match[2]], match[3]
    else:
        match = _MONTH_DAY.search(lowered)
        if not match:
            month_only = _MONTH_YEAR.search(lowered)
            if month_only is None:
                return None
            return f"{month_only[2]}-{_MONTHS[month_only[1]]:02d}"
        month, day, year = _MONTHS[match[1]], int(match[2]), match[3]
    return f"{year}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
