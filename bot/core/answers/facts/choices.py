"""Which of two options a letter bears out: "five or six demands?", "'seminal' or 'flawed'?".

A quiz-style question offers two answers and wants the right one named first. An option
is borne out when the letter's own statements hold it: a number of demands, a figure one
of its statements gives, or words one of them uses. Exactly one option must be borne out;
otherwise the question is left to the other readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.facts.openers import answer_demands
from bot.core.answers.facts.topics import topic
from bot.core.kb.models import Letter, Statement
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.numbers import figures_in, number_value
from bot.core.search.stems import STOP_WORDS


@dataclass(frozen=True)
class Choice:
    """The option a letter bears out, and the statement that does (None: its demands' count)."""

    option: str
    statement: Statement | None


def chosen(letter: Letter, options: tuple[str, str], counts_demands: bool) -> Choice | None:
    """The one option of two that the letter's statements bear out, else None."""
    found = [c for o in options if (c := _borne_out(letter, o, counts_demands)) is not None]
    return found[0] if len(found) == 1 else None


def answer_choice(scope: Scope, letter: Letter, choice: Choice, other: str) -> Answer:
    """The option the letter bears out, first, with the statement or count that shows it."""
    reading = choice_label(choice, other, letter)
    if choice.statement is None:
        answer = answer_demands(scope, letter, False)
        direct = f"{choice.option.capitalize()}: {answer.direct or ''}".strip()
        return with_direct(answer, direct, reading, (), "count")
    answer = topic(scope, letter, choice.option, yes_no=False)
    answer, marks = cite_in(answer, scope.kb, choice.statement.sources)
    value = option_value(choice.option)
    # "200k people" is answered as the statement gives it: "200,000"
    shown = f"{value:,}" if value is not None else choice.option.capitalize()
    direct = f"{shown}: “{choice.statement.text}” {marks}"
    return with_direct(answer, direct, reading, (), "topic")


def choice_label(choice: Choice, other: str, letter: Letter) -> str:
    """The reading as shown: "6 or 5 demands: which <letter> bears out"."""
    counted = " demands" if choice.statement is None else ""
    return f"{choice.option} or {other}{counted}: which {letter.title} bears out"


def _borne_out(letter: Letter, option: str, counts_demands: bool) -> Choice | None:
    value = option_value(option)
    if counts_demands:
        return Choice(option, None) if value == len(letter.demands) else None
    wanted = [w for w in normalize(option).split() if w not in STOP_WORDS]
    for statement in (*letter.demands, *letter.abuses_cited, *letter.excerpts):
        if value is not None and value in figures_in(statement.text):
            return Choice(option, statement)
        said = set(normalize(statement.text).split())
        if value is None and wanted and all(w in said for w in wanted):
            return Choice(option, statement)
    return None


def option_value(option: str) -> int | None:
    """The number an option gives: "six" → 6, "200k people" → 200,000, "2 million" → 2,000,000."""
    match = _AMOUNT.search(option.casefold())
    if match is None:
        return None
    base = number_value(match.group(1))
    scale = _SCALES.get(match.group(2) or "", 1)
    return base * scale if base is not None else None


_SCALES = {"k": 1_000, "thousand": 1_000, "million": 1_000_000, "m": 1_000_000}
_AMOUNT = re.compile(
    r"^\s*([\d,]+|[a-z]+(?:[- ][a-z]+)?)\s*(k|thousand|million|m)?\b(?:\s+[a-z]+){0,2}\s*$"
)
