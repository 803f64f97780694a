"""Load and grade the reader's evaluation set; run as a module for a per-category report.

python -m tests.core.answers.evalset [tuning|heldout] [-v]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from bot.cli.render import render_text
from bot.core.answers.answer import Answer
from bot.core.answers.ask import ask
from bot.core.scope import Scope

HERE = Path(__file__).parent


def _parts(kind: str) -> tuple[str, ...]:
    """The parts of a kind found beside this module, in the order they were written."""
    names = [p.stem for p in HERE.glob(f"{kind}*.yaml")]
    return tuple(sorted(names, key=lambda n: int(n.removeprefix(kind) or 1)))


#: Written from data/ by helpers who never saw the code; the reader was tuned on these.
TUNING_PARTS = _parts("tuning")
#: Written the same way and never tuned on: their failures are never listed (see __main__).
HELDOUT_PARTS = _parts("heldout")
PARTS = TUNING_PARTS + HELDOUT_PARTS
#: The share of correct answers each part must reach.
REQUIRED = 0.95
#: How an answer says, in its first line, that the sources do not cover a question.
_NOT_COVERED = re.compile(
    r"do(?:es)? not (?:report|cover|say|keep|name|list|quote|give|print|mention)|don['’]t say|"
    r"not (?:in|among) the (?:sources|signatories)|no quote|not kept|nothing in the knowledge|"
    r"does not cover|not named|no \w+ (?:in|is) the (?:sources|knowledge base)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Case:
    """One question and what its answer must (and must not) say."""

    question: str
    category: str
    lead: tuple[str, ...] = ()
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    expect_not_covered: bool = False
    notes: tuple[str, ...] = field(default=())


@cache
def load_part(part: str) -> tuple[Case, ...]:
    """The cases of one part of the set (read once: the tests grade each part several ways)."""
    # libyaml's safe loader when PyYAML has it: the set is tens of thousands of rows
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load((HERE / f"{part}.yaml").read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    return tuple(
        Case(
            str(row["q"]),
            str(row.get("category", "")),
            tuple(map(str, row.get("lead") or ())),
            tuple(map(str, row.get("must") or ())),
            tuple(map(str, row.get("must_not") or ())),
            bool(row.get("expect_not_covered", False)),
        )
        for row in raw
    )


def _first_lines(answer: Answer) -> str:
    """The direct answer: what a reader sees first (two lines when there is no direct)."""
    if answer.direct:
        return answer.direct
    return " ".join(answer.lead[:2])


def _stated(answer: Answer) -> str:
    """What the answer states: lead and items (sources and notes may name anyone)."""
    return " ".join(
        [*answer.lead, *(f"{i.title} {i.text}" for s in answer.sections for i in s.items)]
    )


def grade(scope: Scope, case: Case, answer: Answer | None = None) -> str | None:
    """None if the answer is right, else what is wrong with it.

    `answer` is the one `ask` already gave for the case's question, if any.
    """
    answer = answer if answer is not None else ask(scope, case.question)
    text = " ".join(render_text(answer).split()).casefold()  # wrapped lines rejoined
    first = _first_lines(answer).casefold()
    stated = _stated(answer).casefold()
    for fact in case.lead:
        if fact.casefold() not in first:
            return f"direct answer lacks {fact!r} (read as {answer.interpretation}): {first[:160]}"
    for fact in case.must:
        if fact.casefold() not in text:
            return f"answer lacks {fact!r} (read as {answer.interpretation})"
    for fact in case.must_not:
        if fact.casefold() in stated:
            return f"answer states {fact!r} (read as {answer.interpretation})"
    if case.expect_not_covered and not _NOT_COVERED.search(first):
        return f"does not say the sources lack it (read as {answer.interpretation}): {first[:160]}"
    return None
