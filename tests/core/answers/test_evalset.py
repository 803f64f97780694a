"""The reader's evaluation set: natural questions with the facts their answers must carry.

Written from data/ alone by helpers who never saw the code (see evalset/__init__.py):
- the tuning parts (tuning.yaml … tuning20.yaml), which the reader was tuned on, must
  reach `REQUIRED` together;
- the held-out parts (heldout.yaml … heldout8.yaml) were never tuned on; their failures are
  never listed. Their score is the honest measure of questions nobody prepared the reader
  for. It is reported by `python -m tests.core.answers.evalset`, and guarded here by a
  floor just under the score reached, so a change that makes the reader worse on unseen
  wording fails. The goal for them is `REQUIRED` too; `HELDOUT_FLOOR` records how far the
  reader is from it, and is raised as the reader improves, never lowered.
"""

from __future__ import annotations

import pytest

from bot.core.answers.ask import ask
from bot.core.scope import Scope
from tests.core.answers.evalset import (
    HELDOUT_PARTS,
    PARTS,
    REQUIRED,
    TUNING_PARTS,
    grade,
    load_part,
)

#: The lowest share of correct answers each held-out part may fall to (see the docstring).
HELDOUT_FLOOR = {
    "heldout": 0.93,
    "heldout2": 0.95,
    "heldout3": 0.94,
    "heldout4": 0.94,
    "heldout5": 0.97,
    "heldout6": 0.92,
    "heldout7": 0.94,
    "heldout8": 0.92,
    "heldout9": 0.95,
    "heldout10": 0.92,
    "heldout11": 0.93,
}


def _score(scope: Scope, parts: tuple[str, ...]) -> tuple[float, list[str]]:
    cases = [case for part in parts for case in load_part(part)]
    failures = [f"- {c.question!r}: {p}" for c in cases if (p := grade(scope, c)) is not None]
    return 1 - len(failures) / len(cases), failures


def test_the_set_is_large_enough() -> None:
    """At least 150 questions in the tuning parts and 100 in each held-out part."""
    assert sum(len(load_part(p)) for p in TUNING_PARTS) >= 150
    for part in HELDOUT_PARTS:
        assert len(load_part(part)) >= 100


def test_tuning_parts_reach_the_required_score(scope: Scope) -> None:
    """At least 95 % of the tuning questions get a correct answer."""
    score, failures = _score(scope, TUNING_PARTS)
    assert score >= REQUIRED, f"{score:.1%} correct; failures:\n" + "\n".join(failures)


@pytest.mark.parametrize("part", HELDOUT_PARTS)
def test_heldout_part_stays_above_its_floor(scope: Scope, part: str) -> None:
    """A held-out part never falls below the score already reached (failures not shown)."""
    score, failures = _score(scope, (part,))
    assert score >= HELDOUT_FLOOR[part], (
        f"{part}: {score:.1%} correct ({len(failures)} wrong); run the report for counts"
    )


def test_every_answer_cites_what_it_states(scope: Scope) -> None:
    """Every found answer in the set numbers sources, and items cite only those."""
    for part in PARTS:
        for case in load_part(part):
            answer = ask(scope, case.question)
            numbers = {c.number for c in answer.sources}
            for section in answer.sections:
                for item in section.items:
                    assert set(item.refs) <= numbers, case.question
            if answer.found and answer.item_count:
                assert answer.sources, f"no sources for {case.question!r}"
