"""Print the evaluation report: the score of each part, per category, and the failures."""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
from tests.core.answers.evalset import HELDOUT_PARTS, PARTS, load_part
from tests.core.answers.evalset.asking import grade_all


def main() -> None:
    """Score the parts named on the command line (default: both)."""
    asked = [a for a in sys.argv[1:] if not a.startswith("-")]
    unknown = [a for a in asked if a not in PARTS]
    if unknown:
        sys.exit(f"unknown part {unknown[0]!r}; the parts are {', '.join(PARTS)}")
    parts = asked or list(PARTS)
    held_out = [a for a in parts if a in HELDOUT_PARTS]
    if held_out and "-v" in sys.argv:
        sys.exit(f"held-out parts are scored, never listed: {', '.join(held_out)}")
    verbose = "-v" in sys.argv
    with tempfile.TemporaryDirectory() as index_dir:
        engine = Engine(bundled_data_dir(), Path(index_dir))
        engine.start()
        cases_asked = [case for part in parts for case in load_part(part)]
        results = iter(grade_all(engine.data_dir, engine.index_dir, cases_asked))
        for part in parts:
            cases = load_part(part)
            total: Counter[str] = Counter()
            right: Counter[str] = Counter()
            failures = []
            for case in cases:
                _, problem = next(results)
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


# Guarded: the worker processes grade_all spawns import this module again.
if __name__ == "__main__":
    main()
