"""Print the evaluation report: the score of each part, per category, and the failures."""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
from tests.core.answers.evalset import PARTS, grade, load_part


def main() -> None:
    """Score the parts named on the command line (default: both)."""
    parts = [a for a in sys.argv[1:] if a in PARTS] or list(PARTS)
    verbose = "-v" in sys.argv
    with tempfile.TemporaryDirectory() as index_dir:
        engine = Engine(bundled_data_dir(), Path(index_dir))
        engine.start()
        scope = engine.scope(None)
        for part in parts:
            cases = load_part(part)
            total: Counter[str] = Counter()
            right: Counter[str] = Counter()
            failures = []
            for case in cases:
                problem = grade(scope, case)
                total[case.category] += 1
                if problem is None:
                    right[case.category] += 1
                else:
                    failures.append((case, problem))
            correct = sum(right.values())
            print(f"{part}: {correct}/{len(cases)} = {correct / len(cases):.1%}")
            for category in sorted(total):
                print(f"  {category:18} {right[category]}/{total[category]}")
            if verbose:
                for case, problem in failures:
                    print(f"  ✗ {case.question!r}: {problem}")
        engine.close()


main()
