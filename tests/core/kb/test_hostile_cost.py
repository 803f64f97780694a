"""Hostile inputs cost little memory: measured in a child process, whose peak is its own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.core.kb.hostile import HOSTILE

REPO = Path(__file__).resolve().parents[3]
#: Peak memory every hostile input together may add to a process that has read the data.
MAX_GROWTH_MB = 100

_CHILD = """
import json, resource, sys, tempfile
from pathlib import Path

# A regression (an alias bomb takes 8 GB) fails here instead of starving the machine.
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from bot.core.errors import CorpusError
from bot.core.kb.corpus import bundled_data_dir, load_corpus
from bot.core.kb.yamlsource import YamlSyntaxError, parse_yaml
from tests.core.kb.hostile import HOSTILE

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

load_corpus(bundled_data_dir())
before = peak_mb()
refused = []
with tempfile.TemporaryDirectory() as folder:
    for name, hostile in HOSTILE.items():
        try:
            parse_yaml(hostile.data.decode())
        except YamlSyntaxError:
            refused.append(name)
        Path(folder, "hostile.yaml").write_bytes(hostile.data)
        try:
            load_corpus(Path(folder))
        except CorpusError:
            refused.append(name)
print(json.dumps({"growth_mb": peak_mb() - before, "refused": refused}))
"""


def test_hostile_inputs_stay_under_the_memory_bound() -> None:
    """Parsing and loading every hostile document adds under MAX_GROWTH_MB to the peak."""
    run = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, cwd=REPO, timeout=300
    )  # a safety net for a regression, not a bound
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["growth_mb"] < MAX_GROWTH_MB
    assert report["refused"] == [name for name in HOSTILE for _ in range(2)]
