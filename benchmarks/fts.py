"""The baseline: the same retrieval with SQLite FTS5 (stdlib sqlite3).

One FTS5 row per entity holding the same names and body text the Whoosh index gets
(`bot.core.search.text`), porter-stemmed; a question becomes its terms OR-ed together, ranked by
bm25 with the names column weighted 3.0 like Whoosh's names boost, ten rows with a
snippet. It does no entity recognition, routing or answer building: it is the floor a
plain full-text search would cost on the same data.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from whoosh.analysis.filters import STOP_WORDS

from bot.core.kb.corpus import KnowledgeBase
from bot.core.search.index import MAX_QUERY_TERMS, QUESTION_WORDS
from bot.core.search.text import entity_body, entity_names

_WORD = re.compile(r"\w+", re.UNICODE)
_IGNORED = frozenset(STOP_WORDS) | QUESTION_WORDS
_QUERY = (
    "SELECT key, kind, snippet(docs, 3, '', '', '...', 12), "
    "bm25(docs, 0.0, 0.0, 3.0, 1.0) AS rank "
    "FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10"
)


def _rows(kb: KnowledgeBase) -> Iterator[tuple[str, str, str, str]]:
    for entity_id, record in kb.records.items():
        entity = record.entity
        yield (entity_id, record.kind, " ".join(entity_names(kb, entity)), entity_body(kb, entity))


def build(kb: KnowledgeBase, path: Path) -> int:
    """Create the FTS5 database at `path` from nothing; return the number of rows."""
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5("
            "key UNINDEXED, kind UNINDEXED, names, body, tokenize='porter unicode61')"
        )
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", _rows(kb))
        (count,) = db.execute("SELECT count(*) FROM docs").fetchone()
    db.close()
    return int(count)


def update(db: sqlite3.Connection, kb: KnowledgeBase, entity_id: str) -> None:
    """Rewrite one entity's row and commit (the baseline of a one-entity sync)."""
    entity = kb.records[entity_id].entity
    db.execute("DELETE FROM docs WHERE key = ?", (entity_id,))
    db.execute(
        "INSERT INTO docs VALUES (?, ?, ?, ?)",
        (
            entity_id,
            kb.records[entity_id].kind,
            " ".join(entity_names(kb, entity)),
            entity_body(kb, entity),
        ),
    )
    db.commit()


def match_expression(question: str) -> str | None:
    """The question's terms, quoted and OR-ed; None when nothing is left to search for."""
    terms = [t for t in dict.fromkeys(_WORD.findall(question.casefold())) if t not in _IGNORED]
    if not terms:
        return None
    return " OR ".join(f'"{t}"' for t in terms[:MAX_QUERY_TERMS])


def search(db: sqlite3.Connection, question: str) -> list[tuple[str, str, str, float]]:
    """The ten best rows for a question."""
    expression = match_expression(question)
    if expression is None:
        return []
    return list(db.execute(_QUERY, (expression,)))
