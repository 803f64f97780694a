"""Damage the tests inflict on an index directory, as real failures once left it."""

from __future__ import annotations

from pathlib import Path

from bot.core.kb.corpus import KnowledgeBase
from bot.core.search.index import HASHES_FILE
from bot.core.search.index.files import write_hashes_file
from bot.core.search.index.schema import entity_document, storage


def double(directory: Path, kb: KnowledgeBase, trusted_hashes: bool) -> None:
    """Write every entity's document a second time, as two racing rebuilds once did.

    `trusted_hashes`: also write the hashes file for the doubled generation (the last of the
    racing processes did), so only the document count can give the doubling away.
    """
    index = storage(directory).open_index()
    writer = index.writer()
    for record in kb.records.values():
        writer.add_document(**entity_document(kb, record.entity, record.content_hash))
    writer.commit(merge=False)
    if trusted_hashes:
        write_hashes_file(
            directory / HASHES_FILE,
            index.latest_generation(),
            {r.entity.id: r.content_hash for r in kb.records.values()},
        )
    index.close()
