"""The reader's evaluation set: natural questions with the facts their answers must carry.

Written from data/ alone by helpers who never saw the code (see evalset/__init__.py):
- the tuning parts (tuning*.yaml), which the reader was tuned on, must reach `REQUIRED`
  together;
- the held-out parts (heldout*.yaml) were never tuned on; their failures are
  never listed. Their score is the honest measure of questions nobody prepared the reader
  for. It is reported by `python -m tests.core.answers.evalset`, and guarded here by floors
  just under the scores reached, for all parts together and for each part, so a change that
  makes the reader worse on unseen wording fails. The goal for them is `REQUIRED` too;
  the floors record how far the reader is from it, and are raised as it improves. A part's
  floor has been lowered once, by one question, where a round that raised the total cost
  that part an answer (heldout2, heldout9; see the issue notes), and the floor of all parts
  together once, by two, where a round lowered the total (see `HELDOUT_TOGETHER_FLOOR`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.core.answers.answer import Answer
from bot.core.engine import Engine
from tests.core.answers.evalset import (
    HELDOUT_PARTS,
    PARTS,
    REQUIRED,
    TUNING_PARTS,
    Case,
    load_part,
)
from tests.core.answers.evalset.asking import grade_all

#: The lowest share of correct answers each held-out part may fall to (see the docstring).
HELDOUT_FLOOR = {
    "heldout": 0.93,
    "heldout2": 0.94,
    "heldout3": 0.95,
    "heldout4": 0.94,
    "heldout5": 0.97,
    "heldout6": 0.93,
    "heldout7": 0.95,
    "heldout8": 0.94,
    "heldout9": 0.95,
    "heldout10": 0.95,
    "heldout11": 0.94,
    "heldout12": 0.97,
    "heldout13": 0.92,
    "heldout14": 0.90,
    "heldout15": 0.91,
    "heldout16": 0.95,
    "heldout17": 0.93,
    "heldout18": 0.96,
    "heldout19": 0.89,
    "heldout20": 0.95,
    "heldout21": 0.89,
    "heldout22": 0.90,
    "heldout23": 0.94,
    "heldout24": 0.88,
    "heldout25": 0.91,
    # Written at the start of the round at 9449516: 145/165 and 154/166 on arrival.
    "heldout26": 0.87,
    "heldout27": 0.92,
    # Written mid-round, first scored at the end of it: 141/165 and 147/169.
    "heldout28": 0.84,
    "heldout29": 0.86,
    # Written at the start of the round at 7f5dda2: 152/165 and 131/165 on arrival.
    "heldout30": 0.915,
    "heldout31": 0.787,
    # Written mid-round, scored on arrival at a19057c: 151/165 and 153/167.
    "heldout32": 0.909,
    # Part 33 fell from 152 to 151 (arrival 153) in the round ending at 7189054, through
    # changes found on tuning parts; its failures were not read, and no change was chosen
    # or undone by it. The floor is one question under 151/167.
    "heldout33": 0.898,
    # Written at the start of the round, scored on arrival at 49315a4: 145/166 and 155/171.
    "heldout34": 0.867,
    "heldout35": 0.90,
    # Written at the start of the round, scored on arrival at f810e59: 146/165 and 158/169.
    "heldout36": 0.878,
    "heldout37": 0.928,
    # Written at the start of the round, scored on arrival at 82da29b: 154/168 and 157/165.
    "heldout38": 0.910,
    "heldout39": 0.945,
    # Written at the start of the round, scored on arrival at bb1f389: 162/170 and 147/167.
    "heldout40": 0.947,
    "heldout41": 0.874,
    # Written at the start of the round, scored on arrival at eddaf70: 164/169 and 154/168.
    "heldout42": 0.964,
    "heldout43": 0.910,
    # Written at the start of the round, scored on arrival at 64d06bb: 150/167 and 158/168.
    "heldout44": 0.892,
    "heldout45": 0.934,
    # Written at the start of the round, scored on arrival at c5014f4: 152/166 and 134/166.
    "heldout46": 0.915,
    "heldout47": 0.807,
    # Written at the start of the round, scored on arrival at d7adb64: 151/166.
    "heldout48": 0.909,
}
#: The lowest share of correct answers over every held-out part together: one question
#: under 7,569/7,952, the score at the end of the latest round, so a change that reads
#: worse fails; it is above the 95 % the reader aims for. The latest round's changes, chosen
#: on the tuning parts alone, moved fourteen held-out parts, twelve up and two down by one
#: or two questions each (7,556 → 7,569); the round before, seven parts by one (7,551 →
#: 7,556).
HELDOUT_TOGETHER_FLOOR = 0.9517


@dataclass(frozen=True, slots=True)
class Graded:
    """A case of the set, the answer its question got, and what is wrong with it (if any)."""

    case: Case
    answer: Answer
    problem: str | None


@pytest.fixture(scope="module")
def graded(engine: Engine) -> dict[str, list[Graded]]:
    """Every part's cases, asked and graded once for all the tests below, on every core.

    The tests grade the same answers several ways, and answers do not depend on what was
    asked before them (see test_determinism), so asking again would only repeat minutes
    of work.
    """
    cases = [case for part in PARTS for case in load_part(part)]
    results = iter(grade_all(engine.data_dir, engine.index_dir, cases))
    return {part: [Graded(case, *next(results)) for case in load_part(part)] for part in PARTS}


def _score(graded: dict[str, list[Graded]], parts: tuple[str, ...]) -> tuple[float, list[str]]:
    """The share of right answers in the parts, and a line for each wrong one."""
    results = [g for part in parts for g in graded[part]]
    failures = [f"- {g.case.question!r}: {g.problem}" for g in results if g.problem is not None]
    return 1 - len(failures) / len(results), failures


def test_the_set_is_large_enough() -> None:
    """At least 150 questions in the tuning parts and 100 in each held-out part."""
    assert sum(len(load_part(p)) for p in TUNING_PARTS) >= 150
    for part in HELDOUT_PARTS:
        assert len(load_part(part)) >= 100


def test_tuning_parts_reach_the_required_score(graded: dict[str, list[Graded]]) -> None:
    """At least 95 % of the tuning questions get a correct answer."""
    score, failures = _score(graded, TUNING_PARTS)
    assert score >= REQUIRED, f"{score:.1%} correct; failures:\n" + "\n".join(failures)


@pytest.mark.parametrize("part", HELDOUT_PARTS)
def test_heldout_part_stays_above_its_floor(graded: dict[str, list[Graded]], part: str) -> None:
    """A held-out part never falls below the score already reached (failures not shown)."""
    score, failures = _score(graded, (part,))
    assert score >= HELDOUT_FLOOR[part], (
        f"{part}: {score:.1%} correct ({len(failures)} wrong); run the report for counts"
    )


def test_heldout_parts_together_stay_above_their_floor(graded: dict[str, list[Graded]]) -> None:
    """All held-out questions together never fall below the share already reached."""
    score, failures = _score(graded, HELDOUT_PARTS)
    assert score >= HELDOUT_TOGETHER_FLOOR, (
        f"{score:.2%} correct ({len(failures)} wrong); run the report for counts"
    )


def test_every_answer_cites_what_it_states(graded: dict[str, list[Graded]]) -> None:
    """Every found answer in the set numbers sources, and items cite only those."""
    for results in graded.values():
        for case, answer in ((g.case, g.answer) for g in results):
            numbers = {c.number for c in answer.sources}
            for section in answer.sections:
                for item in section.items:
                    assert set(item.refs) <= numbers, case.question
            if answer.found and answer.item_count:
                assert answer.sources, f"no sources for {case.question!r}"
