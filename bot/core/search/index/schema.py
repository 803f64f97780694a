"""The Whoosh schema: one document per entity, how its text is analysed, and how it is stored.

Shared by the index's lifecycle (which writes documents), its queries (which analyse user
text with the same analyzers) and its health check (which reads the stored fields).
"""

from __future__ import annotations

from pathlib import Path

from whoosh.analysis import (
    Analyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemmingAnalyzer,
    StopFilter,
)
from whoosh.analysis.filters import STOP_WORDS
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import FileStorage

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Entity
from bot.core.search.text import entity_body, entity_names

#: Guild value of the bundled corpus; community entries carry their server's id.
BUNDLED_GUILD = "0"
#: Words that shape a question but never say what it is about.
QUESTION_WORDS = frozenset(
    {
        "who",
        "what",
        "which",
        "when",
        "where",
        "why",
        "how",
        "did",
        "does",
        "do",
        "said",
        "say",
        "says",
        "tell",
        "me",
        "about",
        "please",
        "there",
        "any",
        "know",
        "find",
        "show",
        "list",
    }
)
#: Where Whoosh keeps the body's unstemmed words for "did you mean" (see build_schema).
SPELLING_FIELD = "spell_body"

#: Names are not stemmed, but "the", "of" and "what" must not make a question match every
#: "Committee of the …" (questions are full sentences).
NAME_ANALYZER: Analyzer = (
    RegexTokenizer(r"\w+")
    | LowercaseFilter()
    | StopFilter(stoplist=STOP_WORDS | QUESTION_WORDS, minsize=1)
)
BODY_ANALYZER: Analyzer = StemmingAnalyzer(stoplist=STOP_WORDS | QUESTION_WORDS)


def build_schema() -> Schema:
    """One document per entity."""
    return Schema(
        # The entity id: the unique key that update_document replaces and sync compares.
        key=ID(stored=True, unique=True),
        # Entity kind, so a search can be narrowed to letters, people, quotes...
        kind=ID(stored=True),
        # "0" for the bundled corpus, else the server id: every search filters on it so a
        # server never sees another's entries.
        guild=ID(stored=True),
        # Content hash of the entity's YAML: start-up sync rewrites only what changed.
        hash=ID(stored=True),
        # Names, aliases, abbreviations and titles; not stemmed (names are not words) and
        # boosted, so a hit on a name outranks a passing mention in a summary.
        names=TEXT(analyzer=NAME_ANALYZER, field_boost=3.0),
        # Everything else a user might search for, stemmed; unstemmed words are kept for
        # the spelling corrector that powers "did you mean".
        body=TEXT(analyzer=BODY_ANALYZER, spelling=True),
    )


def entity_document(kb: KnowledgeBase, entity: Entity, digest: str) -> dict[str, str]:
    """The fields of `entity`'s document, its content hash `digest` included."""
    record = kb.records[entity.id]
    guild = BUNDLED_GUILD if entity.guild_id is None else str(entity.guild_id)
    return {
        "key": entity.id,
        "kind": record.kind,
        "guild": guild,
        "hash": digest,
        "names": " ".join(entity_names(kb, entity)),
        "body": entity_body(kb, entity),
    }


def storage(directory: Path) -> FileStorage:
    """The index directory, read with plain file reads rather than memory maps.

    Whoosh maps whole segment files into memory by default, and the pages it touches count
    as the process's resident memory: 180 MB at 100,000 entities. Plain reads served by the
    OS page cache answer as fast and leave that memory to the cache.
    """
    return FileStorage(str(directory), supports_mmap=False)
