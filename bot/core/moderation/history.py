"""How the change log reads to a moderator: change numbers and field-by-field diffs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

from bot.core.moderation.changelog import Change


def change_marks(ids: Iterable[int]) -> str:
    """Change numbers for a reply, runs collapsed: "#3, #7–#9".

    An import of hundreds of entries would otherwise list every number, far past what a
    Discord message (2,000 characters) can hold.
    """
    runs: list[list[int]] = []
    for number in sorted(set(ids)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(
        f"#{run[0]}–#{run[-1]}" if len(run) > 2 else ", ".join(f"#{n}" for n in run) for run in runs
    )


def change_diff(change: Change, width: int = 60) -> tuple[str, ...]:
    """What a change did, field by field: "text: “old” → “new”" (created / removed too)."""
    before, after = _entry_fields(change.before), _entry_fields(change.after)
    if before is None and after is None:
        return ()
    if before is None:
        return (
            "created: "
            + ", ".join(f"{k} {_short(v, width)}" for k, v in (after or {}).items() if k != "id"),
        )
    if after is None:
        return (
            "removed: "
            + ", ".join(f"{k} {_short(v, width)}" for k, v in before.items() if k != "id"),
        )
    lines = []
    for key in dict.fromkeys([*before, *after]):
        if before.get(key) != after.get(key):
            lines.append(
                f"{key}: {_short(before.get(key), width)} → {_short(after.get(key), width)}"
            )
    return tuple(lines)


def _entry_fields(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        document = yaml.safe_load(text)
        (entries,) = document.values()
        (entry,) = entries
    except (yaml.YAMLError, ValueError, AttributeError, TypeError):
        return {}
    return entry if isinstance(entry, dict) else {}


def _short(value: Any, width: int) -> str:
    if value is None:
        return "(none)"
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"
