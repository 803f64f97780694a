"""The same question gets the same answer in every process.

Python orders sets of strings differently in each process (hash randomisation). A score
summed over a set, or a tie broken by set order, would make the answer depend on the
process: "who said human rights must be a core pillar…" once named Cardin, once Rubio.
Two processes with different hash seeds answer the same questions and must agree.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.core.answers.evalset import TUNING_PARTS, load_part

#: Every how-manyth tuning question is asked (enough to cover every kind of reading).
_EVERY = 5

_ANSWER_ALL = """
import hashlib, sys, tempfile
from pathlib import Path
from bot.cli.render import render_text
from bot.core.answers.ask import ask
from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
with tempfile.TemporaryDirectory() as index_dir:
    engine = Engine(bundled_data_dir(), Path(index_dir))
    engine.start()
    scope = engine.scope(None)
    for question in sys.stdin.read().split("\\n\\x00\\n"):
        answer = ask(scope, question)
        digest = hashlib.sha256(render_text(answer).encode()).hexdigest()[:12]
        print(f"{answer.interpretation} {digest}")
    engine.close()
"""


def _answers(questions: list[str], seed: str) -> list[str]:
    """Each question's reading and a digest of its whole answer, in a process of its own."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _ANSWER_ALL],
        input="\n\x00\n".join(questions),
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
        timeout=600,
        check=True,
    )
    return done.stdout.splitlines()


def test_two_processes_give_the_same_answers() -> None:
    """Hash seeds 1 and 2 give identical readings and answers."""
    questions = [c.question for p in TUNING_PARTS for c in load_part(p)][::_EVERY]
    # Side by side: each process keeps one core busy for a minute or more.
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(lambda seed: _answers(questions, seed), ("1", "2"))
    assert len(first) == len(questions)
    differing = [q for q, a, b in zip(questions, first, second, strict=True) if a != b]
    assert not differing, f"{len(differing)} answers depend on the process: {differing[:5]}"
