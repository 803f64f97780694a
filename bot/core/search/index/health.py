"""Whether an index directory holds exactly one current document per entity.

Read-only: `campaign-bot index status` reports what it finds and changes nothing, so a
doubled index (two processes that once both rebuilt it) or a damaged one is seen as such
rather than healed out of sight. Start-up sync heals both; see `SearchIndex.open`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from whoosh.index import EmptyIndexError

from bot.core.kb.corpus import KnowledgeBase
from bot.core.search.index.schema import build_schema, storage

#: Longest piece of an exception's text quoted in a one-line status.
_REASON_CHARS = 160


@dataclass(frozen=True, slots=True)
class IndexHealth:
    """What the index holds, against the knowledge base it should mirror."""

    directory: Path
    entities: int
    documents: int = 0
    #: Distinct entity ids among the documents: fewer than `documents` means duplicates.
    unique: int = 0
    #: Entities of the knowledge base with no document.
    missing: int = 0
    #: Documents of ids the knowledge base no longer has.
    unknown: int = 0
    #: Documents whose content hash differs from the entity's.
    stale: int = 0
    #: Why the index could not be read at all (None: it could).
    problem: str | None = None

    @property
    def duplicates(self) -> int:
        """Documents beyond one per entity id."""
        return self.documents - self.unique

    @property
    def healthy(self) -> bool:
        """Readable, one document per entity, every one current."""
        return self.problem is None and not (
            self.duplicates or self.missing or self.unknown or self.stale
        )

    def describe(self) -> str:
        """One line for a terminal."""
        where = f"index at {self.directory}"
        if self.problem is not None:
            return f"{where}: {self.problem}"
        if self.healthy:
            return f"{where}: {self.documents} documents, up to date with {self.entities} entities"
        counts = [
            (self.duplicates, "duplicate"),
            (self.missing, "missing"),
            (self.unknown, "of entities no longer in the data"),
            (self.stale, "stale"),
        ]
        found = ", ".join(f"{n} {what}" for n, what in counts if n)
        return (
            f"{where}: NOT up to date — {self.documents} documents for {self.entities} "
            f"entities ({found})"
        )


def inspect_index(directory: Path, kb: KnowledgeBase) -> IndexHealth:
    """Read every stored document of the index at `directory` and compare it with `kb`."""
    entities = len(kb.records)
    if not directory.is_dir():
        return IndexHealth(directory, entities, problem="not built yet")
    try:
        index = storage(directory).open_index()
    except EmptyIndexError:
        return IndexHealth(directory, entities, problem="not built yet")
    except Exception as exc:  # any damage at all is what this reports
        return IndexHealth(directory, entities, problem=f"damaged ({_reason(exc)})")
    try:
        if set(index.schema.names()) != set(build_schema().names()):
            return IndexHealth(directory, entities, problem="built with an older schema")
        keys: Counter[str] = Counter()
        hashes: dict[str, str] = {}
        with index.reader() as reader:
            for _, fields in reader.iter_docs():
                keys[fields["key"]] += 1
                hashes[fields["key"]] = fields["hash"]
    except Exception as exc:  # a segment that cannot be read is damage too
        return IndexHealth(directory, entities, problem=f"damaged ({_reason(exc)})")
    finally:
        index.close()
    records = kb.records
    return IndexHealth(
        directory,
        entities,
        documents=sum(keys.values()),
        unique=len(keys),
        missing=sum(1 for eid in records if eid not in keys),
        unknown=sum(1 for eid in keys if eid not in records),
        stale=sum(
            1
            for eid, digest in hashes.items()
            if eid in records and records[eid].content_hash != digest
        ),
    )


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "no detail"
    return f"{type(exc).__name__}: {text[:_REASON_CHARS]}"
