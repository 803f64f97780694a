"""Ask and grade every question of the set once, spread over the machine's cores.

The set holds tens of thousands of questions and answering is CPU-bound, so one process
would leave all cores but one idle for minutes. Each worker process opens its own engine
on the index the caller already built (opening takes milliseconds, and readers in several
processes are a supported case), then answers and grades a share of the cases. Answers do
not depend on what was asked before them (tests/core/answers/test_determinism.py), so
which worker takes which case changes nothing.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bot.core.answers.answer import Answer
from bot.core.answers.ask import ask
from bot.core.engine import Engine
from bot.core.scope import Scope
from tests.core.answers.evalset import Case, grade

#: Cases sent to a worker at a time: large enough that pickling is a small share of the
#: work, small enough that the cores finish close together.
_CHUNK = 64

#: The worker's view of the knowledge base, opened once per worker process.
_worker_scope: Scope | None = None


def _open_engine(data_dir: Path, index_dir: Path) -> None:
    """Worker start-up: open the engine on the caller's index."""
    global _worker_scope
    engine = Engine(data_dir, index_dir)
    engine.start()
    _worker_scope = engine.scope(None)


def _answer_and_grade(case: Case) -> tuple[Answer, str | None]:
    assert _worker_scope is not None, "the worker's engine was not opened"
    answer = ask(_worker_scope, case.question)
    return answer, grade(_worker_scope, case, answer)


def grade_all(
    data_dir: Path, index_dir: Path, cases: Sequence[Case], workers: int | None = None
) -> list[tuple[Answer, str | None]]:
    """Each case's answer and what is wrong with it (None: right), in the cases' order.

    The answers come from an engine over data_dir and index_dir; `index_dir` must hold an
    index already built from `data_dir` (a started Engine's).
    """
    # "spawn", not fork: a forked child would share the parent's open index files, and
    # their read offsets with them.
    with ProcessPoolExecutor(
        max_workers=workers or os.cpu_count() or 1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_open_engine,
        initargs=(data_dir, index_dir),
    ) as pool:
        return list(pool.map(_answer_and_grade, cases, chunksize=_CHUNK))
