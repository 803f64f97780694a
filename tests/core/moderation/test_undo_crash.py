"""Kill the process at each step of undoing an import; the restart finds all of it or none.

As in test_crash_safety.py, a child process undoes a change with one step patched to end
the process on the spot (`os._exit`: no clean-up, as a crash or SIGKILL). The parent then
starts a fresh engine over the same store and checks that the import is either wholly
there (the undo did not land) or wholly gone (it did): entries, search, history agree, and
nothing is left pending or half-written.
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
from tests.core.moderation.test_undo import GUILD, WORD, import_quotes

ENTRIES = 20
MOD = Actor(1, "mod")

CHILD = (
    textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from bot.core.engine import Engine
    from bot.core.kb.corpus import bundled_data_dir
    from bot.core.moderation import changelog, community
    from bot.core.moderation.postgres import changelog as pg_changelog
    from bot.core.moderation.service import Actor, Moderation
    from bot.core.search import index as search

    step, root, url, number = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    writes = {"count": 0}

    def die(*_args, **_kwargs):
        os._exit(137)

    def then_die(original):
        def wrapper(*args, **kwargs):
            original(*args, **kwargs)
            die()
        return wrapper

    if step == "after-journal":
        changelog.ChangeLog.begin = then_die(changelog.ChangeLog.begin)
        pg_changelog.PostgresChangeLog.begin = then_die(pg_changelog.PostgresChangeLog.begin)
    elif step == "mid-files":
        original = community.CommunityStore._write
        def counting(self, *args):
            original(self, *args)
            writes["count"] += 1
            if writes["count"] == 7:
                die()
        community.CommunityStore._write = counting
    elif step == "before-commit":
        pg_changelog.PostgresChangeLog.finish = then_die(pg_changelog.PostgresChangeLog.finish)
    elif step == "after-commit":
        changelog.ChangeLog.finish = then_die(changelog.ChangeLog.finish)
    elif step == "mid-index":
        search.SearchIndex.apply = die

    if url:
        engine = Engine(bundled_data_dir(), root / "index", database_url=url)
    else:
        engine = Engine(bundled_data_dir(), root / "index", community_dir=root / "community")
    engine.start()
    Moderation(engine).undo(%d, Actor(1, "mod"), number)
    print("finished without a crash")
""")
    % GUILD
)

#: (store, step) → whether the undo must have landed after the restart.
STEPS = {
    ("files", "after-journal"): False,
    ("files", "mid-files"): False,
    ("files", "after-commit"): True,
    ("files", "mid-index"): True,
    ("postgres", "after-journal"): False,
    ("postgres", "before-commit"): False,
    ("postgres", "mid-index"): True,
}


def engine_over(tmp_path: Path, url: str) -> Engine:
    if url:
        return Engine(bundled_data_dir(), tmp_path / "index", database_url=url)
    return Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")


@pytest.mark.parametrize(
    ("backend", "step", "landed"), [(*key, landed) for key, landed in STEPS.items()]
)
def test_a_crash_mid_undo_leaves_all_or_nothing(
    tmp_path: Path, request: pytest.FixtureRequest, backend: str, step: str, landed: bool
) -> None:
    """After a kill at `step` and a restart, the import is wholly there or wholly gone."""
    url = request.getfixturevalue("postgres_url") if backend == "postgres" else ""
    engine = engine_over(tmp_path, url)
    engine.start()
    number = import_quotes(Moderation(engine), ENTRIES)
    engine.close()

    child = subprocess.run(
        [sys.executable, "-c", CHILD, step, str(tmp_path), url, str(number)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 137, child.stdout + child.stderr

    restarted = engine_over(tmp_path, url)
    restarted.start()
    try:
        assert restarted.community is not None
        assert restarted.community.changelog.pending() == []
        assert list(tmp_path.rglob("*.tmp")) == []
        parsed = restarted.community.parse_guild(GUILD)
        assert parsed.problems == []
        assert len(parsed.records) == (0 if landed else ENTRIES + 1)
        assert restarted.call(answers.search, GUILD, WORD).found is not landed
        history = Moderation(restarted).history(GUILD)
        assert [c.size for c in history] == ([ENTRIES + 1] * 2 if landed else [ENTRIES + 1])
        assert (history[-1].undone_by is not None) is landed
    finally:
        restarted.close()
