"""Issue 15: a moderator's change answered in its server, and a start after a file changed.

`server_change` (a worker, one process): a server is given entries of its own, then each
round a moderator adds one more (a quote, a signatory, a demand, a person, an organisation,
a letter) and the server asks about it at once. Ours is the time from the change being
written to the answer: the engine's reload of the server (`Engine.reload_guild`, which the
moderation service runs after writing) plus the question (`ask`). The baseline, measured
in the same process after the same changes, does what the engine did before: load the
bundled records and the server's together to check them, build the server's knowledge
base and name table from all of them, write the index, and answer on that view (which
then computes every reader table the question needs). The answers of both are compared.

`changed_start` (orchestrated, fresh processes): one organisation's description is edited
in one data file, then `Engine.start()` runs in a fresh process; the baseline is the same
start without the snapshot, i.e. parsing every file again, as any edit caused before.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.stats import summary
from bot.core.answers.ask import ask
from bot.core.engine import Engine
from bot.core.kb.corpus import KnowledgeBase, ParsedFiles, build_knowledge_base
from bot.core.moderation.service import Actor, Moderation
from bot.core.scope import Scope
from bot.core.search.names import NameIndex

Result = dict[str, Any]
GUILD = 4242
MOD = Actor(7, "bench")
SOURCE = "https://example.org/bench"
#: Baseline rounds (each takes tens of seconds at 100,000 entities).
BASELINE_ROUNDS = 3


def _subjects(kb: KnowledgeBase) -> dict[str, Any]:
    """Bundled entities the changes and questions are about (the most quoted person, …)."""
    people = sorted(kb.people.values(), key=lambda p: (-len(kb.quotes_by(p.id)), p.id))
    letters = sorted(kb.letters.values(), key=lambda x: (-len(x.signatories), x.id))
    return {
        "person": people[0],
        "letters": letters[:50],
        "orgs": sorted(kb.organizations.values(), key=lambda o: o.id),
    }


def _rounds(kb: KnowledgeBase, count: int) -> list[tuple[str, dict[str, str], str]]:
    """(kind, form values, question) for each round, cycling through the kinds."""
    subject = _subjects(kb)
    person, letters, orgs = subject["person"], subject["letters"], subject["orgs"]
    rounds = []
    for n in range(count):
        letter = letters[n % len(letters)]
        signing = {s.organization for s in letter.signatories}
        org = next(o for o in orgs[n * 37 % len(orgs) :] + orgs if o.id not in signing)
        choices = [
            (
                "quote",
                {
                    "person": person.name,
                    "text": f"Bench remark {n} on prison camps.",
                    "source": SOURCE,
                },
                f"What did {person.name} say?",
            ),
            (
                "signatory",
                {"letter": letter.title, "organization": org.name, "source": SOURCE},
                f"Who signed {letter.title}?",
            ),
            (
                "demand",
                {"letter": letter.title, "text": f"Free prisoner number {n}.", "source": SOURCE},
                f"What did {letter.title} demand?",
            ),
            (
                "person",
                {
                    "name": f"Quokka Benchmarker{n}",
                    "role": "Director",
                    "organization": org.name,
                    "source": SOURCE,
                },
                f"Who is Quokka Benchmarker{n}?",
            ),
            (
                "organization",
                {"name": f"Quokka Watch {n}", "country": "Japan", "source": SOURCE},
                f"What is Quokka Watch {n}?",
            ),
            (
                "letter",
                {
                    "title": f"Quokka letter {n}",
                    "date": "2024-05-01",
                    "recipient": kb.name_of(letter.recipient),
                    "summary": "A letter about quokkas in prison camps.",
                    "source": SOURCE,
                },
                f"What is the Quokka letter {n} about?",
            ),
        ]
        rounds.append(choices[n % len(choices)])
    return rounds


def _old_view_answer(engine: Engine, question: str, changed: list[str]) -> tuple[float, Any]:
    """The engine's work before issue 15, after a change: check, rebuild, index, answer."""
    assert engine.community is not None
    start = time.perf_counter()
    parsed = engine.community.parse_guild(GUILD)
    build_knowledge_base(
        ParsedFiles(
            records=[*engine.kb.records.values(), *parsed.records], references=parsed.references
        )
    )
    view = KnowledgeBase.from_records([*engine.kb.records.values(), *parsed.records])
    names = NameIndex(view.entities())
    engine.index.apply(view, changed, [])
    answer = ask(Scope(view, names, engine.index, GUILD), question)
    return time.perf_counter() - start, answer


def server_change(work: Path, repeats: int) -> Result:
    """Change-to-answer latency in a server with entries, ours and the old rebuild's."""
    data, index_dir, community = work / "data", work / "index", work / "community-bench"
    shutil.rmtree(community, ignore_errors=True)
    engine = Engine(data, index_dir, community_dir=community)
    engine.start()
    moderation = Moderation(engine)
    reloads: list[float] = []
    reload_guild: Callable[[int], None] = engine.reload_guild

    def timed_reload(guild_id: int) -> None:
        start = time.perf_counter()
        reload_guild(guild_id)
        reloads.append(time.perf_counter() - start)

    engine.reload_guild = timed_reload  # type: ignore[method-assign]
    plan = _rounds(engine.kb, 6 + repeats + BASELINE_ROUNDS)
    for kind, values, question in plan[:6]:  # the server's own entries to begin with
        moderation.add(GUILD, MOD, kind, values)
        engine.call(ask, GUILD, question)
    ours: dict[str, list[float]] = {"latency": [], "reload": [], "answer": [], "command": []}
    for kind, values, question in plan[6 : 6 + repeats]:
        start = time.perf_counter()
        moderation.add(GUILD, MOD, kind, values)
        ours["command"].append(time.perf_counter() - start)
        start = time.perf_counter()
        engine.call(ask, GUILD, question)
        ours["answer"].append(time.perf_counter() - start)
        ours["reload"].append(reloads[-1])
        ours["latency"].append(reloads[-1] + ours["answer"][-1])
    baseline: list[float] = []
    identical = 0
    for kind, values, question in plan[6 + repeats :]:
        entry_ids = moderation.add(GUILD, MOD, kind, values).entry_ids
        seconds, old_answer = _old_view_answer(engine, question, list(entry_ids))
        baseline.append(seconds)
        identical += old_answer == engine.call(ask, GUILD, question)
    engine.close()
    shutil.rmtree(community, ignore_errors=True)
    kinds = [k for k, _, _ in plan[6 : 6 + repeats]]
    by_kind = {
        k: summary([x for x, kind in zip(ours["latency"], kinds, strict=True) if kind == k])
        for k in dict.fromkeys(kinds)
    }
    return {
        **{name: summary(samples) for name, samples in ours.items()},
        "baseline": summary(baseline),
        "identical_answers": identical,
        "compared_answers": len(baseline),
        "latency_by_kind": by_kind,
        "baseline_kinds": [k for k, _, _ in plan[6 + repeats :]],
    }


def changed_start(
    work: Path, repeats: int, run_startup: Callable[[], Result], edit: Callable[[int], object]
) -> Result:
    """Start after one data file changed: laid over the snapshot vs parsing every file."""
    index_dir = work / "index"
    run_startup()  # a snapshot of the data as it is
    ours = []
    for round_number in range(1, repeats + 1):
        edit(round_number)
        ours.append(run_startup())
    baseline = []
    for round_number in range(repeats + 1, repeats + 1 + min(repeats, 2)):
        edit(round_number)
        for name in ("corpus-snapshot.pickle", "corpus-parsed-files.pickle"):
            (index_dir / name).unlink(missing_ok=True)
        baseline.append(run_startup())
    edit(0)
    run_startup()
    return {
        "ours": summary([s["seconds"] for s in ours]),
        "baseline": summary([s["seconds"] for s in baseline]),
        "documents_changed": [s["documents_changed"] for s in ours],
    }
