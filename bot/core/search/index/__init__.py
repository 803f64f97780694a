"""The Whoosh index of every entity: derived from data/ and disposable.

`SearchIndex` (lifecycle) opens, syncs, rebuilds and searches one index directory. The
other modules each own one part: the schema and documents (schema), the writers (writers),
the files kept beside Whoosh's and the cross-process lock (files), queries over a searcher
(query), and the read-only check behind `campaign-bot index status` (health).
"""

from bot.core.search.index.files import HASHES_FILE
from bot.core.search.index.health import IndexHealth
from bot.core.search.index.lifecycle import Progress, SearchIndex, SyncReport
from bot.core.search.index.query import MAX_QUERY_TERMS, SearchHit, SearchResults
from bot.core.search.index.schema import BUNDLED_GUILD, QUESTION_WORDS, build_schema

__all__ = [
    "BUNDLED_GUILD",
    "HASHES_FILE",
    "MAX_QUERY_TERMS",
    "QUESTION_WORDS",
    "IndexHealth",
    "Progress",
    "SearchHit",
    "SearchIndex",
    "SearchResults",
    "SyncReport",
    "build_schema",
]
