"""Kill the process at each step of a moderator's write; the restart must be consistent.

A child process adds a quote with one step patched to end the process on the spot
(`os._exit`, no clean-up, as a crash or SIGKILL would). The parent then starts a fresh
engine over the same folders and checks: every file parses, no change is left pending, no
temporary file remains, the entry that existed before is intact, and the new entry is
either fully there (the change was committed) or fully absent (it was not).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.core.answers import kinds as answers
from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.service import Actor, Moderation

GUILD = 77
SURVIVOR = {
    "person": "Brad Adams",
    "text": "Words that must never be lost.",
    "source": "https://example.org/survivor",
}
NEW = {
    "person": "Brad Adams",
    "text": "Words written during a crash.",
    "source": "Example Wire, 2020-02-02, Crash report",
}

CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from bot.core.kb import corpus
    from bot.core.moderation import changelog, community
    from bot.core.search import index as search
    from bot.core.kb.corpus import bundled_data_dir
    from bot.core.engine import Engine
    from bot.core.moderation.service import Actor, Moderation

    step, root = sys.argv[1], Path(sys.argv[2])
    calls = {"write": 0}

    def die(*_args, **_kwargs):
        os._exit(137)

    def after(original, condition=lambda: True):
        def wrapper(*args, **kwargs):
            result = original(*args, **kwargs)
            if condition():
                die()
            return result
        return wrapper

    if step == "after-journal":
        changelog.ChangeLog.begin = after(changelog.ChangeLog.begin)
    elif step == "mid-rename":
        corpus.os.replace = die
    elif step in ("after-source-file", "after-entry-file"):
        limit = 1 if step == "after-source-file" else 2
        original = community.CommunityStore._write
        def counting(self, *args):
            original(self, *args)
            calls["write"] += 1
            if calls["write"] == limit:
                die()
        community.CommunityStore._write = counting
    elif step == "after-commit":
        changelog.ChangeLog.finish = after(changelog.ChangeLog.finish)
    elif step == "mid-index":
        search.SearchIndex.apply = die

    engine = Engine(bundled_data_dir(), root / "index", community_dir=root / "community")
    engine.start()
    Moderation(engine).add(%d, Actor(1, "mod"), "quote", %r)
    print("finished without a crash")
""") % (GUILD, NEW)

#: Step → whether the new entry must exist after the restart.
STEPS = {
    "after-journal": False,
    "after-source-file": False,
    "mid-rename": False,
    "after-entry-file": False,
    "after-commit": True,
    "mid-index": True,
}


def texts(engine: Engine) -> str:
    return str(engine.call(answers.quotes, GUILD, person="Brad Adams"))


@pytest.mark.parametrize(("step", "landed"), STEPS.items())
def test_crash_at_each_step_leaves_a_consistent_state(
    tmp_path: Path, step: str, landed: bool
) -> None:
    """After a kill at `step` and a restart, the knowledge base is whole and consistent."""
    engine = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    engine.start()
    Moderation(engine).add(GUILD, Actor(1, "mod"), "quote", SURVIVOR)
    engine.close()

    child = subprocess.run(
        [sys.executable, "-c", CHILD, step, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 137, child.stdout + child.stderr

    restarted = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    restarted.start()
    try:
        assert restarted.community is not None
        assert restarted.community.changelog.pending() == []
        assert list((tmp_path / "community").rglob("*.tmp")) == []
        parsed = restarted.community.parse_guild(GUILD)
        assert parsed.problems == []
        shown = texts(restarted)
        assert SURVIVOR["text"] in shown
        assert (NEW["text"] in shown) is landed
        assert restarted.call(answers.search, GUILD, "crash").found is landed
        history = Moderation(restarted).history(GUILD)
        assert any(c.summary == NEW["text"] for c in history) is landed
    finally:
        restarted.close()
