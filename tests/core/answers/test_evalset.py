"""The reader's evaluation set: natural questions with the facts their answers must carry.

Two parts, scored apart (`python -m tests.core.answers.evalset` prints the report):
- tuning.yaml: questions the reader was tuned on;
- heldout.yaml: written from data/ alone by someone who never saw the code, and never tuned
  on. Its score says how the reader does on wordings nobody prepared it for.
Each part must reach `REQUIRED` correct answers.
"""

from __future__ import annotations

import pytest

from bot.core.scope import Scope
from tests.core.answers.evalset import PARTS, REQUIRED, grade, load_part


@pytest.mark.parametrize("part", PARTS)
def test_part_reaches_the_required_score(scope: Scope, part: str) -> None:
    """At least 95 % of the part's questions get a correct answer."""
    cases = load_part(part)
    assert len(cases) >= 100, f"{part} has only {len(cases)} questions"
    failures = [
        (case.question, problem) for case in cases if (problem := grade(scope, case)) is not None
    ]
    score = 1 - len(failures) / len(cases)
    report = "\n".join(f"- {q!r}: {p}" for q, p in failures)
    assert score >= REQUIRED, f"{part}: {score:.1%} correct; failures:\n{report}"


def test_every_answer_cites_what_it_states(scope: Scope) -> None:
    """Every found answer in the set numbers sources, and items cite only those."""
    for part in PARTS:
        for case in load_part(part):
            from bot.core.answers.ask import ask

            answer = ask(scope, case.question)
            numbers = {c.number for c in answer.sources}
            for section in answer.sections:
                for item in section.items:
                    assert set(item.refs) <= numbers, case.question
            if answer.found and answer.item_count:
                assert answer.sources, f"no sources for {case.question!r}"
