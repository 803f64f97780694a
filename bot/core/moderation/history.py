"""How the change log reads to a moderator: what each change did, field by field."""

from __future__ import annotations

from typing import Any

import yaml

from bot.core.moderation.changes import Change, ChangeSet


def change_details(change: ChangeSet, width: int = 60, lines: int = 4) -> tuple[str, ...]:
    """What a change did, in at most `lines` lines under its title.

    One entry (with or without its new source): that entry field by field. Several (an
    import, an undone import): one line per entry, then how many more.
    """
    entries = [row for row in change.rows if row.kind != "source"] or list(change.rows)
    if len(entries) == 1 and change.size == len(change.rows):
        return change_diff(entries[0], width)[:lines]
    shown = [f"{row.action} {row.kind} {_short(row.summary, width)}" for row in entries]
    if change.size > lines:  # not all listed: the last line counts the rest
        shown = shown[: lines - 1]
        shown.append(f"… and {change.size - len(shown)} more")
    return tuple(shown)


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
