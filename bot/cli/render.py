"""Render an `Answer` as plain text (CLI, console) or JSON. Every item, no pagination."""

from __future__ import annotations

import functools
import json
import shutil
import textwrap

from bot.core.answers.answer import Answer

#: Columns when the output is not a terminal (a pipe, a file): a comfortable reading width.
DEFAULT_WIDTH = 88
#: Narrower than this, indented items would leave a word or two per line.
MIN_WIDTH = 40
#: Wider than this, lines are too long to read, however wide the window.
MAX_WIDTH = 120


def text_width() -> int:
    """The terminal's width (or $COLUMNS), held between MIN_WIDTH and MAX_WIDTH."""
    columns = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def render_text(answer: Answer) -> str:
    """The whole answer as readable text, sources last, wrapped to the terminal."""
    width = text_width()
    _wrap = functools.partial(wrap, width=width)
    title = _wrap(answer.title)
    lines = [title, "=" * max((len(line) for line in title.splitlines()), default=0)]
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
            if body and len(head) + len(body) < width - 18 and "\n" not in body:
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


def wrap(
    text: str, indent: str = "", hanging: str | None = None, width: int = DEFAULT_WIDTH
) -> str:
    """Wrap to `width`; continuation lines take `hanging` (default: indent)."""
    return textwrap.fill(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )
