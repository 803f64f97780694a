"""Render an `Answer` as plain text (CLI, console) or JSON. Every item, no pagination."""

from __future__ import annotations

import json
import textwrap

from bot.core.answers.answer import Answer

_WIDTH = 88


def render_text(answer: Answer) -> str:
    """The whole answer as readable text, sources last."""
    lines = [answer.title, "=" * min(len(answer.title), _WIDTH)]
    if answer.interpretation and answer.kind != "ask":
        lines.append(_wrap(f"Understood as: {answer.interpretation}"))
    lines += [_wrap(line) for line in answer.lead]
    for section in answer.sections:
        lines += ["", section.heading + ":"]
        for item in section.items:
            marks = item.ref_marks()
            flag = " (added by this server's moderators)" if item.community else ""
            body = item.text.strip()
            if not item.title:  # an untitled item is a paragraph; its citation follows it
                lines.append(_wrap(" ".join(p for p in (body, marks) if p) + flag, "  ", "  "))
                continue
            head = " ".join(part for part in (item.title, marks) if part) + flag
            if body and len(head) + len(body) < 70 and "\n" not in body:
                lines.append(_wrap(f"{head} — {body}", "  ", "    "))
            else:
                lines.append(_wrap(head, "  ", "    "))
                lines += [_wrap(part, "      ", "      ") for part in body.splitlines()]
    if answer.notes:
        lines += ["", "Notes:"] + [_wrap(f"- {note}", "  ", "    ") for note in answer.notes]
    if answer.sources:
        lines += ["", "Sources:"] + [_wrap(c.text(), "  ", "      ") for c in answer.sources]
    if answer.suggestions:
        label = "Did you mean" if not answer.found else "You could also ask"
        lines += ["", f"{label}:"] + [f"  - {s}" for s in answer.suggestions]
    return "\n".join(lines)


def render_json(answer: Answer) -> str:
    """The answer as JSON (UTF-8 text, stable key order)."""
    return json.dumps(answer.as_dict(), ensure_ascii=False, indent=2)


def _wrap(text: str, indent: str = "", hanging: str | None = None) -> str:
    """Wrap to the terminal width; continuation lines take `hanging` (default: indent)."""
    return textwrap.fill(text, width=_WIDTH, initial_indent=indent,
                         subsequent_indent=indent if hanging is None else hanging,
                         break_long_words=False, break_on_hyphens=False)
