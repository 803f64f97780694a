"""A start after some data files changed: only they are parsed, and laid over the snapshot.

Parsing all of data/ again takes about 30 s at 100,000 entities, the name table and the
reader's tables another 25 s. When a few files changed since the start-up snapshot was
taken, their entries are parsed (or taken from what they parsed to last time), checked
against the rest, and laid over the snapshot's knowledge base (`bot.core.kb.layered`),
with the name table and reader's tables patched (`bot.core.views`). The result is what a
full load builds. A change this cannot check without the rest of the corpus (an entry
removed, which an unchanged file may still link to; an id that became another kind; any
problem at all, so that the full load reports every problem) gives None: load in full.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from bot.core.kb.corpus import KnowledgeBase, ParsedFiles, check_records
from bot.core.kb.layered import Change, layer
from bot.core.search.names import NameIndex
from bot.core.snapshot import Parsed, Snapshot
from bot.core.views.build import names_of, warm
from bot.core.views.tables import EXTENDERS

log = logging.getLogger(__name__)

#: Above this share of data files changed, a full load (and a new snapshot) is preferred.
MOST_FILES_CHANGED = 0.5


def lay_changed_files(
    snapshot: Snapshot, data_dir: Path, files: Mapping[str, str], parsed_before: Parsed
) -> tuple[KnowledgeBase, NameIndex, Parsed] | None:
    """The snapshot with the data files that differ from it laid over it, or None.

    `files` are the data files now (path → digest, in load order); `parsed_before` what
    changed files parsed to at an earlier start. Also returns what every changed file
    parsed to, to keep for the next start.
    """
    changed = [p for p, digest in files.items() if snapshot.files.get(p) != digest]
    gone = [p for p in snapshot.files if p not in files]
    if len(changed) + len(gone) > MOST_FILES_CHANGED * max(len(files), 1):
        return None
    parsed: Parsed = {}
    together = ParsedFiles()
    for path in changed:
        before = parsed_before.get(path)
        if before is not None and before[0] == files[path]:
            one = before[1]
        else:
            one = ParsedFiles()
            one.add_file(data_dir / path, path)
        if one.problems:
            return None
        parsed[path] = (files[path], one)
        together.records.extend(one.records)
        together.references.extend(one.references)
    kb = snapshot.kb
    replaced = set(changed) | set(gone)
    old = {i: r for i, r in kb.records.items() if r.location.path in replaced}
    new = {r.entity.id: r for r in together.records}
    if old.keys() - new.keys():
        return None  # removed: an unchanged file may still link to it
    if any(old[i].kind != r.kind for i, r in new.items() if i in old):
        return None
    records, problems = check_records(together, kb.records, hidden=old.keys())
    if problems:
        return None
    rank = {path: position for position, path in enumerate(files)}
    view = layer(kb, Change(tuple(records.values()), file_rank=rank), extenders=EXTENDERS)
    names = names_of(view, kb, snapshot.names)
    warm(view)
    log.info("laid %d changed data file(s) over the start-up snapshot", len(changed))
    return view, names, parsed
