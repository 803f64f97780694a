"""Dates at the precision a source gives them, written for people."""

from __future__ import annotations

import calendar


def human_date(iso: str | None) -> str:
    """"2018-06-07" → "7 June 2018", "2019-12" → "December 2019", "2012" → "2012"."""
    if not iso:
        return "date unknown"
    parts = iso.split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_name[int(parts[1])]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"
