"""Questions that ask the same of several letters, and answers merged into one."""

from __future__ import annotations

import re

from bot.core.answers import each_letter
from bot.core.answers.ask import ask
from bot.core.scope import Scope


def test_each_year_named_gets_a_question_of_its_own(scope: Scope) -> None:
    """The other years and their joining word are left out, and "letters" is one letter."""
    questions = each_letter.per_letter(
        scope.kb, "what did the 2018 and 2019 letters demand?", (2018, 2019)
    )
    assert questions == ["what did the 2018 letter demand?", "what did the 2019 letter demand?"]


def test_one_year_or_an_unknown_year_is_not_split(scope: Scope) -> None:
    """A single letter, or a year no letter has, is read as it is."""
    assert each_letter.per_letter(scope.kb, "what did the 2018 letter demand?", (2018,)) == []
    assert each_letter.per_letter(scope.kb, "the 2018 and 1999 letters", (2018, 1999)) == []


def test_merged_answers_number_each_source_once(scope: Scope) -> None:
    """Every citation mark in the merged answer points at a listed source, none twice."""
    answer = ask(scope, "what did the 2012 and 2019 letters demand?")
    assert "which letter" not in (answer.direct or "").casefold()
    numbers = [c.number for c in answer.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len({c.source_id for c in answer.sources}) == len(numbers)
    marked = {int(n) for n in re.findall(r"\[(\d+)\]", answer.direct or "")}
    marked |= {n for section in answer.sections for item in section.items for n in item.refs}
    assert marked and marked <= set(numbers)
    # The 2019 letter's one source is cited by the number the merged answer gave it.
    moon = next(c.number for c in answer.sources if c.source_id == "icc-2019-icnk-letter-moon")
    assert f"[{moon}]" in (answer.direct or "").split("2019 letter", 1)[1]
