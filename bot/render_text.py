"""Render an `Answer` as plain text (CLI, console) or JSON. Every item, no pagination."""

from __future__ import annotations

import json
import textwrap

from bot.core.answer import Answer

_WIDTH = 88


def render_text(answer: Answer) -> str:
    """The whole answer as readable text, sources last."""
    lines = [answer.title, "=" * min(len(answer.title), _WIDTH)]
    lines += [_wrap(line) for line in answer.lead]
    for section in answer.sections:
        lines += ["", section.heading + ":"]
        for item in section.items:
            marks = item.ref_marks()
            flag = " (added by this server's moderators)" if item.community else ""
            head = " ".join(part for part in (item.title, marks) if part) + flag
            body = item.text.strip()
            if head and body:
                if len(head) + len(body) < 70 and "\n" not in body:
                    lines.append(_wrap(f"{head} — {body}", indent="  "))
                else:
                    lines.append(_wrap(head, indent="  "))
                    lines += [_wrap(part, indent="      ") for part in body.splitlines()]
            elif head or body:
                lines.append(_wrap(head or body, indent="  "))
    if answer.notes:
        lines += ["", "Notes:"] + [_wrap(f"- {note}", indent="  ") for note in answer.notes]
    if answer.sources:
        lines += ["", "Sources:"] + [_wrap(c.text(), indent="  ") for c in answer.sources]
    if answer.suggestions:
        label = "Did you mean" if not answer.found else "You could also ask"
        lines += ["", f"{label}:"] + [f"  - {s}" for s in answer.suggestions]
    return "\n".join(lines)


def render_json(answer: Answer) -> str:
    """The answer as JSON (UTF-8 text, stable key order)."""
    return json.dumps(answer.as_dict(), ensure_ascii=False, indent=2)


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=_WIDTH, initial_indent=indent,
                         subsequent_indent=indent + ("  " if indent else ""),
                         break_long_words=False, break_on_hyphens=False)
