"""A figure claimed of two letters at once: "did both represent more than 300 groups?"."""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder
from bot.core.kb.models import Letter, ReportedCount
from bot.core.scope import Scope


def count_in_both(scope: Scope, first: Letter, second: Letter, numbers: tuple[int, ...]) -> Answer:
    """Whether each letter's sources report the figure claimed of both, with what it counts."""
    builder = AnswerBuilder(scope.kb, "compare", f"{numbers[0]:,} in both letters?")
    found: dict[str, ReportedCount | None] = {
        letter.id: next((c for c in letter.reported_counts if c.count in numbers), None)
        for letter in (first, second)
    }
    parts = []
    for letter in (first, second):
        count = found[letter.id]
        parts.append(
            f"the {letter.year} letter gives {count.describe()} {builder.marks(count.sources)}"
            if count is not None
            else f"the {letter.year} letter gives no such figure"
        )
    given = [x for x in (first, second) if found[x.id] is not None]
    opening = (
        "Yes, both do"
        if len(given) == 2
        else f"No, only the {given[0].year} letter does"
        if given
        else "No, neither does"
    )
    builder.direct = f"{opening}: {parts[0]}; {parts[1]}."
    builder.interpretation = (
        f"is {numbers[0]:,} a figure of both the {first.year} and {second.year} letters"
    )
    return builder.build(found=True)
